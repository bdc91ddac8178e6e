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

/** A filled-in form: the document its approval instance is about. */
export interface FormSubmissionTable {
  id: string;
  form_id: string;
  entity_id: string;
  department_id: string | null;
  initiator_id: string;
  /** The form's fields when submitted, as JSON. */
  fields: unknown;
  data: unknown;
  amount: number | null;
  status: string;
  instance_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface FormTables {
  form_definition: FormDefinitionTable;
  form_submission: FormSubmissionTable;
}

declare module '../../db/index.js' {
  interface Database extends FormTables {}
}
