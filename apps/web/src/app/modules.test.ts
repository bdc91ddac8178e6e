import type { PermissionCode } from '@concord/contracts';
import { describe, expect, it } from 'vitest';
import { enUS } from '../locales/en-US';
import { zhCN } from '../locales/zh-CN';
import {
  lazyPage,
  type MenuNode,
  menuEntries,
  menuTree,
  routeTable,
  selectedPath,
  translationResources,
  visibleMenu,
  type WebModule,
} from './moduleKit';
import { webModules } from './modules';

const everything = () => true;
const only =
  (...codes: string[]) =>
  (code: string) =>
    codes.includes(code);

/** The menu as the browser tests see it: `menu-<key>` per entry, sections as `[key]`. */
function outline(nodes: MenuNode[]): string[] {
  return nodes.flatMap((node) =>
    node.kind === 'entry' ? [node.entry.key] : [`[${node.section.key}]`, ...node.entries.map((e) => e.key)],
  );
}

// A module written the way a new one would be: its folder's index.ts, then one line in the list.
const examplePermission = 'example.view' as PermissionCode;
const ExampleIcon = () => null;
const exampleModule: WebModule<{ examples: { menuLabel: string; title: string } }> = {
  name: 'examples',
  routes: [
    {
      path: '/examples',
      permission: examplePermission,
      page: lazyPage(async () => ({ default: () => null })),
    },
    {
      path: '/examples/:id',
      permission: examplePermission,
      page: lazyPage(async () => ({ default: () => null })),
    },
  ],
  menuSections: [{ key: 'lab', labelKey: 'examples.title', icon: ExampleIcon, order: 95 }],
  menu: [
    {
      key: 'examples',
      labelKey: 'examples.menuLabel',
      icon: ExampleIcon,
      path: '/examples',
      permission: examplePermission,
      section: 'contracts',
      order: 85,
    },
  ],
  locales: {
    'zh-CN': { examples: { menuLabel: '示例', title: '实验室' } },
    'en-US': { examples: { menuLabel: 'Examples', title: 'Lab' } },
  },
};
const withExample = [...webModules, exampleModule];

describe('the modules of the web app', () => {
  it('give the menu of before the module kit, in the same order, with the same permissions', () => {
    const tree = menuTree(webModules);
    expect(outline(tree)).toEqual([
      'home',
      'approvals',
      '[contracts]',
      'contracts',
      'partners',
      'contract-borrows',
      'contract-categories',
      'contract-plans',
      'contract-exceptions',
      'contract-overdue',
      'contract-oversight',
      'invoices',
      'contract-settings',
      '[system]',
      'entities',
      'departments',
      'positions',
      'users',
      'roles',
      'audit',
      'flows',
      'approval-monitor',
      'robots',
      'forms',
      'numbering',
    ]);
    expect(Object.fromEntries(menuEntries(tree).map((e) => [e.path, e.permission ?? null]))).toEqual({
      '/': null,
      '/approvals': null,
      '/contracts': 'contract.view',
      '/partners': 'partner.view',
      '/contracts/borrows': 'contract.archive',
      '/contracts/categories': 'contract.category.view',
      '/contracts/plans': 'contract.plan.view',
      '/contracts/exceptions': 'contract.view',
      '/contracts/overdue': 'contract.view',
      '/contracts/oversight': 'contract.oversight',
      '/invoices': 'invoice.view',
      '/contracts/settings': 'contract.view',
      '/system/entities': 'org.entity.view',
      '/system/departments': 'org.department.view',
      '/system/positions': 'org.position.view',
      '/system/users': 'org.user.view',
      '/system/roles': 'iam.role.view',
      '/system/audit': 'audit.view',
      '/system/flows': 'workflow.definition.view',
      '/system/approval-monitor': 'workflow.instance.admin',
      '/system/robots': 'notification.robot.view',
      '/system/forms': 'form.definition.view',
      '/system/numbering': 'numbering.rule.view',
    });
    const sections = tree.flatMap((n) => (n.kind === 'section' ? [n.section.labelKey] : []));
    expect(sections).toEqual(['contracts.menuSection', 'menu.system']);
  });

  it('give the routes and guards of before the module kit', () => {
    const routes = routeTable(webModules).map((r) => `${r.path} ${r.permission ?? '-'}`);
    expect(routes.sort()).toEqual(
      [
        '/ -',
        '/account/profile -',
        '/account/password -',
        '/notifications -',
        '/system/entities org.entity.view',
        '/system/departments org.department.view',
        '/system/positions org.position.view',
        '/system/users org.user.view',
        '/system/roles iam.role.view',
        '/system/audit audit.view',
        '/system/robots notification.robot.view',
        '/system/forms form.definition.view',
        '/approvals -',
        '/approvals/new -',
        '/approvals/:id -',
        '/system/flows workflow.definition.view',
        '/system/flows/:id workflow.definition.view',
        '/system/approval-monitor workflow.instance.admin',
        '/contracts contract.view',
        '/contracts/new contract.create',
        '/contracts/borrows contract.archive',
        '/contracts/categories contract.category.view',
        '/contracts/plans contract.plan.view',
        '/contracts/exceptions contract.view',
        '/contracts/overdue contract.view',
        '/contracts/oversight contract.oversight',
        '/contracts/settings contract.view',
        '/contracts/:id contract.view',
        '/contracts/:id/edit contract.create',
        '/partners partner.view',
        '/partners/:id partner.view',
        '/partners/qualifications/expiring partner.view',
        '/system/numbering numbering.rule.view',
        '/invoices invoice.view',
      ].sort(),
    );
  });

  it('ask for the same permission in a menu entry as in the route it opens', () => {
    // A link the menu shows must open, and a page must not open for a session the menu hides it from.
    const guards = new Map(routeTable(webModules).map((route) => [route.path, route.permission ?? null]));
    const mismatches = menuEntries(menuTree(webModules))
      .filter((entry) => guards.get(entry.path) !== (entry.permission ?? null))
      .map((entry) => `${entry.key}: menu ${entry.permission}, route ${guards.get(entry.path)}`);
    expect(mismatches).toEqual([]);
  });

  it('merge every text namespace once, and every menu label exists in both languages', () => {
    const resources = translationResources({ 'zh-CN': zhCN, 'en-US': enUS }, webModules);
    const lookup = (locale: 'zh-CN' | 'en-US', key: string) =>
      key
        .split('.')
        .reduce<unknown>(
          (at, part) => (at as Record<string, unknown>)?.[part],
          resources[locale].translation,
        );
    const labels = menuTree(webModules).flatMap((n) =>
      n.kind === 'entry' ? [n.entry.labelKey] : [n.section.labelKey, ...n.entries.map((e) => e.labelKey)],
    );
    for (const key of labels) {
      expect(typeof lookup('zh-CN', key), `zh-CN ${key}`).toBe('string');
      expect(typeof lookup('en-US', key), `en-US ${key}`).toBe('string');
    }
    expect(lookup('zh-CN', 'users.title')).toBe('用户');
    expect(lookup('en-US', 'numbering.menuLabel')).toBeTypeOf('string');
    expect(Object.keys(resources['en-US'].translation).sort()).toEqual(
      Object.keys(resources['zh-CN'].translation).sort(),
    );
  });

  it('take a new module from one more line in the list: its route, guard, menu entry and texts', () => {
    const route = routeTable(withExample).find((r) => r.path === '/examples');
    expect(route).toMatchObject({ module: 'examples', permission: 'example.view' });

    const tree = menuTree(withExample);
    const allowed = outline(visibleMenu(tree, everything));
    // In the contracts section by its order (85: after oversight, before invoices at 90).
    expect(allowed.slice(allowed.indexOf('contract-oversight'), allowed.indexOf('invoices') + 1)).toEqual([
      'contract-oversight',
      'examples',
      'invoices',
    ]);
    // Its own section has no entries yet, so nobody sees it.
    expect(allowed).not.toContain('[lab]');
    expect(selectedPath(tree, '/examples/42')).toBe('/examples');

    const resources = translationResources({ 'zh-CN': zhCN, 'en-US': enUS }, withExample);
    expect(resources['zh-CN'].translation.examples).toEqual({ menuLabel: '示例', title: '实验室' });
  });

  it('show an entry only to a session with its permission, and leave out emptied sections', () => {
    const tree = menuTree(withExample);
    const clerk = outline(visibleMenu(tree, only('contract.view')));
    expect(clerk).not.toContain('examples');
    expect(clerk).toEqual([
      'home',
      'approvals',
      '[contracts]',
      'contracts',
      'contract-exceptions',
      'contract-overdue',
      'contract-settings',
    ]);
    expect(outline(visibleMenu(tree, only('example.view')))).toEqual([
      'home',
      'approvals',
      '[contracts]',
      'examples',
    ]);
    expect(outline(visibleMenu(tree, only('workflow.definition.view')))).toEqual([
      'home',
      'approvals',
      '[system]',
      'flows',
    ]);
  });

  it('highlight the longest menu path of a location, and home only on itself', () => {
    const tree = menuTree(webModules);
    expect(selectedPath(tree, '/')).toBe('/');
    expect(selectedPath(tree, '/contracts/123')).toBe('/contracts');
    expect(selectedPath(tree, '/contracts/borrows')).toBe('/contracts/borrows');
    expect(selectedPath(tree, '/system/flows/9')).toBe('/system/flows');
    expect(selectedPath(tree, '/account/profile')).toBe('');
  });

  it('refuse two modules claiming one path, menu key, section or text namespace', () => {
    const copy = { ...exampleModule, name: 'copy', menuSections: [], menu: [] };
    expect(() => routeTable([exampleModule, copy])).toThrow(
      '/examples is declared by both examples and copy',
    );
    expect(() => menuTree([exampleModule, { ...exampleModule, routes: [] }])).toThrow('declared twice');
    expect(() => menuTree([{ ...exampleModule, menuSections: [] }])).toThrow('unknown section contracts');
    expect(() => translationResources({ 'zh-CN': zhCN, 'en-US': enUS }, [exampleModule, copy])).toThrow(
      'namespace examples is declared by both examples and copy',
    );
  });
});
