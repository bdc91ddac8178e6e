import type { TaxExemption } from '@concord/contracts';
import type { Generated } from 'kysely';
import type {
  ContractPastDueDayTable,
  ContractPlanItemTable,
  ContractPaymentTable,
  ContractDeliveryTable,
  ContractInvoiceAllocationTable,
  ContractSettlementTable,
  ContractEvaluationTable,
  ContractExecutionSettingTable,
} from './contracts.execution.tables.js';

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
   * The retention held back, not yet due: the approved settlement's retention until its release is
   * recorded (the customer holds it on an income contract, we hold it on an expense one). What is
   * outstanding is net of it.
   */
  retention_held_amount: number;
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

export type {
  ContractPastDueDayTable,
  ContractPlanItemTable,
  ContractPaymentTable,
  ContractDeliveryTable,
  ContractInvoiceAllocationTable,
  ContractSettlementTable,
  ContractEvaluationTable,
  ContractExecutionSettingTable,
} from './contracts.execution.tables.js';

declare module '../../db/index.js' {
  interface Database extends ContractTables {}
}
