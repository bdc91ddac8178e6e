import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '../../../../..');

/** The code a template is made of: migrations, seeding and everything they call. */
const sourceDirs = ['apps/server/src', 'packages/contracts/src'];

/**
 * `<checkout>_<sources>`: a hash of this checkout's path, then a hash of every source file of the
 * server and the shared contracts, tests excepted. Finer keys (only migrations and seed code) would
 * miss a service that seeding calls; hashing everything costs a rebuild after any edit, about as
 * long as one file used to spend seeding. The checkout part keeps checkouts sharing a PostgreSQL
 * server apart, and lets each drop its own outdated template databases (prune-templates.ts).
 */
export function templateHash(): string {
  const checkout = createHash('sha256').update(repoRoot).digest('hex').slice(0, 6);
  const hash = createHash('sha256');
  for (const dir of sourceDirs) {
    for (const file of listFiles(path.join(repoRoot, dir))) {
      hash.update(path.relative(repoRoot, file));
      hash.update('\0');
      hash.update(fs.readFileSync(file));
      hash.update('\0');
    }
  }
  return `${checkout}_${hash.digest('hex').slice(0, 10)}`;
}
function listFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...listFiles(full));
    else if (entry.isFile() && !entry.name.endsWith('.test.ts')) files.push(full);
  }
  return files;
}
