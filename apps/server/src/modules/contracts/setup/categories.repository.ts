import { sql } from 'kysely';
import { type Db, likePattern } from '../../../db/index.js';
import type { ContractCategoryTable } from '../contracts.tables.js';

/** The whole tree, parents' order first: sort order, then code. The tree is small master data. */
export function listCategories(
  db: Db,
  filter: { q?: string; active?: boolean; direction?: string } = {},
): Promise<ContractCategoryTable[]> {
  let query = db.selectFrom('contract_category as c').selectAll('c');
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

export function findCategory(db: Db, id: string): Promise<ContractCategoryTable | undefined> {
  return db.selectFrom('contract_category').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findCategoryByCode(db: Db, code: string): Promise<ContractCategoryTable | undefined> {
  return db.selectFrom('contract_category').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function namesOf(db: Db, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await db
    .selectFrom('contract_category')
    .select(['id', 'name'])
    .where('id', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The category and everything below it. */
export async function subtreeIds(db: Db, id: string): Promise<string[]> {
  const result = await sql<{ id: string }>`
    WITH RECURSIVE tree(id) AS (
      SELECT id FROM contract_category WHERE id = ${id}
      UNION
      SELECT c.id FROM contract_category c JOIN tree ON c.parent_id = tree.id
    )
    SELECT id FROM tree`.execute(db);
  return result.rows.map((r) => r.id);
}

export async function hasChildren(db: Db, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('contract_category')
    .select('id')
    .where('parent_id', '=', id)
    .executeTakeFirst();
  return !!row;
}

/** How many contracts and plan lines name the category. */
export async function usageCount(db: Db, id: string): Promise<number> {
  const contracts = await db
    .selectFrom('contract')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('category_id', '=', id)
    .executeTakeFirstOrThrow();
  const lines = await db
    .selectFrom('contract_plan_line')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('category_id', '=', id)
    .executeTakeFirstOrThrow();
  return contracts.n + lines.n;
}

export async function insertCategory(db: Db, row: ContractCategoryTable): Promise<void> {
  await db.insertInto('contract_category').values(row).execute();
}

export async function updateCategory(
  db: Db,
  id: string,
  patch: Partial<ContractCategoryTable>,
): Promise<void> {
  await db.updateTable('contract_category').set(patch).where('id', '=', id).execute();
}

export async function deleteCategory(db: Db, id: string): Promise<void> {
  await db.deleteFrom('contract_category').where('id', '=', id).execute();
}
