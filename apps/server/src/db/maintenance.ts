import { type Kysely, sql } from 'kysely';
import { isPostgres } from './database.js';

/**
 * Refreshes the statistics the query planner chooses indexes by. SQLite keeps none until told
 * (`PRAGMA optimize` analyses the tables whose size changed a lot since, bounded by
 * `analysis_limit` rows per index so a large table costs milliseconds, not a scan); PostgreSQL's
 * autovacuum analyses on its own, and `ANALYZE` samples each table after a bulk load or restore.
 * At start-up SQLite also looks at tables never analysed (0x10000).
 */
export async function refreshPlannerStatistics(db: Kysely<any>, when: 'start' | 'scheduled'): Promise<void> {
  if (isPostgres(db)) {
    await sql`analyze`.execute(db);
    return;
  }
  await sql`pragma analysis_limit = 1000`.execute(db);
  await sql.raw(when === 'start' ? 'pragma optimize = 0x10002' : 'pragma optimize').execute(db);
}
