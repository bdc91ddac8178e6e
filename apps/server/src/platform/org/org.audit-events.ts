import type { AuditEventSet } from '../audit/index.js';

const created = { 'zh-CN': '新增', 'en-US': 'Created' };
const updated = { 'zh-CN': '修改', 'en-US': 'Updated' };
const deleted = { 'zh-CN': '删除', 'en-US': 'Deleted' };

export const orgAuditEvents: AuditEventSet = {
  entity: {
    label: { 'zh-CN': '法人主体', 'en-US': 'Legal entity' },
    actions: { create: created, update: updated },
  },
  department: {
    label: { 'zh-CN': '部门', 'en-US': 'Department' },
    actions: { create: created, update: updated, delete: deleted },
  },
  position: {
    label: { 'zh-CN': '岗位', 'en-US': 'Position' },
    actions: { create: created, update: updated, delete: deleted },
  },
  user: {
    label: { 'zh-CN': '用户', 'en-US': 'User' },
    actions: {
      create: created,
      update: updated,
      update_profile: { 'zh-CN': '修改个人资料', 'en-US': 'Profile updated' },
      enable: { 'zh-CN': '启用', 'en-US': 'Enabled' },
      disable: { 'zh-CN': '停用', 'en-US': 'Disabled' },
      reset_password: { 'zh-CN': '重置密码', 'en-US': 'Password reset' },
      set_roles: { 'zh-CN': '分配角色', 'en-US': 'Roles assigned' },
    },
  },
};
