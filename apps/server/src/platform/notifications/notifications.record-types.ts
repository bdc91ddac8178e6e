import type { Database } from '../../db/index.js';
import type { RecordType } from '../http/index.js';

const sample = (table: string) => async (db: any, entityId: string) =>
  (
    (await db.selectFrom(table).select('id').where('entity_id', '=', entityId).executeTakeFirst()) as
      | { id: string }
      | undefined
  )?.id ?? null;

export const notificationsRecordTypes: RecordType<Database>[] = [
  { type: 'notification', entityOwned: true, sampleIn: sample('notification_item') },
  { type: 'notificationRobot', entityOwned: true, sampleIn: sample('notification_robot') },
];
