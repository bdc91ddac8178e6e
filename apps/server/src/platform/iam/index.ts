export { iamModule } from './iam.module.js';
export { AuthService, type AuthSettings, defaultAuthSettings } from './auth.service.js';
export { clientInfo, SESSION_COOKIE } from './iam.routes.js';
export { RolesService } from './roles.service.js';
export { holdersOfRole, roleHoldersIn, roleNamesByCode } from './iam.repository.js';
export { type BuiltInRole, builtInRoles, declaredPermissionGroups } from './built-in-roles.js';
