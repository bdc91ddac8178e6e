import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DialectName } from '../db/index.js';

/**
 * The dialects the real-database tests run on: `DIALECTS=sqlite,postgres` (default `sqlite`).
 * PostgreSQL needs `TEST_DATABASE_URL`; each test app gets a schema of its own so files run in parallel.
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

export interface TestDatabaseTarget {
  url: string;
  schema?: string;
  drop(): Promise<void>;
}

export async function testDatabaseTarget(dialect: DialectName): Promise<TestDatabaseTarget> {
  if (dialect === 'sqlite') return { url: 'sqlite::memory:', drop: async () => {} };
  const url = process.env.TEST_DATABASE_URL!;
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`CREATE SCHEMA ${schema}`);
  await client.end();
  return {
    url,
    schema,
    drop: async () => {
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`DROP SCHEMA ${schema} CASCADE`);
      await dropper.end();
    },
  };
}
