import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../testing/test-app.js';
import { PLANNER_STATISTICS_JOB } from './index.js';

describeEachDialect('planner statistics', (t) => {
  it('are refreshed by the nightly job for the tables the app reads', async () => {
    const { services } = t();
    await (await t().login('admin')).get('/api/v1/contracts?limit=5');
    expect(await services.jobs.enqueue(services.db, PLANNER_STATISTICS_JOB, {})).toBeTruthy();
    for (let round = 0; round < 10; round++) if ((await services.jobRunner.tick()).ran === 0) break;
    if (t().dialect === 'sqlite') {
      const stats = await sql<{ idx: string }>`select idx from sqlite_stat1 where tbl = 'contract'`.execute(
        services.db,
      );
      expect(stats.rows.map((row) => row.idx)).toContain('contract_by_created');
    } else {
      const analysed = await sql<{
        last_analyze: Date | null;
      }>`select last_analyze from pg_stat_user_tables where relname = 'contract'`.execute(services.db);
      expect(analysed.rows[0]?.last_analyze).toBeTruthy();
    }
  });
});
