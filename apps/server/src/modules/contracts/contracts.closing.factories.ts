/**
 * Factories of a contract's deliveries, acceptance, settlement and evaluation for tests and for the
 * demo seed, created through the services (schema-checked like the API's bodies, validated and
 * audited like API writes), with defaults for what the caller does not care about.
 */
import {
  businessDate,
  type ContractEvaluationCreate,
  type ContractSettlementCreate,
  contractEvaluationCreateSchema,
  contractSettlementCreateSchema,
  type Delivery,
  type DeliveryAccept,
  type DeliveryCreate,
  deliveryAcceptSchema,
  deliveryCreateSchema,
  deliveryRejectSchema,
} from '@concord/contracts';
import type { RequestContext } from '../../platform/http/index.js';
import type { Clock } from '../../platform/jobs/index.js';
import type { ContractEvaluationsService } from './evaluation/evaluations.service.js';
import type { ContractDeliveryAcceptance } from './execution/deliveries.acceptance.js';
import type { ContractSettlementsService } from './settlement/settlements.service.js';

/** The services the closing factories write through (the app's `Services` has them all). */
export interface ClosingFactoryServices {
  clock: Clock;
  contractDeliveryAcceptance: ContractDeliveryAcceptance;
  contractSettlements: ContractSettlementsService;
  contractEvaluations: ContractEvaluationsService;
}

const today = (services: Pick<ClosingFactoryServices, 'clock'>) => businessDate(services.clock.now());

/** A delivery (交付) on the contract, delivered today for ¥100.00 unless told otherwise. */
export async function delivery(
  services: Pick<ClosingFactoryServices, 'clock' | 'contractDeliveryAcceptance'>,
  ctx: RequestContext,
  contractId: string,
  input: Partial<DeliveryCreate> = {},
): Promise<Delivery> {
  return services.contractDeliveryAcceptance.deliver(
    ctx,
    contractId,
    deliveryCreateSchema.parse({
      description: '测试交付',
      deliveredAmount: 10_000,
      deliveredOn: today(services),
      ...input,
    }),
  );
}

/** Acceptance (验收) of a delivery, in full on its delivery day unless told otherwise. */
export async function acceptance(
  services: Pick<ClosingFactoryServices, 'contractDeliveryAcceptance'>,
  ctx: RequestContext,
  delivered: Delivery,
  input: Partial<DeliveryAccept> = {},
): Promise<Delivery> {
  return services.contractDeliveryAcceptance.accept(
    ctx,
    delivered.id,
    deliveryAcceptSchema.parse({
      acceptedAmount: delivered.deliveredAmount,
      acceptedOn: delivered.deliveredOn,
      ...input,
    }),
  );
}

/** A delivery refused at acceptance, with the reason given. */
export async function rejection(
  services: Pick<ClosingFactoryServices, 'contractDeliveryAcceptance'>,
  ctx: RequestContext,
  deliveryId: string,
  note = '验收不合格',
): Promise<Delivery> {
  return services.contractDeliveryAcceptance.reject(ctx, deliveryId, deliveryRejectSchema.parse({ note }));
}

/** A settlement (结算) of an in-force contract at its current amount unless told otherwise; its approval starts. */
export async function settlement(
  services: Pick<ClosingFactoryServices, 'contractSettlements'>,
  ctx: RequestContext,
  contractId: string,
  input: Partial<ContractSettlementCreate> = {},
) {
  const finalAmount =
    input.finalAmount ?? (await services.contractSettlements.view(ctx, contractId)).currentAmount;
  return services.contractSettlements.create(
    ctx,
    contractId,
    contractSettlementCreateSchema.parse({ ...input, finalAmount }),
  );
}

/** The closing evaluation (履约评价) of a completed contract: every criterion scored (90 unless told). */
export async function evaluation(
  services: Pick<ClosingFactoryServices, 'contractEvaluations'>,
  ctx: RequestContext,
  contractId: string,
  input: { scoreOf?: Record<string, number>; comment?: ContractEvaluationCreate['comment'] } = {},
) {
  const view = await services.contractEvaluations.view(ctx, contractId);
  return services.contractEvaluations.create(
    ctx,
    contractId,
    contractEvaluationCreateSchema.parse({
      scores: view.criteria.map((c) => ({ code: c.code, score: input.scoreOf?.[c.code] ?? 90 })),
      comment: input.comment ?? null,
    }),
  );
}

/** The closing factories, as the module's index exports them. */
export const closingFactories = { delivery, acceptance, rejection, settlement, evaluation };
