import type { DialectName } from '../db/index.js';
import { copyOfTemplate, emptyDatabase, type TestDatabaseCopy } from './templates/templates.js';
import type { TemplateSpec } from './templates/template-spec.js';

/**
 * The dialects the real-database tests run on: `DIALECTS=sqlite,postgres` (default `sqlite`).
 * PostgreSQL needs `TEST_DATABASE_URL` (a role with CREATEDB); each test app gets a database of its own,
 * so files run in parallel.
 */
export function testDialects(): DialectName[] {
  const names = (process.env.DIALECTS ?? 'sqlite')
    .split(',')
    .map((d) => d.trim())
    .filter(Boolean);
  for (const name of names) {
    if (name !== 'sqlite' && name !== 'postgres') throw new Error(`Unknown dialect "${name}" in DIALECTS`);
    if (name === 'postgres' && !process.env.TEST_DATABASE_URL) {
      throw new Error('DIALECTS includes postgres but TEST_DATABASE_URL is not set');
    }
  }
  return names as DialectName[];
}

export interface TestDatabaseTarget extends TestDatabaseCopy {
  /** Never set now: PostgreSQL tests get a database each (kept for callers that pass it on). */
  schema?: string;
}

/**
 * A database of its own for one test app (or bench run), dropped by `drop()`: a copy of the
 * template of `spec`, or without one an empty database (SQLite in memory).
 */
export function testDatabaseTarget(dialect: DialectName, spec?: TemplateSpec): Promise<TestDatabaseTarget> {
  return spec ? copyOfTemplate(dialect, spec) : emptyDatabase(dialect);
}
