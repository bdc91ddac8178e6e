import type { Locator, Page } from 'playwright-core';
import type { Flow } from '../harness.js';
import { assert, assertEqual, signIn, signOut } from './helpers.js';

/** A signed-in page's API, sharing its cookies (mutations carry the session's CSRF token). */
async function apiOf(page: Page, baseUrl: string) {
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
const chinaDate = (days = 0) =>
  new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

const dropdownOption = (page: Page, text: string) =>
  page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first();

/** The input of a control whose test id sits on the input or on a wrapper of it. */
const inputOf = (page: Page | Locator, testId: string) =>
  page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();

/** The open dialog holding the given OK button. */
const dialogWith = (page: Page, okTestId: string) =>
  page.locator('.ant-modal').filter({ has: page.getByTestId(okTestId) });

async function openTab(page: Page, baseUrl: string, contractId: string, tab: string) {
  await page.goto(`${baseUrl}/contracts/${contractId}?tab=${tab}`);
  await page.getByTestId('contract-title').waitFor();
}

/** Approves the (first) open approval whose title contains `title` from the approval centre's 待我审批 tab. */
async function approveFromCentre(page: Page, baseUrl: string, title: string) {
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
async function expectLedger(page: Page, baseUrl: string, number: string, expected: Figures, step: string) {
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
async function setUpContract(legal: Api, approvers: Api[], name: string) {
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

/**
 * Contract execution end to end: an expense contract of the group (¥300,000, three milestones) is
 * registered, approved, signed and planned through the API; then in the browser the general manager
 * requests the advance with an override reason (nothing invoiced or accepted yet), finance and the
 * general manager approve it in the approval centre, finance pays it and links the law firm's
 * invoice, the legal counsel records and accepts the delivery, settles the contract (¥10,000
 * deducted, approved), scores it and completes it. The ledger row's figures are checked after each
 * step.
 */
export const flow: Flow = {
  name: 'contract execution: request, approve, pay, invoice, accept, settle, evaluate, complete',
  async run({ baseUrl, newPage, screenshot }) {
    const suffix = Date.now().toString(36).slice(-5);
    const name = `专项法律服务合同${suffix}`;

    const legal = await newPage();
    await signIn(legal, baseUrl, 'wang.fang');
    const gm = await newPage();
    await signIn(gm, baseUrl, 'zhang.wei');
    const finance = await newPage();
    await signIn(finance, baseUrl, 'li.na');
    const contract = await setUpContract(
      await apiOf(legal, baseUrl),
      [await apiOf(gm, baseUrl), await apiOf(legal, baseUrl)],
      name,
    );
    await expectLedger(
      gm,
      baseUrl,
      contract.number,
      {
        requested: '¥0.00',
        paid: '¥0.00',
        invoiced: '¥0.00',
        accepted: '¥0.00',
        outstanding: '¥300,000.00',
        status: '履行中',
      },
      'after signing',
    );

    // 1. The general manager requests the advance on item 1: beyond invoices and acceptance, so an override reason.
    await openTab(gm, baseUrl, contract.id, 'payments');
    await gm.getByTestId('payment-create').click();
    const request = dialogWith(gm, 'payment-request-save');
    await inputOf(request, 'payment-amount').fill('90000');
    await request.getByTestId('payment-item-room').filter({ hasText: '¥90,000.00' }).waitFor();
    await request.getByTestId('payment-purpose').fill('合同约定预付款 30%');
    await request.getByTestId('payment-override-alert').waitFor();
    await request.getByTestId('payment-override-reason').fill('预付款：按合同约定在开票和验收前支付');
    await screenshot(gm, 'flow-07-payment-request');
    await gm.getByTestId('payment-request-save').click();
    await request.waitFor({ state: 'hidden' });
    await gm.getByTestId('payment-status').filter({ hasText: '审批中' }).waitFor();
    await gm.getByTestId('payment-override').first().waitFor();
    await expectLedger(
      gm,
      baseUrl,
      contract.number,
      { requested: '¥90,000.00', paid: '¥0.00' },
      'after the request',
    );

    // 2. Finance, then the general manager approve it in the approval centre.
    await approveFromCentre(finance, baseUrl, `付款申请：${contract.number}`);
    await approveFromCentre(gm, baseUrl, `付款申请：${contract.number}`);

    // 3. Finance pays it.
    await openTab(finance, baseUrl, contract.id, 'payments');
    await finance.getByTestId('payment-status').filter({ hasText: '待支付' }).waitFor();
    await finance.getByTestId('payment-pay').click();
    const pay = dialogWith(finance, 'payment-action-save');
    await pay.getByTestId('pay-bank').fill('招商银行北京分行营业部 1109 **** 0001');
    await pay.getByTestId('pay-reference').fill(`FK-${suffix}`);
    await finance.getByTestId('payment-action-save').click();
    await pay.waitFor({ state: 'hidden' });
    await finance.getByTestId('payment-status').filter({ hasText: '已支付' }).waitFor();
    await screenshot(finance, 'flow-07-paid');
    await expectLedger(
      finance,
      baseUrl,
      contract.number,
      {
        requested: '¥0.00',
        paid: '¥90,000.00',
        invoiced: '¥0.00',
        accepted: '¥0.00',
        outstanding: '¥210,000.00',
        matching: '不一致',
      },
      'after the payment',
    );

    // 4. Finance registers the law firm's invoice inline and links it to item 1.
    await openTab(finance, baseUrl, contract.id, 'invoices');
    await finance.getByTestId('contract-invoice-add').click();
    const invoice = dialogWith(finance, 'contract-invoice-save');
    await invoice.getByTestId('invoice-type').click();
    await dropdownOption(finance, '数电发票（增值税专用发票）').click();
    const invoiceNumber = `2611${String(Date.now()).slice(-13)}000`.slice(0, 20);
    await invoice.getByTestId('invoice-number').fill(invoiceNumber);
    assertEqual(
      await invoice.getByTestId('invoice-seller-tax-id').inputValue(),
      contract.creditCode,
      "the seller's tax id prefilled with the partner's credit code",
    );
    await invoice.getByTestId('invoice-buyer-tax-id').fill('91110000MA01CONC8X');
    await invoice.locator('#amountExclTax').fill('84905.66');
    await invoice.locator('#taxAmount').fill('5094.34');
    await invoice.getByTestId('invoice-total').filter({ hasText: '¥90,000.00' }).waitFor();
    await invoice.getByTestId('contract-invoice-plan-item').click();
    await dropdownOption(finance, '1. 预付款').click();
    await invoice.locator('#amount').click();
    await finance.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
    assertEqual(
      await invoice.locator('#amount').inputValue(),
      '90000.00',
      'the amount used follows the total',
    );
    await screenshot(finance, 'flow-07-invoice');
    await finance.getByTestId('contract-invoice-save').click();
    await invoice.waitFor({ state: 'hidden' });
    await finance.getByTestId('contract-invoiced-total').filter({ hasText: '¥90,000.00' }).waitFor();
    await expectLedger(
      finance,
      baseUrl,
      contract.number,
      { paid: '¥90,000.00', invoiced: '¥90,000.00', accepted: '¥0.00', outstanding: '¥210,000.00' },
      'after the invoice',
    );

    // 5. The legal counsel records the delivery of the first phase and accepts it.
    await openTab(legal, baseUrl, contract.id, 'deliveries');
    await legal.getByTestId('delivery-create').click();
    const delivery = dialogWith(legal, 'delivery-save');
    await delivery.getByTestId('delivery-plan-item').click();
    await dropdownOption(legal, '1. 预付款').click();
    await delivery.getByTestId('delivery-description').fill('第一阶段：合同审查意见书 12 份');
    await delivery.locator('#deliveredAmount').fill('90000');
    await legal.getByTestId('delivery-save').click();
    await delivery.waitFor({ state: 'hidden' });
    await legal.getByTestId('delivery-accept').first().click();
    const accept = dialogWith(legal, 'delivery-accept-save');
    await accept.getByTestId('delivery-accept-note').fill('审查意见书齐全，质量合格');
    await legal.getByTestId('delivery-accept-save').click();
    await accept.waitFor({ state: 'hidden' });
    await legal.getByTestId('delivery-status-ACCEPTED').first().waitFor();
    await legal.getByTestId('deliveries-accepted').filter({ hasText: '¥90,000.00' }).waitFor();
    await screenshot(legal, 'flow-07-accepted');
    await expectLedger(
      legal,
      baseUrl,
      contract.number,
      {
        paid: '¥90,000.00',
        invoiced: '¥90,000.00',
        accepted: '¥90,000.00',
        outstanding: '¥210,000.00',
        matching: '一致',
      },
      'after the acceptance',
    );

    // 6. The legal counsel settles at ¥290,000 (¥10,000 deducted, 5% retention); it is approved.
    await openTab(legal, baseUrl, contract.id, 'settlement');
    await legal.getByTestId('settlement-create').click();
    const settlement = dialogWith(legal, 'settlement-submit');
    assertEqual(
      await settlement.getByTestId('settlement-final-amount').inputValue(),
      '300000.00',
      'final amount prefilled',
    );
    await settlement.getByTestId('settlement-add-deduction').click();
    await settlement.getByTestId('settlement-deduction-reason-0').fill('诉讼支持工时少于约定，按实结算');
    await settlement.getByTestId('settlement-deduction-amount-0').fill('10000');
    await settlement.getByTestId('settlement-retention-amount').fill('14500');
    await settlement.getByTestId('settlement-retention-date').click();
    await legal.keyboard.type(chinaDate(365));
    await legal.keyboard.press('Enter');
    await settlement.getByTestId('settlement-preview').filter({ hasText: '¥290,000.00' }).waitFor();
    await screenshot(legal, 'flow-07-settlement-form');
    await legal.getByTestId('settlement-submit').click();
    await settlement.waitFor({ state: 'hidden' });
    await legal.getByTestId('settlement-status').filter({ hasText: '审批中' }).waitFor();
    // The settlement flow: the initiator's superior, then the general manager (both zhang.wei here).
    for (let step = 0; step < 2; step++) await approveFromCentre(gm, baseUrl, `合同结算：${contract.number}`);
    await openTab(legal, baseUrl, contract.id, 'settlement');
    await legal.getByTestId('settlement-settled-amount').filter({ hasText: '¥290,000.00' }).waitFor();
    await legal.getByTestId('settlement-outstanding').filter({ hasText: '¥200,000.00' }).waitFor();
    await screenshot(legal, 'flow-07-settled');
    await expectLedger(
      legal,
      baseUrl,
      contract.number,
      { paid: '¥90,000.00', invoiced: '¥90,000.00', accepted: '¥90,000.00', outstanding: '¥200,000.00' },
      'after the settlement',
    );

    // 7. The scorecard, then completing the contract.
    await openTab(legal, baseUrl, contract.id, 'evaluation');
    const scores = legal.locator(
      'input[data-testid^="evaluation-score-"], [data-testid^="evaluation-score-"] input',
    );
    await scores.first().waitFor();
    const count = await scores.count();
    assert(count >= 2, `a scorecard with criteria, got ${count}`);
    for (let i = 0; i < count; i++) await scores.nth(i).fill('90');
    await legal.getByTestId('evaluation-total').filter({ hasText: '90.00' }).waitFor();
    await legal.getByTestId('evaluation-comment').fill('响应及时，意见专业，按期交付');
    await legal.getByTestId('evaluation-submit').click();
    await legal.getByTestId('evaluation-submit').waitFor({ state: 'detached' });
    assertEqual(
      ((await legal.getByTestId('evaluation-grade').textContent()) ?? '').trim(),
      'A',
      'grade of 90 points',
    );
    await screenshot(legal, 'flow-07-evaluated');
    await legal.getByTestId('contract-action-complete').click();
    await legal.getByTestId('contract-reason').fill('服务已全部提供，结算完毕');
    await legal.getByTestId('contract-reason-ok').click();
    await legal.getByTestId('contract-status').first().filter({ hasText: '已完成' }).waitFor();
    await expectLedger(
      legal,
      baseUrl,
      contract.number,
      {
        paid: '¥90,000.00',
        invoiced: '¥90,000.00',
        accepted: '¥90,000.00',
        outstanding: '¥200,000.00',
        status: '已完成',
      },
      'after completing',
    );
    // Scroll the ledger to its execution columns for the picture.
    await legal
      .getByTestId('contracts-table')
      .locator('.ant-table-body, .ant-table-content')
      .first()
      .evaluate((element) => {
        element.scrollLeft = element.scrollWidth;
      });
    await legal.waitForTimeout(200);
    await screenshot(legal, 'flow-07-ledger-completed');
    await signOut(legal);
  },
};
