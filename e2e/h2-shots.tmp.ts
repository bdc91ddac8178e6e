import { chromium } from 'playwright-core';
const base = 'http://127.0.0.1:3187';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
async function shoot(user: string, width: number, path: string, name: string, act?: (p: any) => Promise<void>) {
  const ctx = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(`${base}/login`);
  await page.getByTestId('login-username').fill(user);
  await page.getByTestId('login-password').fill('Concord2026');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('home-welcome').waitFor();
  await page.goto(`${base}${path}`);
  await page.waitForTimeout(2500);
  if (act) await act(page);
  await page.screenshot({ path: `/tmp/h2/shots/${name}.png`, fullPage: width > 400 });
  await ctx.close();
}
await shoot('wang.fang', 1400, '/contracts/categories', 'categories');
await shoot('wang.fang', 1400, '/contracts/categories', 'category-drawer', async (p) => {
  await p.getByTestId('category-edit-PURCHASE-EQUIP').click();
  await p.waitForTimeout(800);
  await p.getByTestId('category-tab-fields').click();
  await p.waitForTimeout(800);
});
await shoot('zhang.wei', 1400, '/contracts/plans', 'plans');
await shoot('zhang.wei', 1400, '/contracts/plans?tab=report', 'report');
await shoot('wang.fang', 1400, '/contracts/plans', 'plan-form', async (p) => {
  await p.getByTestId('plan-create').click();
  await p.waitForTimeout(800);
});
await shoot('zhang.wei', 375, '/contracts/plans?tab=report', 'report-phone');
await shoot('zhang.wei', 375, '/contracts/plans', 'plans-phone');
await shoot('wang.fang', 375, '/contracts/categories', 'categories-phone');
await shoot('lin.feng', 1400, '/contracts/plans?tab=report', 'report-en');
await browser.close();
