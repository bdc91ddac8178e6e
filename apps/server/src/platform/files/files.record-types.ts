import type { RecordType } from '../http/index.js';

export const filesRecordTypes: RecordType[] = [
  {
    type: 'file',
    entityOwned: true,
    sampleIn: async (db, entityId) =>
      (await db.selectFrom('file_object').select('id').where('entity_id', '=', entityId).executeTakeFirst())
        ?.id ?? null,
  },
];
