import { z } from 'zod';
import { type AuditEventSet, auditFields, auditRecord, auditValue as v, label } from '../audit/index.js';

export const notificationsAuditEvents: AuditEventSet = {
  notification: auditRecord(
    '通知',
    'Notification',
    { notify: label('发送', 'Sent'), read: label('已读', 'Read'), readAll: label('全部已读', 'All read') },
    [],
    {
      notify: auditFields({
        template: v.text,
        recipients: v.ids,
        link: v.text,
        entityId: v.id,
        emails: v.integer,
        robots: v.integer,
      }),
      read: auditFields({ read_at: v.instant }),
      readAll: auditFields({ count: v.integer }),
    },
  ),
  notification_preference: auditRecord('通知偏好', 'Notification preferences', {}, ['update'], {
    update: auditFields({ email_enabled: v.flag }),
  }),
  // The stored row, with whether it has a secret instead of the secret.
  notification_robot: auditRecord('群机器人', 'Group robot', {}, undefined, {
    '*': auditFields({
      id: v.id,
      entity_id: v.id,
      name: v.text,
      kind: z.enum(['dingtalk', 'wecom', 'feishu']),
      webhook_url: v.text,
      has_secret: v.flag,
      locale: v.text,
      enabled: v.flag,
      created_at: v.instant,
      updated_at: v.instant,
    }),
  }),
};
