import { describe, expect, it } from 'vitest';
import { type QuickLink, orderShortcuts } from './shortcuts';

const page = (path: string): QuickLink => ({
  path,
  labelKey: path,
  icon: null,
  testId: `quick-link-${path}`,
});
const menu = [
  page('/approvals'),
  page('/contracts'),
  page('/partners'),
  page('/invoices'),
  page('/system/users'),
];
const holder =
  (...codes: string[]) =>
  (code: string) =>
    codes.includes(code);
const paths = (links: QuickLink[]) => links.map((link) => link.path);

describe('shortcuts by role', () => {
  it('puts a contract clerk’s register, ledger and import first', () => {
    const can = holder('contract.view', 'contract.create', 'contract.import', 'partner.view');
    expect(paths(orderShortcuts(can, menu, 0)).slice(0, 3)).toEqual([
      '/contracts/new',
      '/contracts',
      '/contracts?import=open',
    ]);
  });

  it('puts the approvals first for whoever has some waiting, else leaves them with the rest', () => {
    const can = holder('contract.view');
    expect(paths(orderShortcuts(can, menu, 3))[0]).toBe('/approvals?tab=todo');
    const idle = paths(orderShortcuts(can, menu, 0));
    expect(idle[0]).toBe('/approvals');
    expect(idle.indexOf('/approvals?tab=todo')).toBeGreaterThan(idle.indexOf('/system/users'));
  });

  it('puts finance’s collections and invoices first', () => {
    const can = holder('contract.view', 'contract.pay', 'contract.invoice', 'invoice.view', 'invoice.manage');
    expect(paths(orderShortcuts(can, menu, 0)).slice(0, 2)).toEqual(['/contracts/overdue', '/invoices']);
  });

  it('offers nothing the permissions do not open, and no page twice', () => {
    const links = paths(orderShortcuts(holder('partner.view'), [page('/partners')], 0));
    expect(links).not.toContain('/contracts/new');
    expect(links).not.toContain('/contracts/overdue');
    expect(new Set(links).size).toBe(links.length);
    expect(links.filter((path) => path === '/partners')).toHaveLength(1);
  });
});
