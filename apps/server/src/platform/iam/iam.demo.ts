import type { RequestContext } from '../http/index.js';
import { type DemoPlatform, type DemoSeeded, defineDemo, type ServicesOf } from '../kit/index.js';
import type { orgModule } from '../org/index.js';
import type { AuthService } from './auth.service.js';
import { builtInRoles, declaredPermissionGroups } from './built-in-roles.js';
import type { RolesService } from './roles.service.js';

/** What IAM's demo leaves for the steps after it: the built-in roles, and how to act as a demo user. */
export interface IamDemo {
  /** Built-in role ids by role code. */
  roleIds: ReadonlyMap<string, string>;
  /** A demo user's context, acting in their home entity unless another is named (as a sign-in would). */
  as(username: string, entityId?: string): Promise<RequestContext>;
}

declare module '../kit/module.js' {
  interface DemoRegistry {
    iam: IamDemo;
  }
}

/**
 * The built-in roles (with the permissions the loaded modules give them) and each demo user's roles
 * in their entity; the group's administrator also administers each subsidiary, to show the entity
 * switcher.
 */
export const iamDemo = defineDemo({
  seed: async (
    services: { auth: AuthService; roles: RolesService } & Pick<
      ServicesOf<typeof orgModule>,
      'users' | 'userRoles'
    > &
      DemoPlatform,
    { org }: DemoSeeded<'org'>,
  ): Promise<IamDemo> => {
    const ctx = services.systemContext('seed-demo');
    const roleIds = new Map<string, string>();
    await services.db.transaction().execute(async (trx) => {
      for (const role of builtInRoles(declaredPermissionGroups(services.loaded)))
        roleIds.set(role.code, await services.roles.ensureBuiltIn(trx, ctx, role));
    });
    // One user may hold roles in several entities: their grants are set together (setRoles replaces).
    const assignmentsByUser = new Map<string, { roleId: string; entityId: string }[]>();
    for (const grant of org.roleGrants) {
      const assignments = grant.roles.map((code) => ({
        roleId: roleIds.get(code)!,
        entityId: grant.entityId,
      }));
      assignmentsByUser.set(grant.userId, [...(assignmentsByUser.get(grant.userId) ?? []), ...assignments]);
    }
    for (const [userId, assignments] of assignmentsByUser) {
      await services.userRoles.setRoles(ctx, userId, assignments);
    }
    const adminId = org.userIds.get('admin');
    if (adminId) {
      await services.userRoles.setRoles(
        ctx,
        adminId,
        [...org.entityIds.values()].map((entityId) => ({ roleId: roleIds.get('admin')!, entityId })),
      );
    }
    const as = async (username: string, entityId?: string): Promise<RequestContext> => {
      const user = await services.users.findByUsername(username);
      if (!user) throw new Error(`demo user ${username} missing`);
      return services.auth.contextForUser(user.id, entityId ?? user.entity_id, 'seed-demo');
    };
    return { roleIds, as };
  },
});
