import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.js';
import type { RecordType } from '../http/index.js';

const sample =
  (table: 'notification_item' | 'notification_robot') => async (db: Kysely<Database>, entityId: string) =>
    (await db.selectFrom(table).select('id').where('entity_id', '=', entityId).executeTakeFirst())?.id ??
    null;

export const notificationsRecordTypes: RecordType[] = [
  { type: 'notification', entityOwned: true, sampleIn: sample('notification_item') },
  { type: 'notificationRobot', entityOwned: true, sampleIn: sample('notification_robot') },
];
