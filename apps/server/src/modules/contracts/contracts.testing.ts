/**
 * Test helpers of the contract register's tests: a category of its own (own numbering rule, own
 * flow key, own change flow), so the tests do not depend on demo flows or categories; partners;
 * contracts through the API; approvals acted on through the API.
 */
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { creditCodeCheckChar, type WfFlow, businessDate } from '@concord/contracts';
import { expect } from 'vitest';
import { newId, writeJson } from '../../db/index.js';
import { actOnApproval } from '../../testing/approvals.js';
import type { ApiClient, TestApp } from '../../testing/test-app.js';

export interface ContractFixture {
  /** The test category (EXPENSE, requires SIGNED_SCAN at signing) bound to the test flows. */
  category: { id: string; code: string };
  /** A second category on the same flows, for the ledger's category filter. */
  otherCategory: { id: string; code: string };
  prefix: string;
  signFlowKey: string;
  cons: { entityId: string; eng1: string; eng: string; proc: string };
  tech: { entityId: string; rnd: string };
  grp: { entityId: string; legal: string };
  partners: {
    cons: string;
    consName: string;
    tech: string;
    shared: string;
    blacklisted: string;
    blacklistedName: string;
  };
  users: Record<'fengBo' | 'zhouQiang' | 'zhaoLei' | 'wuMin' | 'linFeng' | 'huangLei' | 'wangFang', string>;
}

const flow = (
  steps: { id: string; name: string; users: string[]; fieldPerms?: Record<string, 'edit'> }[],
): WfFlow => {
  let next: Record<string, unknown> | undefined;
  for (const step of [...steps].reverse()) {
    next = {
      id: step.id,
      name: step.name,
      type: 'approval',
      assignee: { users: step.users },
      mode: 'or',
      ...(step.fieldPerms ? { fieldPerms: step.fieldPerms } : {}),
      ...(next ? { next } : {}),
    };
  }
  return {
    schemaVersion: 1,
    settings: { dedupe: 'none', initiatorWithdraw: 'beforeFirstAction' },
    root: { id: 'start', name: '发起', type: 'start', next },
  } as unknown as WfFlow;
};

/**
 * Publishes the test flows and creates the test categories and partners:
 * `contract.sign` (flow key on the category): 周强 (may edit the body) then 赵磊;
 * `contract.change` (bound to the category code, top priority): 赵磊.
 */
export async function publishContractFlows(app: TestApp): Promise<ContractFixture> {
  const { services, given } = app;
  const system = services.systemContext('test');
  const tag = randomUUID().slice(0, 6).toUpperCase();
  const user = async (username: string) => (await given.userByUsername(username)).id;
  const users = {
    fengBo: await user('feng.bo'),
    zhouQiang: await user('zhou.qiang'),
    zhaoLei: await user('zhao.lei'),
    wuMin: await user('wu.min'),
    linFeng: await user('lin.feng'),
    huangLei: await user('huang.lei'),
    wangFang: await user('wang.fang'),
  };
  const signFlowKey = `h6-sign-${tag.toLowerCase()}`;
  const sign = await services.workflowDefinitions.create(system, {
    key: signFlowKey,
    name: `合同审批（测试 ${tag}）`,
    businessType: 'contract.sign',
    priority: 0,
    flow: flow([
      { id: 'review', name: '部门审核', users: [users.zhouQiang], fieldPerms: { body: 'edit' } },
      { id: 'gm', name: '总经理审批', users: [users.zhaoLei] },
    ]),
  } as never);
  await services.workflowDefinitions.publish(system, sign.id);
  const prefix = `HT${tag.replace(/[^A-Z]/g, 'X').slice(0, 3)}`;
  const rule = await services.numbering.create(system, {
    code: `h6-contract-${tag.toLowerCase()}`,
    name: `合同编号（测试 ${tag}）`,
    pattern: '{prefix}-{entity}-{yyyy}{mm}-{seq}',
    prefix,
    seqWidth: 4,
    reset: 'YEAR',
    active: true,
    description: null,
  });
  const consId = (await given.entityByCode('CONS')).id;
  const category = async (code: string) => {
    const created = await services.contractCategories.create(system, {
      code,
      name: `测试合同类别 ${code}`,
      parentId: null,
      direction: 'EXPENSE',
      numberRuleId: rule.id,
      flowKey: signFlowKey,
      requiredAttachmentTypes: ['SIGNED_SCAN'],
      fields: [],
      expiryReminderDays: 30,
      active: true,
      sortOrder: 0,
      description: null,
    });
    const change = await services.workflowDefinitions.create(system, {
      key: `h6-change-${code.toLowerCase()}`,
      name: `合同变更（测试 ${code}）`,
      businessType: 'contract.change',
      // Bound to CONS: an entity's own flow wins over group-wide ones (the demo's included).
      entityId: consId,
      category: code,
      priority: 1000,
      flow: flow([{ id: 'gm', name: '总经理审批', users: [users.zhaoLei] }]),
    } as never);
    await services.workflowDefinitions.publish(system, change.id);
    return { id: created.id, code };
  };
  const mainCategory = await category(`H6-${tag}`);
  const otherCategory = await category(`H6B-${tag}`);

  const cons = await given.entityByCode('CONS');
  const tech = await given.entityByCode('TECH');
  const grp = await given.entityByCode('GRP');
  const dept = async (entity: string, code: string) => (await given.departmentByCode(entity, code)).id;
  // CONS partners are registered by 冯波 himself: a department-scoped user sees the partners of his
  // department and his own, not every partner of the entity.
  const fengBo = await (await app.login('feng.bo')).context(services);
  const partner = async (name: string, entityId: string, sharedWithGroup = false, ctx = system) =>
    (
      await services.partners.create(ctx, {
        name,
        creditCode: creditCode(),
        kinds: ['supplier'],
        type: 'enterprise',
        industry: null,
        region: null,
        address: null,
        remarks: null,
        entityId,
        sharedWithGroup,
      })
    ).id;
  const consName = `上海钢材供应商${tag}有限公司`;
  const blacklistedName = `失信建材${tag}有限公司`;
  const partners = {
    cons: await partner(consName, cons.id, false, fengBo),
    consName,
    tech: await partner(`深圳科技伙伴${tag}有限公司`, tech.id),
    shared: await partner(`集团共享伙伴${tag}有限公司`, grp.id, true),
    blacklisted: await partner(blacklistedName, cons.id, false, fengBo),
    blacklistedName,
  };
  await services.partners.blacklist(system, partners.blacklisted, '提供虚假资质');
  return {
    category: mainCategory,
    otherCategory,
    prefix,
    signFlowKey,
    cons: {
      entityId: cons.id,
      eng1: await dept('CONS', 'ENG-1'),
      eng: await dept('CONS', 'ENG'),
      proc: await dept('CONS', 'PROC'),
    },
    tech: { entityId: tech.id, rnd: await dept('TECH', 'RND') },
    grp: { entityId: grp.id, legal: await dept('GRP', 'LEGAL') },
    partners,
    users,
  };
}

/** A fresh valid unified social credit code (random organisation code, correct check character). */
export function creditCode(): string {
  const digits = Array.from({ length: 9 }, () => Math.floor(Math.random() * 10)).join('');
  const first17 = `91310000${digits}`;
  return first17 + creditCodeCheckChar(first17);
}

/** Today in China (the register's calendar), as YYYY-MM-DD, and its `yyyymm` for numbers. */
export function todayOf(app: TestApp): { date: string; yyyymm: string } {
  const date = businessDate(app.services.clock.now());
  return { date, yyyymm: date.slice(0, 4) + date.slice(5, 7) };
}

/** A valid draft body for CONS ENG-1 owned by 冯波 (override what a test is about). */
export function draftBody(
  f: ContractFixture,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    name: '城东产业园钢材采购合同',
    categoryId: f.category.id,
    partnerId: f.partners.cons,
    departmentId: f.cons.eng1,
    ownerId: f.users.fengBo,
    amount: 1_130_000,
    taxRate: 1300,
    startDate: '2026-01-01',
    endDate: '2026-12-31',
    body: '第一条 标的：螺纹钢 100 吨\n第二条 价款：含税 11,300 元\n第三条 交付：2026 年 3 月',
    ...overrides,
  };
}

/** Creates a draft through the API and returns it. */
export async function givenContract(
  client: ApiClient,
  f: ContractFixture,
  overrides: Record<string, unknown> = {},
): Promise<Record<string, any>> {
  const res = await client.post('/api/v1/contracts', draftBody(f, overrides));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** Approves an approval as each client in turn (each must hold the open task). */
export async function approveAll(
  instanceId: string,
  approvers: ApiClient[],
  extra: Record<string, unknown> = {},
) {
  for (const approver of approvers) {
    const res = await actOnApproval(approver, instanceId, { action: 'approve', comment: '同意', ...extra });
    expect(res.statusCode, res.body).toBe(200);
  }
}

/** Uploads a small file as the client and returns its id. */
export async function uploadFile(
  app: TestApp,
  client: ApiClient,
  name = '合同签署扫描件.pdf',
): Promise<string> {
  const ctx = await client.context(app.services);
  const file = await app.services.files.upload(ctx, {
    name,
    contentType: 'application/pdf',
    stream: Readable.from([Buffer.from(`%PDF-1.4 ${name}`)]),
  });
  return file.id;
}

/**
 * A contract created, submitted and approved (周强 then 赵磊) through the API, and signed when
 * `sign` is set (by 赵磊, with an uploaded signed scan).
 */
export async function approvedContract(
  app: TestApp,
  clients: { creator: ApiClient; reviewer: ApiClient; gm: ApiClient },
  f: ContractFixture,
  options: { sign?: boolean; overrides?: Record<string, unknown> } = {},
): Promise<Record<string, any>> {
  const draft = await givenContract(clients.creator, f, options.overrides);
  const submitted = await clients.creator.post(`/api/v1/contracts/${draft.id}/submit`, {});
  expect(submitted.statusCode, submitted.body).toBe(200);
  await approveAll(submitted.json().instanceId, [clients.reviewer, clients.gm]);
  if (!options.sign) return (await clients.gm.get(`/api/v1/contracts/${draft.id}`)).json();
  const scan = await uploadFile(app, clients.gm);
  const signed = await clients.gm.post(`/api/v1/contracts/${draft.id}/sign`, {
    signDate: '2026-01-15',
    attachments: [{ fileId: scan, type: 'SIGNED_SCAN' }],
  });
  expect(signed.statusCode, signed.body).toBe(200);
  return signed.json();
}

export interface LedgerRowInput {
  name: string;
  categoryId: string;
  entityId: string;
  departmentId: string;
  ownerId: string;
  partnerId: string;
  partnerName: string;
  status: string;
  number?: string | null;
  direction?: 'INCOME' | 'EXPENSE';
  amount?: number;
  currentAmount?: number;
  currency?: string;
  signDate?: string | null;
  endDate?: string | null;
  createdAt?: string;
}

/** Writes a contract row straight into the register (for ledger tests that need many exact rows). */
export async function insertLedgerRow(app: TestApp, input: LedgerRowInput): Promise<string> {
  const id = newId();
  const amount = input.amount ?? 1_000_000;
  const signed = ['IN_FORCE', 'COMPLETED', 'TERMINATED'].includes(input.status);
  const now = input.createdAt ?? app.services.clock.now().toISOString();
  await app.services.db
    .insertInto('contract')
    .values({
      id,
      number: input.number ?? null,
      name: input.name,
      category_id: input.categoryId,
      direction: input.direction ?? 'EXPENSE',
      partner_id: input.partnerId,
      partner_name: input.partnerName,
      partner_credit_code: null,
      partner_bank: null,
      entity_id: input.entityId,
      department_id: input.departmentId,
      owner_id: input.ownerId,
      amount,
      tax_rate: 1300,
      tax_amount: 0,
      signed_amount: signed ? amount : null,
      current_amount: input.currentAmount ?? amount,
      currency: input.currency ?? 'CNY',
      sign_date: input.signDate ?? null,
      start_date: null,
      end_date: input.endDate ?? null,
      plan_line_id: null,
      project_ref: null,
      budget_ref: null,
      body: '',
      attachments: writeJson([]),
      custom_data: writeJson({}),
      status: input.status,
      version: input.status === 'DRAFT' ? 0 : 1,
      instance_id: null,
      pending_change_id: null,
      status_reason: null,
      imported: false,
      lock_version: 0,
      created_by: input.ownerId,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

/** A problem+json answer with this status and code; returns its body. */
export function expectProblem(
  res: { statusCode: number; headers: Record<string, unknown>; body: string; json(): any },
  status: number,
  code: string,
) {
  expect(res.statusCode, res.body).toBe(status);
  expect(String(res.headers['content-type'])).toContain('application/problem+json');
  const body = res.json();
  expect(body.code).toBe(code);
  return body as { code: string; detail: string; errors?: { path: string; message: string }[] };
}
