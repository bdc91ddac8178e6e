/** Rows of the contract register's tables, as the repositories read and write them. */
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

export interface ContractTables {
  contract: ContractTable;
  contract_version: ContractVersionTable;
  contract_change: ContractChangeTable;
}

/** Execution figures kept on the contract (see figures.service.ts and the execution migration). */
export interface ContractFigureColumns {
  planned_amount: number;
  requested_amount: number;
  paid_amount: number;
  invoiced_amount: number;
  accepted_amount: number;
  delivered_amount: number;
  settled_amount: number | null;
  next_due_date: string | null;
}
