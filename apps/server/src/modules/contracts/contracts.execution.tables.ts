/**
 * Rows of the contract execution tables (plan items, money, deliveries, invoice parts, settlement,
 * evaluation, settings, the past-due day), as the execution repositories read and write them. The
 * register's rows and the Database declaration are in contracts.tables.ts.
 */

/** The day the contracts' past-due amounts are computed as of (one row, id 1). */
export interface ContractPastDueDayTable {
  id: number;
  /** Null before the first computation. */
  day: string | null;
  /** Equal to `day` once every contract is computed as of it; behind it while a run is at work. */
  computed_day: string | null;
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
