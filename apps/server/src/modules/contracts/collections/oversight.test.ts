/**
 * Group oversight: every kind of breach is listed for the contracts in the caller's scope (HQ sees
 * all subsidiaries, a subsidiary only itself), counted per kind apart (/counts), paged by keyset and
 * exported; resolved breaches (a rejected request, a renewed qualification, a restored partner) drop
 * off. The order of every sort and the plans of the reads: oversight.paging.test.ts.
 */
import { randomUUID } from 'node:crypto';
import { creditCodeCheckChar } from '@concord/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Db, newId } from '../../../db/index.js';
import { ManualClock } from '../../../platform/jobs/index.js';
import { type ApiClient, describeEachDialect } from '../../../testing/test-app.js';
import { patchContract, testCategory, testContract, userWith } from '../archive/archive.testing.js';

const START = '2026-03-01T01:00:00.000Z';
const clock = new ManualClock(START);
let codeSeed = 0;
function creditCode(): string {
  codeSeed += 1;
  const first17 =
    `91440000MA${String(Date.now() % 10_000_000).padStart(7, '0')}`.slice(0, 13) +
    String(codeSeed).padStart(4, '0');
  return first17 + creditCodeCheckChar(first17);
}

/** Every breach of the list for this query, page after page (200 a page) until the last. */
async function everything(client: ApiClient, query = ''): Promise<Breach[]> {
  const items: Breach[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 50; page++) {
    const res = await client.get(
      `/api/v1/contract-oversight?limit=200${query ? `&${query}` : ''}${cursor ? `&cursor=${cursor}` : ''}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    items.push(...body.items);
    cursor = body.nextCursor;
    if (!cursor) return items;
  }
  throw new Error('more than 50 pages');
}

interface Breach {
  kind: string;
  recordId: string;
  contractId: string;
  amount: number;
  date: string | null;
  detail: string | null;
  entityName: string;
}

describeEachDialect(
  'contract oversight',
  (t) => {
    const ids: Record<string, string> = {};
    let overridePayment: string;

    async function payment(
      contractId: string,
      status: string,
      overrideReason: string | null,
      amount: number,
    ) {
      const db = t().services.db;
      const c = await db
        .selectFrom('contract')
        .select(['entity_id', 'department_id', 'owner_id'])
        .where('id', '=', contractId)
        .executeTakeFirstOrThrow();
      const id = newId();
      const now = t().services.clock.now().toISOString();
      await db
        .insertInto('contract_payment')
        .values({
          id,
          contract_id: contractId,
          plan_item_id: null,
          kind: 'PAYMENT',
          number: `X6O-${randomUUID().slice(0, 12)}`,
          amount,
          status,
          refund_of_id: null,
          purpose: null,
          entity_id: c.entity_id,
          department_id: c.department_id,
          requested_by: c.owner_id,
          instance_id: null,
          paid_on: null,
          bank_account: null,
          method: null,
          reference: null,
          override_reason: overrideReason,
          override_by: overrideReason ? c.owner_id : null,
          idempotency_key: null,
          request_hash: null,
          created_at: '2026-02-25T02:00:00.000Z',
          updated_at: now,
        })
        .execute();
      return id;
    }

    beforeAll(async () => {
      clock.set(START);
      const { services } = t();
      const ctx = services.systemContext();
      const db = services.db as Db;
      const categoryId = (await testCategory(t(), 0)).id;
      const grp = (await t().given.entityByCode('GRP')).id;
      const base = {
        kinds: ['supplier' as const],
        type: 'enterprise' as const,
        industry: null,
        region: null,
        address: null,
        remarks: null,
        entityId: grp,
        sharedWithGroup: true,
      };
      const black = await services.partners.create(ctx, {
        ...base,
        name: 'X6 黑名单供应商',
        creditCode: creditCode(),
      });
      await services.partners.blacklist(ctx, black.id, '测试：围标串标');
      const expired = await services.partners.create(ctx, {
        ...base,
        name: 'X6 资质过期供应商',
        creditCode: creditCode(),
      });
      await services.partnerRecords.addQualification(ctx, expired.id, {
        type: '安全生产许可证',
        number: 'AQ-1',
        validFrom: '2023-02-01',
        validTo: '2026-01-31',
        attachmentFileId: null,
      });
      const renewed = await services.partners.create(ctx, {
        ...base,
        name: 'X6 资质已续期供应商',
        creditCode: creditCode(),
      });
      for (const validTo of ['2026-01-31', '2029-01-31']) {
        await services.partnerRecords.addQualification(ctx, renewed.id, {
          type: '安全生产许可证',
          number: `AQ-${validTo}`,
          validFrom: '2023-02-01',
          validTo,
          attachmentFileId: null,
        });
      }

      const contract = async (key: string, entity: 'CONS' | 'TECH', patch: Record<string, unknown> = {}) => {
        ids[key] = await testContract(t(), {
          entity,
          department: entity === 'CONS' ? 'ENG-1' : 'SALES',
          owner: entity === 'CONS' ? 'wu.min' : 'he.jun',
          status: 'IN_FORCE',
          categoryId,
          amount: 500_000,
          name: `X6 监督 ${key}`,
        });
        if (Object.keys(patch).length) await patchContract(t(), ids[key], patch);
      };
      await contract('pastEnd', 'CONS', { end_date: '2026-02-10' });
      await contract('techPastEnd', 'TECH', { end_date: '2026-02-20' });
      await contract('endsToday', 'CONS', { end_date: '2026-03-01' });
      await contract('override', 'CONS');
      overridePayment = await payment(ids.override, 'APPROVED', '工期紧急，发票后补', 120_000);
      await payment(ids.override, 'REJECTED', '被驳回的放行', 30_000);
      await payment(ids.override, 'PAID', null, 10_000);
      await contract('overdue', 'CONS', { direction: 'INCOME' });
      const now = t().services.clock.now().toISOString();
      for (const [seq, due, amount] of [
        [1, '2026-02-01', 200_000],
        [2, '2026-02-20', 100_000],
        [3, '2026-05-01', 200_000],
      ] as const) {
        await db
          .insertInto('contract_plan_item')
          .values({
            id: newId(),
            contract_id: ids.overdue,
            seq,
            name: `第${seq}期`,
            due_date: due,
            amount,
            percentage: null,
            condition_text: null,
            created_at: now,
            updated_at: now,
          })
          .execute();
      }
      await db.transaction().execute((trx) => services.contractFigures.refresh(trx, ids.overdue));
      await contract('blacklisted', 'CONS', { partner_id: black.id, partner_name: black.name });
      await contract('unqualified', 'TECH', { partner_id: expired.id, partner_name: expired.name });
      await contract('renewed', 'CONS', { partner_id: renewed.id, partner_name: renewed.name });
      await contract('blacklistedDraft', 'CONS', {
        partner_id: black.id,
        partner_name: black.name,
        status: 'DRAFT',
      });
    });
    afterAll(() => clock.set(START));

    const mine = (items: Breach[]) => {
      const names = Object.fromEntries(Object.entries(ids).map(([key, id]) => [id, key]));
      return items
        .filter((i) => names[i.contractId])
        .map((i) => `${i.kind}:${names[i.contractId]}`)
        .sort();
    };

    it('lists every kind of breach across the subsidiaries for HQ', async () => {
      const hq = await t().login('zhang.wei');
      const items = await everything(hq);
      expect(mine(items)).toEqual([
        'BLACKLISTED_PARTNER:blacklisted',
        'OVERDUE_COLLECTION:overdue',
        'OVERRIDE_PAYMENT:override',
        'PAST_END:pastEnd',
        'PAST_END:techPastEnd',
        'UNQUALIFIED_PARTNER:unqualified',
      ]);
      expect(items.find((i) => i.kind === 'OVERRIDE_PAYMENT' && i.contractId === ids.override)).toMatchObject(
        {
          recordId: overridePayment,
          amount: 120_000,
          date: '2026-02-25',
          detail: '工期紧急，发票后补',
        },
      );
      // The two receipt milestones past due: 200 000 + 100 000, since the earliest one.
      expect(
        items.find((i) => i.kind === 'OVERDUE_COLLECTION' && i.contractId === ids.overdue),
      ).toMatchObject({
        amount: 300_000,
        date: '2026-02-01',
      });
      expect(items.find((i) => i.contractId === ids.techPastEnd)).toMatchObject({
        date: '2026-02-20',
        amount: 500_000,
        entityName: expect.stringContaining('科技'),
      });
      // The counts per kind, asked for apart, agree with the list filtered by kind.
      const res = await hq.get('/api/v1/contract-oversight/counts');
      expect(res.statusCode, res.body).toBe(200);
      const counts = res.json().byKind as Record<string, { count: number; capped: boolean }>;
      expect(Object.keys(counts).sort()).toEqual([
        'BLACKLISTED_PARTNER',
        'OVERDUE_COLLECTION',
        'OVERRIDE_PAYMENT',
        'PAST_END',
        'UNQUALIFIED_PARTNER',
      ]);
      for (const [kind, counted] of Object.entries(counts)) {
        const filtered = await everything(hq, `kind=${kind}`);
        expect(counted, kind).toEqual({ count: filtered.length, capped: false });
        expect(filtered.every((i) => i.kind === kind)).toBe(true);
      }
      const sum = Object.values(counts).reduce((total, counted) => total + counted.count, 0);
      expect(sum).toBe(items.length);
      // A subsidiary's counts: its own breaches only.
      const tech = (await t().given.entityByCode('TECH')).id;
      const techCounts = (await hq.get(`/api/v1/contract-oversight/counts?entityId=${tech}`)).json().byKind;
      for (const [kind, counted] of Object.entries(techCounts as typeof counts)) {
        expect(counted.count, kind).toBe((await everything(hq, `kind=${kind}&entityId=${tech}`)).length);
      }
    });

    it('pages, sorts and exports', async () => {
      const hq = await t().login('zhang.wei');
      const all = await everything(hq, 'sort=-date');
      const dates = all.map((i) => i.date ?? '');
      expect(dates).toEqual([...dates].sort().reverse());
      const pages: Breach[] = [];
      let cursor: string | null = null;
      do {
        const res = await hq.get(
          `/api/v1/contract-oversight?limit=3&sort=-date${cursor ? `&cursor=${cursor}` : ''}`,
        );
        const body = res.json();
        expect(body.items.length).toBeLessThanOrEqual(3);
        pages.push(...body.items);
        cursor = body.nextCursor;
      } while (cursor);
      expect(pages.map((i) => `${i.kind}:${i.recordId}`)).toEqual(all.map((i) => `${i.kind}:${i.recordId}`));
      const byKind = (await everything(hq, 'sort=kind')).map((i) => i.kind);
      expect(byKind).toEqual([...byKind].sort());
      // The sorts no index serves are refused, like any sort the list does not offer.
      for (const sort of ['amount', '-contractNumber']) {
        expect((await hq.get(`/api/v1/contract-oversight?sort=${sort}`)).statusCode, sort).toBe(400);
      }
      const exported = await hq.get('/api/v1/contract-oversight/export?kind=PAST_END');
      expect(exported.statusCode, exported.body).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(exported.rawPayload as never);
      const names = workbook.worksheets[0].getColumn(3).values as unknown[];
      expect(names).toContain('X6 监督 pastEnd');
      expect(names).toContain('X6 监督 techPastEnd');
      expect(names).not.toContain('X6 监督 override');
    });

    it('keeps a subsidiary’s overseer to its own entity and refuses users without the permission', async () => {
      const cons = await userWith(t(), {
        entity: 'CONS',
        department: 'MGT',
        permissions: ['contract.view', 'contract.oversight'],
      });
      const items = await everything(cons.client);
      expect(mine(items)).toEqual([
        'BLACKLISTED_PARTNER:blacklisted',
        'OVERDUE_COLLECTION:overdue',
        'OVERRIDE_PAYMENT:override',
        'PAST_END:pastEnd',
      ]);
      expect(items.every((i) => i.entityName === items[0].entityName)).toBe(true);
      const viewer = await userWith(t(), {
        entity: 'CONS',
        department: 'MGT',
        permissions: ['contract.view'],
      });
      expect((await viewer.client.get('/api/v1/contract-oversight')).statusCode).toBe(403);
      expect((await viewer.client.get('/api/v1/contract-oversight/counts')).statusCode).toBe(403);
    });

    it('drops breaches once resolved', async () => {
      const { services } = t();
      const ctx = services.systemContext();
      const hq = await t().login('zhang.wei');
      const black = (await (services.db as Db)
        .selectFrom('contract')
        .select('partner_id')
        .where('id', '=', ids.blacklisted)
        .executeTakeFirstOrThrow()) as { partner_id: string };
      await services.partners.restore(ctx, black.partner_id, '测试：整改完成');
      await patchContract(t(), ids.pastEnd, { status: 'COMPLETED' });
      expect(mine(await everything(hq))).toEqual([
        'OVERDUE_COLLECTION:overdue',
        'OVERRIDE_PAYMENT:override',
        'PAST_END:techPastEnd',
        'UNQUALIFIED_PARTNER:unqualified',
      ]);
      // Later, the contract that ended today is past its end too.
      clock.set('2026-03-02T01:00:00.000Z');
      expect(mine(await everything(hq, 'kind=PAST_END'))).toEqual([
        'PAST_END:endsToday',
        'PAST_END:techPastEnd',
      ]);
      clock.set(START);
    });
  },
  { demo: true, clock },
);
