import {
  idParamsSchema,
  invoiceCreateSchema,
  invoiceExportQuerySchema,
  invoiceListQuerySchema,
  invoiceSchema,
  invoiceTypeLabels,
  invoiceUsageListSchema,
  invoiceVoidSchema,
  pageOf,
} from '@concord/contracts';
import { defineRoute, moneyCell, type RouteDefinition, sendXlsx } from '../../platform/http/index.js';
import type { InvoicesService } from './invoices.service.js';

const tags = ['invoices'];

export function invoicesRoutes(invoices: InvoicesService): RouteDefinition[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/invoices',
      summary: 'List invoices in my scope (paged, sorted, filtered)',
      tags,
      querystring: invoiceListQuerySchema,
      response: pageOf(invoiceSchema),
      handler: ({ ctx, query }) => invoices.list(ctx, query),
    }),
    defineRoute({
      method: 'GET',
      url: '/invoices/export',
      summary: 'Export the filtered invoice list to Excel',
      tags,
      download: true,
      querystring: invoiceExportQuerySchema,
      handler: async ({ ctx, query }, reply) => {
        const zh = ctx.locale === 'zh-CN';
        // The registry holds Chinese VAT invoices (发票), which are in yuan by law: it has no currency
        // column, so its amounts are CNY and the headers say so.
        const yuan = (fen: number) => moneyCell(fen, 'CNY');
        return sendXlsx(reply, {
          filename: zh ? '发票登记簿.xlsx' : 'invoices.xlsx',
          sheetName: zh ? '发票' : 'Invoices',
          rows: invoices.exportRows(ctx, query),
          columns: [
            {
              header: zh ? '方向' : 'Direction',
              value: (i) =>
                i.direction === 'RECEIVED' ? (zh ? '收到' : 'Received') : zh ? '开出' : 'Issued',
            },
            { header: zh ? '类型' : 'Type', width: 26, value: (i) => invoiceTypeLabels[i.type][ctx.locale] },
            { header: zh ? '发票代码' : 'Code', width: 16, value: (i) => i.code },
            { header: zh ? '发票号码' : 'Number', width: 24, value: (i) => i.number },
            { header: zh ? '开票日期' : 'Issue date', value: (i) => i.issueDate },
            { header: zh ? '销售方' : 'Seller', width: 32, value: (i) => i.sellerName },
            { header: zh ? '销售方税号' : 'Seller tax id', width: 22, value: (i) => i.sellerTaxId },
            { header: zh ? '购买方' : 'Buyer', width: 32, value: (i) => i.buyerName },
            { header: zh ? '购买方税号' : 'Buyer tax id', width: 22, value: (i) => i.buyerTaxId },
            {
              header: zh ? '金额（元）' : 'Amount excl. tax (yuan)',
              value: (i) => yuan(i.amountExclTax),
            },
            {
              header: zh ? '税额（元）' : 'Tax (yuan)',
              value: (i) => yuan(i.taxAmount),
            },
            {
              header: zh ? '价税合计（元）' : 'Total (yuan)',
              value: (i) => yuan(i.totalAmount),
            },
            {
              header: zh ? '已使用（元）' : 'Used (yuan)',
              value: (i) => yuan(i.usedAmount),
            },
            {
              header: zh ? '状态' : 'Status',
              value: (i) => (i.status === 'VALID' ? (zh ? '有效' : 'Valid') : zh ? '已作废' : 'Voided'),
            },
            { header: zh ? '登记主体' : 'Entity', width: 24, value: (i) => i.entityName },
          ],
        });
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/invoices/:id',
      summary: 'Get an invoice',
      tags,
      recordType: 'invoice',
      params: idParamsSchema,
      response: invoiceSchema,
      handler: ({ ctx, params }) => invoices.get(ctx, params.id),
    }),
    defineRoute({
      method: 'GET',
      url: '/invoices/:id/usages',
      summary: 'The documents that use (or used) an invoice',
      tags,
      recordType: 'invoice',
      params: idParamsSchema,
      response: invoiceUsageListSchema,
      handler: ({ ctx, params }) => invoices.usages(ctx, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/invoices',
      status: 201,
      summary: 'Register an invoice (unique across the group)',
      tags,
      body: invoiceCreateSchema,
      response: invoiceSchema,
      handler: ({ ctx, body }) => invoices.register(ctx, body),
    }),
    defineRoute({
      method: 'POST',
      url: '/invoices/:id/void',
      summary: 'Void an invoice no document uses',
      tags,
      recordType: 'invoice',
      params: idParamsSchema,
      body: invoiceVoidSchema,
      response: invoiceSchema,
      handler: ({ ctx, params, body }) => invoices.void(ctx, params.id, body.reason),
    }),
  ];
}
