import type {
  Partner,
  PartnerBankAccount,
  PartnerBlacklistEntry,
  PartnerContact,
  PartnerKind,
  PartnerListItem,
  PartnerQualification,
  PartnerRating,
  PartnerType,
} from '@concord/contracts';
import { readBool, readInstant } from '../../db/index.js';
import type {
  PartnerBankAccountTable,
  PartnerBlacklistLogTable,
  PartnerContactTable,
  PartnerQualificationTable,
  PartnerTable,
} from './partners.tables.js';

export interface Names {
  entities: Map<string, string>;
  users: Map<string, string>;
}

export function kindsOf(row: Pick<PartnerTable, 'is_customer' | 'is_supplier'>): PartnerKind[] {
  const kinds: PartnerKind[] = [];
  if (readBool(row.is_customer)) kinds.push('customer');
  if (readBool(row.is_supplier)) kinds.push('supplier');
  return kinds;
}

/** PostgreSQL returns `date` columns as strings through the type parser; keep the first 10 characters. */
export const readDate = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value).slice(0, 10);

export function toPartner(row: PartnerTable, names: Names): Partner {
  return {
    id: row.id,
    name: row.name,
    creditCode: row.credit_code,
    kinds: kindsOf(row),
    type: row.type as PartnerType,
    industry: row.industry,
    region: row.region,
    address: row.address,
    rating: row.rating as PartnerRating | null,
    remarks: row.remarks,
    entityId: row.entity_id,
    entityName: names.entities.get(row.entity_id) ?? '',
    sharedWithGroup: readBool(row.shared_with_group),
    blacklisted: readBool(row.blacklisted),
    blacklistReason: row.blacklist_reason,
    blacklistedAt: readInstant(row.blacklisted_at),
    ownerId: row.owner_id,
    ownerName: row.owner_id ? (names.users.get(row.owner_id) ?? null) : null,
    createdAt: readInstant(row.created_at)!,
    updatedAt: readInstant(row.updated_at)!,
  };
}

/** The API's view: who registered it left out unless `originShown` (see PartnerListItem). */
export function toListItem(row: PartnerTable, names: Names, originShown: boolean): PartnerListItem {
  const partner = toPartner(row, names);
  return originShown ? partner : { ...partner, entityId: null, ownerId: null, ownerName: null };
}

export function toBankAccount(row: PartnerBankAccountTable): PartnerBankAccount {
  return {
    id: row.id,
    partnerId: row.partner_id,
    bankName: row.bank_name,
    accountName: row.account_name,
    accountNumber: row.account_number,
    isDefault: readBool(row.is_default),
    createdAt: readInstant(row.created_at)!,
  };
}

export function toContact(row: PartnerContactTable): PartnerContact {
  return {
    id: row.id,
    partnerId: row.partner_id,
    name: row.name,
    role: row.role,
    position: row.position,
    phone: row.phone,
    email: row.email,
    createdAt: readInstant(row.created_at)!,
  };
}

export function toQualification(
  row: PartnerQualificationTable,
  fileNames: Map<string, string>,
): PartnerQualification {
  return {
    id: row.id,
    partnerId: row.partner_id,
    type: row.type,
    number: row.number,
    validFrom: readDate(row.valid_from),
    validTo: readDate(row.valid_to),
    attachmentFileId: row.attachment_file_id,
    attachmentName: row.attachment_file_id ? (fileNames.get(row.attachment_file_id) ?? null) : null,
    createdAt: readInstant(row.created_at)!,
  };
}

export function toBlacklistEntry(
  row: PartnerBlacklistLogTable,
  users: Map<string, string>,
): PartnerBlacklistEntry {
  return {
    id: row.id,
    action: row.action,
    reason: row.reason,
    actorId: row.actor_id,
    actorName: row.actor_id ? (users.get(row.actor_id) ?? null) : null,
    at: readInstant(row.at)!,
  };
}

/** What the audit log keeps of a partner. */
export function partnerSnapshot(row: PartnerTable): Record<string, unknown> {
  return {
    name: row.name,
    creditCode: row.credit_code,
    kinds: kindsOf(row),
    type: row.type,
    industry: row.industry,
    region: row.region,
    address: row.address,
    rating: row.rating,
    remarks: row.remarks,
    entityId: row.entity_id,
    sharedWithGroup: readBool(row.shared_with_group),
    blacklisted: readBool(row.blacklisted),
    blacklistReason: row.blacklist_reason,
  };
}
