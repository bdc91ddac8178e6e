import { sql } from 'kysely';
import { type Db, likePattern } from '../../db/index.js';
import { type Scope, withScope } from '../access/index.js';
import type { OrgUserTable } from './org.tables.js';

/*
 * The users' queries (the organisation's people: filters, access subjects, names, extra
 * departments). Entities, departments and positions are org.repository.ts.
 */

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
/** The users whose username (any case) or display name is one of these: one query for a batch. */
export function findUsersNamedBy(db: Db, names: string[]): Promise<OrgUserTable[]> {
  if (!names.length) return Promise.resolve([]);
  const usernames = [...new Set(names.map((n) => n.toLowerCase()))];
  return db
    .selectFrom('org_user')
    .selectAll()
    .where((eb) => eb.or([eb('username', 'in', usernames), eb('display_name', 'in', names)]))
    .execute();
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

/** Every user's main department and whether they are active. */
export const allMemberships = (db: Db) =>
  db.selectFrom('org_user').select(['id', 'department_id', 'active']).execute();
