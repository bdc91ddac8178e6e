import type { Flow } from '../harness.js';
import { assert, signIn } from './helpers.js';

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
      assert(errors.length === 0, `page errors at ${width}px: ${errors.join('; ')}`);
    }
  },
};
