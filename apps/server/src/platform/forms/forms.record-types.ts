import type { RecordType } from '../http/index.js';

export const formsRecordTypes: RecordType[] = [
  {
    type: 'formDefinition',
    entityOwned: true,
    sampleIn: async (db, entityId) =>
      (
        await db
          .selectFrom('form_definition')
          .select('id')
          .where('entity_id', '=', entityId)
          .executeTakeFirst()
      )?.id ?? null,
  },
];
