import type { Page } from 'playwright-core';
import type { Flow, FlowContext } from '../harness.js';
import { assert, signIn, signOut } from './helpers.js';

type Screenshot = FlowContext['screenshot'];

const pages = [
  { path: '/', ready: 'home-welcome', name: 'home' },
  { path: '/system/entities', ready: 'entities-table', name: 'entities' },
  { path: '/system/departments', ready: 'departments-table', name: 'departments' },
  { path: '/system/positions', ready: 'positions-table', name: 'positions' },
  { path: '/system/users', ready: 'users-table', name: 'users' },
  { path: '/system/roles', ready: 'roles-table', name: 'roles' },
  { path: '/system/audit', ready: 'audit-table', name: 'audit' },
  { path: '/system/robots', ready: 'robots-table', name: 'robots' },
  { path: '/notifications', ready: 'notifications-list', name: 'notifications' },
];

/**
 * 何军's workbench (the demo dates his data around the seed day): each group of 需要我处理 shows a
 * demo row that links to its record, each group links to its full list, his recent records link
 * back, his role's tasks lead the shortcuts, and at phone width nothing is wider than the screen.
 */
async function checkWorkbench(page: Page, baseUrl: string, width: number, screenshot: Screenshot) {
  await signIn(page, baseUrl, 'he.jun');
  const attention = page.getByTestId('home-attention');
  const groups = [
    {
      id: 'overdue',
      row: '智慧园区平台销售合同',
      href: /^\/contracts\/[\w-]+\?tab=schedule$/,
      all: /^\/contracts\/overdue\?ownerId=/,
    },
    {
      id: 'ending',
      row: '园区安防系统年度维保服务合同',
      href: /^\/contracts\/[\w-]+$/,
      all: /expiringWithinDays=30/,
    },
    {
      id: 'qualifications',
      row: '杭州澄明软件有限公司',
      href: /^\/partners\/[\w-]+$/,
      all: /^\/partners\/qualifications\/expiring$/,
    },
  ];
  for (const group of groups) {
    const section = attention.getByTestId(`home-attention-${group.id}`);
    const link = section.getByRole('link', { name: group.row });
    await link.waitFor();
    const href = (await link.getAttribute('href')) ?? '';
    assert(group.href.test(href), `${group.id}: row link ${href}`);
    const all = (await section.getByTestId(`home-attention-${group.id}-all`).getAttribute('href')) ?? '';
    assert(group.all.test(all), `${group.id}: full list ${all}`);
    const count = Number(
      await section.getByTestId(`home-attention-${group.id}-count`).getAttribute('data-count'),
    );
    assert(count >= 1, `${group.id}: count ${count}`);
  }
  const recent = page.getByTestId('home-recent').getByTestId('home-recent-link');
  await recent.first().waitFor();
  assert((await recent.count()) === 5, `recent records: ${await recent.count()}`);
  // A department head registers contracts: 登记合同 leads his shortcuts.
  const firstShortcut = page.getByTestId('home-shortcuts').getByRole('link').first();
  assert((await firstShortcut.getAttribute('href')) === '/contracts/new', 'first shortcut is 登记合同');
  await page.waitForLoadState('networkidle');
  // Measured in the page, by a function string: the flows compile without the DOM's types.
  const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
  assert(overflow <= 0, `workbench at ${width}px is ${overflow}px wider than the screen`);
  await screenshot(page, `page-workbench-${width}`);
  // The full list of expiring qualifications opens from the card.
  await attention.getByTestId('home-attention-qualifications-all').click();
  await page.waitForURL('**/partners/qualifications/expiring');
  await page
    .locator('[data-testid^="expiring-qualification-"]')
    .filter({ hasText: '杭州澄明软件有限公司' })
    .first()
    .waitFor();
  await screenshot(page, `page-expiring-qualifications-${width}`);
  await signOut(page);
}

/** Every main page renders with the demo data, at desktop and at phone width; screenshots of each. */
export const flow: Flow = {
  name: 'main pages render at desktop and phone width',
  async run({ baseUrl, newPage, screenshot }) {
    for (const width of [1440, 375]) {
      const page = await newPage(width);
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await signIn(page, baseUrl, 'admin');
      for (const target of pages) {
        await page.goto(`${baseUrl}${target.path}`);
        await page.getByTestId(target.ready).waitFor();
        await page.waitForLoadState('networkidle');
        await screenshot(page, `page-${target.name}-${width}`);
      }
      if (width === 375) {
        await page.getByTestId('menu-toggle').click();
        await page.getByTestId('menu-users').click();
        await page.getByTestId('users-table').waitFor();
      }
      await signOut(page);
      await checkWorkbench(page, baseUrl, width, screenshot);
      assert(errors.length === 0, `page errors at ${width}px: ${errors.join('; ')}`);
    }
  },
};
