import { FILE_MAX_BYTES, fileObjectSchema, idParamsSchema } from '@concord/contracts';
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { defineRoute, type RouteDefinition } from '../http/index.js';
import { singleFilePart } from './file-part.js';
import { contentDisposition, type FilesService } from './files.service.js';

/** The multipart parser for uploads; other content types keep their parsers. */
export async function registerUploads(app: FastifyInstance): Promise<void> {
  await app.register(multipart, { limits: { fileSize: FILE_MAX_BYTES, files: 1, fields: 0, parts: 1 } });
}

export function filesRoutes(files: FilesService): RouteDefinition[] {
  const tags = ['files'];
  return [
    defineRoute({
      method: 'POST',
      url: '/files',
      status: 201,
      summary: 'Upload one attachment (multipart/form-data, one file, at most 20 MB)',
      tags,
      response: fileObjectSchema,
      handler: async ({ ctx, request }) => {
        const part = await singleFilePart(request, FILE_MAX_BYTES, ctx.locale);
        return files.upload(ctx, {
          name: part.filename,
          contentType: part.mimetype,
          stream: part.file,
          truncated: () => part.file.truncated,
        });
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/files/:id',
      summary: "An attachment's metadata",
      tags,
      recordType: 'file',
      params: idParamsSchema,
      response: fileObjectSchema,
      handler: ({ ctx, params }) => files.get(ctx, params.id),
    }),
    defineRoute({
      method: 'GET',
      url: '/files/:id/content',
      summary: 'Download an attachment',
      tags,
      recordType: 'file',
      params: idParamsSchema,
      download: true,
      handler: async ({ ctx, params }, reply) => {
        const { file, stream } = await files.open(ctx, params.id);
        return reply
          .header('content-type', file.contentType)
          .header('content-length', String(file.size))
          .header('content-disposition', contentDisposition(file.name))
          .header('cache-control', 'private, no-store')
          .send(stream);
      },
    }),
  ];
}
