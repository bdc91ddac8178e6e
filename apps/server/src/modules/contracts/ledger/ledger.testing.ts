import { addDays, type ContractLedgerTotalsResult } from '@concord/contracts';
import { expect } from 'vitest';
import type { ApiClient, TestApp } from '../../../testing/test-app.js';
import {
  type ContractFixture,
  insertLedgerRow,
  type LedgerRowInput,
  publishContractFlows,
  todayOf,
} from '../contracts.testing.js';

export type LedgerEntity = 'CONS' | 'TECH' | 'GRP';
/** A row the ledger tests wrote, with the facts they know about it. */
export interface LedgerRow extends LedgerRowInput {
  id: string;
  entity: LedgerEntity;
}

/** The rows of the ledger tests (all named with `token`) and the demo people who read them. */
export interface LedgerWorld {
  f: ContractFixture;
  token: string;
  today: string;
  rows: LedgerRow[];
  /** 张伟: group GM, entity_and_below over GRP. */
  group: ApiClient;
  /** 赵磊: CONS GM. */
  consGm: ApiClient;
  /** 黄磊: TECH GM. */
  techGm: ApiClient;
  /** 冯波: department_and_below over CONS ENG-1. */
  deptHead: ApiClient;
  /** 吴敏: self. */
  staff: ApiClient;
}

/**
 * Writes rows whose facts the tests know into the ledger: each subsidiary and the group, every
 * status, missing numbers and dates, repeated amounts and creation instants with ties (for paging),
 * and signs in the readers. Each test file builds its own.
 */
export async function ledgerWorld(app: TestApp): Promise<LedgerWorld> {
  const f = await publishContractFlows(app);
  const token = `LG${f.prefix}`;
  const today = todayOf(app).date;
  const ids = {
    CONS: f.cons.entityId,
    TECH: f.tech.entityId,
    GRP: f.grp.entityId,
  };
  const partner = {
    CONS: { partnerId: f.partners.cons, partnerName: f.partners.consName },
    TECH: { partnerId: f.partners.tech, partnerName: '深圳科技伙伴有限公司' },
    GRP: { partnerId: f.partners.shared, partnerName: 'Shared Partner Group Ltd' },
  };
  const main = f.category.id;
  const other = f.otherCategory.id;
  const n = (i: number) => `${token}-${String(i).padStart(3, '0')}`;
  // Creation instants with ties, so the createdAt sort must break them by id.
  const at = (i: number) => `2026-0${1 + (i % 3)}-0${1 + (i % 2)}T08:00:00.000Z`;
  const specs: (Omit<LedgerRowInput, 'entityId' | 'partnerId' | 'partnerName' | 'name'> & {
    entity: LedgerEntity;
    label: string;
  })[] = [
    {
      entity: 'CONS',
      label: '钢材采购',
      departmentId: f.cons.eng1,
      ownerId: f.users.fengBo,
      status: 'IN_FORCE',
      number: n(1),
      amount: 1_000_000,
      categoryId: main,
      signDate: '2026-01-10',
      endDate: addDays(today, 10),
    },
    {
      entity: 'CONS',
      label: '混凝土采购',
      departmentId: f.cons.eng1,
      ownerId: f.users.wuMin,
      status: 'IN_FORCE',
      number: n(2),
      amount: 5_000_000,
      currentAmount: 5_500_000,
      categoryId: main,
      signDate: '2026-02-01',
      endDate: addDays(today, 45),
    },
    {
      entity: 'CONS',
      label: '塔吊租赁',
      departmentId: f.cons.proc,
      ownerId: f.users.zhaoLei,
      status: 'DRAFT',
      number: null,
      amount: 300_000,
      categoryId: other,
    },
    {
      entity: 'CONS',
      label: '防水工程',
      departmentId: f.cons.eng1,
      ownerId: f.users.fengBo,
      status: 'COMPLETED',
      number: n(4),
      amount: 2_000_000,
      categoryId: main,
      signDate: '2025-06-01',
      endDate: addDays(today, -30),
    },
    {
      entity: 'CONS',
      label: '土方分包',
      departmentId: f.cons.eng,
      ownerId: f.users.zhouQiang,
      status: 'IN_FORCE',
      number: n(5),
      amount: 1_000_000,
      categoryId: main,
      signDate: '2026-03-15',
      endDate: addDays(today, -5),
    },
    {
      entity: 'CONS',
      label: '监理服务',
      departmentId: f.cons.eng1,
      ownerId: f.users.fengBo,
      status: 'APPROVED',
      number: n(6),
      amount: 750_000,
      categoryId: other,
      direction: 'INCOME',
      endDate: addDays(today, 5),
    },
    {
      entity: 'TECH',
      label: '服务器采购',
      departmentId: f.tech.rnd,
      ownerId: f.users.linFeng,
      status: 'IN_FORCE',
      number: n(7),
      amount: 8_000_000,
      categoryId: main,
      signDate: '2026-01-20',
      endDate: addDays(today, 20),
    },
    {
      entity: 'TECH',
      label: '软件许可',
      departmentId: f.tech.rnd,
      ownerId: f.users.linFeng,
      status: 'IN_APPROVAL',
      number: n(8),
      amount: 420_000,
      categoryId: main,
    },
    {
      entity: 'GRP',
      label: '法律顾问',
      departmentId: f.grp.legal,
      ownerId: f.users.wangFang,
      status: 'IN_FORCE',
      number: n(9),
      amount: 12_000_000,
      categoryId: other,
      signDate: '2025-12-01',
      endDate: addDays(today, 200),
    },
    {
      entity: 'GRP',
      label: '办公楼租赁',
      departmentId: f.grp.legal,
      ownerId: f.users.wangFang,
      status: 'TERMINATED',
      number: n(10),
      amount: 640_000,
      currentAmount: 600_000,
      categoryId: main,
      signDate: '2025-11-11',
      endDate: '2026-06-30',
    },
  ];
  // More CONS rows for paging: repeated amounts and dates, missing numbers and dates.
  const amounts = [1_000_000, 300_000, 2_000_000, 1_000_000];
  for (let i = 11; i <= 26; i++) {
    const status = ['DRAFT', 'IN_FORCE', 'COMPLETED', 'IN_APPROVAL'][i % 4];
    specs.push({
      entity: 'CONS',
      label: `批量合同${i % 5}`,
      departmentId: i % 2 ? f.cons.eng1 : f.cons.eng,
      ownerId: i % 3 ? f.users.fengBo : f.users.wuMin,
      status,
      number: status === 'DRAFT' ? null : n(i),
      amount: amounts[i % 4],
      categoryId: i % 3 ? main : other,
      signDate: i % 4 === 1 || i % 4 === 2 ? `2026-0${1 + (i % 3)}-15` : null,
      endDate: i % 5 === 0 ? null : addDays(today, 60 + (i % 3) * 30),
    });
  }
  const rows: LedgerRow[] = [];
  for (const [i, spec] of specs.entries()) {
    const { entity, label, ...rest } = spec;
    const input: LedgerRowInput = {
      ...rest,
      name: `${label} ${token}`,
      entityId: ids[entity],
      ...partner[entity],
      createdAt: at(i),
    };
    rows.push({ ...input, entity, id: await insertLedgerRow(app, input) });
  }
  const group = await app.login('zhang.wei');
  const consGm = await app.login('zhao.lei');
  const techGm = await app.login('huang.lei');
  const deptHead = await app.login('feng.bo');
  const staff = await app.login('wu.min');
  return { f, token, today, rows, group, consGm, techGm, deptHead, staff };
}

/** Reading the ledger back: every row of the token (one page of 200) and the ids a predicate expects. */
export function ledgerQueries(world: () => LedgerWorld) {
  const fetchAll = async (client: ApiClient, query: string) => {
    return fetchPageWithTotals(client, `q=${world().token}&limit=200${query ? `&${query}` : ''}`);
  };
  const idsOf = (items: { id: string }[]) => items.map((i) => i.id).sort();
  const expected = (predicate: (row: LedgerRow) => boolean) =>
    world()
      .rows.filter(predicate)
      .map((r) => r.id)
      .sort();
  const current = (r: LedgerRow) => r.currentAmount ?? r.amount ?? 1_000_000;
  return { fetchAll, idsOf, expected, current };
}

const moneyTotalKeys = [
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

/**
 * The ledger's totals for the filters of a page query (its `limit`, `sort` and `cursor` dropped),
 * with `all`: the count and the amounts added over currencies, for the tests whose sets hold one.
 */
export async function fetchLedgerTotals(client: ApiClient, pageQuery: string) {
  const params = new URLSearchParams(pageQuery);
  for (const key of ['limit', 'sort', 'cursor']) params.delete(key);
  const res = await client.get(`/api/v1/contracts/totals?${params}`);
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json() as ContractLedgerTotalsResult;
  const all: Record<string, number> = { count: body.count };
  for (const key of moneyTotalKeys) all[key] = body.byCurrency.reduce((sum, row) => sum + row[key], 0);
  return { ...body, all };
}

/** A page of the ledger and the totals of its filters, as the web asks for them (two requests). */
export async function fetchPageWithTotals(client: ApiClient, pageQuery: string) {
  const res = await client.get(`/api/v1/contracts?${pageQuery}`);
  expect(res.statusCode, res.body).toBe(200);
  const totals = await fetchLedgerTotals(client, pageQuery);
  return {
    ...(res.json() as { items: any[]; nextCursor: string | null }),
    totals: totals.all as any,
    totalsByCurrency: totals.byCurrency as any[],
    totalsSource: totals.source,
  };
}
