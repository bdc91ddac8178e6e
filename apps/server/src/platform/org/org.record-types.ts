import type { RecordType } from '../http/index.js';

export const orgRecordTypes: RecordType[] = [
  { type: 'entity', entityOwned: true, sampleIn: async (_db, entityId) => entityId },
  {
    type: 'department',
    entityOwned: true,
    sampleIn: async (db, entityId) =>
      (
        await db
          .selectFrom('org_department')
          .select('id')
          .where('entity_id', '=', entityId)
          .executeTakeFirst()
      )?.id ?? null,
  },
  {
    type: 'position',
    entityOwned: true,
    sampleIn: async (db, entityId) =>
      (await db.selectFrom('org_position').select('id').where('entity_id', '=', entityId).executeTakeFirst())
        ?.id ?? null,
  },
  {
    type: 'user',
    entityOwned: true,
    sampleIn: async (db, entityId) =>
      (await db.selectFrom('org_user').select('id').where('entity_id', '=', entityId).executeTakeFirst())
        ?.id ?? null,
  },
];
