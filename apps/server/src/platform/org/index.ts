export { orgModule } from './org.module.js';
export { OrgService } from './org.service.js';
export { type IdentityPort, type RoleGrant, UsersService } from './users.service.js';
export type { OrgTables } from './org.tables.js';
