export interface NumberingRuleTable {
  id: string;
  code: string;
  name: string;
  pattern: string;
  prefix: string;
  seq_width: number;
  reset: string;
  active: boolean | number;
  description: string | null;
  created_at: string;
  updated_at: string;
}

/** The last number used per rule, period (`2026`, `2026-11`, `all`) and entity code ('' = group-wide). */
export interface NumberingCounterTable {
  rule_id: string;
  period_key: string;
  entity_code: string;
  value: number;
}

export interface NumberingTables {
  numbering_rule: NumberingRuleTable;
  numbering_counter: NumberingCounterTable;
}

declare module '../../db/index.js' {
  interface Database extends NumberingTables {}
}
