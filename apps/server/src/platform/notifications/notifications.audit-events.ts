import type { AuditEventSet } from '../audit/index.js';

export const notificationsAuditEvents: AuditEventSet = {
  notification: {
    label: { 'zh-CN': '通知', 'en-US': 'Notification' },
    actions: {
      notify: { 'zh-CN': '发送', 'en-US': 'Sent' },
      read: { 'zh-CN': '已读', 'en-US': 'Read' },
      readAll: { 'zh-CN': '全部已读', 'en-US': 'All read' },
    },
  },
  notification_preference: {
    label: { 'zh-CN': '通知偏好', 'en-US': 'Notification preferences' },
    actions: { update: { 'zh-CN': '修改', 'en-US': 'Updated' } },
  },
  notification_robot: {
    label: { 'zh-CN': '群机器人', 'en-US': 'Group robot' },
    actions: {
      create: { 'zh-CN': '新增', 'en-US': 'Created' },
      update: { 'zh-CN': '修改', 'en-US': 'Updated' },
      delete: { 'zh-CN': '删除', 'en-US': 'Deleted' },
    },
  },
};
