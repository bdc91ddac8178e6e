import { notificationsPermissionGroups } from '@concord/contracts';
import { defineModule } from '../kit/index.js';
import { EmailSender } from './email.sender.js';
import { notificationJobs } from './notifications.jobs.js';
import { notificationsMigrations } from './notifications.migrations.js';
import { notificationsRecordTypes } from './notifications.record-types.js';
import { notificationsRoutes } from './notifications.routes.js';
import { NotificationsService } from './notifications.service.js';
import { NotificationTemplates } from './notifications.templates.js';
import { RobotsService } from './robots.service.js';
import { notificationsAuditEvents } from './notifications.audit-events.js';
import { notificationsDemo } from './notifications.demo.js';

declare module '../kit/module.js' {
  interface ModuleRegistry {
    notifications: { notifications: NotificationsService; templates: NotificationTemplates };
  }
}

/** In-app notifications, e-mail through the outbox, and group-chat robots. */
export const notificationsModule = defineModule({
  name: 'notifications',
  requires: ['audit', 'org', 'jobs'],
  migrations: notificationsMigrations,
  permissions: notificationsPermissionGroups,
  auditEvents: notificationsAuditEvents,
  recordTypes: notificationsRecordTypes,
  demo: notificationsDemo,
  create({ db, clock, settings }, { audit, org, jobs }) {
    const email = settings.smtpUrl
      ? new EmailSender(settings.smtpUrl, settings.smtpFrom ?? 'Concord <no-reply@concord.local>')
      : null;
    // Each module's templates are registered here by the composition root.
    const templates = new NotificationTemplates();
    const notifications = new NotificationsService(
      db,
      audit,
      jobs.jobs,
      templates,
      {
        // A removed user is simply not found.
        recipients: (trx, ids) => org.users.contacts(trx, ids),
      },
      { emailConfigured: !!email, publicUrl: settings.publicUrl },
      clock,
    );
    const robots = new RobotsService(db, audit, templates, clock);
    return {
      provides: { notifications, templates },
      services: { notifications, robots, templates, email },
      routes: notificationsRoutes(notifications, robots),
      jobs: notificationJobs(email),
      close: () => email?.close(),
    };
  },
});
