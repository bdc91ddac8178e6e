import {
  type DefaultRoleCode,
  defaultRoles,
  type Locale,
  type PermissionGroup,
  type Role,
} from '@concord/contracts';

/** A built-in role as `RolesService.ensureBuiltIn` creates it. */
export type BuiltInRole = Pick<Role, 'description' | 'permissions' | 'dataScope' | 'name'> & {
  code: DefaultRoleCode;
};

/**
 * The default roles with the permissions the loaded modules give them: each action names the
 * roles that hold it, and the administrator holds every action. So a module added to the list
 * brings its permissions to the right roles, with no central list to edit.
 */
export function builtInRoles(groups: readonly PermissionGroup[], locale: Locale = 'zh-CN'): BuiltInRole[] {
  const actions = groups.flatMap((group) => group.actions);
  return defaultRoles.map((role) => ({
    code: role.code,
    name: role.name[locale],
    description: role.description[locale],
    dataScope: role.dataScope,
    permissions: actions
      .filter(
        (action) => 'holdsEveryPermission' in role || (action.roles as readonly string[]).includes(role.code),
      )
      .map((action) => action.code),
  }));
}

/** The permission groups the loaded modules declare, in loading order. */
export function declaredPermissionGroups(
  loaded: readonly { definition: { permissions?: readonly PermissionGroup[] } }[],
): PermissionGroup[] {
  return loaded.flatMap(({ definition }) => definition.permissions ?? []);
}
