import {
  deliveryAcceptSchema,
  deliveryCreateSchema,
  deliveryListQuerySchema,
  deliveryRejectSchema,
  deliverySchema,
  deliverySummarySchema,
  idParamsSchema,
  pageOf,
} from '@concord/contracts';
import type { RecordType } from '../../../platform/http/index.js';
import { defineRoute, type RouteDefinition } from '../../../platform/http/index.js';
import type { ContractDeliveryAcceptance } from './deliveries.acceptance.js';
import type { ContractDeliveriesService } from './deliveries.service.js';
import { deliverySampleIn } from './deliveries.repository.js';

/** Deliveries belong to their contract's entity. */
export const contractDeliveryRecordTypes: RecordType[] = [
  { type: 'contractDelivery', entityOwned: true, sampleIn: deliverySampleIn },
];

export function contractDeliveriesRoutes(deps: {
  deliveries: ContractDeliveriesService;
  acceptance: ContractDeliveryAcceptance;
}): RouteDefinition[] {
  const { deliveries, acceptance } = deps;
  const tags = ['contracts'];
  return [
    defineRoute({
      method: 'GET',
      url: '/contracts/:id/deliveries',
      summary: "A contract's deliveries and their acceptance",
      tags,
      recordType: 'contract',
      params: idParamsSchema,
      querystring: deliveryListQuerySchema,
      response: pageOf(deliverySchema),
      handler: ({ ctx, params, query }) => deliveries.list(ctx, params.id, query),
    }),
    defineRoute({
      method: 'GET',
      url: '/contracts/:id/delivery-summary',
      summary: "A contract's delivered and accepted totals and what is left to deliver",
      tags,
      recordType: 'contract',
      params: idParamsSchema,
      response: deliverySummarySchema,
      handler: ({ ctx, params }) => deliveries.summary(ctx, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/contracts/:id/deliveries',
      status: 201,
      summary: 'Record a delivery on the contract (up to its executable amount)',
      tags,
      recordType: 'contract',
      params: idParamsSchema,
      body: deliveryCreateSchema,
      response: deliverySchema,
      handler: ({ ctx, params, body }) => acceptance.deliver(ctx, params.id, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/contract-deliveries/:id',
      summary: 'Get a delivery',
      tags,
      recordType: 'contractDelivery',
      params: idParamsSchema,
      response: deliverySchema,
      handler: ({ ctx, params }) => deliveries.get(ctx, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/contract-deliveries/:id/accept',
      summary: 'Accept a delivery in whole or in part, with acceptance documents',
      tags,
      recordType: 'contractDelivery',
      params: idParamsSchema,
      body: deliveryAcceptSchema,
      response: deliverySchema,
      handler: ({ ctx, params, body }) => acceptance.accept(ctx, params.id, body),
    }),
    defineRoute({
      method: 'POST',
      url: '/contract-deliveries/:id/reject',
      summary: 'Reject a delivery awaiting acceptance',
      tags,
      recordType: 'contractDelivery',
      params: idParamsSchema,
      body: deliveryRejectSchema,
      response: deliverySchema,
      handler: ({ ctx, params, body }) => acceptance.reject(ctx, params.id, body),
    }),
  ];
}
