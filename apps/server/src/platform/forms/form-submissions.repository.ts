import type { Kysely } from 'kysely';
import { readJson, writeJson } from '../../db/index.js';

export interface FormSubmissionRow {
  id: string;
  form_id: string;
  entity_id: string;
  department_id: string | null;
  initiator_id: string;
  fields: unknown;
  data: unknown;
  amount: number | null;
  status: string;
  instance_id: string | null;
  created_at: string;
  updated_at: string;
}

// Callers pass transactions typed for other tables (the approval engine's); the row type above documents the table.
type Db = Kysely<any>;

export async function insertSubmission(db: Db, row: FormSubmissionRow): Promise<void> {
  await db
    .insertInto('form_submission')
    .values({ ...row, fields: writeJson(row.fields), data: writeJson(row.data) })
    .execute();
}

export async function setInstance(db: Db, id: string, instanceId: string): Promise<void> {
  await db.updateTable('form_submission').set({ instance_id: instanceId }).where('id', '=', id).execute();
}

export const findStatus = (db: Db, id: string) =>
  db.selectFrom('form_submission').select('status').where('id', '=', id).executeTakeFirst();

export async function setStatus(db: Db, id: string, status: string, at: string): Promise<void> {
  await db.updateTable('form_submission').set({ status, updated_at: at }).where('id', '=', id).execute();
}

export async function fieldsOf<T>(db: Db, id: string): Promise<T | null> {
  const row = await db.selectFrom('form_submission').select('fields').where('id', '=', id).executeTakeFirst();
  return row ? readJson<T>(row.fields, null as T) : null;
}
