export { AuthService, type AuthSettings, defaultAuthSettings } from './auth.service.js';
export { iamJobs } from './iam.jobs.js';
export { iamMigrations } from './iam.migrations.js';
export { clientInfo, iamRoutes, SESSION_COOKIE } from './iam.routes.js';
export { IdentityAdapter } from './identity.adapter.js';
export { RolesService } from './roles.service.js';
export { holdersOfRole, roleHoldersIn } from './iam.repository.js';
export const iamRecordTypes = [{ type: 'role', entityOwned: false as const }];
