export { EmailSender, type EmailMessage } from './email.sender.js';
export { EMAIL_JOB, notificationJobs, ROBOT_JOB } from './notifications.jobs.js';
export { notificationsMigrations } from './notifications.migrations.js';
export { notificationsRecordTypes } from './notifications.record-types.js';
export { notificationsRoutes } from './notifications.routes.js';
export {
  NotificationsService,
  type NotificationsOptions,
  type NotifyInput,
  type RecipientDirectory,
} from './notifications.service.js';
export { type NotificationTemplate, NotificationTemplates } from './notifications.templates.js';
export { dingtalkSign, feishuSign, postToRobot, robotRequest } from './robot-webhooks.js';
export { RobotsService } from './robots.service.js';
export type { NotificationTables } from './notifications.tables.js';
