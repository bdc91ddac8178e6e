export interface PartnerTable {
  id: string;
  name: string;
  /** Normalised (upper case, no spaces); null for individuals without one. */
  credit_code: string | null;
  is_customer: boolean | number;
  is_supplier: boolean | number;
  type: string;
  industry: string | null;
  region: string | null;
  address: string | null;
  rating: string | null;
  remarks: string | null;
  /** The entity that registered it. */
  entity_id: string;
  /** The registering user's department, for department-wide data scopes. */
  department_id: string | null;
  /** Who registered it (null when Concord itself did). */
  owner_id: string | null;
  shared_with_group: boolean | number;
  blacklisted: boolean | number;
  blacklist_reason: string | null;
  blacklisted_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface PartnerBankAccountTable {
  id: string;
  partner_id: string;
  bank_name: string;
  account_name: string;
  account_number: string;
  is_default: boolean | number;
  created_at: string;
  updated_at: string;
}

export interface PartnerContactTable {
  id: string;
  partner_id: string;
  name: string;
  role: string | null;
  position: string | null;
  phone: string | null;
  email: string | null;
  created_at: string;
  updated_at: string;
}

export interface PartnerQualificationTable {
  id: string;
  partner_id: string;
  type: string;
  number: string | null;
  valid_from: string | null;
  valid_to: string | null;
  attachment_file_id: string | null;
  created_at: string;
  updated_at: string;
}

/** Every blacklisting and restoring, with its reason: the history the detail page shows. */
export interface PartnerBlacklistLogTable {
  id: string;
  partner_id: string;
  action: 'blacklist' | 'restore';
  reason: string;
  actor_id: string | null;
  at: string;
}

/** One recomputation of a partner's rating from the closing evaluations of its contracts. */
export interface PartnerRatingHistoryTable {
  id: string;
  partner_id: string;
  /** A/B/C/D, or null when no evaluation of the last three years is left. */
  rating: string | null;
  /** The average total score (× 100, 0–10000) of the evaluations counted. */
  score: number | null;
  evaluation_count: number;
  source_contract_id: string | null;
  /** The source contract's number and name when rated (the partners module does not read contracts). */
  source_label: string | null;
  created_at: string;
}

export interface PartnerTables {
  partner: PartnerTable;
  partner_bank_account: PartnerBankAccountTable;
  partner_contact: PartnerContactTable;
  partner_qualification: PartnerQualificationTable;
  partner_blacklist_log: PartnerBlacklistLogTable;
  partner_rating_history: PartnerRatingHistoryTable;
}

declare module '../../db/index.js' {
  interface Database extends PartnerTables {}
}
