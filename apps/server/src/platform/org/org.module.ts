import { orgPermissionGroups } from '@concord/contracts';
import { defineModule } from '../kit/index.js';
import { BoundIdentity } from './bound-identity.js';
import { orgMigrations } from './org.migrations.js';
import { orgRecordTypes } from './org.record-types.js';
import { orgRoutes } from './org.routes.js';
import { OrgService } from './org.service.js';
import { PositionsService } from './positions.service.js';
import { usersRoutes } from './users.routes.js';
import { UserRolesService } from './user-roles.service.js';
import type { IdentityPort } from './users.ports.js';
import { UsersService } from './users.service.js';
import { orgAuditEvents } from './org.audit-events.js';
import { orgDemo } from './org.demo.js';

declare module '../kit/module.js' {
  interface ModuleRegistry {
    org: {
      org: OrgService;
      users: UsersService;
      /** IAM binds its implementation of the identity port here (passwords, sessions, roles). */
      bindIdentity(port: IdentityPort): void;
    };
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
    // Passwords, sessions and role assignments of a user are IAM's, which binds them when created.
    const identity = new BoundIdentity();
    const users = new UsersService(db, audit, identity, clock);
    const positions = new PositionsService(db, audit, clock);
    const userRoles = new UserRolesService(db, audit, identity, users);
    return {
      provides: { org, users, bindIdentity: (port: IdentityPort) => identity.bind(port) },
      services: { org, users, positions, userRoles },
      routes: [...orgRoutes(org, positions), ...usersRoutes(users, userRoles)],
    };
  },
});
