import { allPermissionCodes, type PermissionGroup, permissionGroups } from '@concord/contracts';
import { describe, expect, it } from 'vitest';
import { modules } from '../../app.js';
import { builtInRoles, declaredPermissionGroups } from './built-in-roles.js';

/** The built-in roles as the central list in the demo data had them before the definitions carried them. */
const before: Record<string, string[]> = {
  entity_admin: [
    'audit.view',
    'contract.archive',
    'contract.category.manage',
    'contract.category.view',
    'contract.change',
    'contract.create',
    'contract.delivery',
    'contract.evaluate',
    'contract.export',
    'contract.invoice',
    'contract.pay',
    'contract.payment',
    'contract.plan.view',
    'contract.seal',
    'contract.settings',
    'contract.settle',
    'contract.view',
    'file.view',
    'form.definition.manage',
    'form.definition.view',
    'iam.role.view',
    'invoice.manage',
    'invoice.view',
    'numbering.rule.manage',
    'numbering.rule.view',
    'org.department.manage',
    'org.department.view',
    'org.entity.view',
    'org.position.manage',
    'org.position.view',
    'org.user.assignRoles',
    'org.user.export',
    'org.user.manage',
    'org.user.resetPassword',
    'org.user.view',
    'partner.manage',
    'partner.view',
  ],
  general_manager: [
    'audit.view',
    'contract.category.view',
    'contract.evaluate',
    'contract.export',
    'contract.manage',
    'contract.override',
    'contract.oversight',
    'contract.payment',
    'contract.plan.view',
    'contract.settings',
    'contract.view',
    'file.view',
    'form.definition.view',
    'invoice.view',
    'org.department.view',
    'org.entity.view',
    'org.position.view',
    'org.user.export',
    'org.user.view',
    'partner.export',
    'partner.view',
  ],
  finance: [
    'contract.category.view',
    'contract.export',
    'contract.invoice',
    'contract.pay',
    'contract.plan.view',
    'contract.view',
    'file.view',
    'invoice.manage',
    'invoice.view',
    'org.department.view',
    'org.entity.view',
    'org.position.view',
    'org.user.export',
    'org.user.view',
    'partner.view',
  ],
  legal: [
    'contract.archive',
    'contract.category.manage',
    'contract.category.view',
    'contract.change',
    'contract.create',
    'contract.delivery',
    'contract.evaluate',
    'contract.export',
    'contract.import',
    'contract.invoice',
    'contract.manage',
    'contract.payment',
    'contract.plan.manage',
    'contract.plan.view',
    'contract.seal',
    'contract.settle',
    'contract.view',
    'file.view',
    'invoice.view',
    'numbering.rule.view',
    'org.department.view',
    'org.entity.view',
    'org.position.view',
    'org.user.view',
    'partner.blacklist',
    'partner.export',
    'partner.manage',
    'partner.view',
  ],
  dept_head: [
    'contract.category.view',
    'contract.change',
    'contract.create',
    'contract.delivery',
    'contract.evaluate',
    'contract.export',
    'contract.invoice',
    'contract.payment',
    'contract.plan.view',
    'contract.seal',
    'contract.settle',
    'contract.view',
    'file.view',
    'invoice.view',
    'org.department.view',
    'org.user.view',
    'partner.manage',
    'partner.view',
  ],
  staff: ['contract.category.view', 'contract.create', 'contract.view', 'org.user.view', 'partner.view'],
};

describe('built-in roles', () => {
  const roles = builtInRoles(declaredPermissionGroups(modules.map((definition) => ({ definition }))));
  const byCode = Object.fromEntries(roles.map((role) => [role.code, role]));

  it('derives the same roles and permissions from the modules’ declarations as before', () => {
    expect(byCode.admin).toMatchObject({
      name: '系统管理员',
      description: '全部权限，全部数据',
      dataScope: 'all',
    });
    expect([...byCode.admin.permissions].sort()).toEqual([...allPermissionCodes].sort());
    for (const [code, permissions] of Object.entries(before)) {
      expect([...byCode[code].permissions].sort(), code).toEqual(permissions);
    }
    expect(roles.map((role) => [role.code, role.name, role.dataScope])).toEqual([
      ['admin', '系统管理员', 'all'],
      ['entity_admin', '公司管理员', 'entity'],
      ['general_manager', '总经理', 'entity_and_below'],
      ['finance', '财务', 'entity'],
      ['legal', '法务', 'entity'],
      ['dept_head', '部门负责人', 'department_and_below'],
      ['staff', '员工', 'self'],
    ]);
  });

  it('reads the whole catalogue from the loaded modules', () => {
    expect(
      declaredPermissionGroups(modules.map((definition) => ({ definition })))
        .map((g) => g.key)
        .sort(),
    ).toEqual(permissionGroups.map((g) => g.key).sort());
  });

  it('gives a new module’s permissions to the roles it names, and all of them to the administrator', () => {
    const lending: PermissionGroup = {
      key: 'library.book',
      label: { 'zh-CN': '图书', 'en-US': 'Books' },
      actions: [
        {
          code: 'library.book.view',
          label: { 'zh-CN': '查看', 'en-US': 'View' },
          roles: ['staff', 'finance'],
        },
        { code: 'library.book.purge', label: { 'zh-CN': '销毁', 'en-US': 'Purge' }, roles: [] },
      ],
    };
    const withLending = Object.fromEntries(
      builtInRoles([...permissionGroups, lending], 'en-US').map((role) => [role.code, role]),
    );
    expect(withLending.staff.permissions).toContain('library.book.view');
    expect(withLending.finance.permissions).toContain('library.book.view');
    expect(withLending.legal.permissions).not.toContain('library.book.view');
    expect(withLending.admin.permissions).toEqual(
      expect.arrayContaining(['library.book.view', 'library.book.purge']),
    );
    expect(withLending.staff.permissions).not.toContain('library.book.purge');
    expect(withLending.dept_head.name).toBe('Department head');
  });
});
