import type { RecordType } from '../../platform/http/index.js';

/** Invoices belong to the entity that registered them; usages to the entity of the using document. */
export const invoicesRecordTypes: RecordType[] = [
  {
    type: 'invoice',
    entityOwned: true,
    sampleIn: async (db, entityId) =>
      (await db.selectFrom('invoice').select('id').where('entity_id', '=', entityId).executeTakeFirst())
        ?.id ?? null,
  },
  {
    type: 'invoiceUsage',
    entityOwned: true,
    sampleIn: async (db, entityId) =>
      (
        await db
          .selectFrom('invoice_usage')
          .select('id')
          .where('entity_id', '=', entityId)
          .where('status', '=', 'ACTIVE')
          .executeTakeFirst()
      )?.id ?? null,
  },
];
