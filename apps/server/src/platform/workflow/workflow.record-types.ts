import type { RecordType } from '../http/index.js';

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
  // A proxy rule belongs to a user: only they (or an approval administrator whose scope covers
  // them) may remove it; others get 404 (workflow.proxies.test.ts). The demo data holds no rules.
  { type: 'workflowProxyRule', entityOwned: false },
];
