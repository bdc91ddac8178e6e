import {
  auditEntrySchema,
  auditEventTypesSchema,
  auditListQuerySchema,
  auditRecentPageSchema,
  auditRecentQuerySchema,
  auditVerifyResultSchema,
  pageOf,
} from '@concord/contracts';
import { defineRoute, type RouteDefinition, sendXlsx } from '../http/index.js';
import type { AuditService } from './audit.service.js';

const exportQuerySchema = auditListQuerySchema.omit({ page: true, pageSize: true, sort: true, q: true });

export function auditRoutes(audit: AuditService): RouteDefinition[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/audit',
      summary: 'List audit entries',
      tags: ['audit'],
      querystring: auditListQuerySchema,
      response: pageOf(auditEntrySchema),
      handler: ({ ctx, query }) => audit.list(ctx, query),
    }),
    defineRoute({
      method: 'GET',
      url: '/audit/export',
      summary: 'Export audit entries to Excel',
      tags: ['audit'],
      download: true,
      querystring: exportQuerySchema,
      handler: async ({ ctx, query }, reply) => {
        const rows = audit.exportRows(ctx, query);
        const zh = ctx.locale === 'zh-CN';
        return sendXlsx(reply, {
          filename: zh ? '审计日志.xlsx' : 'audit-log.xlsx',
          sheetName: zh ? '审计日志' : 'Audit log',
          rows,
          columns: [
            { header: '#', width: 8, value: (e) => e.seq },
            { header: zh ? '时间' : 'Time', width: 24, value: (e) => e.at },
            { header: zh ? '操作人' : 'Actor', value: (e) => e.actorName ?? e.actorId },
            { header: zh ? '对象类型' : 'Record type', value: (e) => e.entityTypeLabel },
            { header: zh ? '对象' : 'Record', width: 38, value: (e) => e.entityId },
            { header: zh ? '动作' : 'Action', value: (e) => e.actionLabel },
            {
              header: zh ? '变更' : 'Changes',
              width: 80,
              value: (e) =>
                e.changes
                  .map((c) => `${c.field}: ${JSON.stringify(c.old)} → ${JSON.stringify(c.new)}`)
                  .join('\n'),
            },
            { header: zh ? '请求号' : 'Request', width: 38, value: (e) => e.requestId },
            { header: 'IP', value: (e) => e.ip },
          ],
        });
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/audit/mine/recent',
      summary:
        'The records I last wrote to in the entity I act in, one per record, newest first (keyset-paged; my own entries only)',
      tags: ['audit'],
      querystring: auditRecentQuerySchema,
      response: auditRecentPageSchema,
      handler: ({ ctx, query }) => audit.recentMine(ctx, query),
    }),
    defineRoute({
      method: 'GET',
      url: '/audit/event-types',
      summary: 'The kinds of record and actions the audit log records, with their labels (for filters)',
      tags: ['audit'],
      response: auditEventTypesSchema,
      handler: async ({ ctx }) => {
        return { items: await audit.eventTypes(ctx) };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/audit/verify',
      summary: 'Verify the audit hash chain',
      tags: ['audit'],
      response: auditVerifyResultSchema,
      handler: ({ ctx }) => audit.verifyForUser(ctx),
    }),
  ];
}
