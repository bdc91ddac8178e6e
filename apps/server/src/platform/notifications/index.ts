export { notificationsModule } from './notifications.module.js';
export { EmailSender, type EmailMessage } from './email.sender.js';
export { EMAIL_JOB, ROBOT_JOB } from './notifications.jobs.js';
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
