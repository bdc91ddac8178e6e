import type { RoleAssignment, User } from '@concord/contracts';
import { type Expression, type SqlBool, sql } from 'kysely';
import type { Db } from '../../db/index.js';
import type { Grants, ScopeSpec } from '../access/index.js';
import type { IdentityPort, RoleGrant } from '../org/index.js';
import { AppError } from '../http/index.js';
import { newPasswordSchema } from '@concord/contracts';
import * as repo from './iam.repository.js';
import { clearName } from './login-throttle.js';
import { hashPassword } from './passwords.js';
import type { Clock } from '../jobs/index.js';

/** IAM's side of user administration (passwords, sessions, role assignments) for the org service. */
export class IdentityAdapter implements IdentityPort {
  constructor(
    private readonly entityNames: (db: Db, ids: string[]) => Promise<{ id: string; name: string }[]>,
    private readonly clock: Clock,
  ) {}

  async setPassword(trx: Db, userId: string, password: string): Promise<void> {
    if (!newPasswordSchema.safeParse(password).success) throw new AppError('PASSWORD_POLICY');
    await repo.upsertCredential(trx, {
      user_id: userId,
      password_hash: await hashPassword(password),
      failed_count: 0,
      locked_until: null,
      changed_at: this.clock.now().toISOString(),
    });
  }

  liftSignInBlocks(trx: Db, username: string): Promise<void> {
    return clearName(trx, username);
  }

  async unlockSignIn(trx: Db, userId: string, username: string): Promise<void> {
    await clearName(trx, username);
    await repo.updateCredential(trx, userId, { failed_count: 0, locked_until: null });
  }

  async endSessions(trx: Db, userId: string): Promise<void> {
    await repo.deleteSessionsOfUser(trx, userId);
  }

  async identityOf(db: Db, userIds: string[]) {
    const [assignments, locks] = await Promise.all([
      repo.assignmentsOf(db, userIds),
      repo.lockouts(db, userIds),
    ]);
    const entities = new Map(
      (await this.entityNames(db, [...new Set(assignments.map((a) => a.entity_id))])).map((e) => [
        e.id,
        e.name,
      ]),
    );
    const now = this.clock.now().toISOString();
    const result = new Map<string, { roles: User['roles']; lockedUntil: string | null }>();
    for (const id of userIds) {
      const lockedUntil = locks.get(id) ?? null;
      result.set(id, {
        roles: [],
        lockedUntil:
          lockedUntil && new Date(lockedUntil).toISOString() > now
            ? new Date(lockedUntil).toISOString()
            : null,
      });
    }
    for (const a of assignments) {
      result.get(a.user_id)?.roles.push({
        roleId: a.role_id,
        entityId: a.entity_id,
        roleName: a.role_name,
        entityName: entities.get(a.entity_id) ?? '',
      });
    }
    return result;
  }

  async replaceRoles(trx: Db, userId: string, assignments: RoleAssignment[]): Promise<void> {
    const roleIds = [...new Set(assignments.map((a) => a.roleId))];
    if (roleIds.length) {
      const found = await repo.existingRoleIds(trx, roleIds);
      if (found.size !== roleIds.length) throw new AppError('INVALID_REFERENCE', { what: 'role' });
    }
    await repo.replaceAssignments(trx, userId, assignments);
  }

  async roleGrants(db: Db, roleIds: string[]): Promise<Map<string, RoleGrant>> {
    const result = new Map<string, RoleGrant>();
    if (roleIds.length === 0) return result;
    const roles = await repo.roleScopesOf(db, roleIds);
    const [permissions, scopes] = await Promise.all([
      repo.rolePermissions(db, roleIds),
      repo.roleScopes(db, roleIds),
    ]);
    for (const role of roles as { id: string; data_scope: string }[]) {
      result.set(role.id, {
        permissions: permissions.get(role.id) ?? [],
        dataScope: role.data_scope as RoleGrant['dataScope'],
        entityIds: scopes.get(role.id)?.entities ?? [],
        departmentIds: scopes.get(role.id)?.departments ?? [],
      });
    }
    return result;
  }

  roleMemberCondition(roleId: string): Expression<SqlBool> {
    return sql<SqlBool>`u.id in (select user_id from iam_user_role where role_id = ${roleId})`;
  }
}

/** The grants a user holds while acting in one entity: permission → scopes of the roles granting it. */
export async function loadGrants(db: Db, userId: string, entityId: string): Promise<Grants> {
  const rows = await repo.grantRows(db, userId, entityId);
  const specs = new Map<string, ScopeSpec>();
  const specOf = (row: (typeof rows)[number]) => {
    let spec = specs.get(row.role_id);
    if (!spec) {
      spec = {
        dataScope: row.data_scope as ScopeSpec['dataScope'],
        entityId,
        customEntityIds: [],
        customDepartmentIds: [],
      };
      specs.set(row.role_id, spec);
    }
    return spec;
  };
  const grants: Grants = new Map();
  for (const row of rows) {
    const spec = specOf(row);
    if (row.kind === 'scope') {
      (row.target_type === 'entity' ? spec.customEntityIds : spec.customDepartmentIds).push(row.value);
    } else {
      grants.set(row.value, [...(grants.get(row.value) ?? []), spec]);
    }
  }
  return grants;
}
