import {
  contractSettlementCreateSchema,
  contractSettlementSchema,
  contractSettlementViewSchema,
  idParamsSchema,
  retentionReleaseSchema,
} from '@concord/contracts';
import type { RecordType } from '../../../platform/http/index.js';
import { defineRoute, type RouteDefinition } from '../../../platform/http/index.js';
import { settlementSampleIn } from './settlements.repository.js';
import type { ContractRetentionService } from './retention.service.js';
import type { ContractSettlementsService } from './settlements.service.js';

export function contractSettlementRoutes(deps: {
  settlements: ContractSettlementsService;
  retention: ContractRetentionService;
}): RouteDefinition[] {
  const { settlements, retention } = deps;
  const tags = ['contracts'];
  return [
    defineRoute({
      method: 'GET',
      url: '/contracts/:id/settlement',
      summary: "A contract's settlements and the figures they act on",
      tags,
      recordType: 'contract',
      params: idParamsSchema,
      response: contractSettlementViewSchema,
      handler: ({ ctx, params }) => settlements.view(ctx, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/contracts/:id/settlement',
      status: 201,
      summary: 'Settle an in-force contract: final amount, deductions, retention (starts its approval)',
      tags,
      recordType: 'contract',
      params: idParamsSchema,
      body: contractSettlementCreateSchema,
      response: contractSettlementSchema,
      handler: ({ ctx, params, body }) => settlements.create(ctx, params.id, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/contract-settlements/:id',
      summary: 'Get a settlement',
      tags,
      recordType: 'contractSettlement',
      params: idParamsSchema,
      response: contractSettlementSchema,
      handler: ({ ctx, params }) => settlements.get(ctx, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/contract-settlements/:id/release-retention',
      summary: 'Record the release of an approved settlement’s warranty retention',
      tags,
      recordType: 'contractSettlement',
      params: idParamsSchema,
      body: retentionReleaseSchema,
      response: contractSettlementSchema,
      handler: ({ ctx, params, body }) => retention.releaseRetention(ctx, params.id, body),
    }),
  ];
}

/** Settlements belong to their contract's entity. */
export const contractSettlementRecordTypes: RecordType[] = [
  { type: 'contractSettlement', entityOwned: true, sampleIn: settlementSampleIn },
];
