import { sql } from 'kysely';
import type { IamCredentialTable, IamLoginThrottleRow, IamRoleTable, IamSessionTable } from './iam.tables.js';
import { type Db, QueryTemplate } from '../../db/index.js';

// ---------------------------------------------------------------- credentials
export function findCredential(db: Db, userId: string): Promise<IamCredentialTable | undefined> {
  return db.selectFrom('iam_credential').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

export async function upsertCredential(db: Db, row: IamCredentialTable): Promise<void> {
  await db
    .insertInto('iam_credential')
    .values(row)
    .onConflict((oc) =>
      oc.column('user_id').doUpdateSet({
        password_hash: row.password_hash,
        failed_count: row.failed_count,
        locked_until: row.locked_until,
        changed_at: row.changed_at,
      }),
    )
    .execute();
}

export async function updateCredential(
  db: Db,
  userId: string,
  patch: Partial<IamCredentialTable>,
): Promise<void> {
  await db.updateTable('iam_credential').set(patch).where('user_id', '=', userId).execute();
}

export async function lockouts(db: Db, userIds: string[]): Promise<Map<string, string | null>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('iam_credential')
    .select(['user_id', 'locked_until'])
    .where('user_id', 'in', userIds)
    .execute();
  return new Map(rows.map((r) => [r.user_id, r.locked_until]));
}

// ---------------------------------------------------------------- sessions
export async function insertSession(db: Db, row: IamSessionTable): Promise<void> {
  await db.insertInto('iam_session').values(row).execute();
}

export function findSession(db: Db, id: string): Promise<IamSessionTable | undefined> {
  return db.selectFrom('iam_session').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The session with the access stamp (one statement: the one every authenticated request costs). */
export async function findSessionWithStamp(
  db: Db,
  id: string,
): Promise<(IamSessionTable & { access_stamp: number }) | undefined> {
  const [row] = (await db.executeQuery(sessionWithStamp.bind(db, [id]))).rows;
  return row;
}

/** Every authenticated request reads it: built once (query-template.ts), bound to the session id. */
const sessionWithStamp = new QueryTemplate<IamSessionTable & { access_stamp: number }>((db, [id]) =>
  db
    .selectFrom('iam_session')
    .selectAll('iam_session')
    .select((eb) =>
      eb
        .selectFrom('iam_access_stamp')
        .select('version')
        .where('iam_access_stamp.id', '=', 1)
        .$castTo<number>()
        .as('access_stamp'),
    )
    .where('iam_session.id', '=', id),
);

export async function touchSession(db: Db, id: string, lastSeenAt: string, expiresAt: string): Promise<void> {
  await db
    .updateTable('iam_session')
    .set({ last_seen_at: lastSeenAt, expires_at: expiresAt })
    .where('id', '=', id)
    .execute();
}

export async function setActingEntity(db: Db, id: string, entityId: string): Promise<void> {
  await db.updateTable('iam_session').set({ acting_entity_id: entityId }).where('id', '=', id).execute();
}

export async function clearPasswordChangeRequired(db: Db, sessionId: string): Promise<void> {
  await db
    .updateTable('iam_session')
    .set({ password_change_required: false })
    .where('id', '=', sessionId)
    .execute();
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('iam_session').where('id', '=', id).execute();
}

export async function deleteSessionsOfUser(
  db: Db,
  userId: string,
  exceptSessionId?: string,
): Promise<number> {
  let query = db.deleteFrom('iam_session').where('user_id', '=', userId);
  if (exceptSessionId) query = query.where('id', '!=', exceptSessionId);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteExpiredSessions(db: Db, now: string): Promise<number> {
  const result = await db.deleteFrom('iam_session').where('expires_at', '<', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}

// ---------------------------------------------------------------- roles
export type RoleRow = IamRoleTable & { user_count: number };

function rolesWithUserCount(db: Db) {
  return db
    .selectFrom('iam_role as r')
    .selectAll('r')
    .select((eb) =>
      eb
        .selectFrom('iam_user_role as ur')
        .select((e) => e.fn.count<number>('ur.user_id').distinct().as('n'))
        .whereRef('ur.role_id', '=', 'r.id')
        .as('user_count'),
    );
}

export async function listRoles(db: Db): Promise<RoleRow[]> {
  return rolesWithUserCount(db).orderBy('r.built_in', 'desc').orderBy('r.code').execute() as Promise<
    RoleRow[]
  >;
}

export async function findRole(db: Db, id: string): Promise<RoleRow | undefined> {
  return rolesWithUserCount(db).where('r.id', '=', id).executeTakeFirst() as Promise<RoleRow | undefined>;
}

/** Role code → the role's name, for messages that name a role. */
export async function roleNamesByCode(db: Db, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db.selectFrom('iam_role').select(['code', 'name']).where('code', 'in', codes).execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}

export function findRoleByCode(db: Db, code: string) {
  return db.selectFrom('iam_role').select(['id']).where('code', '=', code).executeTakeFirst();
}

export async function insertRole(db: Db, row: IamRoleTable): Promise<void> {
  await db.insertInto('iam_role').values(row).execute();
}

export async function updateRole(db: Db, id: string, patch: Partial<IamRoleTable>): Promise<void> {
  await db.updateTable('iam_role').set(patch).where('id', '=', id).execute();
}

export async function deleteRole(db: Db, id: string): Promise<void> {
  await db.deleteFrom('iam_role').where('id', '=', id).execute();
}

export async function rolePermissions(db: Db, roleIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (roleIds.length === 0) return map;
  const rows = await db
    .selectFrom('iam_role_permission')
    .select(['role_id', 'permission'])
    .where('role_id', 'in', roleIds)
    .orderBy('permission')
    .execute();
  for (const row of rows) map.set(row.role_id, [...(map.get(row.role_id) ?? []), row.permission]);
  return map;
}

export async function roleScopes(db: Db, roleIds: string[]) {
  const map = new Map<string, { entities: string[]; departments: string[] }>();
  if (roleIds.length === 0) return map;
  const rows = await db
    .selectFrom('iam_role_scope')
    .select(['role_id', 'target_type', 'target_id'])
    .where('role_id', 'in', roleIds)
    .orderBy('target_id')
    .execute();
  for (const row of rows) {
    const entry = map.get(row.role_id) ?? { entities: [], departments: [] };
    (row.target_type === 'entity' ? entry.entities : entry.departments).push(row.target_id);
    map.set(row.role_id, entry);
  }
  return map;
}

export async function replaceRolePermissions(db: Db, roleId: string, permissions: string[]): Promise<void> {
  await db.deleteFrom('iam_role_permission').where('role_id', '=', roleId).execute();
  if (permissions.length) {
    await db
      .insertInto('iam_role_permission')
      .values(permissions.map((permission) => ({ role_id: roleId, permission })))
      .execute();
  }
}

export async function replaceRoleScopes(
  db: Db,
  roleId: string,
  entities: string[],
  departments: string[],
): Promise<void> {
  await db.deleteFrom('iam_role_scope').where('role_id', '=', roleId).execute();
  const rows = [
    ...entities.map((target_id) => ({ role_id: roleId, target_type: 'entity' as const, target_id })),
    ...departments.map((target_id) => ({ role_id: roleId, target_type: 'department' as const, target_id })),
  ];
  if (rows.length) await db.insertInto('iam_role_scope').values(rows).execute();
}

export async function roleInUse(db: Db, roleId: string): Promise<boolean> {
  return !!(await db
    .selectFrom('iam_user_role')
    .select('user_id')
    .where('role_id', '=', roleId)
    .executeTakeFirst());
}

// ---------------------------------------------------------------- user ↔ role assignments
export async function assignmentsOf(db: Db, userIds: string[]) {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('iam_user_role as ur')
    .innerJoin('iam_role as r', 'r.id', 'ur.role_id')
    .select(['ur.user_id', 'ur.role_id', 'ur.entity_id', 'r.name as role_name'])
    .where('ur.user_id', 'in', userIds)
    .orderBy('r.code')
    .execute();
}

export async function replaceAssignments(
  db: Db,
  userId: string,
  assignments: { roleId: string; entityId: string }[],
): Promise<void> {
  await db.deleteFrom('iam_user_role').where('user_id', '=', userId).execute();
  if (assignments.length) {
    await db
      .insertInto('iam_user_role')
      .values(assignments.map((a) => ({ user_id: userId, role_id: a.roleId, entity_id: a.entityId })))
      .execute();
  }
}

/** Roles the user holds in one entity with their permissions and scope settings: the grants. */
export async function rolesHeldIn(db: Db, userId: string, entityId: string) {
  return db
    .selectFrom('iam_user_role as ur')
    .innerJoin('iam_role as r', 'r.id', 'ur.role_id')
    .select(['r.id', 'r.code', 'r.name', 'r.data_scope'])
    .where('ur.user_id', '=', userId)
    .where('ur.entity_id', '=', entityId)
    .execute();
}

/**
 * The permissions and custom scope targets of the roles a user holds in an entity, in one statement
 * (a union of both kinds of row), read on every change of the access stamp.
 */
export function grantRows(db: Db, userId: string, entityId: string) {
  const held = db
    .selectFrom('iam_user_role as ur')
    .innerJoin('iam_role as r', 'r.id', 'ur.role_id')
    .where('ur.user_id', '=', userId)
    .where('ur.entity_id', '=', entityId);
  return held
    .innerJoin('iam_role_permission as p', 'p.role_id', 'r.id')
    .select([
      'r.id as role_id',
      'r.data_scope',
      sql<'permission' | 'scope'>`'permission'`.as('kind'),
      'p.permission as value',
      sql<string | null>`cast(null as text)`.as('target_type'),
    ])
    .unionAll(
      held.innerJoin('iam_role_scope as s', 's.role_id', 'r.id').select([
        'r.id as role_id',
        'r.data_scope',
        sql<'permission' | 'scope'>`'scope'`.as('kind'),
        // Ids are uuid on PostgreSQL, permissions text: one type for the union's column.
        sql<string>`cast(s.target_id as text)`.as('value'),
        's.target_type',
      ]),
    )
    .orderBy('value')
    .execute();
}

export async function entitiesWithRoles(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('iam_user_role')
    .select('entity_id')
    .distinct()
    .where('user_id', '=', userId)
    .execute();
  return rows.map((r) => r.entity_id);
}

export async function holdersOfRole(db: Db, roleCode: string, entityId?: string): Promise<string[]> {
  let query = db
    .selectFrom('iam_user_role as ur')
    .innerJoin('iam_role as r', 'r.id', 'ur.role_id')
    .select('ur.user_id')
    .distinct()
    .where('r.code', '=', roleCode);
  if (entityId) query = query.where('ur.entity_id', '=', entityId);
  return (await query.execute()).map((r) => r.user_id);
}

/** Role code → holders of that role in one entity: the approval engine's role lookup. */
export async function roleHoldersIn(db: Db, entityId: string): Promise<Record<string, string[]>> {
  const rows = await db
    .selectFrom('iam_user_role as ur')
    .innerJoin('iam_role as r', 'r.id', 'ur.role_id')
    .select(['r.code', 'ur.user_id'])
    .where('ur.entity_id', '=', entityId)
    .orderBy('r.code')
    .orderBy('ur.user_id')
    .execute();
  const holders: Record<string, string[]> = {};
  for (const row of rows) {
    holders[row.code] = [...(holders[row.code] ?? []), row.user_id];
  }
  return holders;
}

export async function existingRoleIds(db: Db, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('iam_role').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

export function roleScopesOf(db: Db, ids: string[]) {
  return db.selectFrom('iam_role').select(['id', 'data_scope']).where('id', 'in', ids).execute();
}

// ---------------------------------------------------------------- sign-in throttle (login-throttle.ts)
export function throttleRows(db: Db, keys: string[]): Promise<IamLoginThrottleRow[]> {
  return db.selectFrom('iam_login_throttle').selectAll().where('key', 'in', keys).execute();
}

export async function saveThrottle(db: Db, row: IamLoginThrottleRow, exists: boolean): Promise<void> {
  const { key, ...values } = row;
  if (exists) await db.updateTable('iam_login_throttle').set(values).where('key', '=', key).execute();
  else await db.insertInto('iam_login_throttle').values(row).execute();
}

export async function deleteThrottleKeys(db: Db, keys: string[]): Promise<void> {
  if (keys.length) await db.deleteFrom('iam_login_throttle').where('key', 'in', keys).execute();
}

/** The name's own key and every key starting with `pairPrefix` (a range of the primary key: no LIKE). */
export async function deleteThrottleOfName(db: Db, accountKey: string, pairPrefix: string): Promise<void> {
  await db
    .deleteFrom('iam_login_throttle')
    .where((eb) =>
      eb.or([
        eb('key', '=', accountKey),
        eb.and([eb('key', '>=', pairPrefix), eb('key', '<', `${pairPrefix}\uffff`)]),
      ]),
    )
    .execute();
}

/** Rows last failed before `before` whose block (if any) has ended by `now`. */
export async function deleteStaleThrottle(db: Db, before: string, now: string): Promise<number> {
  const result = await db
    .deleteFrom('iam_login_throttle')
    .where('updated_at', '<', before)
    .where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<', now)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
