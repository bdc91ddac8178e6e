import { sql } from 'kysely';
import { type Db, likePattern } from '../../db/index.js';
import { type Scope, withScope } from '../access/index.js';
import type { OrgDepartmentTable, OrgEntityTable, OrgPositionTable, OrgUserTable } from './org.tables.js';

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

// ---------------------------------------------------------------- users
/** A user is in a department's scope through the main department or an extra one. */
export const userScope = {
  entity: 'u.entity_id',
  department: 'u.department_id',
  owner: 'u.id',
  extraDepartments: {
    record: 'u.id',
    table: 'org_user_department',
    recordColumn: 'user_id',
    departmentColumn: 'department_id',
  },
};

export type UserRow = OrgUserTable & {
  entity_name: string;
  department_name: string;
  position_name: string | null;
};

export interface UserFilter {
  q?: string;
  entityId?: string;
  departmentIds?: string[];
  active?: boolean;
}

export function userQuery(db: Db) {
  return db
    .selectFrom('org_user as u')
    .innerJoin('org_entity as e', 'e.id', 'u.entity_id')
    .innerJoin('org_department as dep', 'dep.id', 'u.department_id')
    .leftJoin('org_position as p', 'p.id', 'u.position_id')
    .selectAll('u')
    .select(['e.name as entity_name', 'dep.name as department_name', 'p.name as position_name']);
}

export function filteredUserQuery(db: Db, scope: Scope, filter: UserFilter) {
  let query = withScope(userQuery(db), scope, userScope);
  if (filter.q) {
    const pattern = likePattern(filter.q.toLowerCase());
    query = query.where((eb) =>
      eb.or([
        eb(sql`lower(u.username)`, 'like', sql`${pattern} escape '\\'`),
        eb(sql`lower(u.display_name)`, 'like', sql`${pattern} escape '\\'`),
        eb(sql`lower(coalesce(u.email, ''))`, 'like', sql`${pattern} escape '\\'`),
        eb(sql`coalesce(u.phone, '')`, 'like', sql`${pattern} escape '\\'`),
      ]),
    );
  }
  if (filter.entityId) query = query.where('u.entity_id', '=', filter.entityId);
  if (filter.departmentIds) {
    const ids = filter.departmentIds;
    query = query.where((eb) =>
      eb.or([
        eb('u.department_id', 'in', ids),
        eb(
          'u.id',
          'in',
          eb.selectFrom('org_user_department').select('user_id').where('department_id', 'in', ids),
        ),
      ]),
    );
  }
  if (filter.active !== undefined) query = query.where('u.active', '=', filter.active);
  return query;
}

export function findUser(db: Db, id: string): Promise<UserRow | undefined> {
  return userQuery(db).where('u.id', '=', id).executeTakeFirst();
}

/**
 * What a request's access context needs of a user, in one statement: a row per extra department
 * (or one with none), read on every change of the access stamp.
 */
export function accessSubjectRows(db: Db, id: string) {
  return db
    .selectFrom('org_user as u')
    .leftJoin('org_user_department as d', 'd.user_id', 'u.id')
    .select([
      'u.id',
      'u.username',
      'u.display_name',
      'u.locale',
      'u.department_id',
      'u.active',
      'd.department_id as extra_department_id',
    ])
    .where('u.id', '=', id)
    .orderBy('d.department_id')
    .execute();
}

/** The users with any of these display names (a name may belong to several). */
export function findUsersByDisplayNames(db: Db, names: string[]): Promise<OrgUserTable[]> {
  if (!names.length) return Promise.resolve([]);
  return db.selectFrom('org_user').selectAll().where('display_name', 'in', names).execute();
}

export function findUserByUsername(db: Db, username: string): Promise<OrgUserTable | undefined> {
  return db
    .selectFrom('org_user')
    .selectAll()
    .where('username', '=', username.toLowerCase())
    .executeTakeFirst();
}

export async function insertUser(db: Db, row: OrgUserTable): Promise<void> {
  await db.insertInto('org_user').values(row).execute();
}

export async function updateUser(db: Db, id: string, patch: Partial<OrgUserTable>): Promise<void> {
  await db.updateTable('org_user').set(patch).where('id', '=', id).execute();
}

export async function extraDepartments(db: Db, userIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (userIds.length === 0) return map;
  const rows = await db
    .selectFrom('org_user_department')
    .select(['user_id', 'department_id'])
    .where('user_id', 'in', userIds)
    .orderBy('department_id')
    .execute();
  for (const row of rows) map.set(row.user_id, [...(map.get(row.user_id) ?? []), row.department_id]);
  return map;
}

export async function replaceExtraDepartments(
  db: Db,
  userId: string,
  departmentIds: string[],
): Promise<void> {
  await db.deleteFrom('org_user_department').where('user_id', '=', userId).execute();
  if (departmentIds.length) {
    await db
      .insertInto('org_user_department')
      .values(departmentIds.map((department_id) => ({ user_id: userId, department_id })))
      .execute();
  }
}

/** What a notification needs of its recipients: no roles, departments or lockouts. */
export function userContacts(db: Db, ids: readonly string[]) {
  return db
    .selectFrom('org_user')
    .select(['id', 'email', 'locale', 'active'])
    .where('id', 'in', ids)
    .execute();
}

export async function userNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('org_user')
    .select(['id', 'display_name'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
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

/** Every user's main department and whether they are active. */
export const allMemberships = (db: Db) =>
  db.selectFrom('org_user').select(['id', 'department_id', 'active']).execute();
