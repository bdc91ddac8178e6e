import { type AuditEventSet, auditRecord, label } from '../audit/index.js';

export const orgAuditEvents: AuditEventSet = {
  entity: auditRecord('法人主体', 'Legal entity', {}, ['create', 'update']),
  department: auditRecord('部门', 'Department'),
  position: auditRecord('岗位', 'Position'),
  user: auditRecord(
    '用户',
    'User',
    {
      update_profile: label('修改个人资料', 'Profile updated'),
      enable: label('启用', 'Enabled'),
      disable: label('停用', 'Disabled'),
      reset_password: label('重置密码', 'Password reset'),
      set_roles: label('分配角色', 'Roles assigned'),
    },
    ['create', 'update'],
  ),
};
