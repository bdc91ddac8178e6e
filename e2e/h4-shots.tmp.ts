import { chromium, type Page } from 'playwright-core';
const base = 'http://127.0.0.1:3194';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
async function login(user: string, width: number) {
  const ctx = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(`${base}/login`);
  await page.getByTestId('login-username').fill(user);
  await page.getByTestId('login-password').fill('Concord2026');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('home-welcome').waitFor();
  return { ctx, page };
}
async function contracts(page: Page) {
  return page.evaluate(async () => (await (await fetch('/api/v1/contracts?limit=50')).json()).items);
}
const mode = process.argv[2] ?? 'all';
{
  const { ctx, page } = await login('admin', 1400);
  const list = await contracts(page);
  console.log(list.map((c: any) => `${c.id} ${c.entityName} ${c.status} ${c.name}`).join('\n'));
  await ctx.close();
}
async function shoot(user: string, width: number, path: string, name: string, act?: (p: Page) => Promise<void>) {
  const { ctx, page } = await login(user, width);
  await page.goto(`${base}${path}`);
  await page.waitForTimeout(2000);
  if (act) await act(page);
  await page.screenshot({ path: `/tmp/h4/shots/${name}.png`, fullPage: true });
  await ctx.close();
}
const ids = JSON.parse(process.env.IDS ?? '{}');
if (ids.cons) {
  await shoot('admin', 1400, `/contracts/${ids.cons}?tab=archive`, 'cons-tab');
  await shoot('admin', 375, `/contracts/${ids.cons}?tab=archive`, 'cons-tab-phone');
  await shoot('admin', 1400, `/contracts/${ids.cons}?tab=archive`, 'seal-modal', async (p) => {
    await p.getByTestId('seal-request-create').click();
    await p.waitForTimeout(1500);
  });
  await shoot('admin', 1400, `/contracts/${ids.cons}?tab=archive`, 'archive-modal', async (p) => {
    await p.getByTestId('archive-edit').click();
    await p.waitForTimeout(1000);
  });
}
if (ids.unarchived) await shoot('admin', 1400, `/contracts/${ids.unarchived}?tab=archive`, 'unarchived');
await shoot('admin', 1400, '/contracts/borrows?state=all', 'borrows');
await shoot('admin', 375, '/contracts/borrows', 'borrows-phone');
await shoot('lin.feng', 1400, ids.tech ? `/contracts/${ids.tech}?tab=archive` : '/contracts', 'tech-en');
await browser.close();
