import type { Kysely } from 'kysely';
import { columnTypes } from '../../../db/index.js';

/**
 * Contract execution: payment and receipt plans, payments (requests, receipts, refunds), deliveries
 * and acceptance, settlement, evaluation, collection settings, and the execution figures the ledger
 * reads (kept on the contract and its plan lines, refreshed in the transaction of every write that
 * changes them).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);

  // Figures of the contract, refreshed from their sources by figures.service.ts.
  for (const column of [
    'planned_amount',
    'requested_amount',
    'paid_amount',
    'invoiced_amount',
    'accepted_amount',
    'delivered_amount',
  ]) {
    await db.schema
      .alterTable('contract')
      .addColumn(column, t.money, (c) => c.notNull().defaultTo(0))
      .execute();
  }
  // The settled amount once a settlement is approved (null before): outstanding amounts use it.
  await db.schema.alterTable('contract').addColumn('settled_amount', t.money).execute();
  await db.schema.alterTable('contract').addColumn('next_due_date', t.date).execute();
  await db.schema.createIndex('contract_by_next_due').on('contract').columns(['next_due_date']).execute();
  // Criteria of the evaluation scorecard per category: [{ code, name, weight (basis points) }].
  await db.schema.alterTable('contract_category').addColumn('evaluation_criteria', t.json).execute();

  // Milestones of payment (expense contracts) or receipt (income contracts); they sum to the
  // contract's current (or settled) amount.
  await db.schema
    .createTable('contract_plan_item')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('contract_id', t.id, (c) => c.notNull().references('contract.id'))
    .addColumn('seq', t.int, (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('due_date', t.date, (c) => c.notNull())
    .addColumn('amount', t.money, (c) => c.notNull())
    /** Share of the contract amount in basis points, as entered (informative; the amount rules). */
    .addColumn('percentage', t.int)
    .addColumn('condition_text', 'text')
    // Figures of the line, refreshed with the contract's.
    .addColumn('requested_amount', t.money, (c) => c.notNull().defaultTo(0))
    .addColumn('paid_amount', t.money, (c) => c.notNull().defaultTo(0))
    .addColumn('invoiced_amount', t.money, (c) => c.notNull().defaultTo(0))
    .addColumn('accepted_amount', t.money, (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('contract_plan_item_seq', ['contract_id', 'seq'])
    .execute();
  await db.schema
    .createIndex('contract_plan_item_due')
    .on('contract_plan_item')
    .columns(['due_date'])
    .execute();

  // Money moving on a contract: payment requests (approved, then paid), receipts, refunds.
  await db.schema
    .createTable('contract_payment')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('contract_id', t.id, (c) => c.notNull().references('contract.id'))
    .addColumn('plan_item_id', t.id, (c) => c.references('contract_plan_item.id'))
    /** PAYMENT (we pay), RECEIPT (we receive), REFUND (money back on an earlier payment or receipt). */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('number', t.sortableText, (c) => c.notNull().unique())
    .addColumn('amount', t.money, (c) => c.notNull())
    /** PAYMENT: IN_APPROVAL → APPROVED → PAID, or REJECTED / WITHDRAWN / CANCELED; RECEIPT: RECEIVED; REFUND: REFUNDED. */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('refund_of_id', t.id, (c) => c.references('contract_payment.id'))
    .addColumn('purpose', 'text')
    .addColumn('entity_id', t.id, (c) => c.notNull().references('org_entity.id'))
    .addColumn('department_id', t.id, (c) => c.notNull().references('org_department.id'))
    .addColumn('requested_by', t.id, (c) => c.notNull().references('org_user.id'))
    .addColumn('instance_id', t.id)
    .addColumn('paid_on', t.date)
    .addColumn('bank_account', 'text')
    .addColumn('method', 'text')
    .addColumn('reference', 'text')
    /** Set when the request goes beyond what was invoiced or accepted: why, and who allowed it. */
    .addColumn('override_reason', 'text')
    .addColumn('override_by', t.id)
    .addColumn('idempotency_key', 'text', (c) => c.unique())
    .addColumn('request_hash', 'text')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('contract_payment_contract')
    .on('contract_payment')
    .columns(['contract_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('contract_payment_item')
    .on('contract_payment')
    .columns(['plan_item_id'])
    .execute();

  // Deliveries and their acceptance (交付/验收).
  await db.schema
    .createTable('contract_delivery')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('contract_id', t.id, (c) => c.notNull().references('contract.id'))
    .addColumn('plan_item_id', t.id, (c) => c.references('contract_plan_item.id'))
    .addColumn('description', 'text', (c) => c.notNull())
    /** Decimal text (e.g. "12.5"), with its unit: quantities are not money. */
    .addColumn('quantity', 'text')
    .addColumn('unit', 'text')
    .addColumn('delivered_amount', t.money, (c) => c.notNull())
    .addColumn('delivered_on', t.date, (c) => c.notNull())
    /** DELIVERED (awaiting acceptance), ACCEPTED (in whole or part), REJECTED. */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('accepted_amount', t.money, (c) => c.notNull().defaultTo(0))
    .addColumn('accepted_on', t.date)
    .addColumn('accepted_by', t.id)
    .addColumn('acceptance_note', 'text')
    .addColumn('file_ids', t.json, (c) => c.notNull())
    .addColumn('created_by', t.id, (c) => c.notNull().references('org_user.id'))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('contract_delivery_contract')
    .on('contract_delivery')
    .columns(['contract_id'])
    .execute();

  // Settlement (结算): the final amount, deductions and warranty retention, approved through the engine.
  await db.schema
    .createTable('contract_settlement')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('contract_id', t.id, (c) => c.notNull().references('contract.id'))
    .addColumn('final_amount', t.money, (c) => c.notNull())
    /** [{ reason, amount }] */
    .addColumn('deductions', t.json, (c) => c.notNull())
    .addColumn('deduction_total', t.money, (c) => c.notNull())
    .addColumn('retention_amount', t.money, (c) => c.notNull())
    .addColumn('retention_release_date', t.date)
    .addColumn('retention_released_on', t.date)
    .addColumn('note', 'text')
    /** IN_APPROVAL → APPROVED | REJECTED | WITHDRAWN */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('instance_id', t.id)
    .addColumn('created_by', t.id, (c) => c.notNull().references('org_user.id'))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('decided_at', t.instant)
    .execute();
  await db.schema
    .createIndex('contract_settlement_contract')
    .on('contract_settlement')
    .columns(['contract_id'])
    .execute();

  // The closing scorecard (回归评价): one per contract.
  await db.schema
    .createTable('contract_evaluation')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('contract_id', t.id, (c) => c.notNull().unique().references('contract.id'))
    .addColumn('partner_id', t.id, (c) => c.notNull())
    /** [{ code, name, weight (basis points), score (0–100) }] */
    .addColumn('scores', t.json, (c) => c.notNull())
    /** Weighted score × 100 (0–10000), and its grade A/B/C/D. */
    .addColumn('total_score', t.int, (c) => c.notNull())
    .addColumn('grade', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('evaluated_by', t.id, (c) => c.notNull().references('org_user.id'))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('contract_evaluation_partner')
    .on('contract_evaluation')
    .columns(['partner_id'])
    .execute();

  // Settings of matching and collections, one row per entity (the group's row applies where an entity has none).
  await db.schema
    .createTable('contract_execution_setting')
    .addColumn('entity_id', t.id, (c) => c.primaryKey().references('org_entity.id'))
    /** Matching tolerance in 分 and in basis points of the compared amount; the larger applies. */
    .addColumn('tolerance_amount', t.money, (c) => c.notNull())
    .addColumn('tolerance_rate', t.int, (c) => c.notNull())
    /** Days before a due date to remind the owner, e.g. [7, 1]. */
    .addColumn('remind_before_days', t.json, (c) => c.notNull())
    /** Days after the due date to remind the owner, then the department head, then finance. */
    .addColumn('owner_after_days', t.int, (c) => c.notNull())
    .addColumn('head_after_days', t.int, (c) => c.notNull())
    .addColumn('finance_after_days', t.int, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'contract_execution_setting',
    'contract_evaluation',
    'contract_settlement',
    'contract_delivery',
    'contract_payment',
    'contract_plan_item',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
