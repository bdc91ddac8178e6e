import type { PlatformPorts } from '../../platform/kit/index.js';
import { ContractInvoicesService, contractInvoiceUsage } from './execution/contract-invoices.service.js';
import type { ContractPorts } from './contracts.ports.js';
import type { ContractDeps } from './contracts.register.wiring.js';
import { ContractDeliveryAcceptance } from './execution/deliveries.acceptance.js';
import { ContractDeliveriesService } from './execution/deliveries.service.js';
import { evaluationScoresOf } from './evaluation/evaluations.repository.js';
import { ContractEvaluationsService } from './evaluation/evaluations.service.js';
import { ExecutionSettingsService } from './execution/execution-settings.service.js';
import { ContractFiguresService } from './execution/figures.service.js';
import { ContractMatchingService } from './execution/matching.service.js';
import { ContractPaymentExecution } from './payments/payments.execution.js';
import { ContractPaymentRequests } from './payments/payments.requests.js';
import { ContractPaymentsService } from './payments/payments.service.js';
import { ContractScheduleService } from './execution/schedule.service.js';
import { ContractRetentionService } from './settlement/retention.service.js';
import { ContractSettlementsService } from './settlement/settlements.service.js';
import type { Db } from '../../db/index.js';

/**
 * Contract execution: the payment plan, payments and receipts, invoice use, deliveries and
 * matching, settlement with retention and the closing evaluation that rates the partner.
 */
export function createContractExecution(platform: PlatformPorts, deps: ContractDeps, ports: ContractPorts) {
  const { db, clock } = platform;
  const { audit, files } = deps;
  const { org } = deps.org;
  const startApproval = ports.startApproval;
  const userNames = ports.org.userNames;
  // Execution figures (paid, invoiced, accepted, ...) kept on the contract for the ledger.
  // Invoice usage comes from the invoice registry (document type `contract`, line = plan item).
  const contractFigures = new ContractFiguresService(contractInvoiceUsage(deps.invoices));
  // Payment/receipt plans; change orders of the amount carry a new plan (figures refreshed on every write).
  const contractSchedule = new ContractScheduleService(
    db,
    audit,
    { refresh: (trx, id) => contractFigures.refresh(trx, id) },
    ports.today,
    clock,
  );
  const contractInvoices = new ContractInvoicesService(db, audit, deps.invoices, contractFigures);
  // Matching tolerance and collection days per entity (the group's row, else defaults, where none).
  const executionSettings = new ExecutionSettingsService(db, audit, clock);
  // Deliveries and acceptance (交付/验收), and matching 款票物 with the exceptions list.
  const contractDeliveries = new ContractDeliveriesService(db, {
    fileNames: (trx, ids) => files.namesOf(trx, ids),
    userNames: (trx, ids) => org.userNames(ids, trx),
  });
  const contractDeliveryAcceptance = new ContractDeliveryAcceptance(
    db,
    audit,
    contractFigures,
    { visibleFileIds: (trx, ctx, ids) => files.visibleIds(trx, ctx, ids) },
    contractDeliveries,
    clock,
  );
  const contractMatching = new ContractMatchingService(db, executionSettings, clock);
  // Payment requests, payments, receipts and refunds (the guard, idempotency, the override flag).
  const paymentPorts = {
    startApproval,
    userNames,
    tolerance: async (trx: Db, entityId: string) =>
      (await executionSettings.forEntity(trx, entityId)).tolerance,
  };
  const contractPayments = new ContractPaymentsService(db, paymentPorts);
  const contractPaymentRequests = new ContractPaymentRequests(
    db,
    audit,
    contractFigures,
    paymentPorts,
    contractPayments,
    clock,
  );
  const contractPaymentExecution = new ContractPaymentExecution(
    db,
    audit,
    contractFigures,
    contractPayments,
    clock,
  );
  // Closing: settlement with retention (approved through the engine) and the evaluation that rates the partner.
  const contractSettlements = new ContractSettlementsService(
    db,
    audit,
    { startApproval, userNames, today: ports.today },
    contractFigures,
    clock,
  );
  const contractRetention = new ContractRetentionService(
    db,
    audit,
    { today: ports.today },
    contractFigures,
    contractSettlements,
  );
  deps.partners.ratings.addScoreSource(evaluationScoresOf);
  const contractEvaluations = new ContractEvaluationsService(
    db,
    audit,
    {
      userNames,
      recomputeRating: (trx, ctx, partnerId, source) =>
        deps.partners.ratings.recompute(trx, ctx, partnerId, source),
    },
    clock,
  );
  return {
    contractFigures,
    contractSchedule,
    contractInvoices,
    executionSettings,
    contractDeliveries,
    contractDeliveryAcceptance,
    contractMatching,
    contractPayments,
    contractPaymentRequests,
    contractPaymentExecution,
    contractSettlements,
    contractRetention,
    contractEvaluations,
  };
}
export type ContractExecution = ReturnType<typeof createContractExecution>;
