import type { TaxExemption } from '@concord/contracts';
import type { Generated } from 'kysely';

/**
 * Rows of the contract module's tables, as the repositories read and write them (from the
 * migrations in ./migrations/). Money is an integer of 分, JSON columns are `unknown` (read them
 * with `readJson`), booleans are `boolean | number` (SQLite answers 0/1: read them with `readBool`).
 */
export interface ContractTable {
  id: string;
  number: string | null;
  name: string;
  category_id: string;
  direction: string;
  partner_id: string;
  partner_name: string;
  partner_credit_code: string | null;
  /** PartnerBank as JSON, or null. */
  partner_bank: unknown;
  entity_id: string;
  department_id: string;
  owner_id: string;
  amount: number;
  tax_rate: number;
  /** EXEMPT, NOT_TAXABLE or ZERO_RATED with a rate of 0; null (or absent, before it existed) otherwise. */
  tax_exemption?: TaxExemption | null;
  tax_amount: number;
  signed_amount: number | null;
  current_amount: number;
  currency: string;
  sign_date: string | null;
  start_date: string | null;
  end_date: string | null;
  plan_line_id: string | null;
  project_ref: string | null;
  budget_ref: string | null;
  body: string;
  /** [{ fileId, type }] as JSON. */
  attachments: unknown;
  custom_data: unknown;
  status: string;
  version: number;
  instance_id: string | null;
  pending_change_id: string | null;
  status_reason: string | null;
  imported: boolean | number;
  lock_version: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ContractVersionTable {
  id: string;
  contract_id: string;
  version: number;
  reason: string;
  change_id: string | null;
  note: string | null;
  fields: unknown;
  body: string;
  attachments: unknown;
  created_by: string | null;
  created_at: string;
}

export interface ContractChangeTable {
  id: string;
  contract_id: string;
  number: string;
  kind: string;
  reason: string;
  status: string;
  proposed: unknown;
  before: unknown;
  instance_id: string | null;
  resulting_version: number | null;
  created_by: string;
  created_at: string;
  decided_at: string | null;
}

/** Execution figures kept on the contract (see figures.service.ts and the execution migration). */
export interface ContractFigureColumns {
  planned_amount: number;
  requested_amount: number;
  paid_amount: number;
  invoiced_amount: number;
  accepted_amount: number;
  delivered_amount: number;
  /** The settled amount once a settlement is approved (null before). */
  settled_amount: number | null;
  next_due_date: string | null;
  /**
   * Open money on plan items due before the past-due day (`contract_past_due_day.day`): the overdue
   * amount as of that day for a contract in force (execution/past-due.ts keeps it).
   */
  past_due_open_amount: number;
  /** How many plan items are open and due before the past-due day (the overdue list's count). */
  past_due_open_items: number;
  /**
   * The retention an income contract's customer holds back, not yet due: the approved settlement's
   * retention until its release is recorded (0 on expense contracts). The outstanding receivable is
   * net of it.
   */
  retention_held_amount: number;
}

/** The day the contracts' past-due amounts are computed as of (one row, id 1). */
export interface ContractPastDueDayTable {
  id: number;
  /** Null before the first computation. */
  day: string | null;
  /** Equal to `day` once every contract is computed as of it; behind it while a run is at work. */
  computed_day: string | null;
  updated_at: string;
}

/**
 * A table as the database has it, where the named columns have a default: optional on insert
 * (`Generated`), plain values when selected. The row interfaces stay plain for readers.
 */
type WithDefaults<Row, Column extends keyof Row> = Omit<Row, Column> & {
  [C in Column]: Generated<Row[C]>;
};

/** The group-wide category tree (合同类别). */
export interface ContractCategoryTable {
  id: string;
  code: string;
  name: string;
  parent_id: string | null;
  /** The effective direction (own or inherited), so readers need no tree walk. */
  direction: string;
  direction_inherited: boolean | number;
  /** A rule of the platform's numbering service. */
  number_rule_id: string | null;
  flow_key: string | null;
  /** ContractAttachmentType[] as JSON. */
  required_attachment_types: unknown;
  /** FormField[] as JSON. */
  fields: unknown;
  expiry_reminder_days: number;
  /** [{ code, name, weight (basis points) }] as JSON, or null (the default scorecard). */
  evaluation_criteria: unknown;
  active: boolean | number;
  sort_order: number;
  description: string | null;
  created_at: string;
  updated_at: string;
}

/** Yearly plan lines (合同规划) that contracts are signed against. */
export interface ContractPlanLineTable {
  id: string;
  year: number;
  entity_id: string;
  department_id: string;
  project_ref: string | null;
  category_id: string | null;
  direction: string;
  name: string;
  planned_amount: number;
  currency: string;
  note: string | null;
  lock_version: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** Milestones of payment (expense contracts) or receipt (income contracts), with their figures. */
export interface ContractPlanItemTable {
  id: string;
  contract_id: string;
  seq: number;
  name: string;
  due_date: string;
  amount: number;
  /** Share of the contract amount in basis points, as entered (informative; the amount rules). */
  percentage: number | null;
  condition_text: string | null;
  // Figures of the line, refreshed with the contract's (0 on insert).
  requested_amount: number;
  paid_amount: number;
  invoiced_amount: number;
  accepted_amount: number;
  /**
   * What matching compares on the line: the tied figures above plus the line's share of what is
   * tied to no line (execution.rules.ts `allocateUnlinked`), refreshed with them.
   */
  matched_paid_amount: number;
  matched_invoiced_amount: number;
  matched_accepted_amount: number;
  created_at: string;
  updated_at: string;
}

/** Where a contract's signed original is kept: at most one record per contract. */
export interface ContractArchiveTable {
  contract_id: string;
  location: string;
  box_number: string;
  archivist_id: string;
  archived_date: string;
  copies: number;
  note: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** Borrow and return log of the archived original (one open borrow per contract). */
export interface ContractBorrowTable {
  id: string;
  contract_id: string;
  borrower_id: string;
  borrowed_date: string;
  due_date: string;
  purpose: string;
  returned_date: string | null;
  return_note: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** Seal use requests (用印申请), each for the contract version current when requested. */
export interface ContractSealRequestTable {
  id: string;
  contract_id: string;
  contract_version: number;
  seal_type: string;
  copies: number;
  purpose: string;
  status: string;
  instance_id: string | null;
  requested_by: string;
  created_at: string;
  updated_at: string;
  decided_at: string | null;
  used_date: string | null;
  used_by: string | null;
  used_note: string | null;
}

/** Money moving on a contract: payment requests (approved, then paid), receipts, refunds. */
export interface ContractPaymentTable {
  id: string;
  contract_id: string;
  plan_item_id: string | null;
  /** PAYMENT (we pay), RECEIPT (we receive), REFUND (money back on an earlier payment or receipt). */
  kind: string;
  number: string;
  amount: number;
  status: string;
  refund_of_id: string | null;
  purpose: string | null;
  entity_id: string;
  department_id: string;
  requested_by: string;
  instance_id: string | null;
  paid_on: string | null;
  bank_account: string | null;
  method: string | null;
  reference: string | null;
  /** Set when the request goes beyond what was invoiced or accepted: why, and who allowed it. */
  override_reason: string | null;
  override_by: string | null;
  idempotency_key: string | null;
  request_hash: string | null;
  created_at: string;
  updated_at: string;
}

/** Deliveries and their acceptance (交付/验收). */
export interface ContractDeliveryTable {
  id: string;
  contract_id: string;
  plan_item_id: string | null;
  description: string;
  /** Decimal text (e.g. "12.5"), with its unit: quantities are not money. */
  quantity: string | null;
  unit: string | null;
  delivered_amount: number;
  delivered_on: string;
  /** DELIVERED (awaiting acceptance), ACCEPTED (in whole or part), REJECTED. */
  status: string;
  /** 0 until accepted. */
  accepted_amount: number;
  accepted_on: string | null;
  accepted_by: string | null;
  acceptance_note: string | null;
  /** { delivery: fileId[], acceptance: fileId[] } as JSON. */
  file_ids: unknown;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/**
 * The part of a contract's use of an invoice (an invoice registry usage for the contract as a whole)
 * that counts on one plan item: an invoice split across plan items.
 */
export interface ContractInvoiceAllocationTable {
  id: string;
  contract_id: string;
  usage_id: string;
  plan_item_id: string;
  amount: number;
  created_at: string;
}

/** Settlement (结算): the final amount, deductions and warranty retention. */
export interface ContractSettlementTable {
  id: string;
  contract_id: string;
  final_amount: number;
  /** [{ reason, amount }] as JSON. */
  deductions: unknown;
  deduction_total: number;
  retention_amount: number;
  retention_release_date: string | null;
  retention_released_on: string | null;
  note: string | null;
  /** IN_APPROVAL → APPROVED | REJECTED | WITHDRAWN */
  status: string;
  instance_id: string | null;
  created_by: string;
  created_at: string;
  decided_at: string | null;
}

/** The closing scorecard (回归评价): one per contract. */
export interface ContractEvaluationTable {
  id: string;
  contract_id: string;
  partner_id: string;
  /** [{ code, name, weight (basis points), score (0–100) }] as JSON. */
  scores: unknown;
  /** Weighted score × 100 (0–10000). */
  total_score: number;
  /** A, B, C or D. */
  grade: string;
  comment: string | null;
  evaluated_by: string;
  created_at: string;
}

/** Settings of matching and collections, one row per entity (the group's row where an entity has none). */
export interface ContractExecutionSettingTable {
  entity_id: string;
  /** Matching tolerance in 分 and in basis points of the compared amount; the larger applies. */
  tolerance_amount: number;
  tolerance_rate: number;
  /** Days before a due date to remind the owner, as JSON: [7, 1]. */
  remind_before_days: unknown;
  /** Days after the due date to remind the owner, then the department head, then finance. */
  owner_after_days: number;
  head_after_days: number;
  finance_after_days: number;
  updated_at: string;
}

export interface ContractTables {
  /** The register's columns and the execution figures; the register inserts without the figures. */
  contract: WithDefaults<
    ContractTable & ContractFigureColumns,
    | 'planned_amount'
    | 'requested_amount'
    | 'paid_amount'
    | 'invoiced_amount'
    | 'accepted_amount'
    | 'delivered_amount'
    | 'past_due_open_amount'
    | 'past_due_open_items'
    | 'retention_held_amount'
  >;
  contract_past_due_day: ContractPastDueDayTable;
  contract_version: ContractVersionTable;
  contract_change: ContractChangeTable;
  contract_category: ContractCategoryTable;
  contract_plan_line: ContractPlanLineTable;
  contract_plan_item: WithDefaults<
    ContractPlanItemTable,
    | 'requested_amount'
    | 'paid_amount'
    | 'invoiced_amount'
    | 'accepted_amount'
    | 'matched_paid_amount'
    | 'matched_invoiced_amount'
    | 'matched_accepted_amount'
  >;
  contract_archive: ContractArchiveTable;
  contract_borrow: ContractBorrowTable;
  contract_seal_request: ContractSealRequestTable;
  contract_delivery: WithDefaults<ContractDeliveryTable, 'accepted_amount'>;
  contract_invoice_allocation: ContractInvoiceAllocationTable;
  contract_evaluation: ContractEvaluationTable;
  contract_execution_setting: ContractExecutionSettingTable;
  contract_payment: ContractPaymentTable;
  contract_settlement: ContractSettlementTable;
}

declare module '../../db/index.js' {
  interface Database extends ContractTables {}
}
