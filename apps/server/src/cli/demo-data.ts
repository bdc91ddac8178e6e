import { allPermissionCodes, type DataScope } from '@concord/contracts';

/*
 * The demo group: what a new user sees the moment Concord starts. This file holds its roles and
 * the one password of every demo login; its organisation is in demo-org.ts and its ad-hoc forms in
 * demo-forms.ts (re-exported here for the callers that read the demo's people).
 */
export { type DemoEntity, type DemoUser, demoEntities, demoPositions, demoUsers } from './demo-org.js';
export { type DemoForm, demoForms } from './demo-forms.js';

/** One password for every demo login. */
export const DEMO_PASSWORD = 'Concord2026';

export interface DemoRole {
  code: string;
  name: string;
  description: string;
  dataScope: DataScope;
  permissions: string[];
}

const view = ['org.entity.view', 'org.department.view', 'org.position.view', 'org.user.view'];
/** Reading the contract register and what it refers to. */
const contractRead = ['partner.view', 'contract.view', 'contract.category.view', 'contract.plan.view'];

export const demoRoles: DemoRole[] = [
  {
    code: 'admin',
    name: '系统管理员',
    description: '全部权限，全部数据',
    dataScope: 'all',
    permissions: allPermissionCodes,
  },
  {
    code: 'entity_admin',
    name: '公司管理员',
    description: '管理本公司的部门、岗位和用户',
    dataScope: 'entity',
    permissions: [
      ...view,
      'org.department.manage',
      'org.position.manage',
      'org.user.manage',
      'org.user.resetPassword',
      'org.user.assignRoles',
      'org.user.export',
      'iam.role.view',
      'audit.view',
      'form.definition.view',
      'form.definition.manage',
      'file.view',
      ...contractRead,
      'numbering.rule.view',
      'numbering.rule.manage',
      'contract.category.manage',
      'contract.archive',
      // An administrator grants the company's standard roles (finance, department head), so holds what they grant.
      'contract.pay',
      'contract.delivery',
      'contract.payment',
      'contract.settle',
      'contract.evaluate',
      'contract.create',
      'contract.change',
      'contract.seal',
      'contract.export',
      'partner.manage',
      'contract.settings',
      'invoice.view',
      'invoice.manage',
      'contract.invoice',
    ],
  },
  {
    code: 'general_manager',
    name: '总经理',
    description: '查看本公司及下属公司的全部数据',
    dataScope: 'entity_and_below',
    permissions: [
      ...view,
      'org.user.export',
      'audit.view',
      'form.definition.view',
      'file.view',
      ...contractRead,
      'partner.export',
      'contract.export',
      'contract.manage',
      'contract.oversight',
      'contract.evaluate',
      'contract.settings',
      'invoice.view',
      'contract.override',
      // Overriding presupposes requesting: advance payments are requested by the general manager.
      'contract.payment',
    ],
  },
  {
    code: 'finance',
    name: '财务',
    description: '财务人员：查看本公司组织与人员和合同台账',
    dataScope: 'entity',
    permissions: [
      ...view,
      'org.user.export',
      'file.view',
      ...contractRead,
      'contract.export',
      'invoice.view',
      'invoice.manage',
      'contract.invoice',
      'contract.pay',
    ],
  },
  {
    code: 'legal',
    name: '法务',
    description: '法务人员：管理合作伙伴、合同类别与合同台账',
    dataScope: 'entity',
    permissions: [
      ...view,
      'file.view',
      ...contractRead,
      'partner.manage',
      'partner.blacklist',
      'partner.export',
      'numbering.rule.view',
      'contract.category.manage',
      'contract.plan.manage',
      'contract.create',
      'contract.manage',
      'contract.change',
      'contract.archive',
      'contract.seal',
      'contract.export',
      'contract.import',
      'contract.delivery',
      'contract.payment',
      'contract.settle',
      'contract.evaluate',
      'invoice.view',
      'contract.invoice',
    ],
  },
  {
    code: 'dept_head',
    name: '部门负责人',
    description: '查看本部门及下级部门的人员，登记本部门合同',
    dataScope: 'department_and_below',
    permissions: [
      'org.department.view',
      'org.user.view',
      'file.view',
      ...contractRead,
      'partner.manage',
      'contract.create',
      'contract.change',
      'contract.seal',
      'contract.export',
      'contract.delivery',
      'contract.payment',
      'contract.settle',
      'contract.evaluate',
      'invoice.view',
      'contract.invoice',
    ],
  },
  {
    code: 'staff',
    name: '员工',
    description: '普通员工：仅本人',
    dataScope: 'self',
    permissions: [
      'org.user.view',
      'partner.view',
      'contract.view',
      'contract.category.view',
      'contract.create',
    ],
  },
];
