import { orgPermissionGroups } from '@concord/contracts';
import { IdentityAdapter } from '../iam/index.js';
import { defineModule } from '../kit/index.js';
import { orgMigrations } from './org.migrations.js';
import { orgRecordTypes } from './org.record-types.js';
import { orgRoutes } from './org.routes.js';
import { OrgService } from './org.service.js';
import { PositionsService } from './positions.service.js';
import { usersRoutes } from './users.routes.js';
import { UserRolesService } from './user-roles.service.js';
import { UsersService } from './users.service.js';
import { orgAuditEvents } from './org.audit-events.js';
import { orgDemo } from './org.demo.js';

declare module '../kit/module.js' {
  interface ModuleRegistry {
    org: { org: OrgService; users: UsersService };
  }
}

/** Legal entities, departments, positions and users: the organisation every record belongs to. */
export const orgModule = defineModule({
  name: 'org',
  requires: ['audit'],
  migrations: orgMigrations,
  permissions: orgPermissionGroups,
  auditEvents: orgAuditEvents,
  recordTypes: orgRecordTypes,
  demo: orgDemo,
  create({ db, clock }, { audit }) {
    const org = new OrgService(db, audit, clock);
    audit.nameUsersWith((ids) => org.userNames(ids));
    // Passwords, sessions and role assignments of a user are IAM's; it reads entity names from here.
    const identity = new IdentityAdapter((trx, ids) => org.entitySummaries(ids, trx), clock);
    const users = new UsersService(db, audit, identity, clock);
    const positions = new PositionsService(db, audit, clock);
    const userRoles = new UserRolesService(db, audit, identity, users);
    return {
      provides: { org, users },
      services: { org, users, positions, userRoles },
      routes: [...orgRoutes(org, positions), ...usersRoutes(users, userRoles)],
    };
  },
});
