/** The steps of the contract execution flow (07): its API set-up, the ledger's figures, dialogs. */
import type { Locator, Page } from 'playwright-core';
import { assert, assertEqual } from './helpers.js';

/** A signed-in page's API, sharing its cookies (mutations carry the session's CSRF token). */
export async function apiOf(page: Page, baseUrl: string) {
  const request = page.context().request;
  const sessionResponse = await request.get(`${baseUrl}/api/v1/auth/session`);
  assert(sessionResponse.ok(), `session: ${sessionResponse.status()}`);
  const session = (await sessionResponse.json()) as {
    user: { id: string; departmentId: string | null };
    actingEntity: { id: string; code: string };
    csrfToken: string;
  };
  const headers = { 'x-csrf-token': session.csrfToken };
  const check = async (what: string, response: Awaited<ReturnType<typeof request.get>>) => {
    if (!response.ok()) throw new Error(`${what}: ${response.status()} ${await response.text()}`);
    return response.json();
  };
  const url = (path: string) => `${baseUrl}/api/v1${path}`;
  return {
    session,
    get: async (path: string) => check(`GET ${path}`, await request.get(url(path))),
    post: async (path: string, data: unknown) =>
      check(`POST ${path}`, await request.post(url(path), { data, headers })),
    put: async (path: string, data: unknown) =>
      check(`PUT ${path}`, await request.put(url(path), { data, headers })),
    upload: async (name: string, text: string) =>
      (await check(
        'POST /files',
        await request.post(url('/files'), {
          headers,
          multipart: { file: { name, mimeType: 'text/plain', buffer: Buffer.from(text) } },
        }),
      )) as { id: string },
  };
}
type Api = Awaited<ReturnType<typeof apiOf>>;

/** Today and later days as YYYY-MM-DD in China time (the server's business day). */
export const chinaDate = (days = 0) =>
  new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

export const dropdownOption = (page: Page, text: string) =>
  page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first();

/** The input of a control whose test id sits on the input or on a wrapper of it. */
export const inputOf = (page: Page | Locator, testId: string) =>
  page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();

/** The open dialog holding the given OK button. */
export const dialogWith = (page: Page, okTestId: string) =>
  page.locator('.ant-modal').filter({ has: page.getByTestId(okTestId) });

export async function openTab(page: Page, baseUrl: string, contractId: string, tab: string) {
  await page.goto(`${baseUrl}/contracts/${contractId}?tab=${tab}`);
  await page.getByTestId('contract-title').waitFor();
}

/** Approves the (first) open approval whose title contains `title` from the approval centre's 待我审批 tab. */
export async function approveFromCentre(page: Page, baseUrl: string, title: string) {
  await page.goto(`${baseUrl}/approvals`);
  await page.getByText(title, { exact: false }).first().click();
  await page.getByTestId('approval-action-approve').click();
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().includes('/actions') && r.request().method() === 'POST'),
    page.getByTestId('approval-action-ok').click(),
  ]);
  if (!response.ok()) throw new Error(`approving ${title}: ${response.status()} ${await response.text()}`);
  await page.getByTestId('approval-action-ok').waitFor({ state: 'hidden' });
}

/** The ledger row of the contract as {column title: cell text}, read from the filtered ledger. */
async function ledgerRow(page: Page, baseUrl: string, number: string): Promise<Record<string, string>> {
  await page.goto(`${baseUrl}/contracts?q=${encodeURIComponent(number)}`);
  const table = page.getByTestId('contracts-table');
  const row = table.locator('tr.ant-table-row').filter({ hasText: number }).first();
  await row.waitFor();
  const titles = await table
    .locator('thead')
    .first()
    .locator('th')
    .evaluateAll((cells) => cells.map((c) => (c.textContent ?? '').trim()));
  const cells = await row.locator('td').evaluateAll((tds) => tds.map((c) => (c.textContent ?? '').trim()));
  return Object.fromEntries(titles.map((title, i) => [title, cells[i] ?? '']));
}

const LEDGER_COLUMNS = {
  requested: '在途申请',
  paid: '已付金额',
  invoiced: '已开票',
  accepted: '已验收',
  outstanding: '未结金额',
  matching: '款票物',
  status: '状态',
} as const;
type Figures = Partial<Record<keyof typeof LEDGER_COLUMNS, string>>;

/** Checks the ledger row's figures (re-reading a few times: the list is fetched afresh on each visit). */
export async function expectLedger(
  page: Page,
  baseUrl: string,
  number: string,
  expected: Figures,
  step: string,
) {
  let actual: Figures = {};
  for (let attempt = 0; attempt < 5; attempt++) {
    const row = await ledgerRow(page, baseUrl, number);
    actual = Object.fromEntries(
      Object.keys(expected).map((key) => [key, row[LEDGER_COLUMNS[key as keyof Figures]]]),
    );
    if (JSON.stringify(actual) === JSON.stringify(expected)) return;
    await page.waitForTimeout(500);
  }
  assertEqual(actual, expected, `ledger figures ${step}`);
}

/** Registers, approves, signs and plans the contract through the API (the flow's starting point). */
export async function setUpContract(legal: Api, approvers: Api[], name: string) {
  const entityId = legal.session.actingEntity.id;
  const categories = (await legal.get('/contract-categories')) as {
    items: { id: string; code: string; requiredAttachmentTypes: string[] }[];
  };
  const category = categories.items.find((c) => c.code === 'OTHER');
  assert(category, 'the 其他合同 category');
  const partners = (await legal.get(
    `/partners?q=${encodeURIComponent('北京中诚明律师事务所')}&usableBy=${entityId}&pageSize=5`,
  )) as { items: { id: string; name: string; creditCode: string | null }[] };
  const partner = partners.items.find((p) => p.name === '北京中诚明律师事务所');
  assert(partner?.creditCode, 'the partner 北京中诚明律师事务所 with its credit code');
  const attachments = [];
  for (const type of category.requiredAttachmentTypes.filter((t) => t !== 'SIGNED_SCAN')) {
    const file = await legal.upload(`${name}-${type}.txt`, `${name}\n${type}\n`);
    attachments.push({ fileId: file.id, type });
  }
  const created = (await legal.post('/contracts', {
    name,
    categoryId: category.id,
    partnerId: partner.id,
    departmentId: legal.session.user.departmentId,
    ownerId: legal.session.user.id,
    amount: 30_000_000,
    taxRate: 600,
    startDate: chinaDate(),
    endDate: chinaDate(364),
    body: '第一条 服务内容：专项法律服务（合同审查、诉讼支持）。\n第二条 服务费用：人民币 30 万元，分三期支付。',
    attachments,
  })) as { id: string };
  const submitted = (await legal.post(`/contracts/${created.id}/submit`, {})) as {
    number: string;
    instanceId: string;
  };
  // The contract flow: the legal counsel's superior (zhang.wei), then legal (wang.fang herself).
  for (let round = 0; round < 6; round++) {
    let acted = false;
    for (const api of approvers) {
      const detail = (await api.get(`/workflow/instances/${submitted.instanceId}`)) as {
        myTask: { taskId: string } | null;
      };
      if (!detail.myTask) continue;
      await api.post(`/workflow/instances/${submitted.instanceId}/actions`, {
        action: 'approve',
        taskId: detail.myTask.taskId,
        comment: '同意',
      });
      acted = true;
    }
    if (!acted) break;
  }
  const approved = (await legal.get(`/contracts/${created.id}`)) as { status: string };
  assertEqual(approved.status, 'APPROVED', 'the contract after its approval');
  const scan = await legal.upload(`${name}（签署版）.txt`, `${name}\n双方已签字盖章\n`);
  await legal.post(`/contracts/${created.id}/sign`, {
    signDate: chinaDate(),
    attachments: [{ fileId: scan.id, type: 'SIGNED_SCAN' }],
  });
  const schedule = (await legal.get(`/contracts/${created.id}/schedule`)) as { lockVersion: number };
  await legal.put(`/contracts/${created.id}/schedule`, {
    lockVersion: schedule.lockVersion,
    items: [
      {
        name: '预付款',
        dueDate: chinaDate(15),
        amount: 9_000_000,
        percentage: 3000,
        condition: '合同签订后',
      },
      {
        name: '进度款',
        dueDate: chinaDate(180),
        amount: 15_000_000,
        percentage: 5000,
        condition: '中期成果提交',
      },
      {
        name: '尾款',
        dueDate: chinaDate(360),
        amount: 6_000_000,
        percentage: 2000,
        condition: '服务验收合格',
      },
    ],
  });
  return { id: created.id, number: submitted.number, creditCode: partner.creditCode };
}
