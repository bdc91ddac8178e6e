import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import type { Flow } from '../harness.js';
import { assert, assertEqual, signIn, signOut } from './helpers.js';

const dropdownOption = (page: Page, text: string) =>
  page
    .locator('.ant-select-dropdown:visible')
    .locator('.ant-select-item-option, .ant-select-tree-treenode')
    .filter({ hasText: text })
    .first();

/** Approves the approval of `title` from the approval centre's 待我审批 tab. */
async function approveFromCentre(page: Page, baseUrl: string, title: string) {
  await page.goto(`${baseUrl}/approvals`);
  await page.getByText(title, { exact: false }).first().click();
  await page.getByTestId('approval-action-approve').click();
  await page.getByTestId('approval-action-ok').click();
  await page.getByTestId('approval-action-ok').waitFor({ state: 'hidden' });
}

/**
 * The contract register's headline flow: the finance head of the group registers a contract and
 * submits it; the group's general manager and the legal counsel approve it (two different users);
 * the finance head raises its amount by a change order, which both approve; the versions are
 * compared; the ledger is exported and the .xlsx is read back to check its rows.
 */
export const flow: Flow = {
  name: 'contracts: register, approve twice, change the amount, compare versions, export the ledger',
  async run({ baseUrl, newPage, screenshot }) {
    const suffix = Date.now().toString(36).slice(-5);
    const name = `年度IT运维服务合同${suffix}`;
    const owner = await newPage();
    await signIn(owner, baseUrl, 'li.na');
    await owner.getByTestId('menu-contracts').click();
    await owner.getByTestId('contracts-table').waitFor();
    await owner.getByTestId('contracts-create').click();

    await owner.getByTestId('contract-name').fill(name);
    await owner.getByTestId('contract-category').click();
    await dropdownOption(owner, '其他合同').click();
    await owner.getByTestId('contract-partner').click();
    // The first usable partner (a blacklisted one is listed but disabled).
    await owner
      .locator('.ant-select-dropdown:visible .ant-select-item-option:not(.ant-select-item-option-disabled)')
      .first()
      .click();
    await owner.getByTestId('contract-amount').fill('500000');
    await owner.getByTestId('contract-tax-rate').fill('6');
    await owner.getByTestId('contract-start-date').click();
    await owner.keyboard.type('2027-01-01');
    await owner.keyboard.press('Enter');
    // A slip of the keyboard (2207 for 2027) is questioned under the field, then corrected.
    await owner.getByTestId('contract-end-date').click();
    await owner.keyboard.type('2207-12-31');
    await owner.keyboard.press('Enter');
    await owner.getByTestId('contract-end-date-implausible').waitFor();
    await owner.getByTestId('contract-end-date').click();
    await owner.keyboard.press('ControlOrMeta+a');
    await owner.keyboard.type('2027-12-31');
    await owner.keyboard.press('Enter');
    await owner.getByTestId('contract-end-date-implausible').waitFor({ state: 'detached' });
    await owner
      .getByTestId('contract-body')
      .fill('第一条 服务内容：集团数据中心与办公网络运维。\n第二条 服务期限：一年。');
    await owner.getByTestId('contract-save-submit').click();
    // Submitting asks for confirmation, showing the approval path: 张伟 (li.na's superior), then 王芳 (legal).
    await owner.getByText('王芳').first().waitFor();
    await owner.getByTestId('contract-submit-ok').click();
    await owner.getByTestId('contract-status').first().filter({ hasText: '审批中' }).waitFor();
    const number = ((await owner.getByTestId('contract-number').textContent()) ?? '').trim();
    assert(/^HT-GRP-\d{6}-\d{4}$/.test(number), `a contract number from the rule, got "${number}"`);
    const detailUrl = owner.url();
    await screenshot(owner, 'contract-submitted');

    // Two approvers: li.na's superior, then the legal counsel.
    for (const approver of ['zhang.wei', 'wang.fang']) {
      const page = await newPage();
      await signIn(page, baseUrl, approver);
      await approveFromCentre(page, baseUrl, name);
      await page.context().close();
    }
    await owner.goto(detailUrl);
    await owner.getByTestId('contract-status').first().filter({ hasText: '已审批' }).waitFor();

    // A change order raises the amount to ¥560,000.
    await owner.getByTestId('contract-action-change').click();
    await owner.getByTestId('change-reason').fill('增加两处分支机构的网络运维');
    await owner.getByTestId('change-amount').fill('560000');
    await owner.getByTestId('change-submit').click();
    await owner.getByTestId('change-submit').waitFor({ state: 'hidden' });
    for (const approver of ['zhang.wei', 'wang.fang']) {
      const page = await newPage();
      await signIn(page, baseUrl, approver);
      await approveFromCentre(page, baseUrl, name);
      await page.context().close();
    }
    await owner.goto(detailUrl);
    await owner.getByTestId('contract-overview-current').filter({ hasText: '560,000.00' }).waitFor();

    // Compare version 1 (as submitted) with version 2 (after the change).
    await owner.getByTestId('contract-tab-versions').click();
    await owner.getByTestId('contract-compare').click();
    const fields = owner.getByTestId('contract-compare-fields');
    await fields.waitFor();
    const compared = (await fields.textContent()) ?? '';
    assert(
      compared.includes('500,000.00') && compared.includes('560,000.00'),
      `the amount diff, got: ${compared}`,
    );
    await screenshot(owner, 'contract-compare');

    // Export the ledger filtered by the contract's number and read the workbook back.
    await owner.goto(`${baseUrl}/contracts?q=${encodeURIComponent(number)}`);
    await owner.getByTestId('contracts-table').getByText(name).waitFor();
    const [download] = await Promise.all([
      owner.waitForEvent('download'),
      owner.getByTestId('contracts-export').click(),
    ]);
    const file = await download.path();
    assert(file, 'the export downloads a file');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    const rows: Record<string, unknown>[] = [];
    sheet.eachRow((row, index) => {
      if (index === 1) return;
      const values = (row.values as unknown[]).slice(1);
      rows.push(Object.fromEntries(header.map((h, i) => [h, values[i]])));
    });
    // Under the contracts, a totals row per currency (here one: CNY).
    assertEqual(rows.length, 2, 'exported rows for the filter and its totals row');
    assertEqual([rows[1].合同编号, rows[1].币种, rows[1].合同金额], ['合计', 'CNY', 560000], 'totals row');
    assertEqual(rows[0].合同编号, number, 'exported number');
    assertEqual(rows[0].合同名称, name, 'exported name');
    assertEqual(rows[0].合同金额, 560000, 'exported amount after the change');
    assertEqual(rows[0].状态, '已审批', 'exported status');
    await signOut(owner);
  },
};
