import type { NotificationTemplate } from '../../../platform/notifications/index.js';

/** Contract reminders: expiry (per category's reminder days) and overdue archive borrows. */
export const contractReminderTemplates: Record<string, NotificationTemplate> = {
  'contract.expiring': {
    'zh-CN': {
      title: '合同即将到期：{contract}',
      body: '合同“{contract}”将于 {endDate} 到期（还有 {days} 天），请及时安排续签或结项。',
    },
    'en-US': {
      title: 'Contract expiring: {contract}',
      body: 'The contract "{contract}" ends on {endDate} (in {days} days); plan its renewal or close-out.',
    },
  },
  'contract.borrowOverdue': {
    'zh-CN': {
      title: '合同原件借阅逾期：{contract}',
      body: '合同“{contract}”的原件由{borrower}借出，应于 {dueDate} 归还，已逾期 {days} 天，请尽快归还。',
    },
    'en-US': {
      title: 'Overdue contract original: {contract}',
      body: 'The original of "{contract}", borrowed by {borrower}, was due back on {dueDate} and is {days} days overdue; please return it.',
    },
  },
};
