import type { RecordType } from '../../../platform/http/index.js';

export const contractRecordTypes: RecordType[] = [
  {
    type: 'contract',
    entityOwned: true,
    sampleIn: async (db, entityId) =>
      (await db.selectFrom('contract').select('id').where('entity_id', '=', entityId).executeTakeFirst())
        ?.id ?? null,
  },
];
