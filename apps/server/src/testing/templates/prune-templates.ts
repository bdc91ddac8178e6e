import fs from 'node:fs';
import path from 'node:path';
import { withAdmin } from './postgres-template.js';

/** A run that started with another hash this recently may still be copying its templates. */
const KEEP_MS = 60 * 60_000;

/**
 * Removes the templates of earlier source hashes from the cache: every edit of the sources makes a
 * new set, so they would pile up. The PostgreSQL databases are found by their cache entries
 * (`postgres-<variant>.files`) and dropped when TEST_DATABASE_URL is set (their entries wait for a
 * run that has it). Only this checkout's cache is read, so templates of other checkouts sharing the
 * PostgreSQL server stay.
 */
export async function pruneStaleTemplates(cacheRoot: string, currentHash: string): Promise<void> {
  if (!fs.existsSync(cacheRoot)) return;
  for (const hash of fs.readdirSync(cacheRoot)) {
    const dir = path.join(cacheRoot, hash);
    if (hash === currentHash || Date.now() - fs.statSync(dir).mtimeMs < KEEP_MS) continue;
    for (const entry of fs.readdirSync(dir)) {
      const postgresVariant = /^postgres-(\w+)\.files$/.exec(entry)?.[1];
      if (postgresVariant) {
        if (!process.env.TEST_DATABASE_URL) continue;
        const name = `concord_tpl_${hash}_${postgresVariant}`;
        await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      }
      fs.rmSync(path.join(dir, entry), { recursive: true, force: true });
    }
    if (fs.readdirSync(dir).length === 0) fs.rmdirSync(dir);
  }
}
