import { testDialects } from '../dialects.js';
import { pruneStaleTemplates } from './prune-templates.js';
import { currentHash, ensureTemplate, templateCacheRoot } from './templates.js';

/**
 * Vitest global setup: hashes the sources once for the whole run (the forks inherit the hash in
 * the environment), drops the templates of earlier hashes, and builds the templates most files
 * start from (migrations only; the demo group on the system clock) before the forks start, so
 * they do not wait on each other's lock. Templates for a manual clock's instant are built by the
 * first file that asks for one.
 */
export default async function setup(): Promise<void> {
  const hash = currentHash();
  await pruneStaleTemplates(templateCacheRoot, hash);
  for (const dialect of testDialects()) {
    await ensureTemplate(dialect, { demo: false });
    await ensureTemplate(dialect, { demo: true });
  }
}
