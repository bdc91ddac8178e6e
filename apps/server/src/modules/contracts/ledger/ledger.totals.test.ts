/**
 * The ledger's totals, asked for apart from its pages, on a real database: from the rollup buckets
 * where they answer the filter in the caller's scope, else summed over the contracts; either way
 * equal, currency by currency, to the sums of the rows the ledger lists for the same filter.
 */
import type { ContractLedgerCurrencyTotals } from '@concord/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { countUpTo } from '../../../db/index.js';
import { ALL_SCOPE } from '../../../platform/access/index.js';
import { type ApiClient, describeEachDialect } from '../../../testing/test-app.js';
import { ledgerQuery } from './ledger.repository.js';
import { bucketsAnswering } from './ledger.totals.js';
import { fetchLedgerTotals, type LedgerWorld, ledgerWorld } from './ledger.testing.js';

type Amounts = Omit<ContractLedgerCurrencyTotals, 'currency'>;
const amountKeys = [
  'amount',
  'signedAmount',
  'currentAmount',
  'settledAmount',
  'plannedAmount',
  'requestedAmount',
  'paidAmount',
  'receivedAmount',
  'invoicedAmount',
  'acceptedAmount',
  'outstandingAmount',
  'overdueAmount',
] as const;

/** Every row the ledger lists for the filter (all pages), summed per currency: the oracle. */
async function sumsOfListedRows(client: ApiClient, filter: string): Promise<ContractLedgerCurrencyTotals[]> {
  const byCurrency = new Map<string, ContractLedgerCurrencyTotals>();
  let cursor: string | null = null;
  do {
    const after: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const res = await client.get(`/api/v1/contracts?limit=200${filter ? `&${filter}` : ''}${after}`);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json() as {
      items: (Amounts & { currency: string; settledAmount: number | null })[];
      nextCursor: string | null;
    };
    for (const row of page.items) {
      let totals = byCurrency.get(row.currency);
      if (!totals) {
        totals = {
          currency: row.currency,
          count: 0,
          ...Object.fromEntries(amountKeys.map((k) => [k, 0])),
        } as ContractLedgerCurrencyTotals;
        byCurrency.set(row.currency, totals);
      }
      totals.count += 1;
      for (const key of amountKeys) totals[key] += row[key] ?? 0;
    }
    cursor = page.nextCursor;
  } while (cursor);
  return [...byCurrency.values()];
}

describeEachDialect('contract ledger totals', (t) => {
  let world: LedgerWorld;
  let admin: ApiClient;

  beforeAll(async () => {
    world = await ledgerWorld(t());
    admin = await t().login('admin');
    // Two contracts settled (one of them an income contract whose customer holds a retention
    // back), written as figures.service keeps them: the triggers move the rollup's buckets.
    const { db } = t().services;
    const [first, second] = await db
      .selectFrom('contract')
      .select(['id', 'current_amount'])
      .where('number', 'like', `${world.token}-%`)
      .where('status', '=', 'IN_FORCE')
      .orderBy('number')
      .limit(2)
      .execute();
    await db
      .updateTable('contract')
      .set({ settled_amount: first.current_amount - 12_345 })
      .where('id', '=', first.id)
      .execute();
    await db
      .updateTable('contract')
      .set({ settled_amount: second.current_amount, direction: 'INCOME', retention_held_amount: 50_000 })
      .where('id', '=', second.id)
      .execute();
  });

  const byCurrencyOf = (rows: ContractLedgerCurrencyTotals[]) =>
    Object.fromEntries(rows.map((row) => [row.currency, row]));

  describe('from the rollup buckets', () => {
    const filters = () => [
      '',
      'status=IN_FORCE',
      'status=IN_FORCE,DRAFT,TERMINATED&direction=EXPENSE',
      `entityId=${world.f.cons.entityId}`,
      `categoryId=${world.f.category.id}&status=IN_FORCE`,
      // Whole months: January to March 2026, and everything signed up to the end of 2025.
      'signDateFrom=2026-01-01&signDateTo=2026-03-31',
      'signDateTo=2025-12-31',
    ];

    it('sums the settled amounts, and takes the retention held back off the outstanding receivable', async () => {
      const totals = await fetchLedgerTotals(admin, '');
      expect(totals.source).toBe('rollup');
      const listed = await sumsOfListedRows(admin, '');
      const cny = (rows: ContractLedgerCurrencyTotals[]) => rows.find((row) => row.currency === 'CNY');
      expect(cny(totals.byCurrency)?.settledAmount).toBeGreaterThan(0);
      expect(cny(totals.byCurrency)?.settledAmount).toBe(cny(listed)?.settledAmount);
      expect(cny(totals.byCurrency)?.outstandingAmount).toBe(cny(listed)?.outstandingAmount);
    });

    it('answers a scope of entities and filters of buckets, equal to the sums of the listed rows', async () => {
      for (const [name, client] of [
        ['group (entity and below)', world.group],
        ['subsidiary GM (entity)', world.consGm],
        ['administrator', admin],
      ] as const) {
        for (const filter of filters()) {
          const totals = await fetchLedgerTotals(client, filter);
          expect(totals.source, `${name}: ${filter}`).toBe('rollup');
          const listed = await sumsOfListedRows(client, filter);
          expect(byCurrencyOf(totals.byCurrency), `${name}: ${filter}`).toEqual(byCurrencyOf(listed));
          expect(totals.count).toBe(listed.reduce((sum, row) => sum + row.count, 0));
        }
      }
    });

    it('counts what the test wrote in the subsidiary exactly, and nothing of the other entities', async () => {
      const consRows = world.rows.filter((row) => row.entity === 'CONS').length;
      const totals = await fetchLedgerTotals(world.consGm, `entityId=${world.f.tech.entityId}`);
      expect(totals).toMatchObject({ source: 'rollup', count: 0, byCurrency: [] });
      const own = await fetchLedgerTotals(world.consGm, '');
      expect(own.count).toBeGreaterThanOrEqual(consRows);
    });
  });

  describe('summed over the contracts', () => {
    it('answers what buckets cannot, equal to the sums of the listed rows', async () => {
      for (const [client, filter] of [
        [world.deptHead, ''],
        [world.staff, ''],
        [world.group, `q=${world.token}`],
        [world.group, 'signDateFrom=2026-01-15'],
        [world.group, 'amountMin=100000'],
        [world.group, 'overdueOnly=true'],
        [world.group, 'matchingStatus=MATCHED'],
      ] as const) {
        const totals = await fetchLedgerTotals(client, filter);
        expect(totals.source, filter).toBe('computed');
        expect(byCurrencyOf(totals.byCurrency), filter).toEqual(
          byCurrencyOf(await sumsOfListedRows(client, filter)),
        );
      }
    });

    it('needs contract.view and refuses what is not a filter with 400', async () => {
      const res = await world.group.get('/api/v1/contracts/totals?sort=number');
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect((await t().app.inject({ method: 'GET', url: '/api/v1/contracts/totals' })).statusCode).toBe(401);
    });

    it('counts a large set only up to the limit, so a huge ledger costs the limit and no more', async () => {
      const { db } = t().services;
      const all = ledgerQuery(db, ALL_SCOPE, {}, world.today);
      const exact = await countUpTo(db, all, 1_000_000);
      expect(exact).toBeGreaterThan(5);
      expect(await countUpTo(db, all, 5)).toBe(6);
      expect(await countUpTo(db, all, exact)).toBe(exact);
    });
  });
});

describe('which filters the rollup buckets answer', () => {
  const entityScope = {
    all: false,
    entityIds: new Set(['e1', 'e2']),
    departmentIds: new Set<string>(),
    userIds: new Set<string>(),
  };
  it('narrows an entity scope to the filtered entity', () => {
    expect(bucketsAnswering(entityScope, { entityId: 'e2', status: ['IN_FORCE'] })).toEqual({
      entity_id: ['e2'],
      status: ['IN_FORCE'],
    });
    // An entity outside the scope leaves no bucket to read.
    expect(bucketsAnswering(entityScope, { entityId: 'e9' })).toEqual({ entity_id: [] });
    expect(bucketsAnswering({ ...entityScope, all: true }, {})).toEqual({});
  });

  it('takes whole months of signing only, and leaves unsigned contracts out of any range', () => {
    expect(
      bucketsAnswering(entityScope, { signDateFrom: '2026-02-01', signDateTo: '2026-02-28' }),
    ).toMatchObject({
      sign_month: { from: '2026-02', to: '2026-02' },
    });
    expect(bucketsAnswering(entityScope, { signDateTo: '2024-02-29' })).toMatchObject({
      sign_month: { from: '0000-00', to: '2024-02' },
    });
    expect(bucketsAnswering(entityScope, { signDateFrom: '2026-02-02' })).toBeNull();
    expect(bucketsAnswering(entityScope, { signDateTo: '2026-02-27' })).toBeNull();
  });

  it('refuses scopes by department or person and filters the buckets do not hold', () => {
    expect(bucketsAnswering({ ...entityScope, departmentIds: new Set(['d1']) }, {})).toBeNull();
    expect(bucketsAnswering({ ...entityScope, userIds: new Set(['u1']) }, {})).toBeNull();
    for (const filter of [
      { q: 'x' },
      { ownerId: 'u' },
      { amountMin: 1 },
      { overdueOnly: true },
      { endDateTo: '2026-01-31' },
    ]) {
      expect(bucketsAnswering(entityScope, filter)).toBeNull();
    }
  });
});
