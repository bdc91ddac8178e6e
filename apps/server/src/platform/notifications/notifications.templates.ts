import type { Locale } from '@concord/contracts';

export type TemplateParams = Record<string, string | number>;

/** A message in both UI languages; `{name}` placeholders are filled from the notification's params. */
export interface NotificationTemplate {
  'zh-CN': { title: string; body: string };
  'en-US': { title: string; body: string };
}

export interface RenderedMessage {
  title: string;
  body: string;
}

/**
 * Templates every part of Concord may use. Other parts (the approval engine, modules) add theirs
 * with `NotificationTemplates.register` at composition time, so the platform names no module.
 */
const builtIn: Record<string, NotificationTemplate> = {
  'system.welcome': {
    'zh-CN': {
      title: '欢迎使用 Concord',
      body: '您好！待办、审批结果和系统消息都会出现在这里，也可以在个人资料中开启邮件通知。',
    },
    'en-US': {
      title: 'Welcome to Concord',
      body: 'Hello! Tasks, approval results and system messages appear here; e-mail notifications can be turned on in your profile.',
    },
  },
  'system.robotTest': {
    'zh-CN': { title: 'Concord 测试消息', body: '群机器人“{robot}”已正确配置，可以接收 Concord 的通知。' },
    'en-US': {
      title: 'Concord test message',
      body: 'The group robot "{robot}" is set up correctly and can receive Concord notifications.',
    },
  },
  'approval.pending': {
    'zh-CN': { title: '待您审批：{subject}', body: '{applicant} 提交的“{subject}”等待您审批。' },
    'en-US': {
      title: 'Awaiting your approval: {subject}',
      body: '{applicant} submitted "{subject}" for your approval.',
    },
  },
  'approval.approved': {
    'zh-CN': { title: '已通过：{subject}', body: '您提交的“{subject}”已审批通过。' },
    'en-US': { title: 'Approved: {subject}', body: 'Your "{subject}" has been approved.' },
  },
  'approval.rejected': {
    'zh-CN': { title: '已驳回：{subject}', body: '您提交的“{subject}”被驳回：{reason}' },
    'en-US': { title: 'Rejected: {subject}', body: 'Your "{subject}" was rejected: {reason}' },
  },
};

export class NotificationTemplates {
  readonly #templates = new Map<string, NotificationTemplate>(Object.entries(builtIn));

  register(key: string, template: NotificationTemplate): void {
    if (this.#templates.has(key)) throw new Error(`Notification template ${key} declared twice`);
    this.#templates.set(key, template);
  }

  has(key: string): boolean {
    return this.#templates.has(key);
  }

  /** Unknown keys (a template removed after its notifications were stored) render as the key itself. */
  render(key: string, locale: Locale, params: TemplateParams): RenderedMessage {
    const template = this.#templates.get(key)?.[locale];
    if (!template) return { title: key, body: '' };
    return { title: fill(template.title, params), body: fill(template.body, params) };
  }
}

function fill(text: string, params: TemplateParams): string {
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}
