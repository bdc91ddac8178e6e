import type { AuditEventSet } from '../audit/index.js';

export const iamAuditEvents: AuditEventSet = {
  session: {
    label: { 'zh-CN': '登录会话', 'en-US': 'Session' },
    actions: {
      login: { 'zh-CN': '登录', 'en-US': 'Signed in' },
      logout: { 'zh-CN': '退出登录', 'en-US': 'Signed out' },
      login_failed: { 'zh-CN': '登录失败', 'en-US': 'Sign-in failed' },
      login_locked: { 'zh-CN': '登录失败并锁定', 'en-US': 'Sign-in failed, account locked' },
      switch_entity: { 'zh-CN': '切换主体', 'en-US': 'Switched entity' },
    },
  },
  user: {
    label: { 'zh-CN': '用户', 'en-US': 'User' },
    actions: { change_password: { 'zh-CN': '修改密码', 'en-US': 'Password changed' } },
  },
  role: {
    label: { 'zh-CN': '角色', 'en-US': 'Role' },
    actions: {
      create: { 'zh-CN': '新增', 'en-US': 'Created' },
      update: { 'zh-CN': '修改', 'en-US': 'Updated' },
      delete: { 'zh-CN': '删除', 'en-US': 'Deleted' },
    },
  },
};
