import {
  type ContractPayment,
  type ContractPaymentCancel,
  type ContractPaymentPay,
  type ContractReceiptCreate,
  type ContractRefundCreate,
  contractPaymentCancelSchema,
  contractPaymentPaySchema,
  contractReceiptCreateSchema,
  contractRefundCreateSchema,
  formatMoney,
} from '@concord/contracts';
import type { Db } from '../../../db/index.js';
import type { Clock } from '../../../platform/jobs/index.js';
import { AccessControl, type Scope } from '../../../platform/access/index.js';
import type { AuditService } from '../../../platform/audit/index.js';
import { AppError, notFound } from '../../../platform/http/index.js';
import type { RequestContext } from '../../../platform/http/index.js';
import * as contractsRepo from '../register/contracts.repository.js';
import { scopedFacts } from '../register/contracts.rules.js';
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
  requestHash,
  stateError,
  withContract,
} from './payments.writes.js';
import type { ContractPaymentTable } from '../contracts.tables.js';

/**
 * Money moving on a contract: receipts (收款) on income contracts, finance paying or cancelling an
 * approved payment request, and refunds (退款). Every write locks the contract row first, refuses
 * what would pass the plan item's or the contract's amount, is idempotent by its key where it
 * creates a row, refreshes the contract's figures and is audited in the same transaction.
 */
export class ContractPaymentExecution {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly figures: Pick<ContractFiguresService, 'refresh'>,
    private readonly payments: Pick<ContractPaymentsService, 'get'>,
    private readonly clock: Clock,
  ) {}

  /** A receipt (收款登记) on an income contract. */
  async receive(
    ctx: RequestContext,
    contractId: string,
    input: ContractReceiptCreate,
  ): Promise<ContractPayment> {
    const actor = ctx.actor;
    if (!actor) throw new AppError('UNAUTHENTICATED');
    const scope = await ctx.access.require('contract.payment');
    const data = contractReceiptCreateSchema.parse(input);
    const hash = requestHash({ kind: 'RECEIPT', contractId, ...data, idempotencyKey: undefined });
    const id = await idempotent(this.db, scope, data.idempotencyKey, hash, (trx) =>
      withContract(trx, scope, contractId, data.idempotencyKey, hash, async (contract) => {
        if (contract.direction !== 'INCOME') throw stateError(ctx.locale, 'notIncome');
        if (!OPEN_STATUSES.includes(contract.status)) throw stateError(ctx.locale, 'contractClosed');
        const item = await itemOf(trx, contractId, data.planItemId);
        guard(contract, item, await repo.committed(trx, contractId), data.amount);
        const row = newRow(contract, actor.userId, 'RECEIPT', data.idempotencyKey, hash, this.clock.now(), {
          plan_item_id: item.id,
          amount: data.amount,
          status: 'RECEIVED',
          paid_on: data.receivedOn,
          bank_account: data.bankAccount,
          method: data.method,
          reference: data.reference || null,
        });
        await repo.insertPayment(trx, row);
        await this.figures.refresh(trx, contractId);
        await this.audit.record(trx, ctx, {
          entityType: 'contract_payment',
          entityId: row.id,
          action: 'receive',
          after: auditable(row),
        });
        return row.id;
      }),
    );
    return this.payments.get(ctx, id);
  }

  /** Finance executes an approved payment request. */
  async pay(ctx: RequestContext, id: string, input: ContractPaymentPay): Promise<ContractPayment> {
    const scope = await ctx.access.require('contract.pay');
    const data = contractPaymentPaySchema.parse(input);
    await this.onPayment(ctx, scope, id, async (trx, before) => {
      if (before.kind !== 'PAYMENT' || before.status !== 'APPROVED')
        throw stateError(ctx.locale, 'notApproved');
      const patch = {
        status: 'PAID',
        paid_on: data.paidOn,
        bank_account: data.bankAccount,
        method: data.method,
        reference: data.reference || null,
        updated_at: this.clock.now().toISOString(),
      };
      await repo.updatePayment(trx, id, patch);
      return {
        action: 'pay',
        changes: [
          { field: 'status', old: before.status, new: 'PAID' },
          { field: 'paidOn', old: null, new: data.paidOn },
          { field: 'bankAccount', old: null, new: data.bankAccount },
          { field: 'method', old: null, new: data.method },
          { field: 'reference', old: null, new: patch.reference },
        ],
      };
    });
    return this.payments.get(ctx, id);
  }

  /** Cancels an approved payment that was not paid (the money is no longer requested). */
  async cancel(ctx: RequestContext, id: string, input: ContractPaymentCancel): Promise<ContractPayment> {
    const scope = await ctx.access.require('contract.payment');
    const data = contractPaymentCancelSchema.parse(input);
    await this.onPayment(ctx, scope, id, async (trx, before) => {
      if (before.kind !== 'PAYMENT' || before.status !== 'APPROVED')
        throw stateError(ctx.locale, 'notApproved');
      await repo.updatePayment(trx, id, { status: 'CANCELED', updated_at: this.clock.now().toISOString() });
      return {
        action: 'cancel',
        changes: [
          { field: 'status', old: before.status, new: 'CANCELED' },
          { field: 'reason', old: null, new: data.reason },
        ],
      };
    });
    return this.payments.get(ctx, id);
  }

  /** Money back on a paid payment or a receipt, up to what it brought net of earlier refunds. */
  async refund(ctx: RequestContext, id: string, input: ContractRefundCreate): Promise<ContractPayment> {
    const actor = ctx.actor;
    if (!actor) throw new AppError('UNAUTHENTICATED');
    const scope = await ctx.access.require('contract.payment');
    const data = contractRefundCreateSchema.parse(input);
    const head = await repo.paymentHead(this.db, id);
    if (!head) throw notFound();
    AccessControl.assertVisible(scope, scopedFacts(head));
    const hash = requestHash({ kind: 'REFUND', refundOf: id, ...data, idempotencyKey: undefined });
    const refundId = await idempotent(this.db, scope, data.idempotencyKey, hash, (trx) =>
      withContract(trx, scope, head.contract_id, data.idempotencyKey, hash, async (contract) => {
        const original = await repo.lockPayment(trx, id);
        if (!original) throw notFound();
        const refundable =
          (original.kind === 'PAYMENT' && original.status === 'PAID') ||
          (original.kind === 'RECEIPT' && original.status === 'RECEIVED');
        if (!refundable) throw stateError(ctx.locale, 'notRefundable');
        const remaining = original.amount - (await repo.refundedOf(trx, id));
        if (data.amount > remaining) {
          throw new AppError('CONTRACT_OVER_REFUND', {
            amount: formatMoney(data.amount, contract.currency),
            remaining: formatMoney(remaining, contract.currency),
          });
        }
        const row = newRow(contract, actor.userId, 'REFUND', data.idempotencyKey, hash, this.clock.now(), {
          plan_item_id: original.plan_item_id,
          amount: data.amount,
          status: 'REFUNDED',
          refund_of_id: id,
          purpose: data.reason,
          paid_on: data.refundedOn,
        });
        await repo.insertPayment(trx, row);
        await this.figures.refresh(trx, contract.id);
        await this.audit.record(trx, ctx, {
          entityType: 'contract_payment',
          entityId: row.id,
          action: 'refund',
          after: auditable(row),
        });
        return row.id;
      }),
    );
    return this.payments.get(ctx, refundId);
  }

  // ---------------------------------------------------------------- internals

  /** A state change of one payment: scope check, contract lock, payment lock, write, figures, audit. */
  private async onPayment(
    ctx: RequestContext,
    scope: Scope,
    id: string,
    change: (
      trx: Db,
      before: ContractPaymentTable,
    ) => Promise<{ action: string; changes: { field: string; old: unknown; new: unknown }[] }>,
  ): Promise<void> {
    const head = await repo.paymentHead(this.db, id);
    if (!head) throw notFound();
    AccessControl.assertVisible(scope, scopedFacts(head));
    await this.db.transaction().execute(async (trx) => {
      await contractsRepo.lockContract(trx, head.contract_id);
      const before = await repo.lockPayment(trx, id);
      if (!before) throw notFound();
      const { action, changes } = await change(trx, before);
      await this.figures.refresh(trx, head.contract_id);
      await this.audit.record(trx, ctx, { entityType: 'contract_payment', entityId: id, action, changes });
    });
  }
}
