import { launchBrowser } from './harness.js';
import { signIn } from './flows/helpers.js';
const base = 'http://127.0.0.1:3177';
const browser = await launchBrowser();
const page = await (
  await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
).newPage();
page.setDefaultTimeout(15000);
await signIn(page, base, 'li.na');
await page.goto(`${base}/contracts?q=${encodeURIComponent('常年法律顾问服务合同')}`);
await page.getByTestId('contract-row-link').first().click();
await page.getByTestId('contract-tab-invoices').click();
await page.getByTestId('contract-invoice-add').click();
const m = page.locator('.ant-modal').filter({ has: page.getByTestId('contract-invoice-save') });
const show = async (label: string) =>
  console.log(
    label,
    await m.locator('#amountExclTax').inputValue(),
    await m.locator('#taxAmount').inputValue(),
    await m.locator('#amount').inputValue(),
  );
await show('start');
await m.locator('#amountExclTax').fill('84905.66');
await show('after excl');
await m.locator('#taxAmount').fill('5094.34');
await show('after tax');
await page.waitForTimeout(500);
await show('after wait');
await m.locator('#taxAmount').blur();
await page.waitForTimeout(300);
await show('after blur');
await page.screenshot({ path: '/tmp/x7/invoice.png' });
await browser.close();
