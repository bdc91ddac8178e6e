import pg from 'pg';
import { setTimeout as sleep } from 'node:timers/promises';
import type { TemplateSpec } from './template-spec.js';
import { seedTemplate } from './seed-template.js';

/**
 * PostgreSQL templates are databases (`concord_tpl_<hash>_<variant>`) on the server of
 * TEST_DATABASE_URL; each test app gets `CREATE DATABASE … TEMPLATE` of one, much faster than
 * migrating and seeding. The role needs CREATEDB.
 */

/**
 * The URL of a test database on the same server as `url`. Its sessions do not wait for the WAL to
 * reach the disk at each commit: test databases are thrown away, and seeding commits thousands of
 * times.
 */
export function databaseUrl(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  parsed.searchParams.set('options', '-c synchronous_commit=off');
  return parsed.toString();
}

export async function withAdmin<T>(use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

export async function postgresDatabaseExists(name: string): Promise<boolean> {
  return withAdmin(async (client) => {
    const result = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    return result.rowCount === 1;
  });
}

/**
 * Runs DDL that needs a database nobody is connected to (copying or renaming it). A connection
 * just closed by the template's builder, or another fork's copy in progress, may still hold it
 * for a moment: PostgreSQL answers 55006 then, and a retry succeeds.
 */
export async function whenUnused(client: pg.Client, statement: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await client.query(statement);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '55006' || attempt >= 50) throw error;
      await sleep(100);
    }
  }
}

/**
 * Drops a test database once its app's pool has let go of it. Forcing it at once would race the
 * pool's last connections as they close, and the terminated connections surface as uncaught
 * errors; only a database still in use after the retries (a connection leaked) is forced.
 */
export async function dropDatabase(client: pg.Client, name: string): Promise<void> {
  try {
    await whenUnused(client, `DROP DATABASE IF EXISTS ${name}`);
  } catch (error) {
    if ((error as { code?: string }).code !== '55006') throw error;
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

export async function buildPostgresTemplate(
  spec: TemplateSpec,
  name: string,
  filesDir: string,
  beforeComplete: () => void,
): Promise<void> {
  const partial = `${name}_part`;
  await withAdmin(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${partial} WITH (FORCE)`);
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${partial}`);
  });
  const url = databaseUrl(process.env.TEST_DATABASE_URL!, partial);
  // Closing the app ends its pool: no session stays connected to the template, which would make
  // every CREATE DATABASE … TEMPLATE fail.
  await seedTemplate(spec, { databaseUrl: url, filesDir }, async () => {});
  beforeComplete();
  // The rename is the last step: an existing database of that name is a complete template.
  await withAdmin((client) => whenUnused(client, `ALTER DATABASE ${partial} RENAME TO ${name}`));
}
