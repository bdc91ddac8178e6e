import { commonActionLabels as common, type PermissionGroup } from './permission-types.js';

export const orgPermissionGroups = [
  {
    key: 'org.entity',
    label: { 'zh-CN': '法人主体', 'en-US': 'Legal entities' },
    actions: [
      {
        code: 'org.entity.view',
        label: common.view,
        roles: ['entity_admin', 'general_manager', 'finance', 'legal'],
      },
      { code: 'org.entity.manage', label: common.edit, roles: [] },
    ],
  },
  {
    key: 'org.department',
    label: { 'zh-CN': '部门', 'en-US': 'Departments' },
    actions: [
      {
        code: 'org.department.view',
        label: common.view,
        roles: ['entity_admin', 'general_manager', 'finance', 'legal', 'dept_head'],
      },
      {
        code: 'org.department.manage',
        label: common.manage,
        roles: ['entity_admin'],
      },
    ],
  },
  {
    key: 'org.position',
    label: { 'zh-CN': '岗位', 'en-US': 'Positions' },
    actions: [
      {
        code: 'org.position.view',
        label: common.view,
        roles: ['entity_admin', 'general_manager', 'finance', 'legal'],
      },
      {
        code: 'org.position.manage',
        label: common.manage,
        roles: ['entity_admin'],
      },
    ],
  },
  {
    key: 'org.user',
    label: { 'zh-CN': '用户', 'en-US': 'Users' },
    actions: [
      {
        code: 'org.user.view',
        label: common.view,
        roles: ['entity_admin', 'general_manager', 'finance', 'legal', 'dept_head', 'staff'],
      },
      {
        code: 'org.user.manage',
        label: { 'zh-CN': '新增/编辑/停用', 'en-US': 'Create / edit / disable' },
        roles: ['entity_admin'],
      },
      {
        code: 'org.user.resetPassword',
        label: { 'zh-CN': '重置密码', 'en-US': 'Reset password' },
        roles: ['entity_admin'],
      },
      {
        code: 'org.user.assignRoles',
        label: { 'zh-CN': '分配角色', 'en-US': 'Assign roles' },
        roles: ['entity_admin'],
      },
      {
        code: 'org.user.export',
        label: common.export,
        roles: ['entity_admin', 'general_manager', 'finance'],
      },
    ],
  },
] as const satisfies readonly PermissionGroup[];

export const iamPermissionGroups = [
  {
    key: 'iam.role',
    label: { 'zh-CN': '角色权限', 'en-US': 'Roles' },
    actions: [
      { code: 'iam.role.view', label: common.view, roles: ['entity_admin'] },
      {
        code: 'iam.role.manage',
        label: common.manage,
        roles: [],
      },
    ],
  },
] as const satisfies readonly PermissionGroup[];

export const notificationsPermissionGroups = [
  {
    key: 'notification.robot',
    label: { 'zh-CN': '群机器人', 'en-US': 'Group robots' },
    actions: [
      { code: 'notification.robot.view', label: common.view, roles: [] },
      {
        code: 'notification.robot.manage',
        label: { 'zh-CN': '新增/编辑/删除/测试', 'en-US': 'Create / edit / delete / test' },
        roles: [],
      },
    ],
  },
] as const satisfies readonly PermissionGroup[];

export const formsPermissionGroups = [
  {
    key: 'form.definition',
    label: { 'zh-CN': '表单定义', 'en-US': 'Form definitions' },
    actions: [
      {
        code: 'form.definition.view',
        label: common.view,
        roles: ['entity_admin', 'general_manager'],
      },
      {
        code: 'form.definition.manage',
        label: common.manage,
        roles: ['entity_admin'],
      },
    ],
  },
] as const satisfies readonly PermissionGroup[];

export const filesPermissionGroups = [
  {
    key: 'file',
    label: { 'zh-CN': '附件', 'en-US': 'Attachments' },
    actions: [
      {
        code: 'file.view',
        label: { 'zh-CN': '查看他人上传的附件', 'en-US': "View others' attachments" },
        roles: ['entity_admin', 'general_manager', 'finance', 'legal', 'dept_head'],
      },
    ],
  },
] as const satisfies readonly PermissionGroup[];

export const workflowPermissionGroups = [
  {
    key: 'workflow.definition',
    label: { 'zh-CN': '审批流程', 'en-US': 'Approval flows' },
    actions: [
      { code: 'workflow.definition.view', label: common.view, roles: [] },
      {
        code: 'workflow.definition.manage',
        label: { 'zh-CN': '设计/发布', 'en-US': 'Design / publish' },
        roles: [],
      },
    ],
  },
  {
    key: 'workflow.instance',
    label: { 'zh-CN': '审批监控', 'en-US': 'Approval oversight' },
    actions: [
      {
        code: 'workflow.instance.view',
        label: { 'zh-CN': '查看范围内的全部审批', 'en-US': 'View every approval in scope' },
        roles: [],
      },
      {
        code: 'workflow.instance.admin',
        label: { 'zh-CN': '管理员处理（转交等）', 'en-US': 'Act as admin (force transfer)' },
        roles: [],
      },
    ],
  },
] as const satisfies readonly PermissionGroup[];

export const numberingPermissionGroups = [
  {
    key: 'numbering.rule',
    label: { 'zh-CN': '编号规则', 'en-US': 'Numbering rules' },
    actions: [
      {
        code: 'numbering.rule.view',
        label: common.view,
        roles: ['entity_admin', 'legal'],
      },
      {
        code: 'numbering.rule.manage',
        label: common.edit,
        roles: ['entity_admin'],
      },
    ],
  },
] as const satisfies readonly PermissionGroup[];

export const auditPermissionGroups = [
  {
    key: 'audit',
    label: { 'zh-CN': '审计日志', 'en-US': 'Audit log' },
    actions: [
      {
        code: 'audit.view',
        label: common.view,
        roles: ['entity_admin', 'general_manager'],
      },
      { code: 'audit.export', label: common.export, roles: [] },
    ],
  },
] as const satisfies readonly PermissionGroup[];
