import {
  type ContractPayment,
  type ContractPaymentCreate,
  contractPaymentCreateSchema,
  type Currency,
  type FormField,
  formatMoney,
} from '@concord/contracts';
import type { Db } from '../../../db/index.js';
import type { Clock } from '../../../platform/jobs/index.js';
import { isInScope } from '../../../platform/access/index.js';
import type { AuditService } from '../../../platform/audit/index.js';
import { AppError, forbidden } from '../../../platform/http/index.js';
import type { RequestContext } from '../../../platform/http/index.js';
import * as contractsRepo from '../register/contracts.repository.js';
import * as settlementsRepo from '../settlement/settlements.repository.js';
import { scopedFacts } from '../register/contracts.rules.js';
import { executableAmount, needsOverride } from '../execution/execution.rules.js';
import type { ContractFiguresService } from '../execution/figures.service.js';
import * as repo from './payments.repository.js';
import type { ContractPaymentsService } from './payments.service.js';
import {
  auditable,
  guard,
  idempotent,
  itemOf,
  newRow,
  OPEN_STATUSES,
  type PaymentPorts,
  requestHash,
  stateError,
  withContract,
} from './payments.writes.js';

/** The business type payment requests are approved under; `category` is the contract category's code. */
export const PAYMENT_BUSINESS_TYPE = 'contract.payment';

export type PaymentApprovalOutcome = 'APPROVED' | 'REJECTED' | 'WITHDRAWN';

/** How a payment request shows in the approval detail. */
export const PAYMENT_REQUEST_FIELDS: FormField[] = [
  { key: 'number', label: '付款申请编号', type: 'text', required: false },
  { key: 'contractNumber', label: '合同编号', type: 'text', required: false },
  { key: 'contractName', label: '合同名称', type: 'text', required: true },
  { key: 'partnerName', label: '收款方', type: 'text', required: false },
  { key: 'planItem', label: '付款节点', type: 'text', required: false },
  { key: 'amount', label: '申请金额', type: 'money', required: true },
  { key: 'itemRoom', label: '节点申请前剩余可付', type: 'money', required: false },
  { key: 'purpose', label: '付款事由', type: 'textarea', required: true },
  { key: 'invoiced', label: '已开票', type: 'money', required: false },
  { key: 'accepted', label: '已验收', type: 'money', required: false },
  { key: 'overrideReason', label: '超票/超验收放行原因', type: 'textarea', required: false },
];

/**
 * Payment requests (付款申请) on expense contracts: the request with its guard and override flag,
 * which starts an approval, and the approval's outcome. Every write locks the contract row first,
 * is idempotent by its key, refreshes the contract's figures and is audited in the same transaction.
 */
export class ContractPaymentRequests {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly figures: Pick<ContractFiguresService, 'refresh'>,
    private readonly ports: PaymentPorts,
    private readonly payments: Pick<ContractPaymentsService, 'get'>,
    private readonly clock: Clock,
  ) {}

  /** A payment request (付款申请) against a plan item of an expense contract; starts its approval. */
  async request(
    ctx: RequestContext,
    contractId: string,
    input: ContractPaymentCreate,
  ): Promise<ContractPayment> {
    const actor = ctx.actor;
    if (!actor) throw new AppError('UNAUTHENTICATED');
    const scope = await ctx.access.require('contract.payment');
    const overrideScope = ctx.access.has('contract.override')
      ? await ctx.access.require('contract.override')
      : null;
    const data = contractPaymentCreateSchema.parse(input);
    const hash = requestHash({ kind: 'PAYMENT', contractId, ...data, idempotencyKey: undefined });
    const id = await idempotent(this.db, scope, data.idempotencyKey, hash, (trx) =>
      withContract(trx, scope, contractId, data.idempotencyKey, hash, async (contract) => {
        if (contract.direction !== 'EXPENSE') throw stateError(ctx.locale, 'notExpense');
        if (!OPEN_STATUSES.includes(contract.status)) throw stateError(ctx.locale, 'contractClosed');
        const item = await itemOf(trx, contractId, data.planItemId);
        const money = await repo.committed(trx, contractId);
        const itemRoom = guard(contract, item, money, data.amount);
        const tolerance = await this.ports.tolerance(trx, contract.entity_id);
        const position = {
          paid: money.total.paid,
          requested: money.total.requested,
          invoiced: contract.invoiced_amount,
          accepted: contract.accepted_amount,
        };
        let override: { reason: string; by: string } | null = null;
        // The settlement's retention stays unpaid until it is released: paying into it is an override.
        const retention = await heldRetention(trx, contractId, executableAmount(contract));
        const committed = position.paid + position.requested + data.amount;
        if (retention && committed > retention.payable) {
          if (!data.overrideReason) {
            throw new AppError('CONTRACT_PAYMENT_RETENTION_HELD', {
              retention: formatMoney(retention.amount, contract.currency),
              releaseDate: retention.releaseDate ?? '',
              committed: formatMoney(committed, contract.currency),
              payable: formatMoney(retention.payable, contract.currency),
            });
          }
          if (!overrideScope || !isInScope(overrideScope, scopedFacts(contract))) throw forbidden();
          override = { reason: data.overrideReason, by: actor.userId };
        }
        if (needsOverride(position, data.amount, tolerance)) {
          if (!data.overrideReason) {
            throw new AppError('CONTRACT_PAYMENT_NEEDS_OVERRIDE', {
              committed: formatMoney(position.paid + position.requested + data.amount, contract.currency),
              invoiced: formatMoney(position.invoiced, contract.currency),
              accepted: formatMoney(position.accepted, contract.currency),
            });
          }
          if (!overrideScope || !isInScope(overrideScope, scopedFacts(contract))) throw forbidden();
          override = { reason: data.overrideReason, by: actor.userId };
        }
        const row = newRow(contract, actor.userId, 'PAYMENT', data.idempotencyKey, hash, this.clock.now(), {
          plan_item_id: item.id,
          amount: data.amount,
          status: 'IN_APPROVAL',
          purpose: data.purpose,
          override_reason: override?.reason ?? null,
          override_by: override?.by ?? null,
        });
        await repo.insertPayment(trx, row);
        const facts = await repo.approvalFacts(trx, contractId);
        const instanceId = await this.ports.startApproval(trx, ctx, {
          businessType: PAYMENT_BUSINESS_TYPE,
          subjectId: row.id,
          title:
            `付款申请：${contract.number ?? contract.name}（${item.name} ${formatMoney(data.amount, contract.currency)}）`.slice(
              0,
              200,
            ),
          entityId: contract.entity_id,
          departmentId: contract.department_id,
          amount: data.amount,
          currency: contract.currency as Currency,
          category: facts?.category_code ?? null,
          formData: {
            number: row.number,
            contractNumber: contract.number ?? '',
            contractName: contract.name,
            partnerName: facts?.partner_name ?? contract.partner_name,
            planItem: `${item.seq}. ${item.name}`,
            amount: data.amount,
            itemRoom,
            purpose: data.purpose,
            invoiced: position.invoiced,
            accepted: position.accepted,
            overrideReason: override?.reason ?? '',
          },
          selections: data.selections,
        });
        await repo.updatePayment(trx, row.id, { instance_id: instanceId });
        await this.figures.refresh(trx, contractId);
        await this.audit.record(trx, ctx, {
          entityType: 'contract_payment',
          entityId: row.id,
          action: 'request',
          after: { ...auditable(row), instanceId },
        });
        return row.id;
      }),
    );
    return this.payments.get(ctx, id);
  }

  /**
   * The approval's outcome for a payment request, called by the engine (through the contract
   * approval adapter) inside its own transaction. A request no longer in approval stays as it is.
   */
  async onApprovalOutcome(
    trx: Db,
    ctx: RequestContext,
    id: string,
    outcome: PaymentApprovalOutcome,
  ): Promise<void> {
    const head = await repo.paymentHead(trx, id);
    if (!head) return;
    await contractsRepo.lockContract(trx, head.contract_id);
    const before = await repo.lockPayment(trx, id);
    if (before?.status !== 'IN_APPROVAL') return;
    await repo.updatePayment(trx, id, { status: outcome, updated_at: this.clock.now().toISOString() });
    await this.figures.refresh(trx, head.contract_id);
    await this.audit.record(trx, ctx, {
      entityType: 'contract_payment',
      entityId: id,
      action: 'status',
      changes: [{ field: 'status', old: before.status, new: outcome }],
    });
  }

  /** The fields a payment request shows in the approval detail (null: not a payment). */
  /** The contract a payment request is for (the approval detail links to it). */
  async contractOf(db: Db, id: string): Promise<string | null> {
    return (await repo.findPayment(db, id))?.contract_id ?? null;
  }

  async fieldsOf(db: Db, id: string): Promise<FormField[] | null> {
    return (await repo.paymentExists(db, id)) ? PAYMENT_REQUEST_FIELDS : null;
  }
}

/** The approved settlement's retention not yet released, and what may be paid meanwhile; null when none. */
async function heldRetention(
  trx: Db,
  contractId: string,
  settled: number,
): Promise<{ amount: number; releaseDate: string | null; payable: number } | null> {
  const settlement = await settlementsRepo.openSettlement(trx, contractId);
  if (settlement?.status !== 'APPROVED' || settlement.retention_amount <= 0) return null;
  if (settlement.retention_released_on) return null;
  return {
    amount: settlement.retention_amount,
    releaseDate: settlement.retention_release_date,
    payable: settled - settlement.retention_amount,
  };
}
