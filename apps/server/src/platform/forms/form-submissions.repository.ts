import { type Db, readJson, writeJson } from '../../db/index.js';
import type { FormSubmissionTable } from './forms.tables.js';

export type FormSubmissionRow = FormSubmissionTable;

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
