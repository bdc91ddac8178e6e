import { createHash } from 'node:crypto';
import type { AuditService } from '../audit/index.js';
import type { RequestContext } from '../http/index.js';
import {
  type Db,
  findRollupDrift,
  type RollupDefinition,
  type RollupDrift,
  rebuildRollup,
} from '../../db/index.js';

/** What the check found in one rollup, and whether it was repaired. */
export interface RollupCheck {
  table: string;
  drift: RollupDrift[];
  repaired: boolean;
}

/**
 * Every rollup the loaded modules declare (their definitions' `rollups`), checked against its
 * source and repaired. The triggers keep rollups right in every transaction; the check is the
 * safety net for what triggers cannot see (a restore of one table, a hand edit in the database,
 * a defect in a rollup's declaration), and proves the declaration on the real data every night.
 */
export class RollupRegistry {
  readonly #rollups = new Map<string, RollupDefinition>();

  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
  ) {}

  register(rollups: readonly RollupDefinition[]): void {
    for (const rollup of rollups) {
      if (this.#rollups.has(rollup.table)) throw new Error(`Rollup ${rollup.table} is declared twice`);
      this.#rollups.set(rollup.table, rollup);
    }
  }

  get tables(): string[] {
    return [...this.#rollups.keys()];
  }

  /**
   * Compares every rollup with its source (a full scan of each source: the nightly job, off hours)
   * and, when `repair` is set, rebuilds a drifted one and records the repair in the audit log.
   */
  async check(ctx: RequestContext, options: { repair: boolean }): Promise<RollupCheck[]> {
    const results: RollupCheck[] = [];
    for (const rollup of this.#rollups.values()) {
      // One transaction per rollup: the comparison and the rebuild see the same rows.
      const result = await this.db.transaction().execute(async (trx) => {
        const drift = await findRollupDrift(trx, rollup);
        if (!drift.length || !options.repair) return { table: rollup.table, drift, repaired: false };
        await rebuildRollup(trx, rollup);
        await this.audit.record(trx, ctx, {
          entityType: 'rollup',
          entityId: idOfTable(rollup.table),
          action: 'repair',
          after: { table: rollup.table, driftedBuckets: drift.length },
        });
        return { table: rollup.table, drift, repaired: true };
      });
      results.push(result);
    }
    return results;
  }
}

/** A stable id per rollup table for the audit log (whose ids are UUIDs): the table name hashed. */
function idOfTable(table: string): string {
  const hex = createHash('sha256').update(`rollup:${table}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
