/**
 * The catalogue of action permissions (menu and button level), one list per module: its definition
 * declares them (server) with the default roles that hold each, and the role editor shows the
 * whole catalogue as a matrix (one row per group, one checkbox per action). A role grants a subset
 * of these codes.
 */
import {
  contractsPermissionGroups,
  invoicesPermissionGroups,
  partnersPermissionGroups,
} from './business-permissions.js';
import {
  auditPermissionGroups,
  filesPermissionGroups,
  formsPermissionGroups,
  iamPermissionGroups,
  notificationsPermissionGroups,
  numberingPermissionGroups,
  orgPermissionGroups,
  workflowPermissionGroups,
} from './platform-permissions.js';

export * from './business-permissions.js';
export * from './permission-types.js';
export * from './platform-permissions.js';

/** The whole catalogue in the order the role editor shows it. */
export const permissionGroups = [
  ...orgPermissionGroups,
  ...iamPermissionGroups,
  ...notificationsPermissionGroups,
  ...formsPermissionGroups,
  ...filesPermissionGroups,
  ...workflowPermissionGroups,
  ...numberingPermissionGroups,
  ...partnersPermissionGroups,
  ...contractsPermissionGroups,
  ...invoicesPermissionGroups,
  ...auditPermissionGroups,
] as const;

export type PermissionCode = (typeof permissionGroups)[number]['actions'][number]['code'];

export const allPermissionCodes: PermissionCode[] = permissionGroups.flatMap((g) =>
  g.actions.map((a) => a.code),
);
