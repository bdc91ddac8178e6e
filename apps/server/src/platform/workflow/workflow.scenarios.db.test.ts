/**
 * The 49 scenarios run on the pure core (workflow.scenarios.test.ts). The runtime stores the state
 * they produce as one JSON document per instance (ADR 0004); this suite runs every scenario again and
 * writes each state it reaches into the database, on every dialect in DIALECTS, and checks that it
 * reads back identical. So every scenario's state is proven to survive SQLite's text and
 * PostgreSQL's jsonb alike.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnTypes, createDatabase, readJson, writeJson } from '../../db/index.js';
import { testDatabaseTarget, testDialects } from '../../testing/dialects.js';
import { toStored } from './workflow.persistence.js';
import type { WorkflowState } from './workflow.state.js';
import { Run } from './workflow.testing.js';

const reached: WorkflowState[] = [];
Run.observe = (state) => reached.push(state);
await import('./workflow.scenarios.test.js');

for (const dialect of testDialects()) {
  describe(`scenario states persist unchanged [${dialect}]`, () => {
    let target: Awaited<ReturnType<typeof testDatabaseTarget>>;
    let database: ReturnType<typeof createDatabase>;
    beforeAll(async () => {
      target = await testDatabaseTarget(dialect);
      database = createDatabase(target.url, { schema: target.schema });
      const t = columnTypes(database.db);
      await database.db.schema
        .createTable('scenario_state')
        .addColumn('seq', 'integer', (c) => c.primaryKey())
        .addColumn('state', t.json, (c) => c.notNull())
        .execute();
    });
    afterAll(async () => {
      await database?.close();
      await target?.drop();
    });

    it('reads back every state every scenario reached', async () => {
      expect(reached.length).toBeGreaterThan(150);
      const db = database.db.withTables<{ scenario_state: { seq: number; state: unknown } }>();
      for (const [seq, state] of reached.entries()) {
        await db
          .insertInto('scenario_state')
          .values({ seq, state: writeJson(toStored(state)) })
          .execute();
      }
      const rows = await db.selectFrom('scenario_state').select(['seq', 'state']).orderBy('seq').execute();
      expect(rows).toHaveLength(reached.length);
      for (const row of rows) {
        expect(readJson(row.state, null), `state ${row.seq}`).toEqual(
          JSON.parse(JSON.stringify(toStored(reached[row.seq]))),
        );
      }
      const count = await sql<{ n: number }>`select count(*) as n from scenario_state`.execute(db);
      expect(Number(count.rows[0].n)).toBe(reached.length);
    });
  });
}
