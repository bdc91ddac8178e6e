import { type AuditEventSet, auditRecord, label } from '../audit/index.js';

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
  ),
  // Org declares the user's other actions.
  user: auditRecord('用户', 'User', { change_password: label('修改密码', 'Password changed') }, []),
  role: auditRecord('角色', 'Role'),
};
