import type { Clock } from '../../platform/jobs/index.js';

/** What a test app starts with: the migrated schema only, or the demo group seeded at a clock. */
export interface TemplateSpec {
  demo: boolean;
  /** The clock the test app runs on; seeding reads it, so its instant now is part of the key. */
  clock?: Clock;
}

/**
 * A short name for the template's content, usable in file and database names:
 * `bare` (migrations only), `c20260301t010000` (demo seeded at that instant of a manual clock) or
 * `d20261204` (demo seeded on the system clock: keyed by the China calendar day, since the seed
 * dates rows relative to "today" and a run may span a day change).
 */
export function templateVariant(spec: TemplateSpec): string {
  if (!spec.demo) return 'bare';
  if (spec.clock) return `c${compact(spec.clock.now().toISOString())}`;
  const chinaDay = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  return `d${compact(chinaDay)}`;
}

const compact = (iso: string) =>
  iso
    .replace(/\.\d+Z$/, '')
    .replace(/[-:]/g, '')
    .toLowerCase();
