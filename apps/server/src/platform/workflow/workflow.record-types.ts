import type { RecordType } from '../http/record-types.js';

export const workflowRecordTypes: RecordType[] = [
  // Definitions are shared by the group; the binding's entity only narrows where they apply.
  { type: 'workflowDefinition', entityOwned: false },
  {
    type: 'workflowInstance',
    entityOwned: true,
    sampleIn: async (db, entityId) =>
      (await db.selectFrom('wf_instance').select('id').where('entity_id', '=', entityId).executeTakeFirst())
        ?.id ?? null,
  },
];
