import {
  contractImportJobSchema,
  contractImportQuerySchema,
  idParamsSchema,
  type Locale,
} from '@concord/contracts';
import { z } from 'zod';
import { singleFilePart } from '../../../platform/files/index.js';
import { AppError, defineRoute, type RouteDefinition } from '../../../platform/http/index.js';
import type { ContractImportJobs } from './import.job.js';
import type { ContractImportService } from './import.service.js';
import { buildImportTemplate, IMPORT_MAX_BYTES } from './import.template.js';

const MB = IMPORT_MAX_BYTES / 1024 / 1024;
const tooLarge = (locale: Locale) =>
  new AppError('VALIDATION_FAILED', {
    detail:
      locale === 'zh-CN'
        ? `文件超过 ${MB} MB 上限，请拆分后分批导入`
        : `the file is larger than ${MB} MB; split it and import the parts`,
  });

export function contractImportRoutes(
  imports: ContractImportService,
  jobs: ContractImportJobs,
): RouteDefinition[] {
  const tags = ['contracts'];
  return [
    defineRoute({
      method: 'GET',
      url: '/contracts/import/template',
      summary: 'The .xlsx template for importing an existing contract ledger',
      tags,
      download: true,
      querystring: z.strictObject({}),
      handler: async ({ ctx }, reply) => {
        await imports.assertMayImport(ctx);
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header(
            'content-disposition',
            `attachment; filename*=UTF-8''${encodeURIComponent('合同台账导入模板.xlsx')}`,
          )
          .send(await buildImportTemplate());
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/contracts/import',
      summary:
        'Import a contract ledger (multipart/form-data, one .xlsx file, at most 20 MB and 200,000 rows): stored, then read by a background job to follow at GET /contracts/import-jobs/{id}',
      tags,
      querystring: contractImportQuerySchema,
      response: contractImportJobSchema,
      handler: async ({ ctx, query, request }) => {
        await imports.assertMayImport(ctx);
        const part = await singleFilePart(request, IMPORT_MAX_BYTES, ctx.locale);
        try {
          return await jobs.start(
            ctx,
            {
              name: part.filename,
              contentType: part.mimetype,
              stream: part.file,
              truncated: () => part.file.truncated,
            },
            query.mode,
          );
        } catch (error) {
          if (error instanceof AppError && error.code === 'PAYLOAD_TOO_LARGE') throw tooLarge(ctx.locale);
          throw error;
        }
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/contracts/import-jobs/:id',
      summary: "The caller's background import: rows done of the total, then the per-row report",
      tags,
      recordType: 'job',
      params: idParamsSchema,
      response: contractImportJobSchema,
      handler: ({ ctx, params }) => jobs.status(ctx, params.id),
    }),
  ];
}
