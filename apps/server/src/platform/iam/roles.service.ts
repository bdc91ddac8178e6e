import type { Role } from '@concord/contracts';
import type { roleCreateSchema, roleUpdateSchema } from '@concord/contracts';
import type { z } from 'zod';
import { type Db, newId, readBool, readInstant } from '../../db/index.js';
import type { AuditService } from '../audit/index.js';
import { AppError, duplicate, invalidReference, notFound, type RequestContext } from '../http/index.js';
import * as repo from './iam.repository.js';
import type { Clock } from '../jobs/index.js';

type RoleCreate = z.infer<typeof roleCreateSchema>;
type RoleUpdate = z.infer<typeof roleUpdateSchema>;

/** What roles need from the organisation (the org service provides it). */
export interface OrgLookup {
  existingEntityIds(ids: string[], db: Db): Promise<Set<string>>;
  existingDepartmentIds(ids: string[], db: Db): Promise<Set<string>>;
}

/** Roles are shared by the whole group; a user holds a role in a given entity (see user admin). */
export class RolesService {
  private readonly db: Db;

  constructor(
    db: Db,
    private readonly audit: AuditService,
    private readonly org: OrgLookup,
    private readonly clock: Clock,
  ) {
    this.db = db;
  }

  async list(ctx: RequestContext): Promise<Role[]> {
    await ctx.access.require('iam.role.view');
    return this.toRoles(this.db, await repo.listRoles(this.db));
  }

  async get(ctx: RequestContext, id: string): Promise<Role> {
    await ctx.access.require('iam.role.view');
    return this.load(this.db, id);
  }

  async create(ctx: RequestContext, input: RoleCreate): Promise<Role> {
    await ctx.access.require('iam.role.manage');
    return this.db.transaction().execute(async (trx) => {
      if (await repo.findRoleByCode(trx, input.code)) throw duplicate('code', input.code);
      await this.assertCustomTargets(trx, input.scopeEntityIds, input.scopeDepartmentIds);
      const now = this.clock.now().toISOString();
      const id = newId();
      await repo.insertRole(trx, {
        id,
        code: input.code,
        name: input.name,
        description: input.description ?? null,
        data_scope: input.dataScope,
        built_in: false,
        created_at: now,
        updated_at: now,
      });
      await repo.replaceRolePermissions(trx, id, [...new Set(input.permissions)]);
      const custom = input.dataScope === 'custom';
      await repo.replaceRoleScopes(
        trx,
        id,
        custom ? input.scopeEntityIds : [],
        custom ? input.scopeDepartmentIds : [],
      );
      const after = await this.load(trx, id);
      await this.audit.record(trx, ctx, {
        entityType: 'role',
        entityId: id,
        action: 'create',
        after: snapshot(after),
      });
      return after;
    });
  }

  async update(ctx: RequestContext, id: string, input: RoleUpdate): Promise<Role> {
    await ctx.access.require('iam.role.manage');
    return this.db.transaction().execute(async (trx) => {
      const before = await this.load(trx, id);
      if (input.code && input.code !== before.code && (await repo.findRoleByCode(trx, input.code))) {
        throw duplicate('code', input.code);
      }
      const dataScope = input.dataScope ?? before.dataScope;
      const entities = input.scopeEntityIds ?? before.scopeEntityIds;
      const departments = input.scopeDepartmentIds ?? before.scopeDepartmentIds;
      // Only targets given now are checked: one deleted since (a department) must not lock the role.
      await this.assertCustomTargets(trx, input.scopeEntityIds ?? [], input.scopeDepartmentIds ?? []);
      await repo.updateRole(trx, id, {
        ...(input.code !== undefined && { code: input.code }),
        ...(input.name !== undefined && { name: input.name }),
        ...(input.description !== undefined && { description: input.description }),
        data_scope: dataScope,
        updated_at: this.clock.now().toISOString(),
      });
      if (input.permissions) await repo.replaceRolePermissions(trx, id, [...new Set(input.permissions)]);
      const custom = dataScope === 'custom';
      await repo.replaceRoleScopes(trx, id, custom ? entities : [], custom ? departments : []);
      const after = await this.load(trx, id);
      await this.audit.record(trx, ctx, {
        entityType: 'role',
        entityId: id,
        action: 'update',
        before: snapshot(before),
        after: snapshot(after),
      });
      return after;
    });
  }

  async delete(ctx: RequestContext, id: string): Promise<void> {
    await ctx.access.require('iam.role.manage');
    await this.db.transaction().execute(async (trx) => {
      const before = await this.load(trx, id);
      if (before.builtIn) throw new AppError('BUILT_IN', { what: 'role' });
      if (await repo.roleInUse(trx, id)) throw new AppError('HAS_CHILDREN', { what: 'role' });
      await repo.deleteRole(trx, id);
      await this.audit.record(trx, ctx, {
        entityType: 'role',
        entityId: id,
        action: 'delete',
        before: snapshot(before),
      });
    });
  }

  /** Used by the demo seed and `create-admin`: built-in roles are created once, by code. */
  async ensureBuiltIn(
    trx: Db,
    ctx: RequestContext,
    role: Pick<Role, 'code' | 'name' | 'description' | 'permissions' | 'dataScope'>,
  ): Promise<string> {
    const existing = await repo.findRoleByCode(trx, role.code);
    if (existing) return existing.id;
    const id = newId();
    const now = this.clock.now().toISOString();
    await repo.insertRole(trx, {
      id,
      code: role.code,
      name: role.name,
      description: role.description,
      data_scope: role.dataScope,
      built_in: true,
      created_at: now,
      updated_at: now,
    });
    await repo.replaceRolePermissions(trx, id, role.permissions);
    await this.audit.record(trx, ctx, {
      entityType: 'role',
      entityId: id,
      action: 'create',
      after: { ...role, builtIn: true },
    });
    return id;
  }

  /** Custom-scope targets must exist; the organisation is asked, its tables are not read here. */
  private async assertCustomTargets(db: Db, entityIds: string[], departmentIds: string[]): Promise<void> {
    if (
      entityIds.length &&
      (await this.org.existingEntityIds(entityIds, db)).size !== new Set(entityIds).size
    ) {
      throw invalidReference('entity');
    }
    if (
      departmentIds.length &&
      (await this.org.existingDepartmentIds(departmentIds, db)).size !== new Set(departmentIds).size
    ) {
      throw invalidReference('department');
    }
  }

  private async load(db: Db, id: string): Promise<Role> {
    const row = await repo.findRole(db, id);
    if (!row) throw notFound();
    return (await this.toRoles(db, [row]))[0];
  }

  private async toRoles(db: Db, rows: repo.RoleRow[]): Promise<Role[]> {
    const ids = rows.map((r) => r.id);
    const [permissions, scopes] = await Promise.all([
      repo.rolePermissions(db, ids),
      repo.roleScopes(db, ids),
    ]);
    return rows.map((row) => ({
      id: row.id,
      code: row.code,
      name: row.name,
      description: row.description,
      permissions: permissions.get(row.id) ?? [],
      dataScope: row.data_scope as Role['dataScope'],
      scopeEntityIds: scopes.get(row.id)?.entities ?? [],
      scopeDepartmentIds: scopes.get(row.id)?.departments ?? [],
      builtIn: readBool(row.built_in),
      userCount: row.user_count ?? 0,
      createdAt: readInstant(row.created_at)!,
    }));
  }
}

function snapshot(role: Role): Record<string, unknown> {
  const { userCount: _u, createdAt: _c, id: _i, ...rest } = role;
  return rest;
}
