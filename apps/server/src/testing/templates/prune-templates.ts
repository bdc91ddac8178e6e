import fs from 'node:fs';
import path from 'node:path';
import { withAdmin } from './postgres-template.js';

/** A run that started with other sources this recently may still be copying its templates. */
const KEEP_MS = 60 * 60_000;

/**
 * Every edit of the sources makes a new set of templates, so the old ones would pile up. This drops
 * those of this checkout (`<checkout>_<sources>`, see source-hash.ts) with other sources: cache
 * directories not written to in the last hour, and template databases nobody is connected to. The
 * databases are found on the server, not in the cache, since `npm ci` empties node_modules while
 * the PostgreSQL server keeps them. Other checkouts' templates are never touched.
 */
export async function pruneStaleTemplates(cacheRoot: string, currentHash: string): Promise<void> {
  if (fs.existsSync(cacheRoot)) {
    for (const hash of fs.readdirSync(cacheRoot)) {
      const dir = path.join(cacheRoot, hash);
      if (hash !== currentHash && Date.now() - fs.statSync(dir).mtimeMs > KEEP_MS) {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
  }
  if (!process.env.TEST_DATABASE_URL) return;
  const checkout = currentHash.split('_')[0];
  await withAdmin(async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE starts_with(datname, $1) AND NOT starts_with(datname, $2)',
      [`concord_tpl_${checkout}_`, `concord_tpl_${currentHash}_`],
    );
    for (const { datname } of rows) {
      try {
        await client.query(`DROP DATABASE IF EXISTS ${datname}`);
      } catch (error) {
        // In use: a run on those sources is copying it right now; a later run drops it.
        if ((error as { code?: string }).code !== '55006') throw error;
      }
    }
  });
}
