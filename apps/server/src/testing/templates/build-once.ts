import fs from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Runs `build` unless `isBuilt()` already holds, and makes parallel test forks (and parallel runs)
 * build a template once: the first takes `lockFile` (created exclusively, holding its pid), the
 * others wait until the template is built. A lock whose process is gone is stale and taken over.
 * `build` must make `isBuilt()` true in its last step (a rename), so a half-built template is
 * never seen as built.
 */
export async function buildOnce(
  lockFile: string,
  isBuilt: () => Promise<boolean>,
  build: () => Promise<void>,
): Promise<void> {
  const deadline = Date.now() + 5 * 60_000;
  while (!(await isBuilt())) {
    if (tryLock(lockFile)) {
      try {
        if (!(await isBuilt())) await build();
      } finally {
        fs.rmSync(lockFile, { force: true });
      }
      return;
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${lockFile}`);
    await sleep(200);
  }
}

function tryLock(lockFile: string): boolean {
  try {
    fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if (!holderAlive(lockFile)) fs.rmSync(lockFile, { force: true });
  return false;
}

function holderAlive(lockFile: string): boolean {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(lockFile, 'utf8'));
  } catch {
    return true; // removed meanwhile, or being written: look again on the next turn
  }
  if (!pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
