import { sql } from 'kysely';
import type { Db } from '../../db/index.js';
import { type Scope, withScope } from '../access/index.js';
import type { OrgDepartmentTable, OrgEntityTable, OrgPositionTable } from './org.tables.js';

// ---------------------------------------------------------------- entities
export const entityScope = { entity: 'org_entity.id', department: null, owner: null };

export function listEntities(db: Db, scope: Scope): Promise<OrgEntityTable[]> {
  return withScope(db.selectFrom('org_entity').selectAll(), scope, entityScope)
    .orderBy('sort_order')
    .orderBy('code')
    .execute();
}

export function findEntity(db: Db, id: string): Promise<OrgEntityTable | undefined> {
  return db.selectFrom('org_entity').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findEntityByCode(db: Db, code: string): Promise<OrgEntityTable | undefined> {
  return db.selectFrom('org_entity').selectAll().where('code', '=', code).executeTakeFirst();
}

export function findRootEntity(db: Db): Promise<OrgEntityTable | undefined> {
  return db
    .selectFrom('org_entity')
    .selectAll()
    .where('parent_id', 'is', null)
    .orderBy('created_at')
    .executeTakeFirst();
}

export async function insertEntity(db: Db, row: OrgEntityTable): Promise<void> {
  await db.insertInto('org_entity').values(row).execute();
}

export async function updateEntity(db: Db, id: string, patch: Partial<OrgEntityTable>): Promise<void> {
  await db.updateTable('org_entity').set(patch).where('id', '=', id).execute();
}

/** The given entities and every entity below them (a recursive query, same on both dialects). */
export async function entityWithDescendants(db: Db, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const result = await sql<{ id: string }>`
    WITH RECURSIVE tree(id) AS (
      SELECT id FROM org_entity WHERE id IN (${sql.join(ids)})
      UNION
      SELECT e.id FROM org_entity e JOIN tree ON e.parent_id = tree.id
    )
    SELECT id FROM tree`.execute(db);
  return result.rows.map((r) => r.id);
}

// ---------------------------------------------------------------- departments
export const departmentScope = { entity: 'd.entity_id', department: 'd.id', owner: null };

export type DepartmentRow = OrgDepartmentTable & { head_name: string | null; member_count: number };

function departmentQuery(db: Db) {
  return db
    .selectFrom('org_department as d')
    .leftJoin('org_user as head', 'head.id', 'd.head_user_id')
    .selectAll('d')
    .select((eb) => [
      'head.display_name as head_name',
      eb
        .selectFrom('org_user as m')
        .select(sql<number>`count(*)`.as('n'))
        .whereRef('m.department_id', '=', 'd.id')
        .as('member_count'),
    ]);
}

export function listDepartments(db: Db, scope: Scope, entityId?: string): Promise<DepartmentRow[]> {
  let query = withScope(departmentQuery(db), scope, departmentScope);
  if (entityId) query = query.where('d.entity_id', '=', entityId);
  return query.orderBy('d.entity_id').orderBy('d.sort_order').orderBy('d.code').execute() as Promise<
    DepartmentRow[]
  >;
}

export function findDepartment(db: Db, id: string): Promise<DepartmentRow | undefined> {
  return departmentQuery(db).where('d.id', '=', id).executeTakeFirst() as Promise<DepartmentRow | undefined>;
}

export function findDepartmentByCode(db: Db, entityId: string, code: string) {
  return db
    .selectFrom('org_department')
    .select('id')
    .where('entity_id', '=', entityId)
    .where('code', '=', code)
    .executeTakeFirst();
}

export async function insertDepartment(db: Db, row: OrgDepartmentTable): Promise<void> {
  await db.insertInto('org_department').values(row).execute();
}

export async function updateDepartment(
  db: Db,
  id: string,
  patch: Partial<OrgDepartmentTable>,
): Promise<void> {
  await db.updateTable('org_department').set(patch).where('id', '=', id).execute();
}

export async function deleteDepartment(db: Db, id: string): Promise<void> {
  await db.deleteFrom('org_department').where('id', '=', id).execute();
}

export async function departmentInUse(db: Db, id: string): Promise<boolean> {
  const child = await db
    .selectFrom('org_department')
    .select('id')
    .where('parent_id', '=', id)
    .executeTakeFirst();
  if (child) return true;
  const member = await db
    .selectFrom('org_user')
    .select('id')
    .where('department_id', '=', id)
    .executeTakeFirst();
  if (member) return true;
  const extra = await db
    .selectFrom('org_user_department')
    .select('user_id')
    .where('department_id', '=', id)
    .executeTakeFirst();
  return !!extra;
}

export async function departmentWithDescendants(db: Db, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const result = await sql<{ id: string }>`
    WITH RECURSIVE tree(id) AS (
      SELECT id FROM org_department WHERE id IN (${sql.join(ids)})
      UNION
      SELECT d.id FROM org_department d JOIN tree ON d.parent_id = tree.id
    )
    SELECT id FROM tree`.execute(db);
  return result.rows.map((r) => r.id);
}

/**
 * The department and its ancestors, nearest first, with their heads: the supervisor ladder's source.
 * A head whose account is disabled (someone who left) is reported as no head.
 */
export async function departmentChain(
  db: Db,
  departmentId: string,
): Promise<{ id: string; head_user_id: string | null; depth: number }[]> {
  const result = await sql<{ id: string; head_user_id: string | null; depth: number }>`
    WITH RECURSIVE chain(id, parent_id, head_user_id, depth) AS (
      SELECT id, parent_id, head_user_id, 0 FROM org_department WHERE id = ${departmentId}
      UNION ALL
      SELECT d.id, d.parent_id, d.head_user_id, chain.depth + 1
      FROM org_department d JOIN chain ON d.id = chain.parent_id
      WHERE chain.depth < 50
    )
    SELECT chain.id, CASE WHEN head.active = ${true} THEN chain.head_user_id END AS head_user_id, chain.depth
    FROM chain LEFT JOIN org_user head ON head.id = chain.head_user_id
    ORDER BY chain.depth`.execute(db);
  return result.rows;
}

// ---------------------------------------------------------------- positions
export const positionScope = { entity: 'org_position.entity_id', department: null, owner: null };

export function listPositions(db: Db, scope: Scope, entityId?: string): Promise<OrgPositionTable[]> {
  let query = withScope(db.selectFrom('org_position').selectAll(), scope, positionScope);
  if (entityId) query = query.where('entity_id', '=', entityId);
  return query.orderBy('entity_id').orderBy('code').execute();
}

export function findPosition(db: Db, id: string): Promise<OrgPositionTable | undefined> {
  return db.selectFrom('org_position').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findPositionByCode(db: Db, entityId: string, code: string) {
  return db
    .selectFrom('org_position')
    .select('id')
    .where('entity_id', '=', entityId)
    .where('code', '=', code)
    .executeTakeFirst();
}

export async function insertPosition(db: Db, row: OrgPositionTable): Promise<void> {
  await db.insertInto('org_position').values(row).execute();
}

export async function updatePosition(db: Db, id: string, patch: Partial<OrgPositionTable>): Promise<void> {
  await db.updateTable('org_position').set(patch).where('id', '=', id).execute();
}

export async function deletePosition(db: Db, id: string): Promise<void> {
  await db.deleteFrom('org_position').where('id', '=', id).execute();
}

export async function positionInUse(db: Db, id: string): Promise<boolean> {
  return !!(await db.selectFrom('org_user').select('id').where('position_id', '=', id).executeTakeFirst());
}

/** Every entity's name, code and parent, in creation order (the first without a parent is the root). */
export function entityNames(db: Db) {
  return db
    .selectFrom('org_entity')
    .select(['id', 'name', 'code', 'parent_id'])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function entitiesExist(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('org_entity').select('id').where('id', 'in', ids).execute();
}

/** Names and entities of these departments, by id. */
export async function departmentSummaries(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, { name: string; entityId: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('org_department')
    .select(['id', 'name', 'entity_id'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, { name: r.name, entityId: r.entity_id }]));
}

export async function departmentsExist(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('org_department').select(['id', 'entity_id']).where('id', 'in', ids).execute();
}

/** Every department's parent and head, for the approval engine's org snapshot. */
export const allDepartmentHeads = (db: Db) =>
  db.selectFrom('org_department').select(['id', 'parent_id', 'head_user_id']).execute();
