import {
  contractPaymentCancelSchema,
  contractPaymentCreateSchema,
  contractPaymentListQuerySchema,
  contractPaymentPageSchema,
  contractPaymentPaySchema,
  contractPaymentPositionSchema,
  contractPaymentSchema,
  contractReceiptCreateSchema,
  contractRefundCreateSchema,
  idParamsSchema,
} from '@concord/contracts';
import type { RecordType } from '../../../platform/http/index.js';
import { defineRoute, type RouteDefinition } from '../../../platform/http/index.js';
import { paymentSampleIn } from './payments.repository.js';
import type { ContractPaymentExecution } from './payments.execution.js';
import type { ContractPaymentRequests } from './payments.requests.js';
import type { ContractPaymentsService } from './payments.service.js';

/** Payments, receipts and refunds belong to their contract's entity. */
export const contractPaymentRecordTypes: RecordType[] = [
  { type: 'contractPayment', entityOwned: true, sampleIn: paymentSampleIn },
];

export function contractPaymentsRoutes(deps: {
  payments: ContractPaymentsService;
  requests: ContractPaymentRequests;
  execution: ContractPaymentExecution;
}): RouteDefinition[] {
  const { payments, requests, execution } = deps;
  const tags = ['contracts'];
  return [
    defineRoute({
      method: 'GET',
      url: '/contracts/:id/payments',
      summary: "A contract's payment requests, payments, receipts and refunds, with totals",
      tags,
      recordType: 'contract',
      params: idParamsSchema,
      querystring: contractPaymentListQuerySchema,
      response: contractPaymentPageSchema,
      handler: ({ ctx, params, query }) => payments.list(ctx, params.id, query),
    }),
    defineRoute({
      method: 'GET',
      url: '/contracts/:id/payment-position',
      summary: 'Where the contract stands before a new payment request or receipt (per plan item)',
      tags,
      recordType: 'contract',
      params: idParamsSchema,
      response: contractPaymentPositionSchema,
      handler: ({ ctx, params }) => payments.position(ctx, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/contracts/:id/payments',
      status: 201,
      summary: 'Request a payment against a plan item (starts its approval; idempotent by key)',
      tags,
      recordType: 'contract',
      params: idParamsSchema,
      body: contractPaymentCreateSchema,
      response: contractPaymentSchema,
      responseAsBuilt: true,
      handler: ({ ctx, params, body }) => requests.request(ctx, params.id, body),
    }),
    defineRoute({
      method: 'POST',
      url: '/contracts/:id/receipts',
      status: 201,
      summary: 'Register money received on an income contract (idempotent by key)',
      tags,
      recordType: 'contract',
      params: idParamsSchema,
      body: contractReceiptCreateSchema,
      response: contractPaymentSchema,
      handler: ({ ctx, params, body }) => execution.receive(ctx, params.id, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/contract-payments/:id',
      summary: 'Get a payment, receipt or refund',
      tags,
      recordType: 'contractPayment',
      params: idParamsSchema,
      response: contractPaymentSchema,
      handler: ({ ctx, params }) => payments.get(ctx, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/contract-payments/:id/pay',
      summary: 'Execute an approved payment (finance)',
      tags,
      recordType: 'contractPayment',
      params: idParamsSchema,
      body: contractPaymentPaySchema,
      response: contractPaymentSchema,
      handler: ({ ctx, params, body }) => execution.pay(ctx, params.id, body),
    }),
    defineRoute({
      method: 'POST',
      url: '/contract-payments/:id/cancel',
      summary: 'Cancel an approved payment that was not paid',
      tags,
      recordType: 'contractPayment',
      params: idParamsSchema,
      body: contractPaymentCancelSchema,
      response: contractPaymentSchema,
      handler: ({ ctx, params, body }) => execution.cancel(ctx, params.id, body),
    }),
    defineRoute({
      method: 'POST',
      url: '/contract-payments/:id/refund',
      summary: 'Refund (part of) a paid payment or a receipt (idempotent by key)',
      tags,
      recordType: 'contractPayment',
      params: idParamsSchema,
      body: contractRefundCreateSchema,
      response: contractPaymentSchema,
      handler: ({ ctx, params, body }) => execution.refund(ctx, params.id, body),
    }),
  ];
}
