import ExcelJS from 'exceljs';
import type { Flow } from '../harness.js';
import { assert, assertEqual, signIn } from './helpers.js';

/** A calendar date in China, `days` from today. */
function chinaDate(days: number): string {
  const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  return new Date(Date.parse(date) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The partner library: the group's legal counsel registers a supplier (the credit code is checked
 * as typed), adds a bank account and a qualification that expires soon, blacklists the supplier
 * with a reason, finds it flagged in the list, exports the list and reads the workbook back; the
 * list is then viewed at phone width.
 */
export const flow: Flow = {
  name: 'partners: register with a checked credit code, qualification expiry, blacklist, export',
  async run({ baseUrl, newPage, screenshot }) {
    const suffix = Date.now().toString(36).slice(-5);
    const name = `上海临港精密机械有限公司${suffix}`;
    const page = await newPage();
    await signIn(page, baseUrl, 'wang.fang');
    await page.getByTestId('menu-partners').click();
    await page.getByTestId('partners-table').waitFor();

    await page.getByTestId('partner-create').click();
    await page.getByTestId('partner-form-name').fill(name);
    // One mistyped check character: the form names the one expected.
    await page.getByTestId('partner-form-credit-code').fill('91310000ma1fl9qx7j');
    await page.getByTestId('partner-form-name').click();
    await page.getByText('校验位（第 18 位）应为“K”，实际为“J”').waitFor();
    await screenshot(page, 'flow-05-credit-code-error');
    await page.getByTestId('partner-form-credit-code').fill('91310000MA1FL9QX7K');
    await page.getByTestId('partner-form-name').click();
    await page.getByTestId('partner-form-ok').click();
    await page.getByTestId('partner-name').getByText(name).waitFor();
    assertEqual(
      (await page.getByTestId('partner-credit-code').textContent())?.trim(),
      '91310000MA1FL9QX7K',
      'stored code',
    );

    await page.getByTestId('partner-tab-bankAccounts').click();
    await page.getByTestId('partner-bank-add').first().click();
    await page.getByTestId('partner-bank-name').fill('中国银行上海临港支行');
    await page.getByTestId('partner-bank-number').fill('4375 6688 1234');
    await page.getByTestId('partner-bank-ok').click();
    await page.getByTestId('partner-bank-accounts').getByText('4375 6688 1234').waitFor();

    await page.getByTestId('partner-tab-qualifications').click();
    await page.getByTestId('partner-qualification-add').first().click();
    await page.getByTestId('qualification-type').locator('input').fill('安全生产许可证');
    // Close the suggestions so they do not cover the date field.
    await page.keyboard.press('Escape');
    const validTo = chinaDate(10);
    await page.getByTestId('qualification-valid-to').click();
    await page.getByTestId('qualification-valid-to').fill(validTo);
    await page.getByTestId('qualification-valid-to').press('Enter');
    await page.getByTestId('partner-qualification-ok').click();
    await page.getByTestId('qualification-expiring').getByText('10 天后到期').waitFor();
    await screenshot(page, 'flow-05-qualification-expiring');

    await page.getByTestId('partner-blacklist').click();
    await page.getByTestId('partner-blacklist-reason').fill('提供的资质文件经核实系伪造');
    await page.getByTestId('partner-blacklist-ok').click();
    await page.getByTestId('confirm-ok').click();
    await page.getByTestId('partner-blacklisted-banner').waitFor();
    await page.getByTestId('partner-tab-history').click();
    await page.getByTestId('partner-blacklist-log').getByText('提供的资质文件经核实系伪造').waitFor();
    await screenshot(page, 'flow-05-blacklisted');

    await page.goto(`${baseUrl}/partners?blacklisted=true&q=${encodeURIComponent(suffix)}`);
    await page.getByTestId('partners-table').getByText(name).waitFor();
    assert(
      (await page.getByTestId('partners-table').getByTestId('partner-blacklisted-tag').count()) === 1,
      'the blacklisted partner is flagged in the list',
    );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('partners-export').click(),
    ]);
    const file = await download.path();
    assert(file, 'the export downloads a file');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet('合作伙伴');
    assert(sheet, 'the workbook has the 合作伙伴 sheet');
    const rows = (sheet.getSheetValues().slice(2) as unknown[][]).map((row) => [
      row[1],
      row[2],
      row[11],
      row[12],
    ]);
    assertEqual(rows, [[name, '91310000MA1FL9QX7K', '是', '提供的资质文件经核实系伪造']], 'exported rows');

    const phone = await newPage(375);
    await signIn(phone, baseUrl, 'wang.fang');
    await phone.goto(`${baseUrl}/partners`);
    await phone.getByTestId('partners-table').getByText(name).waitFor();
    await screenshot(phone, 'flow-05-partners-phone');
  },
};
