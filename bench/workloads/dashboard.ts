/**
 * W5 the dashboard's aggregates, as the group's general manager. Concord has no dashboard endpoint
 * (the home page shows no figures yet), so W5 takes the aggregates a manager's dashboard would ask
 * for from the endpoints that have them: the ledger totals (from the rollups: the whole group, and
 * in-force expense contracts), the plan-vs-signed report of the plan year, the overdue payment
 * milestones' totals (from the rollup) and their first page, the approval centre's counts; and the
 * whole set asked at once. The baselines replay each endpoint's own statements (all Concord ran for the request but the session
 * lookup), and answer with the figures computed from their rows: they must equal Concord's.
 */
import { bareCall, type Statement } from './concord.js';
import { type Bench, compareReads, hash } from './measure.js';

type Row = Record<string, unknown>;
interface Aggregate {
  name: string;
  path: string;
  /** The figures of Concord's answer. */
  concord(body: Row): unknown;
  /** The same figures from the rows of the endpoint's statements (each statement's SQL and rows). */
  bare(results: { sql: string; rows: Row[] }[]): unknown;
}

const rowsOf = (results: { sql: string; rows: Row[] }[], test: RegExp) => {
  const found = results.find((r) => test.test(r.sql));
  if (!found) throw new Error(`no statement ${test}`);
  return found.rows;
};
const byCurrency = (rows: Row[], sums: string[]) => {
  const totals = new Map<string, number[]>();
  for (const row of rows) {
    const current = totals.get(String(row.currency)) ?? sums.map(() => 0);
    totals.set(
      String(row.currency),
      current.map((value, i) => value + Number(row[sums[i]])),
    );
  }
  return [...totals].sort(([a], [b]) => (a < b ? -1 : 1));
};
const sorted = (list: [string, ...unknown[]][]) => [...list].sort(([a], [b]) => (a < b ? -1 : 1));

function aggregates(planYear: number): Aggregate[] {
  const totals = (name: string, path: string): Aggregate => ({
    name,
    path,
    concord: (body) =>
      sorted(
        (body.byCurrency as Row[]).map((c) => [String(c.currency), [Number(c.count), Number(c.amount)]]),
      ),
    bare: (results) => byCurrency(rowsOf(results, /sum\("row_count"\)/), ['row_count', 'amount']),
  });
  return [
    totals('W5 totals (group)', '/contracts/totals'),
    totals('W5 totals (expense in force)', '/contracts/totals?status=IN_FORCE&direction=EXPENSE'),
    {
      name: `W5 plan vs signed (${planYear})`,
      path: `/contract-plans/report?year=${planYear}&page=1&pageSize=20`,
      concord: (body) =>
        sorted(
          (body.totalsByCurrency as Row[]).map((c) => [
            String(c.currency),
            [Number(c.lines), Number(c.plannedAmount), Number(c.signedAmount)],
          ]),
        ),
      bare: (results) =>
        sorted(
          rowsOf(results, /^select "g"\."currency"/).map((r) => [
            String(r.currency),
            [Number(r.lines), Number(r.planned), Number(r.signed)],
          ]),
        ),
    },
    {
      name: 'W5 overdue milestones',
      path: '/contract-overdue/totals',
      concord: (body) => [
        Number(body.count),
        sorted(
          (body.byCurrency as Row[]).map((c) => [
            String(c.currency),
            [Number(c.count), Number(c.overdueAmount)],
          ]),
        ),
      ],
      // From the rollup's buckets (the past-due day is today): the in-force contracts' items and open money.
      bare: (results) => {
        const rows = byCurrency(rowsOf(results, /from "contract_ledger_rollup"/), [
          'overdue_items',
          'overdue_amount',
        ]).filter(([, [items]]) => items > 0);
        return [rows.reduce((sum, [, [items]]) => sum + items, 0), rows];
      },
    },
    {
      name: 'W5 overdue milestones (first page)',
      path: '/contract-overdue?limit=20',
      concord: (body) => (body.items as Row[]).map((r) => [r.itemId, Number(r.overdueAmount)]),
      bare: (results) =>
        // The page reads one row more than it shows, to know whether there is a next page.
        rowsOf(results, /^select "i"\."id" as "item_id"/)
          .slice(0, 20)
          .map((r) => [r.item_id, Number(r.overdue_amount)]),
    },
    {
      name: 'W5 approval centre counts',
      path: '/workflow/tasks/counts',
      concord: (body) => [body.todo, body.done, body.initiated, body.cc].map(Number),
      // Concord asks the four at once: found by their SQL, not by the order they ended in.
      bare: (results) =>
        [
          /from "wf_task" where "assignee_id" = \S+ and "open" = \S+ limit/,
          /from "wf_task" .* "status" not in/,
          /from "wf_instance" where "initiator_id"/,
          /from "wf_cc" where "user_id"/,
        ].map((test) => Number(rowsOf(results, test)[0].count)),
    },
  ];
}

export async function dashboardWorkloads(bench: Bench): Promise<void> {
  const { concord, bare, route } = bench;
  const gm = await concord.login('zhang.wei');
  const [{ year }] = await bare.all<{ year: number }>(
    'select year, count(*) as n from contract_plan_line group by year order by count(*) desc, year desc limit 1',
  );
  const list = aggregates(Number(year));
  const own: Statement[][] = [];
  for (const aggregate of list) {
    const { statements } = await concord.capture(() => concord.call(gm, 'GET', aggregate.path));
    own.push(statements.filter((s) => !/"iam_session"/.test(s.sql)));
  }
  const bareAnswer = async (i: number) => {
    const results: { sql: string; rows: Row[] }[] = [];
    for (const statement of own[i]) {
      results.push({ sql: statement.sql, rows: await bare.all<Row>(statement.sql, statement.parameters) });
    }
    return hash(list[i].bare(results));
  };
  const concordAnswer = async (i: number) =>
    hash(list[i].concord(await concord.call<Row>(gm, 'GET', list[i].path)));
  const target = (figures: { p99: number }) => ({ text: 'warm p99 ≤ 300 ms', met: figures.p99 <= 300 });

  for (let i = 0; i < list.length; i++) {
    route.set(list[i].name, async () => ({ answer: await bareAnswer(i) }));
    await compareReads(
      bench,
      list[i].name,
      {
        concord: () => concordAnswer(i),
        fastify: async () => (await bareCall<{ answer: string }>(route, list[i].name)).answer,
        sql: () => bareAnswer(i),
      },
      target,
    );
  }

  // The dashboard as a page asks for it: every aggregate at once, by one signed-in user.
  const everyOne = list.map((_, i) => i);
  route.set('W5 dashboard', async () => ({ answer: hash(await Promise.all(everyOne.map(bareAnswer))) }));
  await compareReads(
    bench,
    `W5 whole dashboard (${list.length} at once)`,
    {
      concord: async () => hash(await Promise.all(everyOne.map(concordAnswer))),
      fastify: async () => (await bareCall<{ answer: string }>(route, 'W5 dashboard')).answer,
      sql: async () => hash(await Promise.all(everyOne.map(bareAnswer))),
    },
    target,
  );
}
