export interface FormDefinitionTable {
  id: string;
  code: string;
  name: string;
  description: string | null;
  entity_id: string | null;
  /** FormField[] as JSON (text in SQLite). */
  fields: unknown;
  amount_field: string | null;
  active: boolean | number;
  created_at: string;
  updated_at: string;
}

export interface FormTables {
  form_definition: FormDefinitionTable;
}
