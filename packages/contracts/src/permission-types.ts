/** A text in both languages of the interface. */
interface PermissionLabel {
  readonly 'zh-CN': string;
  readonly 'en-US': string;
}

/** The labels most permissions share, so each group states only the actions peculiar to it. */
export const commonActionLabels = {
  view: { 'zh-CN': '查看', 'en-US': 'View' },
  manage: { 'zh-CN': '新增/编辑/删除', 'en-US': 'Create / edit / delete' },
  edit: { 'zh-CN': '新增/编辑', 'en-US': 'Create / edit' },
  export: { 'zh-CN': '导出', 'en-US': 'Export' },
} as const satisfies Record<string, PermissionLabel>;

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

/**
 * The roles every installation starts with (built in: editable, never deletable). Which
 * permissions each holds is declared beside the permissions (`roles` of each action), so a new
 * module's permissions reach the right roles without a central list; the administrator holds
 * every permission of every loaded module.
 */
export const defaultRoles = [
  {
    code: 'admin',
    name: { 'zh-CN': '系统管理员', 'en-US': 'Administrator' },
    description: { 'zh-CN': '全部权限，全部数据', 'en-US': 'Every permission, every record' },
    dataScope: 'all',
    holdsEveryPermission: true,
  },
  // Grants the company's standard roles (finance, department head), so holds what they grant.
  {
    code: 'entity_admin',
    name: { 'zh-CN': '公司管理员', 'en-US': 'Company administrator' },
    description: {
      'zh-CN': '管理本公司的部门、岗位和用户',
      'en-US': "Manages the company's departments, positions and users",
    },
    dataScope: 'entity',
  },
  {
    code: 'general_manager',
    name: { 'zh-CN': '总经理', 'en-US': 'General manager' },
    description: {
      'zh-CN': '查看本公司及下属公司的全部数据',
      'en-US': 'Sees every record of the company and its subsidiaries',
    },
    dataScope: 'entity_and_below',
  },
  {
    code: 'finance',
    name: { 'zh-CN': '财务', 'en-US': 'Finance' },
    description: {
      'zh-CN': '财务人员：查看本公司组织与人员和合同台账',
      'en-US': "Finance staff: the company's organisation, people and contract ledger",
    },
    dataScope: 'entity',
  },
  {
    code: 'legal',
    name: { 'zh-CN': '法务', 'en-US': 'Legal' },
    description: {
      'zh-CN': '法务人员：管理合作伙伴、合同类别与合同台账',
      'en-US': 'Legal staff: partners, contract categories and the contract ledger',
    },
    dataScope: 'entity',
  },
  {
    code: 'dept_head',
    name: { 'zh-CN': '部门负责人', 'en-US': 'Department head' },
    description: {
      'zh-CN': '查看本部门及下级部门的人员，登记本部门合同',
      'en-US': "Sees the department's people and below, registers its contracts",
    },
    dataScope: 'department_and_below',
  },
  {
    code: 'staff',
    name: { 'zh-CN': '员工', 'en-US': 'Staff' },
    description: { 'zh-CN': '普通员工：仅本人', 'en-US': 'Staff: own records only' },
    dataScope: 'self',
  },
] as const satisfies readonly {
  code: string;
  name: PermissionLabel;
  description: PermissionLabel;
  dataScope: DataScope;
  holdsEveryPermission?: boolean;
}[];
export type DefaultRoleCode = (typeof defaultRoles)[number]['code'];

/** One action of the permission matrix. */
export interface PermissionAction {
  readonly code: string;
  readonly label: PermissionLabel;
  /** The default roles that hold it (besides the administrator, who holds every permission). */
  readonly roles: readonly Exclude<DefaultRoleCode, 'admin'>[];
}

/** A row of the permission matrix: a kind of record and the actions on it. */
export interface PermissionGroup {
  readonly key: string;
  readonly label: PermissionLabel;
  readonly actions: readonly PermissionAction[];
}
