import type { FileObjectTable } from './files.tables.js';
import type { Db } from '../../db/index.js';

export async function insertFile(db: Db, row: FileObjectTable): Promise<void> {
  await db.insertInto('file_object').values(row).execute();
}

export function findFile(db: Db, id: string): Promise<FileObjectTable | undefined> {
  return db.selectFrom('file_object').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findFiles(db: Db, ids: string[]): Promise<FileObjectTable[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('file_object').selectAll().where('id', 'in', ids).execute();
}
