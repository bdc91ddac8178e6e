import {
  contractImportInspectionSchema,
  contractImportJobSchema,
  contractImportQuerySchema,
  contractImportRunSchema,
  idParamsSchema,
  type Locale,
} from '@concord/contracts';
import { z } from 'zod';
import { type FileUpload, singleFilePart } from '../../../platform/files/index.js';
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

/** The request's one file as an upload; a file over the limit is refused by the import's own words. */
async function uploaded<T>(
  locale: Locale,
  request: Parameters<typeof singleFilePart>[0],
  use: (upload: FileUpload) => Promise<T>,
): Promise<T> {
  const part = await singleFilePart(request, IMPORT_MAX_BYTES, locale);
  try {
    return await use({
      name: part.filename,
      contentType: part.mimetype,
      stream: part.file,
      truncated: () => part.file.truncated,
    });
  } catch (error) {
    if (error instanceof AppError && error.code === 'PAYLOAD_TOO_LARGE') throw tooLarge(locale);
    throw error;
  }
}

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
        return uploaded(ctx.locale, request, (upload) =>
          jobs.start(ctx, upload, query.mode, {
            acceptWarnings: query.acceptWarnings ?? false,
            createPartners: query.createPartners ?? false,
          }),
        );
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/contracts/import/inspect',
      summary:
        "The mapping step (multipart/form-data, one .xlsx file): the workbook is stored as the caller's alone and its first rows come back with the header row and the columns proposed (a mapping saved for the same header in the acting entity, else the columns' names). Import it with POST /contracts/import/runs",
      tags,
      querystring: z.strictObject({}),
      response: contractImportInspectionSchema,
      handler: async ({ ctx, request }) => {
        await imports.assertMayImport(ctx);
        return uploaded(ctx.locale, request, (upload) => jobs.inspect(ctx, upload));
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/contracts/import/runs',
      summary:
        'Import (or, mode check, dry-run) a workbook stored by the mapping step, read by the header row and columns given (every required field mapped, a column for one field only); a real run saves the mapping for this header. Follow the job at GET /contracts/import-jobs/{id}',
      tags,
      body: contractImportRunSchema,
      response: contractImportJobSchema,
      handler: ({ ctx, body }) => jobs.run(ctx, body),
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
