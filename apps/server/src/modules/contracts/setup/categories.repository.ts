import { type Kysely, sql } from 'kysely';
import { likePattern } from '../../../db/index.js';

/** A row of `contract_category` (migration 20261201_000050_contract_setup). */
export interface ContractCategoryTable {
  id: string;
  code: string;
  name: string;
  parent_id: string | null;
  /** The effective direction (own or inherited). */
  direction: string;
  direction_inherited: boolean | number;
  number_rule_id: string | null;
  flow_key: string | null;
  /** ContractAttachmentType[] as JSON. */
  required_attachment_types: unknown;
  /** FormField[] as JSON. */
  fields: unknown;
  expiry_reminder_days: number;
  /** EvaluationCriterion[] as JSON, or null (the default scorecard). */
  evaluation_criteria?: unknown;
  active: boolean | number;
  sort_order: number;
  description: string | null;
  created_at: string;
  updated_at: string;
}

/** The columns of other tables of the module that tell whether a category is in use. */
interface CategoryUsers {
  contract: { id: string; category_id: string };
  contract_plan_line: { id: string; category_id: string | null };
}

interface CategoryTables extends CategoryUsers {
  contract_category: ContractCategoryTable;
}

// Callers pass transactions typed for other tables (or Kysely<any>).
type Db = Kysely<CategoryTables>;
const asDb = (db: Kysely<any>): Db => db as Db;

/** The whole tree, parents' order first: sort order, then code. The tree is small master data. */
export function listCategories(
  db: Kysely<any>,
  filter: { q?: string; active?: boolean; direction?: string } = {},
): Promise<ContractCategoryTable[]> {
  let query = asDb(db).selectFrom('contract_category as c').selectAll('c');
  if (filter.active !== undefined) query = query.where('c.active', '=', filter.active);
  if (filter.direction) query = query.where('c.direction', '=', filter.direction);
  if (filter.q) {
    const pattern = sql<string>`${likePattern(filter.q.toLowerCase())} escape '\\'`;
    query = query.where((eb) =>
      eb.or([eb(sql`lower(c.name)`, 'like', pattern), eb(sql`lower(c.code)`, 'like', pattern)]),
    );
  }
  return query.orderBy('c.sort_order').orderBy('c.code').orderBy('c.id').execute();
}

export function findCategory(db: Kysely<any>, id: string): Promise<ContractCategoryTable | undefined> {
  return asDb(db).selectFrom('contract_category').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findCategoryByCode(
  db: Kysely<any>,
  code: string,
): Promise<ContractCategoryTable | undefined> {
  return asDb(db).selectFrom('contract_category').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function namesOf(db: Kysely<any>, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await asDb(db)
    .selectFrom('contract_category')
    .select(['id', 'name'])
    .where('id', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The category and everything below it. */
export async function subtreeIds(db: Kysely<any>, id: string): Promise<string[]> {
  const result = await sql<{ id: string }>`
    WITH RECURSIVE tree(id) AS (
      SELECT id FROM contract_category WHERE id = ${id}
      UNION
      SELECT c.id FROM contract_category c JOIN tree ON c.parent_id = tree.id
    )
    SELECT id FROM tree`.execute(db);
  return result.rows.map((r) => r.id);
}

export async function hasChildren(db: Kysely<any>, id: string): Promise<boolean> {
  const row = await asDb(db)
    .selectFrom('contract_category')
    .select('id')
    .where('parent_id', '=', id)
    .executeTakeFirst();
  return !!row;
}

/** How many contracts and plan lines name the category. */
export async function usageCount(db: Kysely<any>, id: string): Promise<number> {
  const contracts = await asDb(db)
    .selectFrom('contract')
    .select(sql<number>`count(*)`.as('n'))
    .where('category_id', '=', id)
    .executeTakeFirstOrThrow();
  const lines = await asDb(db)
    .selectFrom('contract_plan_line')
    .select(sql<number>`count(*)`.as('n'))
    .where('category_id', '=', id)
    .executeTakeFirstOrThrow();
  return Number(contracts.n) + Number(lines.n);
}

export async function insertCategory(db: Kysely<any>, row: ContractCategoryTable): Promise<void> {
  await asDb(db).insertInto('contract_category').values(row).execute();
}

export async function updateCategory(
  db: Kysely<any>,
  id: string,
  patch: Partial<ContractCategoryTable>,
): Promise<void> {
  await asDb(db).updateTable('contract_category').set(patch).where('id', '=', id).execute();
}

export async function deleteCategory(db: Kysely<any>, id: string): Promise<void> {
  await asDb(db).deleteFrom('contract_category').where('id', '=', id).execute();
}
