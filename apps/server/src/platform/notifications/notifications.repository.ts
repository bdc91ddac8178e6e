import { sql } from 'kysely';
import { type Db, likePattern } from '../../db/index.js';
import { type Scope, withScope } from '../access/index.js';
import type {
  NotificationItemTable,
  NotificationPreferenceTable,
  NotificationRobotTable,
} from './notifications.tables.js';

// ---------------------------------------------------------------- in-app notifications
export async function insertItems(db: Db, rows: NotificationItemTable[]): Promise<void> {
  if (rows.length) await db.insertInto('notification_item').values(rows).execute();
}

/** A reader's notifications; the recipient condition is the scope here: nobody reads another's. */
export function itemsOf(db: Db, recipientId: string, filter: { unread?: boolean }) {
  let query = db.selectFrom('notification_item').selectAll().where('recipient_id', '=', recipientId);
  if (filter.unread) query = query.where('read_at', 'is', null);
  return query;
}

export function findItem(db: Db, id: string): Promise<NotificationItemTable | undefined> {
  return db.selectFrom('notification_item').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function unreadCount(db: Db, recipientId: string): Promise<number> {
  const row = await db
    .selectFrom('notification_item')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('recipient_id', '=', recipientId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function markRead(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('notification_item').set({ read_at: at }).where('id', '=', id).execute();
}

export async function markAllRead(db: Db, recipientId: string, at: string): Promise<number> {
  const result = await db
    .updateTable('notification_item')
    .set({ read_at: at })
    .where('recipient_id', '=', recipientId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

// ---------------------------------------------------------------- preferences
export function findPreference(db: Db, userId: string): Promise<NotificationPreferenceTable | undefined> {
  return db
    .selectFrom('notification_preference')
    .selectAll()
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function preferencesOf(db: Db, userIds: string[]): Promise<NotificationPreferenceTable[]> {
  if (!userIds.length) return [];
  return db.selectFrom('notification_preference').selectAll().where('user_id', 'in', userIds).execute();
}

export async function upsertPreference(db: Db, row: NotificationPreferenceTable): Promise<void> {
  await db
    .insertInto('notification_preference')
    .values(row)
    .onConflict((oc) =>
      oc.column('user_id').doUpdateSet({ email_enabled: row.email_enabled, updated_at: row.updated_at }),
    )
    .execute();
}

// ---------------------------------------------------------------- robots
export const robotScope = { entity: 'r.entity_id', department: null, owner: null };

export type RobotRow = NotificationRobotTable & { entity_name: string };

function robotQuery(db: Db) {
  return db
    .selectFrom('notification_robot as r')
    .innerJoin('org_entity as e', 'e.id', 'r.entity_id')
    .selectAll('r')
    .select('e.name as entity_name');
}

export function filteredRobots(
  db: Db,
  scope: Scope,
  filter: { entityId?: string; kind?: string; enabled?: boolean; q?: string },
) {
  let query = withScope(robotQuery(db), scope, robotScope);
  if (filter.entityId) query = query.where('r.entity_id', '=', filter.entityId);
  if (filter.kind) query = query.where('r.kind', '=', filter.kind as NotificationRobotTable['kind']);
  if (filter.enabled !== undefined) query = query.where('r.enabled', '=', filter.enabled);
  if (filter.q) {
    const pattern = likePattern(filter.q.toLowerCase());
    query = query.where((eb) => eb(sql`lower(r.name)`, 'like', sql`${pattern} escape '\\'`));
  }
  return query;
}

export function findRobot(db: Db, id: string): Promise<RobotRow | undefined> {
  return robotQuery(db).where('r.id', '=', id).executeTakeFirst() as Promise<RobotRow | undefined>;
}

export function enabledRobotsOf(db: Db, entityId: string): Promise<NotificationRobotTable[]> {
  return db
    .selectFrom('notification_robot')
    .selectAll()
    .where('entity_id', '=', entityId)
    .where('enabled', '=', true)
    .orderBy('name')
    .execute();
}

export async function insertRobot(db: Db, row: NotificationRobotTable): Promise<void> {
  await db.insertInto('notification_robot').values(row).execute();
}

export async function updateRobot(db: Db, id: string, patch: Partial<NotificationRobotTable>): Promise<void> {
  await db.updateTable('notification_robot').set(patch).where('id', '=', id).execute();
}

export async function deleteRobot(db: Db, id: string): Promise<void> {
  await db.deleteFrom('notification_robot').where('id', '=', id).execute();
}

export async function entityExists(db: Db, entityId: string): Promise<boolean> {
  return !!(await db.selectFrom('org_entity').select('id').where('id', '=', entityId).executeTakeFirst());
}
