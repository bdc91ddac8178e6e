import { type Expression, type RawBuilder, type SqlBool, sql } from 'kysely';
import { type Db, likePattern } from '../../../db/index.js';
import type { Scope } from '../../../platform/access/index.js';
import { withScope } from '../../../platform/access/index.js';

/**
 * Plan items of a contract with the figures matching compares on them: tied plus allocated
 * (refreshed by figures.service.ts).
 */
export const itemFigures = (db: Db, contractId: string) =>
  db
    .selectFrom('contract_plan_item')
    .select([
      'id',
      'seq',
      'name',
      'amount',
      'matched_paid_amount as paid_amount',
      'matched_invoiced_amount as invoiced_amount',
      'matched_accepted_amount as accepted_amount',
    ])
    .where('contract_id', '=', contractId)
    .orderBy('seq')
    .execute();

/*
 * Matching in SQL, for lists over many contracts. Two figures a and b agree when
 *   |a − b| ≤ max(amount, ⌊max(|a|, |b|) × rate / 10000⌋)
 * exactly as `withinTolerance` in execution.rules.ts. The rate part is computed as
 * (m / 10000) × rate + (m % 10000) × rate / 10000 with integer division: the same floor for m ≥ 0,
 * without the overflow of m × rate on 64-bit integers. Only portable SQL (CASE, abs, integer
 * division, %) so both dialects answer the same.
 */
const larger = (a: RawBuilder<number> | Expression<number>, b: RawBuilder<number> | Expression<number>) =>
  sql<number>`(case when ${a} >= ${b} then ${a} else ${b} end)`;

function allowed(
  a: Expression<number>,
  b: Expression<number>,
  tolerance: { amount: Expression<number>; rate: Expression<number> },
) {
  const m = larger(sql<number>`abs(${a})`, sql<number>`abs(${b})`);
  const byRate = sql<number>`((${m} / 10000) * ${tolerance.rate} + ((${m} % 10000) * ${tolerance.rate}) / 10000)`;
  return larger(tolerance.amount, byRate);
}

/** True when the two figures differ by more than the tolerance. */
export function beyondTolerance(
  a: Expression<number>,
  b: Expression<number>,
  tolerance: { amount: Expression<number>; rate: Expression<number> },
): RawBuilder<SqlBool> {
  return sql<SqlBool>`abs(${a} - ${b}) > ${allowed(a, b, tolerance)}`;
}

/** True when paid, invoiced and accepted do not all agree within the tolerance (`matchingStatus` = MISMATCHED). */
export function mismatched(
  figures: { paid: Expression<number>; invoiced: Expression<number>; accepted: Expression<number> },
  tolerance: { amount: Expression<number>; rate: Expression<number> },
): RawBuilder<SqlBool> {
  const { paid, invoiced, accepted } = figures;
  return sql<SqlBool>`(${beyondTolerance(paid, invoiced, tolerance)} or ${beyondTolerance(paid, accepted, tolerance)} or ${beyondTolerance(invoiced, accepted, tolerance)})`;
}

/**
 * True when a plan item of the contract (`contractId`, the outer query's column) disagrees beyond
 * the tolerance on the figures matching compares per line (tied plus allocated): with the contract's
 * own figures, the contract-level verdict, as `contractMatchingStatus` judges it.
 */
export function anyLineMismatched(
  contractId: Expression<string>,
  tolerance: { amount: Expression<number>; rate: Expression<number> },
): RawBuilder<SqlBool> {
  const line = {
    paid: sql<number>`li.matched_paid_amount`,
    invoiced: sql<number>`li.matched_invoiced_amount`,
    accepted: sql<number>`li.matched_accepted_amount`,
  };
  return sql<SqlBool>`exists (select 1 from contract_plan_item li where li.contract_id = ${contractId} and ${mismatched(line, tolerance)})`;
}

/** The largest of the three absolute differences, of the figures given. */
function largestDifference(figures: {
  paid: Expression<number>;
  invoiced: Expression<number>;
  accepted: Expression<number>;
}) {
  const d1 = sql<number>`abs(${figures.paid} - ${figures.invoiced})`;
  const d2 = sql<number>`abs(${figures.paid} - ${figures.accepted})`;
  const d3 = sql<number>`abs(${figures.invoiced} - ${figures.accepted})`;
  return sql<number>`(case when ${d1} >= ${d2} and ${d1} >= ${d3} then ${d1} when ${d2} >= ${d3} then ${d2} else ${d3} end)`;
}

/** The tolerance in force for a contract row: its entity's setting, else the group's (passed in), else defaults. */
export function toleranceColumns(group: { amount: number; rate: number }) {
  return {
    amount: sql<number>`coalesce(s.tolerance_amount, cast(${group.amount} as bigint))`,
    rate: sql<number>`coalesce(s.tolerance_rate, cast(${group.rate} as integer))`,
  };
}

export interface ExceptionFilter {
  entityId?: string;
  direction?: string;
  q?: string;
}

/**
 * Contracts (not draft, not voided) whose paid, invoiced and accepted figures disagree beyond the
 * tolerance of their entity, in total or on any plan item (the contract-level verdict), with the
 * figures and their differences, within the caller's scope.
 */
export function exceptions(
  db: Db,
  scope: Scope,
  filter: ExceptionFilter,
  group: { amount: number; rate: number },
) {
  const tolerance = toleranceColumns(group);
  const paid = sql<number>`c.paid_amount`;
  const invoiced = sql<number>`c.invoiced_amount`;
  const accepted = sql<number>`c.accepted_amount`;
  // The largest difference of the contract's totals or of any of its lines (they are judged together).
  const lineLargest = sql<number>`coalesce((select max(${largestDifference({
    paid: sql<number>`lm.matched_paid_amount`,
    invoiced: sql<number>`lm.matched_invoiced_amount`,
    accepted: sql<number>`lm.matched_accepted_amount`,
  })}) from contract_plan_item lm where lm.contract_id = c.id), 0)`;
  const totalLargest = largestDifference({ paid, invoiced, accepted });
  let query = db
    .selectFrom('contract as c')
    .innerJoin('org_entity as e', 'e.id', 'c.entity_id')
    .leftJoin('contract_execution_setting as s', 's.entity_id', 'c.entity_id')
    .select([
      'c.id',
      'c.number',
      'c.name',
      'c.direction',
      'c.partner_name',
      'c.entity_id',
      'e.name as entity_name',
      'c.status',
      'c.currency',
      'c.current_amount',
      'c.settled_amount',
      'c.paid_amount',
      'c.invoiced_amount',
      'c.accepted_amount',
      tolerance.amount.as('tolerance_amount'),
      tolerance.rate.as('tolerance_rate'),
      sql<number>`(case when ${totalLargest} >= ${lineLargest} then ${totalLargest} else ${lineLargest} end)`.as(
        'max_difference',
      ),
    ])
    .where('c.status', 'not in', ['DRAFT', 'VOIDED'])
    .where(
      sql<SqlBool>`(${mismatched({ paid, invoiced, accepted }, tolerance)} or ${anyLineMismatched(sql<string>`c.id`, tolerance)})`,
    );
  query = withScope(query, scope, {
    entity: 'c.entity_id',
    department: 'c.department_id',
    owner: 'c.owner_id',
  });
  if (filter.entityId) query = query.where('c.entity_id', '=', filter.entityId);
  if (filter.direction) query = query.where('c.direction', '=', filter.direction);
  if (filter.q) {
    const pattern = sql<string>`${likePattern(filter.q)} escape '\\'`;
    query = query.where((eb) =>
      eb.or([
        eb('c.number', 'like', pattern),
        eb('c.name', 'like', pattern),
        eb('c.partner_name', 'like', pattern),
      ]),
    );
  }
  return query;
}

export interface ExceptionRow {
  id: string;
  number: string | null;
  name: string;
  direction: string;
  partner_name: string;
  entity_id: string;
  entity_name: string;
  status: string;
  currency: string;
  current_amount: number;
  settled_amount: number | null;
  paid_amount: number;
  invoiced_amount: number;
  accepted_amount: number;
  tolerance_amount: number;
  tolerance_rate: number;
  max_difference: number;
}
