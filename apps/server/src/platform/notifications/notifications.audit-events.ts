import { type AuditEventSet, auditRecord, label } from '../audit/index.js';

export const notificationsAuditEvents: AuditEventSet = {
  notification: auditRecord(
    '通知',
    'Notification',
    { notify: label('发送', 'Sent'), read: label('已读', 'Read'), readAll: label('全部已读', 'All read') },
    [],
  ),
  notification_preference: auditRecord('通知偏好', 'Notification preferences', {}, ['update']),
  notification_robot: auditRecord('群机器人', 'Group robot'),
};
