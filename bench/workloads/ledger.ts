/**
 * W1 the contract ledger (first page, keyset pages deep in, filters) and W2 its search, as the group's
 * general manager (zhang.wei: every contract in scope). The baselines replay the page's own
 * statements as Concord ran them for one request: the ids in order, then the rows by id, and the
 * bare route sends those rows as the database returned them (the names Concord adds, its access
 * checks and its response schema are its own cost). The answer: the first page's ids, hashed.
 */
import type { BareSql } from './bare.js';
import { bareCall, type Statement, type Session } from './concord.js';
import { type Bench, compareReads, hash, summary } from './measure.js';
import { performance } from 'node:perf_hooks';

interface PageStatements {
  ids: Statement;
  /** Absent when the page is empty: Concord then reads no rows. */
  rows?: Statement;
}

/** The page's rows in order, as the database returns them (what the bare route sends). */
async function barePage(bare: BareSql, page: PageStatements): Promise<{ id: string }[]> {
  const ids = (await bare.all<{ id: string }>(page.ids.sql, page.ids.parameters))
    .map((row) => row.id)
    .slice(0, 20);
  if (!page.rows) return ids.length ? [{ id: `no rows for ${ids.length} ids` }] : [];
  const rows = await bare.all<{ id: string }>(page.rows.sql, page.rows.parameters);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id) ?? { id: `missing ${id}` });
}

const idsOf = (rows: { id: string }[]) => rows.map((row) => row.id);

/** A counterparty's name in the ledger: the one the first tiers drew, else the most frequent one. */
async function searchTerm(bare: BareSql): Promise<string> {
  const drawn = '鼎盛科技有限公司12';
  const [found] = await bare.all<{ n: number }>(
    bare.sql('select count(*) as n from contract where partner_name like ?'),
    [`%${drawn}%`],
  );
  if (Number(found.n) > 0) return drawn;
  const [frequent] = await bare.all<{ partner_name: string }>(
    'select partner_name from contract group by partner_name order by count(*) desc, partner_name limit 1',
  );
  return frequent.partner_name;
}

export async function ledgerWorkloads(
  bench: Bench,
  which: { ledger: boolean; search: boolean },
): Promise<void> {
  const { concord, bare, route, report, options } = bench;
  const gm: Session = await concord.login('zhang.wei');
  const page = async (path: string) =>
    (await concord.call<{ items: { id: string }[] }>(gm, 'GET', path)).items.map((row) => row.id);

  const bigEntity = (
    await bare.all<{ entity_id: string }>(
      'select entity_id from contract group by entity_id order by count(*) desc limit 1',
    )
  )[0].entity_id;
  /** A cursor after `n` rows of the default order, as the ledger hands it out. */
  const cursorAfter = async (n: number) => {
    const [row] = await bare.all<{ id: string; created_at: string }>(
      bare.sql('select id, created_at from contract order by created_at desc, id desc limit 1 offset ?'),
      [n - 1],
    );
    if (!row) return null;
    return Buffer.from(JSON.stringify([new Date(row.created_at).toISOString(), row.id])).toString(
      'base64url',
    );
  };
  const page100 = await cursorAfter(100 * 20);
  const page1000 = await cursorAfter(1000 * 20);
  const workloads: Record<string, string> = {
    'W1 first page': '/contracts?limit=20',
    ...(page100 ? { 'W1 page 100 (keyset)': `/contracts?limit=20&cursor=${page100}` } : {}),
    ...(page1000 ? { 'W1 page 1000 (keyset)': `/contracts?limit=20&cursor=${page1000}` } : {}),
    'W1 entity + status + sign dates': `/contracts?limit=20&entityId=${bigEntity}&status=IN_FORCE&signDateFrom=2024-01-01&signDateTo=2025-12-31`,
    'W2 search (a partner name)': `/contracts?limit=20&q=${encodeURIComponent(await searchTerm(bare))}`,
  };

  for (const [name, path] of Object.entries(workloads)) {
    if (!(name.startsWith('W1') ? which.ledger : which.search)) continue;
    const { statements: captured } = await concord.capture(() => page(path));
    const ids = captured.find((q) => q.sql.startsWith('select "contract"."id" from "contract"'));
    const rows = captured.find((q) => q.sql.startsWith('select "contract"."id", "contract"."number"'));
    if (!ids) throw new Error(`${path}: the page's statements were not seen`);
    const statements = { ids, rows };
    route.set(name, async () => ({ items: await barePage(bare, statements) }));
    await compareReads(bench, name, {
      concord: async () => hash(await page(path)),
      fastify: async () => hash(idsOf((await bareCall<{ items: { id: string }[] }>(route, name)).items)),
      sql: async () => hash(idsOf(await barePage(bare, statements))),
    });
  }

  // Totals of the ledger: from the rollup (group, whole months) and summed (an amount filter).
  if (!which.ledger) return;
  for (const [name, path] of [
    ['W1 totals (rollup)', '/contracts/totals?status=IN_FORCE'],
    ['W1 totals (summed, bounded)', `/contracts/totals?entityId=${bigEntity}&amountMin=400000000`],
  ] as const) {
    const latencies: number[] = [];
    let source = '';
    for (let i = 0; i < (options.checkOnly ? 1 : 20); i++) {
      const start = performance.now();
      const body = await concord.call<{ source: string; count: number }>(gm, 'GET', path);
      latencies.push(performance.now() - start);
      source = `${body.source} ${body.count}`;
    }
    const figures = summary(latencies, 1);
    report.add({
      workload: name,
      way: 'concord',
      p50: figures.p50,
      p99: figures.p99,
      answer: source,
      agrees: true,
    });
  }
}
