import type { Kysely } from 'kysely';
import type { RecordType } from '../../platform/http/index.js';

/** A partner the entity registered and keeps to itself (shared ones are meant to be seen). */
async function ownPartner(db: Kysely<any>, entityId: string, child?: string): Promise<string | null> {
  let query = db
    .selectFrom('partner as p')
    .where('p.entity_id', '=', entityId)
    .where('p.shared_with_group', '=', false);
  if (child) {
    const row = await query
      .innerJoin(`${child} as c`, 'c.partner_id', 'p.id')
      .select('c.id as id')
      .orderBy('c.id')
      .executeTakeFirst();
    return (row?.id as string | undefined) ?? null;
  }
  query = query.orderBy('p.id');
  return ((await query.select('p.id').executeTakeFirst())?.id as string | undefined) ?? null;
}

export const partnersRecordTypes: RecordType[] = [
  { type: 'partner', entityOwned: true, sampleIn: (db, entityId) => ownPartner(db, entityId) },
  {
    type: 'partnerBankAccount',
    entityOwned: true,
    sampleIn: (db, entityId) => ownPartner(db, entityId, 'partner_bank_account'),
  },
  {
    type: 'partnerContact',
    entityOwned: true,
    sampleIn: (db, entityId) => ownPartner(db, entityId, 'partner_contact'),
  },
  {
    type: 'partnerQualification',
    entityOwned: true,
    sampleIn: (db, entityId) => ownPartner(db, entityId, 'partner_qualification'),
  },
];
