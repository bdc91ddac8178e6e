import type { RecordType } from '../../../platform/http/index.js';

/** Records of contract set-up that routes address by id (for the route guard test). */
export const contractSetupRecordTypes: RecordType[] = [
  // One tree for the whole group.
  { type: 'contractCategory', entityOwned: false },
  {
    type: 'contractPlanLine',
    entityOwned: true,
    sampleIn: async (db, entityId) =>
      (
        await db
          .selectFrom('contract_plan_line')
          .select('id')
          .where('entity_id', '=', entityId)
          .orderBy('id')
          .executeTakeFirst()
      )?.id ?? null,
  },
];
