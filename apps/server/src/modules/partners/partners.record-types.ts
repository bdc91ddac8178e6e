import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.js';
import type { RecordType } from '../../platform/http/index.js';

/** Partners the entity registered and keeps to itself (shared ones are meant to be seen). */
const ownPartners = (db: Kysely<Database>, entityId: string) =>
  db.selectFrom('partner as p').where('p.entity_id', '=', entityId).where('p.shared_with_group', '=', false);

const firstId = async (row: Promise<{ id: string } | undefined>): Promise<string | null> =>
  (await row)?.id ?? null;

export const partnersRecordTypes: RecordType[] = [
  {
    type: 'partner',
    entityOwned: true,
    sampleIn: (db, entityId) =>
      firstId(ownPartners(db, entityId).select('p.id').orderBy('p.id').executeTakeFirst()),
  },
  {
    type: 'partnerBankAccount',
    entityOwned: true,
    sampleIn: (db, entityId) =>
      firstId(
        ownPartners(db, entityId)
          .innerJoin('partner_bank_account as c', 'c.partner_id', 'p.id')
          .select('c.id')
          .orderBy('c.id')
          .executeTakeFirst(),
      ),
  },
  {
    type: 'partnerContact',
    entityOwned: true,
    sampleIn: (db, entityId) =>
      firstId(
        ownPartners(db, entityId)
          .innerJoin('partner_contact as c', 'c.partner_id', 'p.id')
          .select('c.id')
          .orderBy('c.id')
          .executeTakeFirst(),
      ),
  },
  {
    type: 'partnerQualification',
    entityOwned: true,
    sampleIn: (db, entityId) =>
      firstId(
        ownPartners(db, entityId)
          .innerJoin('partner_qualification as c', 'c.partner_id', 'p.id')
          .select('c.id')
          .orderBy('c.id')
          .executeTakeFirst(),
      ),
  },
];
