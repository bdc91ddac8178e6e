export { orgModule } from './org.module.js';
export { OrgService } from './org.service.js';
export type { OrgNames } from './org-names.js';
export { PositionsService } from './positions.service.js';
export { UserRolesService } from './user-roles.service.js';
export type { AccessSubject, IdentityPort, RoleGrant } from './users.ports.js';
export { UsersService } from './users.service.js';
export type { HandoverTarget, OpenWorkItem, OpenWorkKind } from './user-handover.js';
export type { OrgTables } from './org.tables.js';
/** The demo group's people and password (the CLI prints the logins, tests sign in as them). */
export {
  DEMO_PASSWORD,
  type DemoEntity,
  type DemoUser,
  demoEntities,
  demoPositions,
  demoUsers,
} from './org.demo-data.js';
export type { OrgDemo } from './org.demo.js';
