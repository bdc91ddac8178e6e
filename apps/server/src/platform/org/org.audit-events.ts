import {
  type AuditEventSet,
  auditFields,
  auditRecord,
  auditValue as v,
  label,
  redacted,
} from '../audit/index.js';

/** Entities, departments and positions record their columns as stored (`auditSnapshot`). */
const entityFields = auditFields({
  id: v.id,
  parent_id: v.id,
  code: v.text,
  name: v.text,
  short_name: v.text,
  credit_code: v.text,
  active: v.flag,
  sort_order: v.integer,
});
const departmentFields = auditFields({
  id: v.id,
  entity_id: v.id,
  parent_id: v.id,
  code: v.text,
  name: v.text,
  head_user_id: v.id,
  sort_order: v.integer,
});
const positionFields = auditFields({ id: v.id, entity_id: v.id, code: v.text, name: v.text });
/** A user as the API shows it, without names of related records and bookkeeping (`userSnapshot`). */
const userFields = auditFields({
  id: v.id,
  username: v.text,
  displayName: v.text,
  email: v.text,
  phone: v.text,
  entityId: v.id,
  departmentId: v.id,
  extraDepartmentIds: v.ids,
  positionId: v.id,
  active: v.flag,
  locale: v.text,
  password: redacted,
});

export const orgAuditEvents: AuditEventSet = {
  entity: auditRecord('法人主体', 'Legal entity', {}, ['create', 'update'], { '*': entityFields }),
  department: auditRecord('部门', 'Department', {}, undefined, { '*': departmentFields }),
  position: auditRecord('岗位', 'Position', {}, undefined, { '*': positionFields }),
  user: auditRecord(
    '用户',
    'User',
    {
      update_profile: label('修改个人资料', 'Profile updated'),
      enable: label('启用', 'Enabled'),
      disable: label('停用', 'Disabled'),
      reset_password: label('重置密码', 'Password reset'),
      unlock: label('解除登录锁定', 'Sign-in unlocked'),
      set_roles: label('分配角色', 'Roles assigned'),
    },
    ['create', 'update'],
    {
      '*': userFields,
      // Each role as `role@entity`.
      set_roles: auditFields({ roles: v.texts }),
      // What a leaving user's work went to: `approvalTasks: 3`, and a user id or the rule.
      disable: auditFields({ active: v.flag, handedOver: v.texts, handoverTo: v.text }),
      unlock: auditFields({ lockedUntil: v.instant }),
    },
  ),
};
