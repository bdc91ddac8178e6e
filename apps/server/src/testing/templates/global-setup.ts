import { testDialects } from '../dialects.js';
import { ensureTemplate } from './templates.js';

/**
 * Vitest global setup: builds the templates most files start from (migrations only; the demo
 * group on the system clock) before the forks start, so they do not wait on each other's lock.
 * Templates for a manual clock's instant are built by the first file that asks for one.
 */
export default async function setup(): Promise<void> {
  for (const dialect of testDialects()) {
    await ensureTemplate(dialect, { demo: false });
    await ensureTemplate(dialect, { demo: true });
  }
}
