import { contractImportQuerySchema, contractImportReportSchema, type Locale } from '@concord/contracts';
import { z } from 'zod';
import { AppError, defineRoute, type RouteDefinition } from '../../../platform/http/index.js';
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

export function contractImportRoutes(imports: ContractImportService): RouteDefinition[] {
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
        'Import a contract ledger (multipart/form-data, one .xlsx file, at most 10 MB and 5,000 rows): a report by row and column',
      tags,
      querystring: contractImportQuerySchema,
      response: contractImportReportSchema,
      handler: async ({ ctx, query, request }) => {
        await imports.assertMayImport(ctx);
        if (!request.isMultipart()) {
          throw new AppError('VALIDATION_FAILED', {
            detail: 'expected multipart/form-data with one .xlsx file',
          });
        }
        const part = await request.file({ limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 0 } });
        if (!part) throw new AppError('VALIDATION_FAILED', { detail: 'no file in the request' });
        let file: Buffer;
        try {
          file = await part.toBuffer();
        } catch (error) {
          if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(ctx.locale);
          throw error;
        }
        if (part.file.truncated) throw tooLarge(ctx.locale);
        return imports.import(ctx, file, query.mode);
      },
    }),
  ];
}
