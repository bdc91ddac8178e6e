import { sql } from 'kysely';
import { type Db, likePattern } from '../../../db/index.js';
import { type Scope, withScope } from '../../../platform/access/index.js';
import type { ContractPlanLineTable } from '../contracts.tables.js';

/** A plan line with the names the list shows. */
export type PlanLineRow = ContractPlanLineTable & {
  entity_name: string;
  department_name: string;
  category_name: string | null;
};

/** A plan line with what has been signed against it. */
export type PlanReportRow = PlanLineRow & {
  signed_sum: number;
  in_progress_sum: number;
  contract_count: number;
  remaining_sum: number;
};

/** Where a plan line keeps the facts a data scope judges (no owner: lines belong to departments). */
export const planLineScope = { entity: 'p.entity_id', department: 'p.department_id', owner: null };

/** Contracts that count as signed, and those still on their way, for the plan-vs-signed figures. */
export const SIGNED_STATUSES = ['IN_FORCE', 'COMPLETED', 'TERMINATED'] as const;
export const IN_PROGRESS_STATUSES = ['DRAFT', 'IN_APPROVAL', 'APPROVED'] as const;

export interface PlanFilter {
  year?: number;
  entityId?: string;
  departmentId?: string;
  categoryId?: string;
  direction?: string;
  q?: string;
}

function withNames(db: Db) {
  return db
    .selectFrom('contract_plan_line as p')
    .innerJoin('org_entity as e', 'e.id', 'p.entity_id')
    .innerJoin('org_department as d', 'd.id', 'p.department_id')
    .leftJoin('contract_category as cat', 'cat.id', 'p.category_id');
}

type Joined = ReturnType<typeof withNames>;

function filtered(db: Db, scope: Scope, filter: PlanFilter): Joined {
  let query = withScope(withNames(db), scope, planLineScope);
  if (filter.year !== undefined) query = query.where('p.year', '=', filter.year);
  if (filter.entityId) query = query.where('p.entity_id', '=', filter.entityId);
  if (filter.departmentId) query = query.where('p.department_id', '=', filter.departmentId);
  if (filter.categoryId) query = query.where('p.category_id', '=', filter.categoryId);
  if (filter.direction) query = query.where('p.direction', '=', filter.direction);
  if (filter.q) {
    const pattern = sql<string>`${likePattern(filter.q.toLowerCase())} escape '\\'`;
    query = query.where((eb) =>
      eb.or([eb(sql`lower(p.name)`, 'like', pattern), eb(sql`lower(p.project_ref)`, 'like', pattern)]),
    );
  }
  return query;
}

/** The plan lines a scope sees, filtered (sort and page them with applySort and fetchPage). */
export function visibleLines(db: Db, scope: Scope, filter: PlanFilter) {
  return filtered(db, scope, filter).selectAll('p').select(nameColumns);
}

const nameColumns = [
  'e.name as entity_name',
  'd.name as department_name',
  'cat.name as category_name',
] as const;

export function findLine(db: Db, id: string): Promise<PlanLineRow | undefined> {
  return withNames(db).selectAll('p').select(nameColumns).where('p.id', '=', id).executeTakeFirst();
}

/** The entity a department belongs to, or undefined when there is no such department. */
export async function departmentEntity(db: Db, departmentId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('org_department')
    .select('entity_id')
    .where('id', '=', departmentId)
    .executeTakeFirst();
  return row?.entity_id;
}

export async function insertLine(db: Db, row: ContractPlanLineTable): Promise<void> {
  await db.insertInto('contract_plan_line').values(row).execute();
}

/** Applies the patch only at the expected lock version; false when someone else saved first. */
export async function updateLine(
  db: Db,
  id: string,
  lockVersion: number,
  patch: Partial<ContractPlanLineTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('contract_plan_line')
    .set({ ...patch, lock_version: lockVersion + 1 })
    .where('id', '=', id)
    .where('lock_version', '=', lockVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteLine(db: Db, id: string): Promise<void> {
  await db.deleteFrom('contract_plan_line').where('id', '=', id).execute();
}

/** How many contracts (of any status) name the plan line. */
export async function linkedContractCount(db: Db, id: string): Promise<number> {
  const row = await db
    .selectFrom('contract')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('plan_line_id', '=', id)
    .executeTakeFirstOrThrow();
  return row.n;
}

const inList = (statuses: readonly string[]) =>
  sql.join(
    statuses.map((s) => sql.lit(s)),
    sql`, `,
  );
const signedSum = sql<number>`cast(coalesce(sum(case when c.status in (${inList(SIGNED_STATUSES)}) then c.current_amount else 0 end), 0) as bigint)`;
const inProgressSum = sql<number>`cast(coalesce(sum(case when c.status in (${inList(IN_PROGRESS_STATUSES)}) then c.current_amount else 0 end), 0) as bigint)`;

/**
 * Plan vs signed, one row per visible plan line: the lines LEFT JOINed to the contracts linked to
 * them (same currency, signed or in progress) and grouped, in one statement.
 */
export function reportLines(db: Db, scope: Scope, filter: PlanFilter) {
  return filtered(db, scope, filter)
    .leftJoin('contract as c', (join) =>
      join
        .onRef('c.plan_line_id', '=', 'p.id')
        .onRef('c.currency', '=', 'p.currency')
        .on('c.status', 'in', [...SIGNED_STATUSES, ...IN_PROGRESS_STATUSES]),
    )
    .selectAll('p')
    .select(nameColumns)
    .select([
      signedSum.as('signed_sum'),
      inProgressSum.as('in_progress_sum'),
      sql<number>`count(c.id)`.as('contract_count'),
      sql<number>`p.planned_amount - ${signedSum}`.as('remaining_sum'),
    ])
    .groupBy(['p.id', 'e.name', 'd.name', 'cat.name']);
}

/** The number of plan lines in the filtered set (for paging the report). */
export async function countLines(db: Db, scope: Scope, filter: PlanFilter): Promise<number> {
  const row = await filtered(db, scope, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Totals of the whole filtered report per currency (the grouped rows summed once more). */
export async function reportTotals(
  db: Db,
  scope: Scope,
  filter: PlanFilter,
): Promise<
  {
    currency: string;
    lines: number;
    planned: number;
    signed: number;
    in_progress: number;
    contracts: number;
  }[]
> {
  const grouped = reportLines(db, scope, filter).as('g');
  const rows = await db
    .selectFrom(grouped)
    .select([
      'g.currency as currency',
      sql<number>`count(*)`.as('lines'),
      sql<number>`cast(coalesce(sum(g.planned_amount), 0) as bigint)`.as('planned'),
      sql<number>`cast(coalesce(sum(g.signed_sum), 0) as bigint)`.as('signed'),
      sql<number>`cast(coalesce(sum(g.in_progress_sum), 0) as bigint)`.as('in_progress'),
      sql<number>`cast(coalesce(sum(g.contract_count), 0) as bigint)`.as('contracts'),
    ])
    .groupBy('g.currency')
    .execute();
  return rows;
}
