import { type ExpressionBuilder, sql } from 'kysely';
import { countUpTo, type Database, type Db, likePattern } from '../../db/index.js';
import { type Scope, scopeCondition } from '../../platform/access/index.js';
import type {
  PartnerBankAccountTable,
  PartnerBlacklistLogTable,
  PartnerContactTable,
  PartnerQualificationTable,
  PartnerTable,
} from './partners.tables.js';

/** Who looks: their `partner.view` scope, and themselves (everyone sees what they registered). */
export interface Viewer {
  scope: Scope;
  userId: string | null;
}

export interface PartnerFilter {
  q?: string;
  kind?: 'customer' | 'supplier';
  type?: string;
  region?: string;
  industry?: string;
  rating?: string;
  blacklisted?: boolean;
  entityId?: string;
  usableBy?: string;
}

/** A partner is visible when it is shared with the group, in the viewer's scope, or theirs. */
export function visibleCondition(eb: ExpressionBuilder<Database & { p: PartnerTable }, 'p'>, viewer: Viewer) {
  const alternatives = [
    eb('p.shared_with_group', '=', true),
    scopeCondition(eb, viewer.scope, {
      entity: 'p.entity_id',
      department: 'p.department_id',
      owner: 'p.owner_id',
    }),
  ];
  if (viewer.userId) alternatives.push(eb('p.owner_id', '=', viewer.userId));
  return eb.or(alternatives);
}

export function visiblePartners(db: Db, viewer: Viewer, filter: PartnerFilter) {
  let query = db
    .selectFrom('partner as p')
    .selectAll('p')
    .where((eb) => visibleCondition(eb, viewer));
  if (filter.kind === 'customer') query = query.where('p.is_customer', '=', true);
  if (filter.kind === 'supplier') query = query.where('p.is_supplier', '=', true);
  if (filter.type) query = query.where('p.type', '=', filter.type);
  if (filter.region) query = query.where('p.region', '=', filter.region);
  if (filter.industry) query = query.where('p.industry', '=', filter.industry);
  if (filter.rating) query = query.where('p.rating', '=', filter.rating);
  if (filter.blacklisted !== undefined) query = query.where('p.blacklisted', '=', filter.blacklisted);
  if (filter.entityId) query = query.where('p.entity_id', '=', filter.entityId);
  if (filter.usableBy) {
    const entityId = filter.usableBy;
    query = query
      .where('p.blacklisted', '=', false)
      .where((eb) => eb.or([eb('p.entity_id', '=', entityId), eb('p.shared_with_group', '=', true)]));
  }
  if (filter.q) {
    const name = sql<string>`${likePattern(filter.q.toLowerCase())} escape '\\'`;
    const code = sql<string>`${likePattern(filter.q.replace(/\s+/g, '').toUpperCase())} escape '\\'`;
    query = query.where((eb) =>
      eb.or([eb(sql`lower(p.name)`, 'like', name), eb('p.credit_code', 'like', code)]),
    );
  }
  return query;
}

/**
 * How many partners match the text (name or credit code) that the viewer cannot see: registered by
 * another entity and not shared with the group. Counted up to `cap`, names never returned.
 */
export function hiddenMatchCount(db: Db, viewer: Viewer, q: string, cap: number): Promise<number> {
  const name = sql<string>`${likePattern(q.toLowerCase())} escape '\\'`;
  const code = sql<string>`${likePattern(q.replace(/\s+/g, '').toUpperCase())} escape '\\'`;
  const query = db
    .selectFrom('partner as p')
    .select('p.id')
    .where((eb) => eb.not(visibleCondition(eb, viewer)))
    .where((eb) => eb.or([eb(sql`lower(p.name)`, 'like', name), eb('p.credit_code', 'like', code)]));
  return countUpTo(db, query, cap);
}

export function isVisible(db: Db, viewer: Viewer, id: string): Promise<boolean> {
  return db
    .selectFrom('partner as p')
    .select('p.id')
    .where('p.id', '=', id)
    .where((eb) => visibleCondition(eb, viewer))
    .executeTakeFirst()
    .then(Boolean);
}

export function findPartner(db: Db, id: string): Promise<PartnerTable | undefined> {
  return db.selectFrom('partner').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findByCreditCode(db: Db, creditCode: string): Promise<PartnerTable | undefined> {
  return db.selectFrom('partner').selectAll().where('credit_code', '=', creditCode).executeTakeFirst();
}

export async function insertPartner(db: Db, row: PartnerTable): Promise<void> {
  await db.insertInto('partner').values(row).execute();
}

export async function updatePartner(db: Db, id: string, patch: Partial<PartnerTable>): Promise<void> {
  await db.updateTable('partner').set(patch).where('id', '=', id).execute();
}

// ---- bank accounts ----

export function bankAccountsOf(db: Db, partnerIds: string[]): Promise<PartnerBankAccountTable[]> {
  if (!partnerIds.length) return Promise.resolve([]);
  return db
    .selectFrom('partner_bank_account')
    .selectAll()
    .where('partner_id', 'in', partnerIds)
    .orderBy('is_default', 'desc')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function findBankAccount(db: Db, id: string): Promise<PartnerBankAccountTable | undefined> {
  return db.selectFrom('partner_bank_account').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertBankAccount(db: Db, row: PartnerBankAccountTable): Promise<void> {
  await db.insertInto('partner_bank_account').values(row).execute();
}

export async function updateBankAccount(
  db: Db,
  id: string,
  patch: Partial<PartnerBankAccountTable>,
): Promise<void> {
  await db.updateTable('partner_bank_account').set(patch).where('id', '=', id).execute();
}

export async function deleteBankAccount(db: Db, id: string): Promise<void> {
  await db.deleteFrom('partner_bank_account').where('id', '=', id).execute();
}

/** One default account per partner: clears the flag on the others. */
export async function clearDefaultAccount(db: Db, partnerId: string, except: string): Promise<void> {
  await db
    .updateTable('partner_bank_account')
    .set({ is_default: false })
    .where('partner_id', '=', partnerId)
    .where('id', '!=', except)
    .execute();
}

// ---- contacts ----

export function contactsOf(db: Db, partnerId: string): Promise<PartnerContactTable[]> {
  return db
    .selectFrom('partner_contact')
    .selectAll()
    .where('partner_id', '=', partnerId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function findContact(db: Db, id: string): Promise<PartnerContactTable | undefined> {
  return db.selectFrom('partner_contact').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertContact(db: Db, row: PartnerContactTable): Promise<void> {
  await db.insertInto('partner_contact').values(row).execute();
}

export async function updateContact(db: Db, id: string, patch: Partial<PartnerContactTable>): Promise<void> {
  await db.updateTable('partner_contact').set(patch).where('id', '=', id).execute();
}

export async function deleteContact(db: Db, id: string): Promise<void> {
  await db.deleteFrom('partner_contact').where('id', '=', id).execute();
}

// ---- qualifications ----

export function qualificationsOf(db: Db, partnerId: string): Promise<PartnerQualificationTable[]> {
  return db
    .selectFrom('partner_qualification')
    .selectAll()
    .where('partner_id', '=', partnerId)
    .orderBy('valid_to', (ob) => ob.asc().nullsLast())
    .orderBy('id')
    .execute();
}

export function findQualification(db: Db, id: string): Promise<PartnerQualificationTable | undefined> {
  return db.selectFrom('partner_qualification').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertQualification(db: Db, row: PartnerQualificationTable): Promise<void> {
  await db.insertInto('partner_qualification').values(row).execute();
}

export async function updateQualification(
  db: Db,
  id: string,
  patch: Partial<PartnerQualificationTable>,
): Promise<void> {
  await db.updateTable('partner_qualification').set(patch).where('id', '=', id).execute();
}

export async function deleteQualification(db: Db, id: string): Promise<void> {
  await db.deleteFrom('partner_qualification').where('id', '=', id).execute();
}

/** Qualifications whose validity ends between two dates (inclusive), oldest end first. */
export function qualificationsEndingBetween(db: Db, from: string, to: string) {
  return db
    .selectFrom('partner_qualification as q')
    .select(['q.id', 'q.valid_to'])
    .where('q.valid_to', '>=', from)
    .where('q.valid_to', '<=', to)
    .orderBy('q.valid_to')
    .orderBy('q.id');
}

/**
 * The qualifications of the partners the viewer sees that end between two dates (inclusive),
 * soonest first (by the valid_to index, then the id), with their partner's name.
 */
export function visibleQualificationsEndingBetween(db: Db, viewer: Viewer, from: string, to: string) {
  return db
    .selectFrom('partner_qualification as q')
    .innerJoin('partner as p', 'p.id', 'q.partner_id')
    .select(['q.id', 'q.partner_id', 'p.name as partner_name', 'q.type', 'q.number', 'q.valid_to'])
    .where('q.valid_to', '>=', from)
    .where('q.valid_to', '<=', to)
    .where((eb) => visibleCondition(eb, viewer))
    .orderBy('q.valid_to')
    .orderBy('q.id');
}

/**
 * Partners in breach for group oversight: blacklisted now, and those with a qualification type
 * whose every certificate has expired before `today` (a renewed certificate clears the type).
 */
export async function flaggedPartnerIds(
  db: Db,
  today: string,
): Promise<{ blacklisted: string[]; unqualified: string[] }> {
  const [blacklisted, expired] = await Promise.all([
    db.selectFrom('partner').select('id').where('blacklisted', '=', true).execute(),
    db
      .selectFrom('partner_qualification')
      .select('partner_id')
      .groupBy(['partner_id', 'type'])
      .having(sql`max(coalesce(valid_to, ${'9999-12-31'}))`, '<', today)
      .execute(),
  ]);
  return {
    blacklisted: blacklisted.map((r) => r.id),
    unqualified: [...new Set(expired.map((r) => r.partner_id))],
  };
}

/** The partners that have this file attached to a qualification. */
export async function partnersWithFile(db: Db, fileId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('partner_qualification')
    .select('partner_id')
    .where('attachment_file_id', '=', fileId)
    .execute();
  return rows.map((r) => r.partner_id);
}

// ---- blacklist history ----

export async function insertBlacklistLog(db: Db, row: PartnerBlacklistLogTable): Promise<void> {
  await db.insertInto('partner_blacklist_log').values(row).execute();
}

export function blacklistLogOf(db: Db, partnerId: string): Promise<PartnerBlacklistLogTable[]> {
  return db
    .selectFrom('partner_blacklist_log')
    .selectAll()
    .where('partner_id', '=', partnerId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}
