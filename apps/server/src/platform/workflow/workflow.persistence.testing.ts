import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnTypes, createDatabase, readJson, writeJson } from '../../db/index.js';
import { type TestDatabaseTarget, testDatabaseTarget, testDialects } from '../../testing/dialects.js';
import { toStored } from './workflow.persistence.js';
import type { WorkflowState } from './workflow.state.js';
import { Run } from './workflow.testing.js';

export interface ReachedState {
  scenario: string;
  state: WorkflowState;
}

/** Records every state the scenarios of the calling file reach, with the scenario's name. */
export function recordReachedStates(): ReachedState[] {
  const reached: ReachedState[] = [];
  Run.observe = (state) => reached.push({ scenario: expect.getState().currentTestName ?? '?', state });
  return reached;
}

/**
 * The runtime stores a workflow state as one JSON document per instance (ADR 0004). This suite, run
 * after the scenarios, writes each state they reached into the database on every dialect in
 * DIALECTS and checks that it reads back identical: every state survives SQLite's text and
 * PostgreSQL's jsonb alike. Soft assertions name each scenario that does not, rather than the first.
 */
export function describeReachedStatesPersist(reached: ReachedState[], atLeast: number): void {
  for (const dialect of testDialects()) {
    describe(`scenario states persist unchanged [${dialect}]`, () => {
      let target: TestDatabaseTarget;
      let database: ReturnType<typeof createDatabase>;
      beforeAll(async () => {
        target = await testDatabaseTarget(dialect);
        database = createDatabase(target.url);
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
        // A floor, so that scenarios that stop recording their states are noticed.
        expect(reached.length).toBeGreaterThanOrEqual(atLeast);
        const db = database.db.withTables<{ scenario_state: { seq: number; state: unknown } }>();
        for (const [seq, { state }] of reached.entries()) {
          await db
            .insertInto('scenario_state')
            .values({ seq, state: writeJson(toStored(state)) })
            .execute();
        }
        const rows = await db.selectFrom('scenario_state').select(['seq', 'state']).orderBy('seq').execute();
        expect(rows).toHaveLength(reached.length);
        for (const row of rows) {
          const { scenario, state } = reached[row.seq];
          expect
            .soft(readJson(row.state, null), `${scenario}: state ${row.seq}`)
            .toEqual(JSON.parse(JSON.stringify(toStored(state))));
        }
      });
    });
  }
}
