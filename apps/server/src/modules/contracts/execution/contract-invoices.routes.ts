import {
  contractInvoiceLinkSchema,
  contractInvoiceListSchema,
  contractInvoiceSchema,
  idParamsSchema,
} from '@concord/contracts';
import { defineRoute, type RouteDefinition } from '../../../platform/http/index.js';
import type { ContractInvoicesService } from './contract-invoices.service.js';

const tags = ['contracts'];

export function contractInvoicesRoutes(service: ContractInvoicesService): RouteDefinition[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/contracts/:id/invoices',
      summary: "A contract's invoices (active uses of the invoice registry)",
      tags,
      recordType: 'contract',
      params: idParamsSchema,
      response: contractInvoiceListSchema,
      handler: ({ ctx, params }) => service.list(ctx, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/contracts/:id/invoices',
      status: 201,
      summary: 'Link an invoice to a contract (an existing one, or one registered inline)',
      tags,
      recordType: 'contract',
      params: idParamsSchema,
      body: contractInvoiceLinkSchema,
      response: contractInvoiceSchema,
      handler: ({ ctx, params, body }) => service.link(ctx, params.id, body),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/contract-invoices/:id',
      summary: "Release a contract's use of an invoice (by the usage id)",
      tags,
      recordType: 'invoiceUsage',
      params: idParamsSchema,
      response: contractInvoiceListSchema,
      handler: ({ ctx, params }) => service.release(ctx, params.id),
    }),
  ];
}
