import fs from 'node:fs';
import type { TemplateSpec } from './template-spec.js';
import { seedTemplate } from './seed-template.js';

/**
 * SQLite templates are database files in the cache: built in memory, backed up to `file`. A test
 * app opens the file's bytes as an in-memory database of its own (`new Database(buffer)`).
 */
export async function buildSqliteTemplate(
  spec: TemplateSpec,
  file: string,
  filesDir: string,
  beforeComplete: () => void,
): Promise<void> {
  const partial = `${file}.${process.pid}.part`;
  await seedTemplate(spec, { databaseUrl: 'sqlite::memory:', filesDir }, async (database) => {
    await database.sqliteBackup!(partial);
  });
  beforeComplete();
  // The rename is the last step: an existing file is a complete template.
  fs.renameSync(partial, file);
}

export const sqliteTemplateBuilt = async (file: string): Promise<boolean> => fs.existsSync(file);
