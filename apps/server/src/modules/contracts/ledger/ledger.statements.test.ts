import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../testing/dialects.js';
import { type ApiClient, createTestApp, type TestApp } from '../../../testing/test-app.js';

/*
 * Statements per request, counted with the database's query log: what authentication costs before
 * the handler (the session and the access stamp, one statement, once the access context is cached),
 * and that the ledger's page costs the same number of statements for 5 rows as for 50 (no N+1).
 */

const LEDGER = '/api/v1/contracts';

for (const dialect of testDialects()) {
  describe(`statements per request [${dialect}]`, () => {
    const statements: string[] = [];
    let t: TestApp;
    let api: ApiClient;

    /** The statements `run` issues, after a first run that warms caches that outlive a request. */
    async function statementsOf(run: () => Promise<unknown>): Promise<string[]> {
      const from = statements.length;
      await run();
      return statements.slice(from);
    }

    beforeAll(async () => {
      t = await createTestApp(dialect, { demo: true, onQuery: (sql) => statements.push(sql) });
      api = await t.login('admin');
      for (let i = 0; i < 60; i++) await t.given.contract({ name: `计数合同${i}` });
    });
    afterAll(async () => {
      await t?.close();
    });

    it('authenticates a request with one statement once the access context is cached', async () => {
      await api.get(`${LEDGER}?limit=5`);
      const cached = await statementsOf(() => api.context(t.services));
      expect(cached).toHaveLength(1);
      expect(cached[0]).toContain('iam_session');
      expect(cached[0]).toContain('iam_access_stamp');
    });

    it('costs at most three statements before the handler on a request, cold or cached', async () => {
      const page = { limit: 20 } as Parameters<TestApp['services']['contractLedger']['list']>[1];
      // The handler alone, with the scopes it resolves already cached (as on a cached request) and
      // with none resolved yet (as on the first request after a change of access).
      const warm = await api.context(t.services);
      await t.services.contractLedger.list(warm, page);
      const handlerWarm = await statementsOf(() => t.services.contractLedger.list(warm, page));
      const { userId, actingEntityId } = warm.actor!;
      const fresh = await t.services.auth.contextForUser(userId, actingEntityId, 'test');
      const handlerCold = await statementsOf(() => t.services.contractLedger.list(fresh, page));

      const cached = await statementsOf(() => api.get(`${LEDGER}?limit=20`));
      expect(cached.length - handlerWarm.length).toBe(1);

      // A user added anywhere raises the stamp: the next request reads the access context again.
      const department = await t.given.departmentByCode('CONS', 'PROC');
      await t.given.user({ departmentId: department.id });
      const cold = await statementsOf(() => api.get(`${LEDGER}?limit=20`));
      expect(cold.length).toBeGreaterThan(cached.length);
      expect(cold.length - handlerCold.length).toBeLessThanOrEqual(3);
    });

    it('reads a page of 50 rows with as many statements as a page of 5', async () => {
      await api.get(`${LEDGER}?limit=5`);
      const five = await statementsOf(() => api.get(`${LEDGER}?limit=5`));
      const fifty = await statementsOf(() => api.get(`${LEDGER}?limit=50`));
      const page = await api.get(`${LEDGER}?limit=50`);
      expect(page.json().items).toHaveLength(50);
      expect(fifty).toHaveLength(five.length);
    });

    it("reads a cached page in three statements: the session, the page's ids and their rows", async () => {
      await api.get(`${LEDGER}?limit=20`);
      const page = await statementsOf(() => api.get(`${LEDGER}?limit=20`));
      expect(page).toHaveLength(3);
      expect(page[0]).toContain('iam_session');
      // The names beside the rows come from the organisation's name cache; the category's name and
      // the tolerance in force are read with the rows.
      expect(page.filter((sql) => sql.includes('from "contract"'))).toHaveLength(2);
      expect(page.some((sql) => /from "org_/.test(sql))).toBe(false);
    });

    it('shows a department or owner renamed outside the service on the next page', async () => {
      const first = (await api.get(`${LEDGER}?limit=1`)).json().items[0];
      // Straight to the tables, as another node would: the stamp's triggers tell every cache.
      await t.services.db
        .updateTable('org_department')
        .set({ name: '改名后的部门' })
        .where('id', '=', first.departmentId)
        .execute();
      await t.services.db
        .updateTable('org_user')
        .set({ display_name: '改名后的经办人' })
        .where('id', '=', first.ownerId)
        .execute();
      const after = (await api.get(`${LEDGER}?limit=1`)).json().items[0];
      expect(after.id).toBe(first.id);
      expect(after.departmentName).toBe('改名后的部门');
      expect(after.ownerName).toBe('改名后的经办人');
    });

    it('counts a filtered set from the rollup, not the contracts, when its buckets answer the filter', async () => {
      const readsContracts = (sql: string) => sql.includes('from "contract"');
      const byBuckets = await statementsOf(() =>
        api.get(`${LEDGER}?limit=20&status=IN_FORCE&signDateFrom=2020-01-01&signDateTo=2026-12-31`),
      );
      // The page's ids, then their columns: nothing else reads the contract table.
      expect(byBuckets.filter(readsContracts)).toHaveLength(2);
      if (dialect === 'sqlite')
        expect(byBuckets.some((sql) => sql.includes('contract_ledger_rollup'))).toBe(true);
      // An amount is not a bucket: the page's plan is chosen by a bounded count of the contracts.
      const byProbe = await statementsOf(() => api.get(`${LEDGER}?limit=20&status=IN_FORCE&amountMin=100`));
      expect(byProbe.filter(readsContracts)).toHaveLength(dialect === 'sqlite' ? 3 : 2);
      // Asked again (the next page, another sort): the answer is remembered, no probe.
      const again = await statementsOf(() =>
        api.get(`${LEDGER}?limit=20&status=IN_FORCE&amountMin=100&sort=-amount`),
      );
      expect(again.filter(readsContracts)).toHaveLength(2);
    });

    it('sees a role taken away on the next request, even when written outside the service', async () => {
      const client = await t.login('wu.min');
      expect((await client.get(`${LEDGER}?limit=5`)).statusCode).toBe(200);
      const user = await t.services.db
        .selectFrom('org_user')
        .select('id')
        .where('username', '=', 'wu.min')
        .executeTakeFirstOrThrow();
      // Straight to the table, as another node or an administrator's SQL would: no cache is told.
      await t.services.db.deleteFrom('iam_user_role').where('user_id', '=', user.id).execute();
      const refused = await client.get(`${LEDGER}?limit=5`);
      expect(refused.statusCode).toBe(403);
    });
  });
}
