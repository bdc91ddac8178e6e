export { orgMigrations } from './org.migrations.js';
export { orgRoutes } from './org.routes.js';
export { OrgService } from './org.service.js';
export { usersRoutes } from './users.routes.js';
export { type IdentityPort, type RoleGrant, UsersService } from './users.service.js';
export type { OrgTables } from './org.tables.js';
export { orgRecordTypes } from './org.record-types.js';
