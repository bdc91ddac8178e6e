import { randomUUID } from 'node:crypto';
import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/index.js';
import type { Scope } from '../../../platform/access/index.js';
import { testDialects } from '../../../testing/dialects.js';
import { createTestApp, type TestApp } from '../../../testing/test-app.js';
import { DENSE_SET, denseReadIndex, inSortIndexOrder, sortIndexes } from './ledger.page.repository.js';
import { type LedgerFilter, ledgerQuery, orderAndContinue, sortKeys } from './ledger.repository.js';
import { bucketsAnswering } from './ledger.totals.js';

/*
 * The query plan of the ledger's page for every sort the UI offers, in both directions, first page
 * and later pages, under each filter and each kind of scope: none may scan the contract table or
 * sort the matching rows (house rule 10; issue "fast at a million contracts").
 *
 * SQLite plans from statistics: the test gives the planner those of a million contracts (one entity
 * holding 40%), written into sqlite_stat1, so it plans as it would at that size. PostgreSQL plans
 * from the table's real size, small here; with sequential scans and sorts priced out, a plan still
 * holding one has no index to avoid it.
 */

const TODAY = '2026-12-06';
const ID = randomUUID();

/** A cursor value of each sort key's type (text, date, amount, instant). */
const cursorValues: Record<string, unknown> = {
  number: 'HT-2026-000100',
  name: '采购合同',
  partnerName: 'Acme',
  status: 'IN_FORCE',
  signDate: '2025-06-30',
  endDate: '2027-01-31',
  nextDueDate: '2026-12-31',
  createdAt: '2026-01-01T00:00:00.000Z',
};

const filters: Record<string, LedgerFilter> = {
  none: {},
  keyword: { q: '采购部' },
  shortKeyword: { q: '采购' },
  status: { status: ['IN_FORCE'] },
  statuses: { status: ['APPROVED', 'IN_FORCE'] },
  direction: { direction: 'EXPENSE' },
  category: { categoryId: ID },
  entity: { entityId: ID },
  department: { departmentId: ID },
  owner: { ownerId: ID },
  partner: { partnerId: ID },
  planLine: { planLineId: ID },
  signDates: { signDateFrom: '2025-01-01', signDateTo: '2025-12-31' },
  endDates: { endDateFrom: '2026-01-01', endDateTo: '2026-12-31' },
  amounts: { amountMin: 100_000, amountMax: 10_000_000 },
  expiring: { expiringWithinDays: 30 },
  overdue: { overdueOnly: true },
  matching: { matchingStatus: 'MISMATCHED' },
  entityStatusSignDates: {
    entityId: ID,
    status: ['IN_FORCE'],
    signDateFrom: '2025-01-01',
    signDateTo: '2025-12-31',
  },
} as Record<string, LedgerFilter>;

/**
 * Filters whose matches no index can find, so their probe reads the contracts until DENSE_SET
 * matches: a keyword shorter than a trigram, and the matching status (computed from three amounts
 * and the entity's tolerance).
 */
const probedByScan: Record<string, string> = { shortKeyword: 'under three characters', matching: 'computed' };

const everything: Scope = { all: true, entityIds: new Set(), departmentIds: new Set(), userIds: new Set() };
const scopes: Record<string, Scope> = {
  group: everything,
  entities: { ...everything, all: false, entityIds: new Set([randomUUID(), randomUUID(), randomUUID()]) },
  department: {
    ...everything,
    all: false,
    departmentIds: new Set([randomUUID(), randomUUID()]),
    userIds: new Set([randomUUID()]),
  },
};

/**
 * Filters that pick few enough contracts (a partner's, an owner's, a department's, the overdue ones)
 * that SQLite may read them by that index and sort them: a bounded set, not the table.
 */
const boundedIndexes =
  /USING INDEX (contract_by_partner|contract_by_owner|contract_by_plan_line|contract_by_department|contract_by_status_next_due) /;

/** Statistics of a million contracts, index by index: rows, then rows per value of each prefix. */
async function planAsAtAMillion(db: Db): Promise<void> {
  await sql`analyze`.execute(db);
  const indexes = await sql<{
    name: string;
  }>`select name from sqlite_master where type = 'index' and tbl_name = 'contract'`.execute(db);
  const perValue: Record<string, string> = {
    contract_by_entity_status: '400000 80000',
    contract_by_department: '2000',
    contract_by_owner: '500',
    contract_by_partner: '20',
    contract_by_category: '30000',
    contract_by_plan_line: '100',
    contract_by_sign_date: '550',
    contract_by_status_end: '150000 3',
    contract_by_created: '1 1',
    contract_by_next_due: '400',
    contract_by_status_next_due: '150000 400',
  };
  await sql`delete from sqlite_stat1 where tbl = 'contract'`.execute(db);
  for (const { name } of indexes.rows) {
    if (name.startsWith('sqlite_autoindex')) continue;
    // Sort indexes: (key, id), about 50 contracts per key value and one per (key, id).
    const stat = perValue[name] ?? '50 1';
    await sql`insert into sqlite_stat1 (tbl, idx, stat) values ('contract', ${name}, ${`1000000 ${stat}`})`.execute(
      db,
    );
  }
  await sql`insert into sqlite_stat1 (tbl, idx, stat) values ('contract', null, '1000000')`.execute(db);
  await sql`analyze sqlite_schema`.execute(db);
}

function pageQuery(
  db: Db,
  scope: Scope,
  filter: LedgerFilter,
  field: string,
  descending: boolean,
  later: boolean,
) {
  const base = ledgerQuery(db, scope, filter, TODAY).select('contract.id');
  const cursor = later ? { value: cursorValues[field] ?? 1_000_000, id: ID } : null;
  return orderAndContinue(base, { field, descending }, cursor).limit(21);
}

/**
 * The plan's lines that read the whole contract table or sort the rows, or (`seeks`, a later page
 * read in that index's order) walk the index from its start instead of seeking it to the cursor;
 * empty when none does.
 */
async function planDefects(db: Db, dialect: string, query: CompiledQuery, seeks?: string): Promise<string[]> {
  const { sql: text, parameters } = query;
  if (dialect === 'sqlite') {
    const plan = await db.executeQuery<{ detail: string }>(
      CompiledQuery.raw(`explain query plan ${text}`, [...parameters]),
    );
    const lines = plan.rows.map((row) => row.detail);
    const reads = lines.filter((line) => /^(SCAN|SEARCH) contract\b/.test(line));
    const sorts = lines.filter((line) => /USE TEMP B-TREE FOR .*ORDER BY/.test(line));
    const bounded =
      reads.length > 0 && reads.every((line) => line.startsWith('SEARCH') && boundedIndexes.test(line));
    const defects = lines.filter(
      (line) =>
        /^SCAN contract$/.test(line) ||
        (seeks !== undefined && new RegExp(`^SCAN contract USING (COVERING )?INDEX ${seeks}$`).test(line)),
    );
    if (sorts.length && !bounded) defects.push(...sorts, ...reads);
    return defects;
  }
  const plan = await db.executeQuery<{ 'QUERY PLAN': string }>(
    CompiledQuery.raw(`explain ${text}`, [...parameters]),
  );
  const lines = plan.rows.map((row) => row['QUERY PLAN']);
  return lines.filter(
    (line) => /Seq Scan on contract( |$)/.test(line) || /^\s*(->\s*)?(Incremental )?Sort\s/.test(line),
  );
}

for (const dialect of testDialects()) {
  describe(`ledger query plans [${dialect}]`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(dialect);
      if (dialect === 'sqlite') await planAsAtAMillion(t.services.db);
    });
    afterAll(async () => {
      await t?.close();
    });

    it('reads every ledger page in index order, without a scan of the contracts or a sort', async () => {
      const defects: string[] = [];
      const explainAll = async (db: Db) => {
        for (const field of Object.keys(sortKeys)) {
          for (const descending of [true, false]) {
            for (const later of [false, true]) {
              for (const [filterName, filter] of Object.entries(filters)) {
                for (const [scopeName, scope] of Object.entries(scopes)) {
                  const query = pageQuery(db, scope, filter, field, descending, later).compile();
                  // SQLite reads a dense set in the sort index's order (ledgerPageIds); a sparse
                  // one (at most DENSE_SET matches) by its filters.
                  const index = denseReadIndex({ field, descending }, filter) ?? '';
                  const found = await planDefects(
                    db,
                    dialect,
                    dialect === 'sqlite' ? inSortIndexOrder(query, index) : query,
                    later ? index : undefined,
                  );
                  if (found.length)
                    defects.push(
                      `${descending ? '-' : ''}${field} ${later ? 'later page' : 'first page'}, filter ${filterName}, scope ${scopeName}: ${found.join(' | ')}`,
                    );
                }
              }
            }
          }
        }
      };
      if (dialect === 'sqlite') await explainAll(t.services.db);
      else
        await t.services.db.transaction().execute(async (trx) => {
          await sql`set local enable_seqscan = off`.execute(trx);
          await sql`set local enable_sort = off`.execute(trx);
          await sql`set local enable_incremental_sort = off`.execute(trx);
          await explainAll(trx);
        });
      expect(defects).toEqual([]);
    });

    it('judges entity, status and sign dates on the index entry when reading newest first', async () => {
      // A dense set read in creation order skips the contracts these filters refuse; a sign-date
      // range far back skips most of the table, so the skip must not read each contract's row.
      if (dialect !== 'sqlite') return;
      const db = t.services.db;
      const uncovered: string[] = [];
      for (const filterName of ['entity', 'status', 'signDates', 'entityStatusSignDates']) {
        for (const scopeName of ['group', 'entities']) {
          const filter = filters[filterName];
          const query = pageQuery(db, scopes[scopeName], filter, 'createdAt', true, false).compile();
          const index = denseReadIndex({ field: 'createdAt', descending: true }, filter) ?? '';
          const plan = await db.executeQuery<{ detail: string }>(
            CompiledQuery.raw(`explain query plan ${inSortIndexOrder(query, index).sql}`, [
              ...query.parameters,
            ]),
          );
          const reads = plan.rows.map((row) => row.detail).filter((line) => / contract USING /.test(line));
          if (!reads.every((line) => line.includes('COVERING INDEX')))
            uncovered.push(`${filterName}, scope ${scopeName}: ${reads.join(' | ')}`);
        }
      }
      expect(uncovered).toEqual([]);
    });

    it('probes the size of each filtered set through an index, never by a scan of the contracts', async () => {
      if (dialect !== 'sqlite') return;
      const db = t.services.db;
      const defects: string[] = [];
      for (const [filterName, filter] of Object.entries(filters)) {
        if (filterName in probedByScan) continue;
        for (const [scopeName, scope] of Object.entries(scopes)) {
          // Counted from the rollup buckets: no contract read at all.
          if (bucketsAnswering(scope, filter)) continue;
          const probe = db
            .selectFrom(
              ledgerQuery(db, scope, filter, TODAY)
                .select(sql.lit(1).as('one'))
                .limit(DENSE_SET + 1)
                .as('bounded'),
            )
            .select((eb) => eb.fn.countAll<number>().as('count'))
            .compile();
          const found = await planDefects(db, dialect, probe);
          if (found.length) defects.push(`filter ${filterName}, scope ${scopeName}: ${found.join(' | ')}`);
        }
      }
      expect(defects).toEqual([]);
    });

    it('reads the same pages through the sort index as through the filters', async () => {
      if (dialect !== 'sqlite') return;
      for (let i = 0; i < 6; i++)
        await t.given.contract({ name: `索引合同${i % 3}`, amount: 100_000 * (i % 2) + 1 });
      const db = t.services.db;
      for (const field of Object.keys(sortKeys)) {
        for (const descending of [true, false]) {
          let cursor: { value: unknown; id: string } | null = null;
          const base = ledgerQuery(db, everything, {}, TODAY).select([
            'contract.id',
            sortKeys[field].as('key'),
          ]);
          for (let page = 0; page < 3; page++) {
            const query: typeof base = orderAndContinue(base, { field, descending }, cursor).limit(2);
            const natural = (await query.execute()).map((row: { id: string }) => row.id);
            const forced = await db.executeQuery<{ id: string; key: unknown }>(
              inSortIndexOrder(query.compile(), sortIndexes[field]),
            );
            expect(forced.rows.map((row) => row.id)).toEqual(natural);
            const last: { id: string; key: unknown } | undefined = forced.rows.at(-1);
            if (!last) break;
            cursor = { value: last.key, id: last.id };
          }
        }
      }
    });
  });
}
