import {
  contractChangeCreateSchema,
  contractChangeSchema,
  contractCompareQuerySchema,
  contractCompareSchema,
  contractCompleteSchema,
  contractCreateSchema,
  contractExportJobSchema,
  contractExportStartSchema,
  contractLedgerExportQuerySchema,
  contractLedgerPageSchema,
  contractLedgerTotalsQuerySchema,
  contractLedgerTotalsResultSchema,
  contractLedgerQuerySchema,
  contractReasonSchema,
  contractSchema,
  contractSignSchema,
  contractSubmitSchema,
  contractUpdateSchema,
  contractVersionSchema,
  contractVersionSummarySchema,
  idParamsSchema,
} from '@concord/contracts';
import { z } from 'zod';
import { defineRoute, type RouteDefinition } from '../../../platform/http/index.js';
import type { ContractChanges } from '../versions/changes.service.js';
import type { ContractLifecycle } from './contracts.lifecycle.js';
import type { ContractsService } from './contracts.service.js';
import type { ContractLedgerExports } from '../ledger/ledger.export.job.js';
import type { ContractLedger } from '../ledger/ledger.service.js';
import type { ContractVersions } from '../versions/versions.service.js';

const versionQuerySchema = z.strictObject({ number: z.coerce.number().int().min(1).max(100000).optional() });

export function contractsRoutes(deps: {
  contracts: ContractsService;
  lifecycle: ContractLifecycle;
  ledger: ContractLedger;
  exports: ContractLedgerExports;
  versions: ContractVersions;
  changes: ContractChanges;
}): RouteDefinition[] {
  const { contracts, lifecycle, ledger, exports, versions, changes } = deps;
  const tags = ['contracts'];
  const one = { tags, recordType: 'contract', params: idParamsSchema };
  return [
    defineRoute({
      method: 'GET',
      url: '/contracts',
      summary: 'The contract ledger: filtered, sorted, keyset-paged (its totals are asked for apart)',
      tags,
      querystring: contractLedgerQuerySchema,
      response: contractLedgerPageSchema,
      responseAsBuilt: true,
      handler: ({ ctx, query }) => ledger.list(ctx, query),
    }),
    defineRoute({
      method: 'GET',
      url: '/contracts/totals',
      summary: 'Totals of the filtered ledger per currency: from the rollups, else summed with a row limit',
      tags,
      querystring: contractLedgerTotalsQuerySchema,
      response: contractLedgerTotalsResultSchema,
      handler: ({ ctx, query }) => ledger.totals(ctx, query),
    }),
    defineRoute({
      method: 'GET',
      url: '/contracts/export',
      summary: 'Export the filtered ledger to .xlsx (streamed)',
      tags,
      download: true,
      querystring: contractLedgerExportQuerySchema,
      handler: ({ ctx, query }, reply) => ledger.export(ctx, query, reply),
    }),
    defineRoute({
      method: 'POST',
      url: '/contracts/export-jobs',
      summary:
        'Start an export of the filtered ledger: a direct download (GET /contracts/export) when small, else a background job',
      tags,
      // The filters and sort in the body, as the export's query takes them.
      body: contractLedgerExportQuerySchema,
      response: contractExportStartSchema,
      handler: ({ ctx, body }) => exports.start(ctx, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/contracts/export-jobs/:id',
      summary: "The caller's background export: rows done of the total, then the workbook to download",
      tags,
      recordType: 'job',
      params: idParamsSchema,
      response: contractExportJobSchema,
      handler: ({ ctx, params }) => exports.status(ctx, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/contracts',
      status: 201,
      summary: 'Register a contract as a draft',
      tags,
      body: contractCreateSchema,
      response: contractSchema,
      handler: ({ ctx, body }) => contracts.create(ctx, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/contracts/:id',
      summary: 'Get a contract',
      ...one,
      response: contractSchema,
      responseAsBuilt: true,
      handler: ({ ctx, params }) => contracts.get(ctx, params.id),
    }),
    defineRoute({
      method: 'PUT',
      url: '/contracts/:id',
      summary: 'Edit a draft contract',
      ...one,
      body: contractUpdateSchema,
      response: contractSchema,
      handler: ({ ctx, params, body }) => contracts.update(ctx, params.id, body),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/contracts/:id',
      status: 204,
      summary: 'Delete a draft that was never submitted',
      ...one,
      handler: async ({ ctx, params }) => {
        await contracts.remove(ctx, params.id);
        return { ok: true as const };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/contracts/:id/submit',
      summary: 'Submit a draft for approval (numbers it on first submission)',
      ...one,
      body: contractSubmitSchema,
      response: contractSchema,
      handler: ({ ctx, params, body }) => lifecycle.submit(ctx, params.id, body),
    }),
    defineRoute({
      method: 'POST',
      url: '/contracts/:id/sign',
      summary: 'Record the signing of an approved contract',
      ...one,
      body: contractSignSchema,
      response: contractSchema,
      handler: ({ ctx, params, body }) => lifecycle.sign(ctx, params.id, body),
    }),
    defineRoute({
      method: 'POST',
      url: '/contracts/:id/complete',
      summary: 'Mark a contract in force as completed',
      ...one,
      body: contractCompleteSchema,
      response: contractSchema,
      handler: ({ ctx, params, body }) => lifecycle.close(ctx, params.id, 'complete', body.reason),
    }),
    defineRoute({
      method: 'POST',
      url: '/contracts/:id/terminate',
      summary: 'Terminate a contract in force',
      ...one,
      body: contractReasonSchema,
      response: contractSchema,
      handler: ({ ctx, params, body }) => lifecycle.close(ctx, params.id, 'terminate', body.reason),
    }),
    defineRoute({
      method: 'POST',
      url: '/contracts/:id/void',
      summary: 'Void a draft or an approved, unsigned contract',
      ...one,
      body: contractReasonSchema,
      response: contractSchema,
      handler: ({ ctx, params, body }) => lifecycle.close(ctx, params.id, 'void', body.reason),
    }),
    defineRoute({
      method: 'GET',
      url: '/contracts/:id/versions',
      summary: 'The versions of a contract, newest first',
      ...one,
      response: z.array(contractVersionSummarySchema),
      handler: ({ ctx, params }) => versions.list(ctx, params.id),
    }),
    defineRoute({
      method: 'GET',
      url: '/contracts/:id/version',
      summary: 'One version of a contract with its fields, body and attachments',
      ...one,
      querystring: versionQuerySchema,
      response: contractVersionSchema,
      handler: ({ ctx, params, query }) => versions.get(ctx, params.id, query.number),
    }),
    defineRoute({
      method: 'GET',
      url: '/contracts/:id/compare',
      summary:
        'Compare two versions: field differences, a line diff of the body, attachments added and removed',
      ...one,
      querystring: contractCompareQuerySchema,
      response: contractCompareSchema,
      handler: ({ ctx, params, query }) => versions.compare(ctx, params.id, query.from, query.to),
    }),
    defineRoute({
      method: 'GET',
      url: '/contracts/:id/changes',
      summary: 'The change orders of a contract, newest first',
      ...one,
      response: z.array(contractChangeSchema),
      handler: ({ ctx, params }) => changes.list(ctx, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/contracts/:id/changes',
      status: 201,
      summary: 'Propose a change order; its approval starts at once',
      ...one,
      body: contractChangeCreateSchema,
      response: contractChangeSchema,
      handler: ({ ctx, params, body }) => changes.create(ctx, params.id, body),
    }),
  ];
}
