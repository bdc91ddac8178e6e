import { BUSINESS_TIME_ZONE, iamPermissionGroups } from '@concord/contracts';
import { defineModule } from '../kit/index.js';
import { DEMO_PASSWORD } from '../org/index.js';
import { AccessCache } from './access-cache.js';
import { AuthService, defaultAuthSettings } from './auth.service.js';
import { iamJobs } from './iam.jobs.js';
import { IdentityAdapter } from './identity.adapter.js';
import { iamMigrations } from './iam.migrations.js';
import { iamRoutes } from './iam.routes.js';
import { RolesService } from './roles.service.js';
import { iamAuditEvents } from './iam.audit-events.js';
import { iamTemplates } from './iam.templates.js';
import { iamDemo } from './iam.demo.js';

declare module '../kit/module.js' {
  interface ModuleRegistry {
    iam: { auth: AuthService; roles: RolesService };
  }
}

/** Sign-in, sessions, roles with their permissions and data scope. */
export const iamModule = defineModule({
  name: 'iam',
  requires: ['audit', 'org', 'notifications'],
  migrations: iamMigrations,
  permissions: iamPermissionGroups,
  auditEvents: iamAuditEvents,
  recordTypes: [{ type: 'role', entityOwned: false }],
  demo: iamDemo,
  templates: iamTemplates,
  create({ db, clock, settings }, { audit, org, notifications }) {
    // The organisation's user administration sets passwords, ends sessions and assigns roles through
    // this adapter; IAM reads entity names from the organisation for the role list.
    org.bindIdentity(new IdentityAdapter((trx, ids) => org.org.entitySummaries(ids, trx), clock));
    const roles = new RolesService(db, audit, org.org, clock);
    const auth = new AuthService(
      db,
      org.org,
      org.users,
      audit,
      clock,
      {
        ...defaultAuthSettings,
        sessionTtlHours: settings.sessionTtlHours,
        wellKnownPasswords: settings.demoPasswordsMustChange ? [DEMO_PASSWORD] : [],
      },
      new AccessCache(),
      // In the app and by e-mail, never to group robots: it is the user's own matter.
      async (trx, ctx, userId, until) => {
        const user = await org.users.loadUser(trx, userId);
        await notifications.notifications.notify(trx, ctx, {
          recipients: [userId],
          template: 'account.signInBlocked',
          // As the screen shows times: in the business time zone (Asia/Shanghai).
          params: {
            until: new Intl.DateTimeFormat('sv-SE', {
              timeZone: BUSINESS_TIME_ZONE,
              dateStyle: 'short',
              timeStyle: 'short',
            }).format(new Date(until)),
          },
          link: '/account/password',
          entityId: user.entityId,
          robots: false,
        });
      },
    );
    return {
      provides: { auth, roles },
      services: { auth, roles },
      routes: iamRoutes(auth, roles, org.users, {
        secure: settings.cookieSecure ?? false,
        loginPerMinute: settings.loginAttemptsPerMinute ?? 20,
      }),
      jobs: iamJobs(auth),
      schedules: [
        { name: 'purge-expired-sessions', type: 'iam.purgeSessions', payload: {}, everySeconds: 3600 },
      ],
    };
  },
});
