/**
 * The oversight list pages by keyset on a real database: for every sort it offers, both ways, and
 * every kind filter (and none), walking page by page (two rows a page) gives each breach exactly
 * once and in the sort's order, ties (the same date across kinds, the same contract in three kinds,
 * drafts' missing sign dates) broken by record id and kind; the export streams the same order; each
 * stream's page query plans a walk of its index from the cursor, with no scan of the tables and no
 * sort (house rule 10); a cursor the list did not give out is a 400.
 */
import { randomUUID } from 'node:crypto';
import {
  type ContractOversightItem,
  contractOversightKindSchema,
  creditCodeCheckChar,
} from '@concord/contracts';
import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { type Db, isPostgres } from '../../../db/index.js';
import type { Scope } from '../../../platform/access/index.js';
import { ManualClock } from '../../../platform/jobs/index.js';
import { type ApiClient, describeEachDialect } from '../../../testing/test-app.js';
import { patchContract, testCategory, testContract } from '../archive/archive.testing.js';
import { advancePastDueDay } from '../execution/past-due.js';
import { execution, explainPlan, START, withScansPricedOut } from './collections.testing.js';
import { type OversightCursor, parseOversightSort } from './oversight.keyset.js';
import { breachStreams, compiledStreamPage, type OversightFilter } from './oversight.repository.js';

const clock = new ManualClock(START);
const TODAY = START.slice(0, 10);
const sorts = ['date', '-date', 'kind', '-kind'] as const;
const kinds = contractOversightKindSchema.options;
const everything: Scope = { all: true, entityIds: new Set(), departmentIds: new Set(), userIds: new Set() };
let codeSeed = 0;
function creditCode(): string {
  codeSeed += 1;
  const first17 =
    `91440000MB${String(Date.now() % 10_000_000).padStart(7, '0')}`.slice(0, 13) +
    String(codeSeed).padStart(4, '0');
  return first17 + creditCodeCheckChar(first17);
}

/** The order the list promises for a sort, computed from the rows themselves. */
function expectedOrder(rows: ContractOversightItem[], sortText: string): string[] {
  const sort = parseOversightSort(sortText);
  // A contract not signed yet has no date; it sorts as the earliest.
  const key = (r: ContractOversightItem) => {
    const date = r.date ?? '0001-01-01';
    return sort.field === 'kind' ? [r.kind, date, r.recordId] : [date, r.recordId, r.kind];
  };
  const sorted = [...rows].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
    return 0;
  });
  if (sort.descending) sorted.reverse();
  return sorted.map(label);
}
const label = (r: Pick<ContractOversightItem, 'kind' | 'recordId'>) => `${r.kind}:${r.recordId}`;

describeEachDialect(
  'contract oversight paging',
  (t) => {
    const x = execution(t);
    let group: ApiClient;
    let entityId: string;
    let all: ContractOversightItem[];
    const ids: Record<string, string> = {};
    const payments: string[] = [];
    let flagged: { blacklisted: string[]; unqualified: string[] };

    beforeAll(async () => {
      clock.set(START);
      const { services } = t();
      const ctx = services.systemContext();
      group = await t().login('zhang.wei');
      const world = await t().given.world();
      entityId = world.entityId;
      const categoryId = (await testCategory(t(), 0)).id;
      const grp = (await t().given.entityByCode('GRP')).id;
      const partner = async (name: string) =>
        services.partners.create(ctx, {
          kinds: ['supplier'],
          type: 'enterprise',
          industry: null,
          region: null,
          address: null,
          remarks: null,
          entityId: grp,
          sharedWithGroup: true,
          name: `${name} ${randomUUID().slice(0, 6)}`,
          creditCode: creditCode(),
        });
      const [b1, b2, u1] = [
        await partner('翻页黑名单甲'),
        await partner('翻页黑名单乙'),
        await partner('翻页资质'),
      ];
      await services.partners.blacklist(ctx, b1.id, '测试：翻页');
      await services.partners.blacklist(ctx, b2.id, '测试：翻页');
      await services.partnerRecords.addQualification(ctx, u1.id, {
        type: '安全生产许可证',
        number: 'AQ-P',
        validFrom: '2023-02-01',
        validTo: '2026-01-31',
        attachmentFileId: null,
      });

      // Contracts of the test's own entity; many breaches on 10 February (ties across kinds).
      const contract = async (key: string, status: string, patch: Record<string, unknown>) => {
        ids[key] = await testContract(t(), {
          entity: 'CONS',
          department: 'ENG-1',
          owner: 'wu.min',
          status,
          categoryId,
          amount: 500_000,
          name: `翻页监督 ${key}`,
        });
        await patchContract(t(), ids[key], {
          entity_id: world.entityId,
          department_id: world.departmentId,
          end_date: '2026-12-31',
          sign_date: '2025-12-01',
          ...patch,
        });
      };
      const feb10 = '2026-02-10';
      const of = (p: { id: string; name: string }) => ({ partner_id: p.id, partner_name: p.name });
      // In three kinds at once, all on 10 February: past its end, overdue, blacklisted partner.
      await contract('c0', 'IN_FORCE', { direction: 'INCOME', end_date: feb10, sign_date: feb10, ...of(b1) });
      await contract('c1', 'IN_FORCE', { end_date: feb10, sign_date: '2026-01-05', ...of(b2) });
      await contract('c2', 'APPROVED', { sign_date: null, ...of(b1) });
      await contract('c3', 'APPROVED', { sign_date: null, ...of(u1) });
      await contract('c4', 'IN_FORCE', { sign_date: feb10, ...of(u1) });
      await contract('c5', 'IN_FORCE', { direction: 'INCOME', end_date: '2026-02-20' });
      await contract('c6', 'IN_FORCE', { end_date: TODAY, sign_date: feb10, ...of(b2) });
      await contract('c7', 'DRAFT', { ...of(b1) });
      await contract('c8', 'IN_FORCE', {});
      await x.item(ids.c0, 1, feb10, 100_000);
      await x.item(ids.c5, 1, '2026-01-20', 80_000);
      await x.item(ids.c5, 2, '2026-04-25', 70_000);
      // An expense contract's past-due item is no overdue collection.
      await x.item(ids.c8, 1, '2026-01-20', 80_000);
      for (const key of ['c0', 'c5', 'c8']) await x.refresh(ids[key]);
      for (const [hour, status] of [
        ['03', 'APPROVED'],
        ['05', 'PAID'],
        ['06', 'REJECTED'],
      ] as const) {
        const id = await x.money(ids.c4, null, 'PAYMENT', status, 60_000, {
          override_reason: `放行 ${hour}`,
          created_at: `${feb10}T${hour}:00:00.000Z`,
        });
        if (status !== 'REJECTED') payments.push(id);
      }
      flagged = await services.partners.flaggedIds(services.db as Db, TODAY);
      const res = await group.get(`/api/v1/contract-oversight?entityId=${entityId}&limit=200`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().nextCursor).toBeNull();
      all = res.json().items;
    });

    it('holds every breach of the entity once', () => {
      const name = Object.fromEntries(Object.entries(ids).map(([key, id]) => [id, key]));
      const keyOf = (r: ContractOversightItem) =>
        r.kind === 'OVERRIDE_PAYMENT'
          ? `OVERRIDE_PAYMENT:p${payments.indexOf(r.recordId)}`
          : `${r.kind}:${name[r.recordId]}`;
      expect(all.map(keyOf).sort()).toEqual([
        'BLACKLISTED_PARTNER:c0',
        'BLACKLISTED_PARTNER:c1',
        'BLACKLISTED_PARTNER:c2',
        'BLACKLISTED_PARTNER:c6',
        'OVERDUE_COLLECTION:c0',
        'OVERDUE_COLLECTION:c5',
        'OVERRIDE_PAYMENT:p0',
        'OVERRIDE_PAYMENT:p1',
        'PAST_END:c0',
        'PAST_END:c1',
        'PAST_END:c5',
        'UNQUALIFIED_PARTNER:c3',
        'UNQUALIFIED_PARTNER:c4',
      ]);
      const c5 = all.find((r) => r.kind === 'OVERDUE_COLLECTION' && r.recordId === ids.c5);
      // Only the item due before today is overdue.
      expect(c5).toMatchObject({ amount: 80_000, date: '2026-01-20' });
      expect(all.find((r) => r.kind === 'BLACKLISTED_PARTNER' && r.recordId === ids.c2)?.date).toBeNull();
    });

    for (const kind of [undefined, ...kinds]) {
      for (const sort of sorts) {
        it(`pages ${kind ?? 'every kind'} by ${sort}: each breach once, in order`, async () => {
          const seen: string[] = [];
          let cursor: string | null = null;
          for (let page = 0; page < 20; page++) {
            const query = `entityId=${entityId}&sort=${sort}&limit=2${kind ? `&kind=${kind}` : ''}${cursor ? `&cursor=${cursor}` : ''}`;
            const res = await group.get(`/api/v1/contract-oversight?${query}`);
            expect(res.statusCode, res.body).toBe(200);
            const body = res.json();
            expect(body.items.length).toBeLessThanOrEqual(2);
            seen.push(...body.items.map(label));
            cursor = body.nextCursor;
            if (!cursor) break;
          }
          expect(seen).toEqual(expectedOrder(kind ? all.filter((r) => r.kind === kind) : all, sort));
        });
      }
    }

    it('counts each kind apart, and takes an overdue amount from the contract once its day is today', async () => {
      const counts = (await group.get(`/api/v1/contract-oversight/counts?entityId=${entityId}`)).json()
        .byKind;
      for (const kind of kinds) {
        expect(counts[kind], kind).toEqual({
          count: all.filter((r) => r.kind === kind).length,
          capped: false,
        });
      }
      await advancePastDueDay(t().services.db as Db, TODAY);
      const stored = (
        await group.get(`/api/v1/contract-oversight?entityId=${entityId}&kind=OVERDUE_COLLECTION`)
      ).json();
      expect(stored.items.map((r: ContractOversightItem) => r.amount)).toEqual(
        all.filter((r) => r.kind === 'OVERDUE_COLLECTION').map((r) => r.amount),
      );
    });

    it('exports in the list’s order', async () => {
      const res = await group.get(`/api/v1/contract-oversight/export?entityId=${entityId}&sort=-kind`);
      expect(res.statusCode, res.body).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.rawPayload as never);
      const names = (workbook.worksheets[0].getColumn(3).values as unknown[]).slice(2);
      const byLabel = new Map(all.map((r) => [label(r), r.contractName]));
      expect(names).toEqual(expectedOrder(all, '-kind').map((l) => byLabel.get(l)));
    });

    it('plans each stream’s page as a walk of its index from the cursor, with no sort and no scan', async () => {
      const { db } = t().services;
      const pg = isPostgres(db);
      const filter: OversightFilter = { today: TODAY, ...flagged, storedOverdueIsCurrent: false };
      await withScansPricedOut(db, async () => {
        for (const entity of [undefined, entityId]) {
          // One stream per kind (a partner kind: its first partner's).
          const streams = kinds.map(
            (kind) => breachStreams(db, everything, { ...filter, entityId: entity }, [kind])[0],
          );
          for (const stream of streams) {
            for (const sortText of sorts) {
              const sort = parseOversightSort(sortText);
              // A cursor in the stream's own kind, so the page continues inside the stream.
              const cursor: OversightCursor = { dateKey: '2026-02-10', id: ids.c0, kind: stream.kind };
              for (const after of [null, cursor]) {
                const query = compiledStreamPage(db, stream, { filter, sort, cursor: after, limit: 21 });
                if (!query) throw new Error(`no page query for ${stream.kind}`);
                const plan = await explainPlan(db, query);
                const what = `${stream.kind} by ${sortText}, ${after ? 'later' : 'first'} page, entity ${entity ?? 'any'}:\n${plan}`;
                if (pg) {
                  expect(plan, what).not.toMatch(/Seq Scan on (contract|contract_payment)\b/);
                  expect(plan, what).toContain(stream.index);
                  expect(
                    plan.split('\n').filter((line) => /\bSort\b/.test(line)),
                    what,
                  ).toEqual([]);
                } else {
                  const [outer, ...inner] = plan.split('\n').filter((line) => /^(SCAN|SEARCH) /.test(line));
                  // The outer loop walks the stream's index in order, from the cursor on a later page.
                  expect(outer, what).toMatch(
                    new RegExp(`^(SCAN|SEARCH) [cp] USING (COVERING )?INDEX ${stream.index}\\b`),
                  );
                  if (after) expect(outer, what).toMatch(/^SEARCH /);
                  // A payment's contract is sought by its id; an overdue amount (summed while the
                  // stored day lags today) reads the page's contracts' plan items by contract.
                  expect(
                    inner.filter((line) => !/^SEARCH i USING INDEX \S+ \(contract_id=\?\)/.test(line)),
                    what,
                  ).toEqual(stream.table === 'p' ? [expect.stringMatching(/^SEARCH c USING /)] : []);
                  expect(plan, what).not.toMatch(/TEMP B-TREE/);
                }
              }
            }
          }
        }
      });
    });

    it('refuses a cursor it did not give out, and a sort it does not offer', async () => {
      const forged = Buffer.from(JSON.stringify(['2026-02-10', ids.c0, 'NOT_A_KIND'])).toString('base64url');
      for (const query of ['cursor=bm90LWEtY3Vyc29y', `cursor=${forged}`, 'sort=amount', 'limit=0']) {
        const res = await group.get(`/api/v1/contract-oversight?${query}`);
        expect(res.statusCode, query).toBe(400);
        expect(res.headers['content-type']).toContain('application/problem+json');
      }
    });
  },
  { demo: true, clock },
);
