import { sql } from 'kysely';
import { type Db, isPostgres } from '../../../db/index.js';
import type { ContractPaymentTable } from '../contracts.tables.js';

/** A payment with what its views show: the contract, the plan item, the refund's source, refunds so far. */
export interface PaymentRow extends ContractPaymentTable {
  contract_number: string | null;
  contract_name: string;
  owner_id: string;
  item_seq: number | null;
  item_name: string | null;
  refund_of_number: string | null;
  refunded_amount: number;
}

/** Where a payment keeps the facts a data scope judges (the contract's owner counts as its owner). */
export const paymentScope = { entity: 'p.entity_id', department: 'p.department_id', owner: 'c.owner_id' };

const refunded = sql<number>`(select coalesce(sum(r.amount), 0) from contract_payment r where r.refund_of_id = p.id and r.kind = 'REFUND')`;

function paymentsWithFacts(db: Db) {
  return db
    .selectFrom('contract_payment as p')
    .innerJoin('contract as c', 'c.id', 'p.contract_id')
    .leftJoin('contract_plan_item as i', 'i.id', 'p.plan_item_id')
    .leftJoin('contract_payment as o', 'o.id', 'p.refund_of_id')
    .selectAll('p')
    .select([
      'c.number as contract_number',
      'c.name as contract_name',
      'c.owner_id as owner_id',
      'i.seq as item_seq',
      'i.name as item_name',
      'o.number as refund_of_number',
      refunded.as('refunded_amount'),
    ]);
}

export async function findPayment(db: Db, id: string): Promise<PaymentRow | undefined> {
  return (await paymentsWithFacts(db).where('p.id', '=', id).executeTakeFirst()) as PaymentRow | undefined;
}

export function paymentsOf(db: Db, contractId: string, filter: { kind?: string; status?: string }) {
  let query = paymentsWithFacts(db).where('p.contract_id', '=', contractId);
  if (filter.kind) query = query.where('p.kind', '=', filter.kind);
  if (filter.status) query = query.where('p.status', '=', filter.status);
  return query;
}

/** The payment row locked for the rest of the transaction (callers lock the contract first). */
export function lockPayment(db: Db, id: string): Promise<ContractPaymentTable | undefined> {
  const query = db.selectFrom('contract_payment').selectAll().where('id', '=', id);
  return (isPostgres(db) ? query.forUpdate() : query).executeTakeFirst() as Promise<
    ContractPaymentTable | undefined
  >;
}

/** The scope facts and contract of a payment, for checks before a write's transaction. */
export async function paymentHead(db: Db, id: string) {
  return (await db
    .selectFrom('contract_payment as p')
    .innerJoin('contract as c', 'c.id', 'p.contract_id')
    .select(['p.id', 'p.contract_id', 'p.entity_id', 'p.department_id', 'c.owner_id'])
    .where('p.id', '=', id)
    .executeTakeFirst()) as
    | { id: string; contract_id: string; entity_id: string; department_id: string; owner_id: string }
    | undefined;
}

export const findByKey = (db: Db, key: string): Promise<ContractPaymentTable | undefined> =>
  db
    .selectFrom('contract_payment')
    .selectAll()
    .where('idempotency_key', '=', key)
    .executeTakeFirst() as Promise<ContractPaymentTable | undefined>;

export async function insertPayment(db: Db, row: ContractPaymentTable): Promise<void> {
  await db.insertInto('contract_payment').values(row).execute();
}

export async function updatePayment(
  db: Db,
  id: string,
  patch: Partial<Omit<ContractPaymentTable, 'id' | 'contract_id' | 'kind'>>,
): Promise<void> {
  await db.updateTable('contract_payment').set(patch).where('id', '=', id).execute();
}

/**
 * Money committed on a contract, read inside the writer's transaction after the contract row is
 * locked: per plan item and in total, what is settled (paid or received, net of refunds) and what
 * is requested (payment requests in approval or approved, not yet paid).
 */
export async function committed(db: Db, contractId: string) {
  const byItem = new Map<string | null, { paid: number; requested: number }>();
  const total = { paid: 0, requested: 0 };
  for (const { itemId, paid, requested } of await paymentFiguresByItem(db, contractId)) {
    byItem.set(itemId, { paid, requested });
    total.paid += paid;
    total.requested += requested;
  }
  return { byItem, total };
}

/**
 * The one definition of a contract's payment figures per plan item (null: not tied to an item):
 * `requested` is what payment requests hold in approval or approved and not yet paid; `paid` is
 * what was paid or received, net of refunds. The guard, the plan and the ledger's figures all use it.
 */
export async function paymentFiguresByItem(db: Db, contractId: string) {
  const rows = await db
    .selectFrom('contract_payment')
    .select([
      'plan_item_id',
      sql<number>`coalesce(sum(case when kind = 'PAYMENT' and status in ('IN_APPROVAL', 'APPROVED') then amount else 0 end), 0)`.as(
        'requested',
      ),
      sql<number>`coalesce(sum(case when (kind = 'PAYMENT' and status = 'PAID') or (kind = 'RECEIPT' and status = 'RECEIVED') then amount when kind = 'REFUND' and status = 'REFUNDED' then -amount else 0 end), 0)`.as(
        'paid',
      ),
    ])
    .where('contract_id', '=', contractId)
    .groupBy('plan_item_id')
    .execute();
  return rows.map((r) => ({
    itemId: r.plan_item_id ?? null,
    requested: r.requested,
    paid: r.paid,
  }));
}

/** Totals of a contract's money for the list's summary row. */
export async function totalsOf(db: Db, contractId: string) {
  const row = await db
    .selectFrom('contract_payment')
    .select([
      sql<number>`coalesce(sum(case when kind = 'PAYMENT' and status in ('IN_APPROVAL', 'APPROVED') then amount else 0 end), 0)`.as(
        'requested',
      ),
      sql<number>`coalesce(sum(case when kind = 'PAYMENT' and status = 'PAID' then amount else 0 end), 0)`.as(
        'paid',
      ),
      sql<number>`coalesce(sum(case when kind = 'RECEIPT' and status = 'RECEIVED' then amount else 0 end), 0)`.as(
        'received',
      ),
      sql<number>`coalesce(sum(case when kind = 'REFUND' and status = 'REFUNDED' then amount else 0 end), 0)`.as(
        'refunded',
      ),
    ])
    .where('contract_id', '=', contractId)
    .executeTakeFirstOrThrow();
  const totals = {
    requested: row.requested,
    paid: row.paid,
    received: row.received,
    refunded: row.refunded,
  };
  return { ...totals, net: totals.paid + totals.received - totals.refunded };
}

/** Refunded so far of a payment or receipt. */
export async function refundedOf(db: Db, paymentId: string): Promise<number> {
  const row = await db
    .selectFrom('contract_payment')
    .select(sql<number>`coalesce(sum(amount), 0)`.as('total'))
    .where('refund_of_id', '=', paymentId)
    .where('kind', '=', 'REFUND')
    .executeTakeFirstOrThrow();
  return row.total;
}

export interface PlanItemRow {
  id: string;
  contract_id: string;
  seq: number;
  name: string;
  due_date: string;
  amount: number;
  invoiced_amount: number;
  accepted_amount: number;
}

export const planItemsOf = (db: Db, contractId: string): Promise<PlanItemRow[]> =>
  db
    .selectFrom('contract_plan_item')
    .select(['id', 'contract_id', 'seq', 'name', 'due_date', 'amount', 'invoiced_amount', 'accepted_amount'])
    .where('contract_id', '=', contractId)
    .orderBy('seq')
    .execute() as Promise<PlanItemRow[]>;

export const findPlanItem = (db: Db, id: string): Promise<PlanItemRow | undefined> =>
  db
    .selectFrom('contract_plan_item')
    .select(['id', 'contract_id', 'seq', 'name', 'due_date', 'amount', 'invoiced_amount', 'accepted_amount'])
    .where('id', '=', id)
    .executeTakeFirst() as Promise<PlanItemRow | undefined>;

/** The contract facts a payment's approval shows and the flow is chosen by. */
export async function approvalFacts(db: Db, contractId: string) {
  return await db
    .selectFrom('contract as c')
    .leftJoin('contract_category as k', 'k.id', 'c.category_id')
    .select(['c.partner_name', 'k.code as category_code'])
    .where('c.id', '=', contractId)
    .executeTakeFirst();
}

export async function paymentExists(db: Db, id: string): Promise<boolean> {
  return !!(await db.selectFrom('contract_payment').select('id').where('id', '=', id).executeTakeFirst());
}

/** One payment per entity, for the route guard test. */
export async function paymentSampleIn(db: Db, entityId: string): Promise<string | null> {
  const row = await db
    .selectFrom('contract_payment')
    .select('id')
    .where('entity_id', '=', entityId)
    .orderBy('id')
    .executeTakeFirst();
  return row?.id ?? null;
}
