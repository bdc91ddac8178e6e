import type { PartnerDetail } from '@concord/contracts';
import type { Db } from '../../db/index.js';
import type { RequestContext } from '../../platform/http/index.js';
import { type Abilities, holds, originShown } from './partners.access.js';
import {
  type Names,
  toBankAccount,
  toBlacklistEntry,
  toContact,
  toListItem,
  toQualification,
} from './partners.mappers.js';
import type { PartnerDirectory } from './partners.ports.js';
import * as repo from './partners.repository.js';
import type { PartnerTable } from './partners.tables.js';

/** Entity and owner names for partner rows. */
export async function namesOf(db: Db, directory: PartnerDirectory, rows: PartnerTable[]): Promise<Names> {
  // One after the other: inside a transaction both run on its single connection.
  const entities = await directory.entityNames(db, [...new Set(rows.map((r) => r.entity_id))]);
  const users = await directory.userNames(db, [
    ...new Set(rows.flatMap((r) => (r.owner_id ? [r.owner_id] : []))),
  ]);
  return { entities, users };
}

/** A partner with its child records, blacklist history and what the caller may do with it. */
export async function partnerDetail(
  db: Db,
  directory: PartnerDirectory,
  ctx: RequestContext,
  row: PartnerTable,
  abilities: Abilities,
): Promise<PartnerDetail> {
  const accounts = await repo.bankAccountsOf(db, [row.id]);
  const contacts = await repo.contactsOf(db, row.id);
  const qualifications = await repo.qualificationsOf(db, row.id);
  const log = await repo.blacklistLogOf(db, row.id);
  const names = await namesOf(db, directory, [row]);
  const actors = await directory.userNames(db, [
    ...new Set(log.flatMap((entry) => (entry.actor_id ? [entry.actor_id] : []))),
  ]);
  const files = await directory.fileNames(
    db,
    qualifications.flatMap((q) => (q.attachment_file_id ? [q.attachment_file_id] : [])),
  );
  return {
    ...toListItem(row, names, originShown(abilities.view, ctx, row)),
    bankAccounts: accounts.map(toBankAccount),
    contacts: contacts.map(toContact),
    qualifications: qualifications.map((q) => toQualification(q, files)),
    blacklistLog: log.map((entry) => toBlacklistEntry(entry, actors)),
    canManage: holds(abilities.manage, ctx, row),
    canBlacklist: holds(abilities.blacklist, ctx, row),
  };
}
