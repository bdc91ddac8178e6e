import { dataScopes } from '@concord/contracts';
import { z } from 'zod';
import {
  type AuditEventSet,
  auditFields,
  auditRecord,
  auditValue as v,
  label,
  redacted,
} from '../audit/index.js';

/** A role without its id, user count and creation time. */
const roleFields = auditFields({
  code: v.text,
  name: v.text,
  description: v.text,
  permissions: v.texts,
  dataScope: z.enum(dataScopes),
  scopeEntityIds: v.ids,
  scopeDepartmentIds: v.ids,
  builtIn: v.flag,
});
const failedSignIn = auditFields({ failedCount: v.integer });

export const iamAuditEvents: AuditEventSet = {
  session: auditRecord(
    '登录会话',
    'Session',
    {
      login: label('登录', 'Signed in'),
      logout: label('退出登录', 'Signed out'),
      login_failed: label('登录失败', 'Sign-in failed'),
      login_locked: label('登录失败并锁定', 'Sign-in failed, account locked'),
      switch_entity: label('切换主体', 'Switched entity'),
    },
    [],
    {
      login_failed: failedSignIn,
      login_locked: failedSignIn,
      switch_entity: auditFields({ actingEntityId: v.id }),
    },
  ),
  // Org declares the user's other actions.
  user: auditRecord('用户', 'User', { change_password: label('修改密码', 'Password changed') }, [], {
    change_password: auditFields({ password: redacted }),
  }),
  role: auditRecord('角色', 'Role', {}, undefined, { '*': roleFields }),
};
