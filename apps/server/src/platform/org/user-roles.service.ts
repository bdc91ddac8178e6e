import type { RoleAssignment, User } from '@concord/contracts';
import type { Db } from '../../db/index.js';
import { isInScope, type Scope } from '../access/index.js';
import type { AuditService } from '../audit/index.js';
import { AppError, invalidReference, type RequestContext } from '../http/index.js';
import * as repo from './org.repository.js';
import type { IdentityPort, RoleGrant } from './users.ports.js';
import type { UsersService } from './users.service.js';

/** Assigning roles to a user, each held in a legal entity: nobody hands out more than they hold. */
export class UserRolesService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly identity: IdentityPort,
    private readonly users: UsersService,
  ) {}

  async setRoles(ctx: RequestContext, id: string, assignments: RoleAssignment[]): Promise<User> {
    const scope = await ctx.access.require('org.user.assignRoles');
    if (ctx.actor?.userId === id) throw new AppError('SELF_ACTION');
    return this.db.transaction().execute(async (trx) => {
      const before = await this.users.visibleUser(trx, scope, id);
      for (const assignment of assignments) {
        const entity = await repo.findEntity(trx, assignment.entityId);
        if (!entity || !isInScope(scope, { entityId: entity.id })) throw invalidReference('entity');
      }
      const unique = [...new Map(assignments.map((a) => [`${a.roleId}/${a.entityId}`, a])).values()];
      const held = new Set(before.roles.map((r) => `${r.roleId}/${r.entityId}`));
      await this.assertGrantable(
        trx,
        ctx,
        scope,
        unique.filter((a) => !held.has(`${a.roleId}/${a.entityId}`)),
      );
      await this.identity.replaceRoles(trx, id, unique);
      const after = await this.users.loadUser(trx, id);
      await this.audit.record(trx, ctx, {
        entityType: 'user',
        entityId: id,
        action: 'set_roles',
        changes: [{ field: 'roles', old: rolesSummary(before.roles), new: rolesSummary(after.roles) }],
      });
      return after;
    });
  }

  /**
   * Nobody hands out more than they hold: a newly granted role may carry only permissions the actor
   * has, and its data scope may reach only what the actor's own scope for assigning roles covers.
   * Without this an entity administrator could make a colleague (or a user they create) a group
   * administrator. Roles the user already holds may stay when someone with fewer rights edits the rest.
   */
  private async assertGrantable(db: Db, ctx: RequestContext, scope: Scope, assignments: RoleAssignment[]) {
    if (assignments.length === 0) return;
    const grants = await this.identity.roleGrants(db, [...new Set(assignments.map((a) => a.roleId))]);
    for (const assignment of assignments) {
      const role = grants.get(assignment.roleId);
      if (!role) continue; // an unknown role is refused when the roles are replaced
      if (!role.permissions.every((p) => ctx.access.has(p))) throw new AppError('FORBIDDEN');
      if (!(await this.reachWithin(db, scope, role, assignment.entityId))) throw new AppError('FORBIDDEN');
    }
  }

  private async reachWithin(db: Db, scope: Scope, role: RoleGrant, entityId: string): Promise<boolean> {
    if (scope.all) return true;
    switch (role.dataScope) {
      case 'all':
        return false;
      case 'entity_and_below':
        return (await repo.entityWithDescendants(db, [entityId])).every((id) =>
          isInScope(scope, { entityId: id }),
        );
      case 'custom': {
        if (!role.entityIds.every((id) => isInScope(scope, { entityId: id }))) return false;
        const departments = await repo.departmentsExist(db, role.departmentIds);
        return departments.every((d) => isInScope(scope, { entityId: d.entity_id, departmentId: d.id }));
      }
      default:
        // self, department, department_and_below, entity: within the entity already checked to be in scope.
        return true;
    }
  }
}

function rolesSummary(roles: User['roles']): string[] {
  return roles.map((r) => `${r.roleName}@${r.entityName}`).sort();
}
