import { WF_COUNT_CAP } from '@concord/contracts';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { isPostgres } from '../../db/index.js';
import { type ApiClient, describeEachDialect } from '../../testing/test-app.js';

/** Every statement the test apps ran, to explain the list's page query. */
const statements: { sql: string; parameters: readonly unknown[] }[] = [];

describeEachDialect(
  'approval centre counts and lists',
  (t) => {
    const doneTab = async (query = '') => user.get(`/api/v1/workflow/tasks?tab=done${query}`);
    let user: ApiClient;
    let instanceId: string;
    const counts = async () => {
      const res = await user.get('/api/v1/workflow/tasks/counts');
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { todo: number; done: number; initiated: number; cc: number };
    };
    /** Decided tasks of the user's on a demo approval, each under a task key of its own. */
    const addDoneTasks = async (n: number, status: string, from: number) => {
      const rows = Array.from({ length: n }, (_, i) => ({
        instance_id: instanceId,
        task_key: `counts-test-${from + i}`,
        node_id: 'mgr',
        node_name: '部门经理审批',
        assignee_id: user.session.user.id,
        status,
        open: false,
        created_at: new Date().toISOString(),
        decided_at: new Date().toISOString(),
      }));
      for (let i = 0; i < rows.length; i += 200)
        await t()
          .services.db.insertInto('wf_task')
          .values(rows.slice(i, i + 200))
          .execute();
    };

    beforeAll(async () => {
      user = await t().login('wang.fang');
      instanceId = (await t().services.db.selectFrom('wf_instance').select('id').executeTakeFirstOrThrow())
        .id;
    });

    it('counts exactly below the cap, leaving out tasks that were never the user’s decision', async () => {
      const before = await counts();
      expect(before.done).toBeLessThan(WF_COUNT_CAP);
      await addDoneTasks(3, 'APPROVED', 0);
      await addDoneTasks(2, 'CANCELED', 3);
      expect(await counts()).toEqual({ ...before, done: before.done + 3 });
    });

    it('stops each count at the cap plus one, however many rows there are', async () => {
      const before = await counts();
      await addDoneTasks(WF_COUNT_CAP + 50, 'APPROVED', 100);
      expect(await counts()).toEqual({ ...before, done: WF_COUNT_CAP + 1 });
    });

    it('lists the done tab up to the cap: the total says "more than", pages past it are refused', async () => {
      const res = await doneTab('&pageSize=50');
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json();
      expect(page.total).toBe(WF_COUNT_CAP);
      expect(page.totalAtLeast).toBe(true);
      expect(page.items).toHaveLength(50);
      const last = await doneTab(`&pageSize=9&page=${Math.ceil(WF_COUNT_CAP / 9)}`);
      expect(last.statusCode, last.body).toBe(200);
      expect(last.json().items.length).toBeGreaterThan(0);
      const beyond = await doneTab(`&pageSize=9&page=${Math.ceil(WF_COUNT_CAP / 9) + 1}`);
      expect(beyond.statusCode).toBe(400);
      expect(beyond.headers['content-type']).toContain('application/problem+json');
      expect(beyond.json().code).toBe('PAGE_BEYOND_CAP');
      expect(beyond.json().detail ?? beyond.json().title).toContain(String(WF_COUNT_CAP));
    });

    it('counts a list below the cap exactly, without "more than"', async () => {
      const res = await user.get('/api/v1/workflow/tasks?tab=initiated');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().total).toBe((await counts()).initiated);
      expect(res.json().totalAtLeast).toBeUndefined();
    });

    for (const [tab, pageQuery, index] of [
      ['todo', /from "wf_instance" as "i" inner join "wf_task"/, 'wf_task_assignee'],
      ['done', /from "wf_instance" as "i" inner join "wf_task"/, 'wf_task_assignee_decided'],
      ['initiated', /from "wf_instance" as "i" where "i"."initiator_id"/, 'wf_instance_initiator'],
      ['cc', /from "wf_instance" as "i" inner join "wf_cc"/, 'wf_cc_user'],
    ] as const) {
      it(`reads the ${tab} tab in the order of an index, not by sorting the history`, async () => {
        const { db } = t().services;
        const postgres = isPostgres(db);
        statements.length = 0;
        const res = await user.get(`/api/v1/workflow/tasks?tab=${tab}`);
        expect(res.statusCode, res.body).toBe(200);
        const page = statements.find((s) => pageQuery.test(s.sql) && / offset /.test(s.sql));
        expect(page, `the ${tab} tab runs its page query`).toBeDefined();
        const query = inline(page!.sql, page!.parameters, postgres);
        // PostgreSQL reads these few demo rows from the heap and sorts them, whatever the indexes:
        // with scans and sorts priced out it shows whether an index can give the order.
        const plan = postgres
          ? await db.transaction().execute(async (trx) => {
              await sql`set local enable_seqscan = off`.execute(trx);
              await sql`set local enable_sort = off`.execute(trx);
              const rows = (await sql.raw<{ 'QUERY PLAN': string }>(`explain ${query}`).execute(trx)).rows;
              return rows.map((row) => row['QUERY PLAN']).join('\n');
            })
          : (await sql.raw<{ detail: string }>(`explain query plan ${query}`).execute(db)).rows
              .map((row) => row.detail)
              .join('\n');
        expect(plan).toMatch(new RegExp(`\\b${index}\\b`));
        // An incremental sort orders only the ties of one time by instance id (the tiebreaker).
        expect(plan).not.toMatch(postgres ? /(?<!Incremental )Sort {2}\(/ : /USE TEMP B-TREE FOR ORDER BY/);
      });
    }
  },
  { demo: true, onQuery: (text, parameters) => statements.push({ sql: text, parameters }) },
);

/** The statement with its parameters written in (EXPLAIN takes no bound values through sql.raw). */
function inline(text: string, parameters: readonly unknown[], postgres: boolean): string {
  const literal = (value: unknown) => {
    if (typeof value === 'number') return String(value);
    if (typeof value === 'boolean') return postgres ? String(value) : value ? '1' : '0';
    return `'${String(value).replaceAll("'", "''")}'`;
  };
  let i = 0;
  return postgres
    ? text.replace(/\$(\d+)/g, (_, n: string) => literal(parameters[Number(n) - 1]))
    : text.replace(/\?/g, () => literal(parameters[i++]));
}
