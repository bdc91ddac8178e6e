import {
  contractArchiveInputSchema,
  contractArchiveSchema,
  contractArchiveViewSchema,
  contractBorrowCreateSchema,
  contractBorrowExportQuerySchema,
  contractBorrowListQuerySchema,
  contractBorrowReturnSchema,
  contractBorrowSchema,
  contractBorrowSearchQuerySchema,
  idParamsSchema,
  pageOf,
} from '@concord/contracts';
import { defineRoute, type RouteDefinition } from '../../../platform/http/index.js';
import type { ContractArchiveService } from './archive.service.js';
import type { ContractBorrowsService } from './borrows.service.js';

export function contractArchiveRoutes(deps: {
  archive: ContractArchiveService;
  borrows: ContractBorrowsService;
}): RouteDefinition[] {
  const { archive, borrows } = deps;
  const tags = ['contracts'];
  return [
    defineRoute({
      method: 'GET',
      url: '/contracts/:id/archive',
      summary: "A contract's archive record, its open borrow and what the caller may do",
      tags,
      recordType: 'contract',
      params: idParamsSchema,
      response: contractArchiveViewSchema,
      handler: ({ ctx, params }) => archive.view(ctx, params.id),
    }),
    defineRoute({
      method: 'PUT',
      url: '/contracts/:id/archive',
      summary: 'Archive the signed original of a contract, or edit where it is kept',
      tags,
      recordType: 'contract',
      params: idParamsSchema,
      body: contractArchiveInputSchema,
      response: contractArchiveSchema,
      handler: ({ ctx, params, body }) => archive.save(ctx, params.id, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/contracts/:id/borrows',
      summary: "A contract's borrow and return log",
      tags,
      recordType: 'contract',
      params: idParamsSchema,
      querystring: contractBorrowListQuerySchema,
      response: pageOf(contractBorrowSchema),
      handler: ({ ctx, params, query }) => borrows.listBorrows(ctx, params.id, query),
    }),
    defineRoute({
      method: 'POST',
      url: '/contracts/:id/borrows',
      status: 201,
      summary: 'Lend the archived original (one open borrow at a time)',
      tags,
      recordType: 'contract',
      params: idParamsSchema,
      body: contractBorrowCreateSchema,
      response: contractBorrowSchema,
      handler: ({ ctx, params, body }) => borrows.borrow(ctx, params.id, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/contract-borrows',
      summary: 'Borrows of archived contracts in scope (open, overdue, by borrower)',
      tags,
      querystring: contractBorrowSearchQuerySchema,
      response: pageOf(contractBorrowSchema),
      handler: ({ ctx, query }) => borrows.searchBorrows(ctx, query),
    }),
    defineRoute({
      method: 'GET',
      url: '/contract-borrows/export',
      summary: 'Export the filtered borrows list to .xlsx (streamed)',
      tags,
      download: true,
      querystring: contractBorrowExportQuerySchema,
      handler: ({ ctx, query }, reply) => borrows.exportBorrows(ctx, query, reply),
    }),
    defineRoute({
      method: 'POST',
      url: '/contract-borrows/:id/return',
      summary: 'Record the return of a borrowed original',
      tags,
      recordType: 'contractBorrow',
      params: idParamsSchema,
      body: contractBorrowReturnSchema,
      response: contractBorrowSchema,
      handler: ({ ctx, params, body }) => borrows.returnBorrow(ctx, params.id, body),
    }),
  ];
}
