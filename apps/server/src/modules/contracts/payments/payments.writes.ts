import { createHash } from 'node:crypto';
import { businessDate, formatMoney, type Locale } from '@concord/contracts';
import { type Db, newId } from '../../../db/index.js';
import { AccessControl, type Scope } from '../../../platform/access/index.js';
import { AppError, invalidReference, notFound } from '../../../platform/http/index.js';
import * as contractsRepo from '../register/contracts.repository.js';
import { scopedFacts } from '../register/contracts.rules.js';
import type { ContractFigureColumns, ContractPaymentTable, ContractTable } from '../contracts.tables.js';
import type { ContractPorts } from '../contracts.ports.js';
import { executableAmount, type Tolerance } from '../execution/execution.rules.js';
import * as repo from './payments.repository.js';

/**
 * What every money write on a contract shares (requests, payments, receipts, refunds): the ports,
 * idempotency by key, the contract lock, the guard against paying past the plan, new rows, state
 * messages and the audit view.
 */

/** Contract statuses that take new payment requests or receipts. */
export const OPEN_STATUSES = ['APPROVED', 'IN_FORCE'];

/** What the payments part needs from outside, wired in the module definition. */
export interface PaymentPorts {
  startApproval: ContractPorts['startApproval'];
  userNames(db: Db, ids: string[]): Promise<Map<string, string>>;
  /** The matching tolerance in force for an entity (execution settings). */
  tolerance(trx: Db, entityId: string): Promise<Tolerance>;
}

export type ContractRow = ContractTable & ContractFigureColumns;
export type Committed = Awaited<ReturnType<typeof repo.committed>>;

/**
 * Runs a creation once per idempotency key: a key already used answers with its record when the
 * request is the same and IDEMPOTENCY_MISMATCH when it differs. Two first uses of one key on
 * different contracts race to the unique index; the loser answers like a replay.
 */
export async function idempotent(
  db: Db,
  scope: Scope,
  key: string,
  hash: string,
  create: (trx: Db) => Promise<string | { replay: string }>,
): Promise<string> {
  const replay = async () => {
    const existing = await repo.findByKey(db, key);
    if (!existing) return null;
    if (existing.request_hash !== hash) throw new AppError('IDEMPOTENCY_MISMATCH', { key });
    const head = (await repo.paymentHead(db, existing.id))!;
    AccessControl.assertVisible(scope, scopedFacts(head));
    return existing.id;
  };
  const earlier = await replay();
  if (earlier) return earlier;
  try {
    const result = await db.transaction().execute(create);
    return typeof result === 'string' ? result : result.replay;
  } catch (error) {
    if (error instanceof AppError) throw error;
    const raced = await replay();
    if (raced) return raced;
    throw error;
  }
}

/** Locks the contract, checks the caller's scope on it and the key again (now serialised), then writes. */
export async function withContract(
  trx: Db,
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

export async function itemOf(trx: Db, contractId: string, itemId: string) {
  const item = await repo.findPlanItem(trx, itemId);
  if (!item || item.contract_id !== contractId) throw invalidReference('contract plan item');
  return item;
}

/**
 * The guard: paid + requested + this may not pass the item's amount nor the contract's executable
 * amount. Returns the item's room before this request.
 */
export function guard(
  contract: ContractRow,
  item: repo.PlanItemRow,
  money: Committed,
  amount: number,
): number {
  const own = money.byItem.get(item.id) ?? { paid: 0, requested: 0 };
  const itemRoom = Math.max(0, item.amount - own.paid - own.requested);
  const contractRoom = Math.max(0, executableAmount(contract) - money.total.paid - money.total.requested);
  if (amount > Math.min(itemRoom, contractRoom)) {
    const itemBinds = itemRoom <= contractRoom;
    throw new AppError('CONTRACT_OVER_PAYMENT', {
      amount: formatMoney(amount, contract.currency),
      what: itemBinds ? 'contract plan item' : 'contract',
      remaining: formatMoney(itemBinds ? itemRoom : contractRoom, contract.currency),
    });
  }
  return itemRoom;
}

/**
 * A new payment, receipt or refund row stamped with `now` (the app's clock) and numbered by kind and
 * that instant's business date, so the number's date and the row's instant never disagree.
 */
export function newRow(
  contract: ContractRow,
  userId: string,
  kind: 'PAYMENT' | 'RECEIPT' | 'REFUND',
  key: string,
  hash: string,
  now: Date,
  fields: Partial<ContractPaymentTable> & { amount: number; status: string },
): ContractPaymentTable {
  const id = newId();
  const instant = now.toISOString();
  return {
    id,
    contract_id: contract.id,
    plan_item_id: null,
    kind,
    number: `${numberPrefix[kind]}${businessDate(now).replaceAll('-', '')}-${id.slice(-8).toUpperCase()}`,
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
    created_at: instant,
    updated_at: instant,
    ...fields,
  };
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

export function stateError(locale: Locale, key: keyof typeof stateMessages): AppError {
  // The detail is stored in the caller's language; the code stays stable for clients.
  return new AppError('CONTRACT_PAYMENT_STATE', { detail: stateMessages[key][locale] });
}

export function auditable(row: ContractPaymentTable) {
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
