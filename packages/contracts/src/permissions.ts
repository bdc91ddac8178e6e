/**
 * The catalogue of action permissions (menu and button level), one list per module: its definition
 * declares them (server) and the role editor shows the whole catalogue as a matrix (one row per
 * group, one checkbox per action). A role grants a subset of these codes.
 */
interface PermissionLabel {
  readonly 'zh-CN': string;
  readonly 'en-US': string;
}
/** A row of the permission matrix: a kind of record and the actions on it. */
export interface PermissionGroup {
  readonly key: string;
  readonly label: PermissionLabel;
  readonly actions: readonly { readonly code: string; readonly label: PermissionLabel }[];
}

export const orgPermissionGroups = [
  {
    key: 'org.entity',
    label: { 'zh-CN': '法人主体', 'en-US': 'Legal entities' },
    actions: [
      { code: 'org.entity.view', label: { 'zh-CN': '查看', 'en-US': 'View' } },
      { code: 'org.entity.manage', label: { 'zh-CN': '新增/编辑', 'en-US': 'Create / edit' } },
    ],
  },
  {
    key: 'org.department',
    label: { 'zh-CN': '部门', 'en-US': 'Departments' },
    actions: [
      { code: 'org.department.view', label: { 'zh-CN': '查看', 'en-US': 'View' } },
      {
        code: 'org.department.manage',
        label: { 'zh-CN': '新增/编辑/删除', 'en-US': 'Create / edit / delete' },
      },
    ],
  },
  {
    key: 'org.position',
    label: { 'zh-CN': '岗位', 'en-US': 'Positions' },
    actions: [
      { code: 'org.position.view', label: { 'zh-CN': '查看', 'en-US': 'View' } },
      {
        code: 'org.position.manage',
        label: { 'zh-CN': '新增/编辑/删除', 'en-US': 'Create / edit / delete' },
      },
    ],
  },
  {
    key: 'org.user',
    label: { 'zh-CN': '用户', 'en-US': 'Users' },
    actions: [
      { code: 'org.user.view', label: { 'zh-CN': '查看', 'en-US': 'View' } },
      { code: 'org.user.manage', label: { 'zh-CN': '新增/编辑/停用', 'en-US': 'Create / edit / disable' } },
      { code: 'org.user.resetPassword', label: { 'zh-CN': '重置密码', 'en-US': 'Reset password' } },
      { code: 'org.user.assignRoles', label: { 'zh-CN': '分配角色', 'en-US': 'Assign roles' } },
      { code: 'org.user.export', label: { 'zh-CN': '导出', 'en-US': 'Export' } },
    ],
  },
] as const satisfies readonly PermissionGroup[];

export const iamPermissionGroups = [
  {
    key: 'iam.role',
    label: { 'zh-CN': '角色权限', 'en-US': 'Roles' },
    actions: [
      { code: 'iam.role.view', label: { 'zh-CN': '查看', 'en-US': 'View' } },
      { code: 'iam.role.manage', label: { 'zh-CN': '新增/编辑/删除', 'en-US': 'Create / edit / delete' } },
    ],
  },
] as const satisfies readonly PermissionGroup[];

export const notificationsPermissionGroups = [
  {
    key: 'notification.robot',
    label: { 'zh-CN': '群机器人', 'en-US': 'Group robots' },
    actions: [
      { code: 'notification.robot.view', label: { 'zh-CN': '查看', 'en-US': 'View' } },
      {
        code: 'notification.robot.manage',
        label: { 'zh-CN': '新增/编辑/删除/测试', 'en-US': 'Create / edit / delete / test' },
      },
    ],
  },
] as const satisfies readonly PermissionGroup[];

export const formsPermissionGroups = [
  {
    key: 'form.definition',
    label: { 'zh-CN': '表单定义', 'en-US': 'Form definitions' },
    actions: [
      { code: 'form.definition.view', label: { 'zh-CN': '查看', 'en-US': 'View' } },
      {
        code: 'form.definition.manage',
        label: { 'zh-CN': '新增/编辑/删除', 'en-US': 'Create / edit / delete' },
      },
    ],
  },
] as const satisfies readonly PermissionGroup[];

export const filesPermissionGroups = [
  {
    key: 'file',
    label: { 'zh-CN': '附件', 'en-US': 'Attachments' },
    actions: [
      { code: 'file.view', label: { 'zh-CN': '查看他人上传的附件', 'en-US': "View others' attachments" } },
    ],
  },
] as const satisfies readonly PermissionGroup[];

export const workflowPermissionGroups = [
  {
    key: 'workflow.definition',
    label: { 'zh-CN': '审批流程', 'en-US': 'Approval flows' },
    actions: [
      { code: 'workflow.definition.view', label: { 'zh-CN': '查看', 'en-US': 'View' } },
      { code: 'workflow.definition.manage', label: { 'zh-CN': '设计/发布', 'en-US': 'Design / publish' } },
    ],
  },
  {
    key: 'workflow.instance',
    label: { 'zh-CN': '审批监控', 'en-US': 'Approval oversight' },
    actions: [
      {
        code: 'workflow.instance.view',
        label: { 'zh-CN': '查看范围内的全部审批', 'en-US': 'View every approval in scope' },
      },
      {
        code: 'workflow.instance.admin',
        label: { 'zh-CN': '管理员处理（转交等）', 'en-US': 'Act as admin (force transfer)' },
      },
    ],
  },
] as const satisfies readonly PermissionGroup[];

export const numberingPermissionGroups = [
  {
    key: 'numbering.rule',
    label: { 'zh-CN': '编号规则', 'en-US': 'Numbering rules' },
    actions: [
      { code: 'numbering.rule.view', label: { 'zh-CN': '查看', 'en-US': 'View' } },
      { code: 'numbering.rule.manage', label: { 'zh-CN': '新增/编辑', 'en-US': 'Create / edit' } },
    ],
  },
] as const satisfies readonly PermissionGroup[];

export const partnersPermissionGroups = [
  {
    key: 'partner',
    label: { 'zh-CN': '合作伙伴', 'en-US': 'Partners' },
    actions: [
      { code: 'partner.view', label: { 'zh-CN': '查看', 'en-US': 'View' } },
      { code: 'partner.manage', label: { 'zh-CN': '新增/编辑', 'en-US': 'Create / edit' } },
      { code: 'partner.blacklist', label: { 'zh-CN': '拉黑/解除', 'en-US': 'Blacklist / restore' } },
      { code: 'partner.export', label: { 'zh-CN': '导出', 'en-US': 'Export' } },
    ],
  },
] as const satisfies readonly PermissionGroup[];

export const contractsPermissionGroups = [
  {
    key: 'contract.category',
    label: { 'zh-CN': '合同类别', 'en-US': 'Contract categories' },
    actions: [
      { code: 'contract.category.view', label: { 'zh-CN': '查看', 'en-US': 'View' } },
      {
        code: 'contract.category.manage',
        label: { 'zh-CN': '新增/编辑/删除', 'en-US': 'Create / edit / delete' },
      },
    ],
  },
  {
    key: 'contract.plan',
    label: { 'zh-CN': '合同规划', 'en-US': 'Contract planning' },
    actions: [
      { code: 'contract.plan.view', label: { 'zh-CN': '查看', 'en-US': 'View' } },
      {
        code: 'contract.plan.manage',
        label: { 'zh-CN': '新增/编辑/删除', 'en-US': 'Create / edit / delete' },
      },
    ],
  },
  {
    key: 'contract',
    label: { 'zh-CN': '合同', 'en-US': 'Contracts' },
    actions: [
      { code: 'contract.view', label: { 'zh-CN': '查看台账', 'en-US': 'View ledger' } },
      { code: 'contract.create', label: { 'zh-CN': '登记/编辑/提交', 'en-US': 'Register / edit / submit' } },
      {
        code: 'contract.manage',
        label: { 'zh-CN': '签订/终止/作废/完成', 'en-US': 'Sign / terminate / void / complete' },
      },
      { code: 'contract.change', label: { 'zh-CN': '变更', 'en-US': 'Change orders' } },
      { code: 'contract.archive', label: { 'zh-CN': '归档/借阅', 'en-US': 'Archive / borrowing' } },
      { code: 'contract.seal', label: { 'zh-CN': '用印申请', 'en-US': 'Seal use requests' } },
      { code: 'contract.export', label: { 'zh-CN': '导出', 'en-US': 'Export' } },
      { code: 'contract.import', label: { 'zh-CN': '导入', 'en-US': 'Import' } },
      { code: 'contract.delivery', label: { 'zh-CN': '交付/验收', 'en-US': 'Deliveries / acceptance' } },
      {
        code: 'contract.settings',
        label: {
          'zh-CN': '执行设置（容差/催收天数）',
          'en-US': 'Execution settings (tolerance / collection days)',
        },
      },
      {
        code: 'contract.settle',
        label: { 'zh-CN': '结算/质保金释放', 'en-US': 'Settlement / retention release' },
      },
      { code: 'contract.evaluate', label: { 'zh-CN': '回归评价', 'en-US': 'Closing evaluation' } },
      { code: 'contract.invoice', label: { 'zh-CN': '登记/关联发票', 'en-US': 'Register / link invoices' } },
      {
        code: 'contract.payment',
        label: { 'zh-CN': '付款申请/收款/退款登记', 'en-US': 'Payment requests / receipts / refunds' },
      },
      { code: 'contract.pay', label: { 'zh-CN': '执行付款（财务）', 'en-US': 'Execute payments (finance)' } },
      {
        code: 'contract.override',
        label: { 'zh-CN': '超票/超验收付款放行', 'en-US': 'Override payments beyond invoices / acceptance' },
      },
      {
        code: 'contract.oversight',
        label: { 'zh-CN': '集团合同监督（违规清单）', 'en-US': 'Group oversight (rule breaches)' },
      },
    ],
  },
] as const satisfies readonly PermissionGroup[];

export const invoicesPermissionGroups = [
  {
    key: 'invoice',
    label: { 'zh-CN': '发票', 'en-US': 'Invoices' },
    actions: [
      { code: 'invoice.view', label: { 'zh-CN': '查看/导出', 'en-US': 'View / export' } },
      { code: 'invoice.manage', label: { 'zh-CN': '登记/作废', 'en-US': 'Register / void' } },
    ],
  },
] as const satisfies readonly PermissionGroup[];

export const auditPermissionGroups = [
  {
    key: 'audit',
    label: { 'zh-CN': '审计日志', 'en-US': 'Audit log' },
    actions: [
      { code: 'audit.view', label: { 'zh-CN': '查看', 'en-US': 'View' } },
      { code: 'audit.export', label: { 'zh-CN': '导出', 'en-US': 'Export' } },
    ],
  },
] as const satisfies readonly PermissionGroup[];

/** The whole catalogue in the order the role editor shows it. */
export const permissionGroups = [
  ...orgPermissionGroups,
  ...iamPermissionGroups,
  ...notificationsPermissionGroups,
  ...formsPermissionGroups,
  ...filesPermissionGroups,
  ...workflowPermissionGroups,
  ...numberingPermissionGroups,
  ...partnersPermissionGroups,
  ...contractsPermissionGroups,
  ...invoicesPermissionGroups,
  ...auditPermissionGroups,
] as const;

export type PermissionCode = (typeof permissionGroups)[number]['actions'][number]['code'];

export const allPermissionCodes: PermissionCode[] = permissionGroups.flatMap((g) =>
  g.actions.map((a) => a.code),
);

/** Data scopes, from narrowest to widest; `custom` lists entities and departments explicitly. */
export const dataScopes = [
  'self',
  'department',
  'department_and_below',
  'entity',
  'entity_and_below',
  'all',
  'custom',
] as const;
export type DataScope = (typeof dataScopes)[number];

export const dataScopeLabels: Record<DataScope, { 'zh-CN': string; 'en-US': string }> = {
  self: { 'zh-CN': '仅本人', 'en-US': 'Own records' },
  department: { 'zh-CN': '本部门', 'en-US': 'Own department' },
  department_and_below: { 'zh-CN': '本部门及下级', 'en-US': 'Department and below' },
  entity: { 'zh-CN': '本法人主体', 'en-US': 'Own legal entity' },
  entity_and_below: { 'zh-CN': '本主体及下属主体', 'en-US': 'Entity and subsidiaries' },
  all: { 'zh-CN': '全部', 'en-US': 'All' },
  custom: { 'zh-CN': '自定义', 'en-US': 'Custom' },
};
