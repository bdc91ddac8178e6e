/** Rows of the invoice registry's tables, as its repository reads and writes them. */
export interface InvoiceTable {
  id: string;
  direction: string;
  type: string;
  code: string | null;
  number: string;
  seller_tax_id: string;
  seller_name: string;
  buyer_tax_id: string;
  buyer_name: string;
  issue_date: string;
  amount_excl_tax: number;
  tax_amount: number;
  total_amount: number;
  /** The sum of active usages, kept in step under the invoice's row lock. */
  used_amount: number;
  status: string;
  void_reason: string | null;
  voided_by: string | null;
  voided_at: string | null;
  /** `P|code|number|seller tax id` (paper, electronic) or `D|number` (fully digital); unique. */
  unique_key: string;
  entity_id: string;
  file_id: string | null;
  remarks: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface InvoiceUsageTable {
  id: string;
  invoice_id: string;
  document_type: string;
  document_id: string;
  document_line_id: string | null;
  document_label: string;
  /** The entity owning the using document (scope of the usage). */
  entity_id: string;
  amount: number;
  status: string;
  /** `invoice|type|document` while active, null once released: a document uses an invoice once. */
  active_key: string | null;
  created_by: string | null;
  created_at: string;
  released_by: string | null;
  released_at: string | null;
}

export interface InvoiceTables {
  invoice: InvoiceTable;
  invoice_usage: InvoiceUsageTable;
}

declare module '../../db/index.js' {
  interface Database extends InvoiceTables {}
}
