import { createHash } from 'node:crypto';
import {
  type ContractPayment,
  type ContractPaymentCancel,
  type ContractPaymentCreate,
  type ContractPaymentListQuery,
  type ContractPaymentPage,
  type ContractPaymentPay,
  type ContractPaymentPosition,
  type ContractReceiptCreate,
  type ContractRefundCreate,
  contractPaymentCancelSchema,
  contractPaymentCreateSchema,
  contractPaymentPaySchema,
  contractReceiptCreateSchema,
  contractRefundCreateSchema,
  type FormField,
  type Locale,
  type PaymentMethod,
} from '@concord/contracts';
import type { Kysely } from 'kysely';
import { newId, nowInstant } from '../../../db/index.js';
import { AccessControl, isInScope, type Scope } from '../../../platform/access/index.js';
import type { AuditService } from '../../../platform/audit/index.js';
import { AppError, forbidden, invalidReference, notFound } from '../../../platform/http/errors.js';
import type { RequestContext } from '../../../platform/http/index.js';
import { applySort, fetchPage } from '../../../platform/http/paging.js';
import * as contractsRepo from '../register/contracts.repository.js';
import { scopedFacts } from '../register/contracts.rules.js';
import type { ContractFigureColumns, ContractTable } from '../contracts.tables.js';
import {
  executableAmount,
  needsOverride,
  paymentRoom,
  type Tolerance,
} from '../execution/execution.rules.js';
import type { ContractFiguresService } from '../execution/figures.service.js';
import * as repo from './payments.repository.js';

/** The business type payment requests are approved under; `category` is the contract category's code. */
export const PAYMENT_BUSINESS_TYPE = 'contract.payment';

/** Contract statuses that take new payment requests or receipts. */
const OPEN_STATUSES = ['APPROVED', 'IN_FORCE'];

export type PaymentApprovalOutcome = 'APPROVED' | 'REJECTED' | 'WITHDRAWN';

/** What the payments part needs from outside, wired in app.ts. */
export interface PaymentPorts {
  startApproval(
    trx: Kysely<any>,
    ctx: RequestContext,
    input: {
      businessType: string;
      subjectId: string;
      title: string;
      entityId: string;
      departmentId: string | null;
      amount: number | null;
      category: string | null;
      formData: Record<string, unknown>;
      selections?: Record<string, string[]>;
    },
  ): Promise<string>;
  userNames(db: Kysely<any>, ids: string[]): Promise<Map<string, string>>;
  /** The matching tolerance in force for an entity (execution settings). */
  tolerance(trx: Kysely<any>, entityId: string): Promise<Tolerance>;
  /** Today (YYYY-MM-DD, China time) for payment numbers. */
  today(): string;
}

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

type ContractRow = ContractTable & ContractFigureColumns;
type Committed = Awaited<ReturnType<typeof repo.committed>>;

/**
 * Money on a contract (付款申请/付款/收款/退款). Every write locks the contract row first so that
 * concurrent writers on one contract queue up, then reads the committed sums inside its transaction
 * and refuses what would pass the plan item's or the contract's amount; every creation is idempotent
 * by its key; every write refreshes the contract's figures and is audited in the same transaction.
 */
export class ContractPaymentsService {
  constructor(
    private readonly db: Kysely<any>,
    private readonly audit: AuditService,
    private readonly figures: Pick<ContractFiguresService, 'refresh'>,
    private readonly ports: PaymentPorts,
  ) {}

  async list(
    ctx: RequestContext,
    contractId: string,
    query: ContractPaymentListQuery,
  ): Promise<ContractPaymentPage> {
    const scope = await ctx.access.require('contract.view');
    await this.visibleContract(this.db, scope, contractId);
    const sorted = applySort(
      repo.paymentsOf(this.db, contractId, query),
      query.sort,
      {
        createdAt: 'p.created_at',
        amount: 'p.amount',
        number: 'p.number',
        status: 'p.status',
        paidOn: 'p.paid_on',
      },
      { column: 'p.created_at', direction: 'desc' },
      'p.id',
    );
    const page = await fetchPage(sorted, query, (row) => row as unknown as repo.PaymentRow);
    const names = await this.namesOf(page.items);
    return {
      ...page,
      items: page.items.map((row) => toPayment(row, names)),
      totals: await repo.totalsOf(this.db, contractId),
    };
  }

  async get(ctx: RequestContext, id: string): Promise<ContractPayment> {
    const scope = await ctx.access.require('contract.view');
    const row = await repo.findPayment(this.db, id);
    if (!row) throw notFound();
    AccessControl.assertVisible(scope, scopedFacts(row));
    return toPayment(row, await this.namesOf([row]));
  }

  /** Where the contract stands before a new request or receipt, per plan item (what the form shows). */
  async position(ctx: RequestContext, contractId: string): Promise<ContractPaymentPosition> {
    const scope = await ctx.access.require('contract.view');
    const contract = await this.visibleContract(this.db, scope, contractId);
    const [items, money, tolerance] = await Promise.all([
      repo.planItemsOf(this.db, contractId),
      repo.committed(this.db, contractId),
      this.ports.tolerance(this.db, contract.entity_id),
    ]);
    const amount = executableAmount(contract);
    const facts = scopedFacts(contract);
    const may = async (permission: string) =>
      ctx.access.has(permission) && isInScope(await ctx.access.require(permission), facts);
    return {
      contractId,
      direction: contract.direction as 'INCOME' | 'EXPENSE',
      status: contract.status,
      amount,
      paid: money.total.paid,
      requested: money.total.requested,
      invoiced: Number(contract.invoiced_amount),
      accepted: Number(contract.accepted_amount),
      room: Math.max(0, amount - money.total.paid - money.total.requested),
      tolerance,
      open: OPEN_STATUSES.includes(contract.status),
      items: items.map((item) => {
        const own = money.byItem.get(item.id) ?? { paid: 0, requested: 0 };
        return {
          id: item.id,
          seq: Number(item.seq),
          name: item.name,
          dueDate: String(item.due_date),
          amount: Number(item.amount),
          paid: own.paid,
          requested: own.requested,
          invoiced: Number(item.invoiced_amount),
          accepted: Number(item.accepted_amount),
          room: paymentRoom(
            { amount: Number(item.amount), ...own },
            { amount, paid: money.total.paid, requested: money.total.requested },
          ),
        };
      }),
      can: {
        request: await may('contract.payment'),
        pay: await may('contract.pay'),
        override: await may('contract.override'),
      },
    };
  }

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
    const id = await this.idempotent(scope, data.idempotencyKey, hash, (trx) =>
      this.withContract(trx, scope, contractId, data.idempotencyKey, hash, async (contract) => {
        if (contract.direction !== 'EXPENSE') throw stateError(ctx.locale, 'notExpense');
        if (!OPEN_STATUSES.includes(contract.status)) throw stateError(ctx.locale, 'contractClosed');
        const item = await this.itemOf(trx, contractId, data.planItemId);
        const money = await repo.committed(trx, contractId);
        const itemRoom = this.guard(contract, item, money, data.amount);
        const tolerance = await this.ports.tolerance(trx, contract.entity_id);
        const position = {
          paid: money.total.paid,
          requested: money.total.requested,
          invoiced: Number(contract.invoiced_amount),
          accepted: Number(contract.accepted_amount),
        };
        let override: { reason: string; by: string } | null = null;
        if (needsOverride(position, data.amount, tolerance)) {
          if (!data.overrideReason) {
            throw new AppError('CONTRACT_PAYMENT_NEEDS_OVERRIDE', {
              committed: yuan(position.paid + position.requested + data.amount),
              invoiced: yuan(position.invoiced),
              accepted: yuan(position.accepted),
            });
          }
          if (!overrideScope || !isInScope(overrideScope, scopedFacts(contract))) throw forbidden();
          override = { reason: data.overrideReason, by: actor.userId };
        }
        const row = this.newRow(contract, actor.userId, 'PAYMENT', data.idempotencyKey, hash, {
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
          title: `付款申请：${contract.number ?? contract.name}（${item.name} ${yuan(data.amount)}）`.slice(
            0,
            200,
          ),
          entityId: contract.entity_id,
          departmentId: contract.department_id,
          amount: data.amount,
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
    return this.get(ctx, id);
  }

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
    const id = await this.idempotent(scope, data.idempotencyKey, hash, (trx) =>
      this.withContract(trx, scope, contractId, data.idempotencyKey, hash, async (contract) => {
        if (contract.direction !== 'INCOME') throw stateError(ctx.locale, 'notIncome');
        if (!OPEN_STATUSES.includes(contract.status)) throw stateError(ctx.locale, 'contractClosed');
        const item = await this.itemOf(trx, contractId, data.planItemId);
        this.guard(contract, item, await repo.committed(trx, contractId), data.amount);
        const row = this.newRow(contract, actor.userId, 'RECEIPT', data.idempotencyKey, hash, {
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
    return this.get(ctx, id);
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
        updated_at: nowInstant(),
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
    return this.get(ctx, id);
  }

  /** Cancels an approved payment that was not paid (the money is no longer requested). */
  async cancel(ctx: RequestContext, id: string, input: ContractPaymentCancel): Promise<ContractPayment> {
    const scope = await ctx.access.require('contract.payment');
    const data = contractPaymentCancelSchema.parse(input);
    await this.onPayment(ctx, scope, id, async (trx, before) => {
      if (before.kind !== 'PAYMENT' || before.status !== 'APPROVED')
        throw stateError(ctx.locale, 'notApproved');
      await repo.updatePayment(trx, id, { status: 'CANCELED', updated_at: nowInstant() });
      return {
        action: 'cancel',
        changes: [
          { field: 'status', old: before.status, new: 'CANCELED' },
          { field: 'reason', old: null, new: data.reason },
        ],
      };
    });
    return this.get(ctx, id);
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
    const refundId = await this.idempotent(scope, data.idempotencyKey, hash, (trx) =>
      this.withContract(trx, scope, head.contract_id, data.idempotencyKey, hash, async (contract) => {
        const original = await repo.lockPayment(trx, id);
        if (!original) throw notFound();
        const refundable =
          (original.kind === 'PAYMENT' && original.status === 'PAID') ||
          (original.kind === 'RECEIPT' && original.status === 'RECEIVED');
        if (!refundable) throw stateError(ctx.locale, 'notRefundable');
        const remaining = Number(original.amount) - (await repo.refundedOf(trx, id));
        if (data.amount > remaining) {
          throw new AppError('CONTRACT_OVER_REFUND', {
            amount: yuan(data.amount),
            remaining: yuan(remaining),
          });
        }
        const row = this.newRow(contract, actor.userId, 'REFUND', data.idempotencyKey, hash, {
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
    return this.get(ctx, refundId);
  }

  /**
   * The approval's outcome for a payment request, called by the engine (through the contract
   * approval adapter) inside its own transaction. A request no longer in approval stays as it is.
   */
  async onApprovalOutcome(
    trx: Kysely<any>,
    ctx: RequestContext,
    id: string,
    outcome: PaymentApprovalOutcome,
  ): Promise<void> {
    const head = await repo.paymentHead(trx, id);
    if (!head) return;
    await contractsRepo.lockContract(trx, head.contract_id);
    const before = await repo.lockPayment(trx, id);
    if (before?.status !== 'IN_APPROVAL') return;
    await repo.updatePayment(trx, id, { status: outcome, updated_at: nowInstant() });
    await this.figures.refresh(trx, head.contract_id);
    await this.audit.record(trx, ctx, {
      entityType: 'contract_payment',
      entityId: id,
      action: 'status',
      changes: [{ field: 'status', old: before.status, new: outcome }],
    });
  }

  /** The fields a payment request shows in the approval detail (null: not a payment). */
  async fieldsOf(db: Kysely<any>, id: string): Promise<FormField[] | null> {
    return (await repo.paymentExists(db, id)) ? PAYMENT_REQUEST_FIELDS : null;
  }

  // ---------------------------------------------------------------- internals

  private async visibleContract(db: Kysely<any>, scope: Scope, contractId: string): Promise<ContractRow> {
    const row = (await contractsRepo.findContract(db, contractId)) as ContractRow | undefined;
    if (!row) throw notFound();
    AccessControl.assertVisible(scope, scopedFacts(row));
    return row;
  }

  /**
   * Runs a creation once per idempotency key: a key already used answers with its record when the
   * request is the same and IDEMPOTENCY_MISMATCH when it differs. Two first uses of one key on
   * different contracts race to the unique index; the loser answers like a replay.
   */
  private async idempotent(
    scope: Scope,
    key: string,
    hash: string,
    create: (trx: Kysely<any>) => Promise<string | { replay: string }>,
  ): Promise<string> {
    const replay = async () => {
      const existing = await repo.findByKey(this.db, key);
      if (!existing) return null;
      if (existing.request_hash !== hash) throw new AppError('IDEMPOTENCY_MISMATCH', { key });
      const head = (await repo.paymentHead(this.db, existing.id))!;
      AccessControl.assertVisible(scope, scopedFacts(head));
      return existing.id;
    };
    const earlier = await replay();
    if (earlier) return earlier;
    try {
      const result = await this.db.transaction().execute(create);
      return typeof result === 'string' ? result : result.replay;
    } catch (error) {
      if (error instanceof AppError) throw error;
      const raced = await replay();
      if (raced) return raced;
      throw error;
    }
  }

  /** Locks the contract, checks the caller's scope on it and the key again (now serialised), then writes. */
  private async withContract(
    trx: Kysely<any>,
    scope: Scope,
    contractId: string,
    key: string,
    hash: string,
    write: (contract: ContractRow) => Promise<string>,
  ): Promise<string | { replay: string }> {
    const contract = (await contractsRepo.lockContract(trx, contractId)) as ContractRow | undefined;
    if (!contract) throw notFound();
    AccessControl.assertVisible(scope, scopedFacts(contract));
    const existing = await repo.findByKey(trx, key);
    if (existing) {
      if (existing.request_hash !== hash) throw new AppError('IDEMPOTENCY_MISMATCH', { key });
      return { replay: existing.id };
    }
    return write(contract);
  }

  /** A state change of one payment: scope check, contract lock, payment lock, write, figures, audit. */
  private async onPayment(
    ctx: RequestContext,
    scope: Scope,
    id: string,
    change: (
      trx: Kysely<any>,
      before: repo.ContractPaymentTable,
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

  private async itemOf(trx: Kysely<any>, contractId: string, itemId: string) {
    const item = await repo.findPlanItem(trx, itemId);
    if (!item || item.contract_id !== contractId) throw invalidReference('contract plan item');
    return item;
  }

  /**
   * The guard: paid + requested + this may not pass the item's amount nor the contract's executable
   * amount. Returns the item's room before this request.
   */
  private guard(contract: ContractRow, item: repo.PlanItemRow, money: Committed, amount: number): number {
    const own = money.byItem.get(item.id) ?? { paid: 0, requested: 0 };
    const itemRoom = Math.max(0, Number(item.amount) - own.paid - own.requested);
    const contractRoom = Math.max(0, executableAmount(contract) - money.total.paid - money.total.requested);
    if (amount > Math.min(itemRoom, contractRoom)) {
      const itemBinds = itemRoom <= contractRoom;
      throw new AppError('CONTRACT_OVER_PAYMENT', {
        amount: yuan(amount),
        what: itemBinds ? 'contract plan item' : 'contract',
        remaining: yuan(itemBinds ? itemRoom : contractRoom),
      });
    }
    return itemRoom;
  }

  private newRow(
    contract: ContractRow,
    userId: string,
    kind: 'PAYMENT' | 'RECEIPT' | 'REFUND',
    key: string,
    hash: string,
    fields: Partial<repo.ContractPaymentTable> & { amount: number; status: string },
  ): repo.ContractPaymentTable {
    const id = newId();
    const now = nowInstant();
    return {
      id,
      contract_id: contract.id,
      plan_item_id: null,
      kind,
      number: `${numberPrefix[kind]}${this.ports.today().replaceAll('-', '')}-${id.slice(-8).toUpperCase()}`,
      refund_of_id: null,
      purpose: null,
      entity_id: contract.entity_id,
      department_id: contract.department_id,
      requested_by: userId,
      instance_id: null,
      paid_on: null,
      bank_account: null,
      method: null,
      reference: null,
      override_reason: null,
      override_by: null,
      idempotency_key: key,
      request_hash: hash,
      created_at: now,
      updated_at: now,
      ...fields,
    };
  }

  private namesOf(rows: repo.PaymentRow[]) {
    return this.ports.userNames(
      this.db,
      [...new Set(rows.flatMap((r) => [r.requested_by, r.override_by]))].filter((id): id is string => !!id),
    );
  }
}

const numberPrefix = { PAYMENT: 'FK', RECEIPT: 'SK', REFUND: 'TK' } as const;

/** sha256 of the request's canonical JSON (keys sorted, undefined dropped). */
export function requestHash(body: Record<string, unknown>): string {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.keys(value)
          .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
          .sort()
          .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
      );
    }
    return value;
  };
  return createHash('sha256')
    .update(JSON.stringify(canonical(body)))
    .digest('hex');
}

/** ¥1,234.56 from 分, for messages. */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}¥${whole}.${String(abs % 100).padStart(2, '0')}`;
}

const stateMessages = {
  notExpense: {
    'zh-CN': '付款申请只能针对支出类合同，收入类合同请登记收款',
    'en-US': 'payment requests are for expense contracts; register receipts on income contracts',
  },
  notIncome: {
    'zh-CN': '收款只能登记在收入类合同上',
    'en-US': 'receipts are registered on income contracts only',
  },
  contractClosed: {
    'zh-CN': '只有已审批或履行中的合同可以申请付款或登记收款',
    'en-US': 'only approved or in-force contracts take payment requests or receipts',
  },
  notApproved: {
    'zh-CN': '只有审批通过且尚未支付的付款申请可以执行此操作',
    'en-US': 'only an approved, unpaid payment request allows this',
  },
  notRefundable: {
    'zh-CN': '只有已支付的付款或已登记的收款可以退款',
    'en-US': 'only a paid payment or a registered receipt can be refunded',
  },
} as const;

function stateError(locale: Locale, key: keyof typeof stateMessages): AppError {
  // The detail is stored in the caller's language; the code stays stable for clients.
  return new AppError('CONTRACT_PAYMENT_STATE', { detail: stateMessages[key][locale] });
}

function auditable(row: repo.ContractPaymentTable) {
  return {
    contractId: row.contract_id,
    kind: row.kind,
    number: row.number,
    planItemId: row.plan_item_id,
    amount: row.amount,
    status: row.status,
    refundOfId: row.refund_of_id,
    purpose: row.purpose,
    paidOn: row.paid_on,
    bankAccount: row.bank_account,
    method: row.method,
    reference: row.reference,
    overrideReason: row.override_reason,
    overrideBy: row.override_by,
    idempotencyKey: row.idempotency_key,
  };
}

const iso = (value: unknown) => new Date(value as string).toISOString();

function toPayment(row: repo.PaymentRow, names: Map<string, string>): ContractPayment {
  return {
    id: row.id,
    contractId: row.contract_id,
    contractNumber: row.contract_number,
    contractName: row.contract_name,
    kind: row.kind as ContractPayment['kind'],
    number: row.number,
    planItemId: row.plan_item_id,
    planItemSeq: row.item_seq === null ? null : Number(row.item_seq),
    planItemName: row.item_name,
    amount: Number(row.amount),
    status: row.status as ContractPayment['status'],
    refundOfId: row.refund_of_id,
    refundOfNumber: row.refund_of_number,
    purpose: row.purpose,
    requestedBy: row.requested_by,
    requestedByName: names.get(row.requested_by) ?? '',
    instanceId: row.instance_id,
    paidOn: row.paid_on === null ? null : String(row.paid_on),
    bankAccount: row.bank_account,
    method: row.method as PaymentMethod | null,
    reference: row.reference,
    overrideReason: row.override_reason,
    overrideBy: row.override_by,
    overrideByName: row.override_by ? (names.get(row.override_by) ?? '') : null,
    refundedAmount: Number(row.refunded_amount),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}
