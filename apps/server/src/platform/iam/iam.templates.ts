import type { NotificationTemplate } from '../notifications/index.js';

/** What IAM tells a user about their own account. */
export const iamTemplates: Record<string, NotificationTemplate> = {
  'account.signInBlocked': {
    'zh-CN': {
      title: '您的账号登录已暂停',
      body: '有人多次用错误的密码尝试登录您的账号，登录已暂停到 {until}。如果不是您本人，请修改密码，或请管理员解除锁定。',
    },
    'en-US': {
      title: 'Sign-in to your account is paused',
      body: 'Someone tried to sign in to your account with a wrong password many times; sign-in is paused until {until} (Beijing time). If it was not you, change your password or ask an administrator to unlock it.',
    },
  },
};
