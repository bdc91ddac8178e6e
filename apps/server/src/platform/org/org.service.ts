import type { Department, Entity } from '@concord/contracts';
import type { z } from 'zod';
import type {
  departmentCreateSchema,
  departmentUpdateSchema,
  entityCreateSchema,
  entityUpdateSchema,
} from '@concord/contracts';
import { type Db, newId, readBool } from '../../db/index.js';
import { AccessControl, isInScope, type OrgTree } from '../access/index.js';
import type { AuditService } from '../audit/index.js';
import { AppError, duplicate, invalidReference, notFound, type RequestContext } from '../http/index.js';
import { auditSnapshot, toDepartment, toEntity } from './org.mappers.js';
import * as repo from './org.repository.js';
import * as usersRepo from './users.repository.js';
import { OrgNameCache, type OrgNames } from './org-names.js';
import type { Clock } from '../jobs/index.js';

type EntityCreate = z.infer<typeof entityCreateSchema>;
type EntityUpdate = z.infer<typeof entityUpdateSchema>;
type DepartmentCreate = z.infer<typeof departmentCreateSchema>;
type DepartmentUpdate = z.infer<typeof departmentUpdateSchema>;

/**
 * Legal entities and departments, plus the organisation queries other parts of the platform need
 * (trees for data scopes, supervisors for the approval engine). Positions are `PositionsService`'s.
 */
export class OrgService implements OrgTree {
  private readonly db: Db;
  readonly #names: OrgNameCache;

  constructor(
    db: Db,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {
    this.db = db;
    this.#names = new OrgNameCache(db);
  }

  /**
   * Entity, department and user names for a list's rows, cached per access stamp (`org-names.ts`):
   * a read path's helper, not for a transaction that has just written to the organisation.
   */
  namesFor(ctx: RequestContext): OrgNames {
    return this.#names.at(ctx.accessStamp);
  }

  // ------------------------------------------------------------ entities
  async listEntities(ctx: RequestContext): Promise<Entity[]> {
    const scope = await ctx.access.require('org.entity.view');
    return (await repo.listEntities(this.db, scope)).map(toEntity);
  }

  async getEntity(ctx: RequestContext, id: string): Promise<Entity> {
    const scope = await ctx.access.require('org.entity.view');
    const row = await repo.findEntity(this.db, id);
    if (!row) throw notFound();
    AccessControl.assertVisible(scope, { entityId: row.id });
    return toEntity(row);
  }

  async createEntity(ctx: RequestContext, input: EntityCreate): Promise<Entity> {
    const scope = await ctx.access.require('org.entity.manage');
    return this.db.transaction().execute(async (trx) => {
      const parent = await repo.findEntity(trx, input.parentId);
      if (!parent || !isInScope(scope, { entityId: parent.id })) throw invalidReference('parent entity');
      return this.insertEntity(trx, ctx, parent.id, input);
    });
  }

  /** The group itself: created once, on first start (demo seed or `create-admin`). */
  async createRootEntity(
    ctx: RequestContext,
    input: Omit<EntityCreate, 'parentId' | 'sortOrder'>,
  ): Promise<Entity> {
    const scope = await ctx.access.require('org.entity.manage');
    if (!scope.all) throw new AppError('FORBIDDEN');
    return this.db.transaction().execute(async (trx) => {
      if (await repo.findRootEntity(trx)) throw duplicate('group', input.code);
      return this.insertEntity(trx, ctx, null, { ...input, sortOrder: 0 });
    });
  }

  private async insertEntity(
    trx: Db,
    ctx: RequestContext,
    parentId: string | null,
    input: Omit<EntityCreate, 'parentId'>,
  ): Promise<Entity> {
    if (await repo.findEntityByCode(trx, input.code)) throw duplicate('code', input.code);
    const now = this.clock.now().toISOString();
    const row = {
      id: newId(),
      parent_id: parentId,
      code: input.code,
      name: input.name,
      short_name: input.shortName ?? null,
      credit_code: input.creditCode ?? null,
      active: true,
      sort_order: input.sortOrder,
      created_at: now,
      updated_at: now,
    };
    await repo.insertEntity(trx, row);
    await this.audit.record(trx, ctx, {
      entityType: 'entity',
      entityId: row.id,
      action: 'create',
      after: auditSnapshot(row),
    });
    return toEntity(row);
  }

  async updateEntity(ctx: RequestContext, id: string, input: EntityUpdate): Promise<Entity> {
    const scope = await ctx.access.require('org.entity.manage');
    return this.db.transaction().execute(async (trx) => {
      const before = await repo.findEntity(trx, id);
      if (!before) throw notFound();
      AccessControl.assertVisible(scope, { entityId: before.id });
      if (input.code && input.code !== before.code && (await repo.findEntityByCode(trx, input.code))) {
        throw duplicate('code', input.code);
      }
      if (input.active === false && before.parent_id === null)
        throw new AppError('BUILT_IN', { what: 'entity' });
      const patch = {
        ...(input.code !== undefined && { code: input.code }),
        ...(input.name !== undefined && { name: input.name }),
        ...(input.shortName !== undefined && { short_name: input.shortName }),
        ...(input.creditCode !== undefined && { credit_code: input.creditCode }),
        ...(input.active !== undefined && { active: input.active }),
        ...(input.sortOrder !== undefined && { sort_order: input.sortOrder }),
        updated_at: this.clock.now().toISOString(),
      };
      await repo.updateEntity(trx, id, patch);
      const after = (await repo.findEntity(trx, id))!;
      await this.audit.record(trx, ctx, {
        entityType: 'entity',
        entityId: id,
        action: 'update',
        before: auditSnapshot(before),
        after: auditSnapshot(after),
      });
      return toEntity(after);
    });
  }

  // ------------------------------------------------------------ departments
  async listDepartments(ctx: RequestContext, entityId?: string): Promise<Department[]> {
    const scope = await ctx.access.require('org.department.view');
    return (await repo.listDepartments(this.db, scope, entityId)).map(toDepartment);
  }

  async getDepartment(ctx: RequestContext, id: string): Promise<Department> {
    const scope = await ctx.access.require('org.department.view');
    const row = await repo.findDepartment(this.db, id);
    if (!row) throw notFound();
    AccessControl.assertVisible(scope, { entityId: row.entity_id, departmentId: row.id });
    return toDepartment(row);
  }

  async createDepartment(ctx: RequestContext, input: DepartmentCreate): Promise<Department> {
    const scope = await ctx.access.require('org.department.manage');
    return this.db.transaction().execute(async (trx) => {
      const entity = await repo.findEntity(trx, input.entityId);
      if (!entity || !isInScope(scope, { entityId: entity.id })) throw invalidReference('entity');
      if (input.parentId) await this.assertParentDepartment(trx, input.parentId, entity.id);
      if (input.headUserId) await this.assertHead(trx, input.headUserId, entity.id);
      if (await repo.findDepartmentByCode(trx, entity.id, input.code)) throw duplicate('code', input.code);
      const now = this.clock.now().toISOString();
      const row = {
        id: newId(),
        entity_id: entity.id,
        parent_id: input.parentId,
        code: input.code,
        name: input.name,
        head_user_id: input.headUserId,
        sort_order: input.sortOrder,
        created_at: now,
        updated_at: now,
      };
      await repo.insertDepartment(trx, row);
      await this.audit.record(trx, ctx, {
        entityType: 'department',
        entityId: row.id,
        action: 'create',
        after: auditSnapshot(row),
      });
      return toDepartment((await repo.findDepartment(trx, row.id))!);
    });
  }

  async updateDepartment(ctx: RequestContext, id: string, input: DepartmentUpdate): Promise<Department> {
    const scope = await ctx.access.require('org.department.manage');
    return this.db.transaction().execute(async (trx) => {
      const before = await repo.findDepartment(trx, id);
      if (!before) throw notFound();
      AccessControl.assertVisible(scope, { entityId: before.entity_id, departmentId: before.id });
      if (input.parentId) {
        await this.assertParentDepartment(trx, input.parentId, before.entity_id);
        const subtree = await repo.departmentWithDescendants(trx, [id]);
        if (subtree.includes(input.parentId)) throw new AppError('TREE_CYCLE', { what: 'department' });
      }
      if (input.headUserId) await this.assertHead(trx, input.headUserId, before.entity_id);
      if (
        input.code &&
        input.code !== before.code &&
        (await repo.findDepartmentByCode(trx, before.entity_id, input.code))
      ) {
        throw duplicate('code', input.code);
      }
      await repo.updateDepartment(trx, id, {
        ...(input.parentId !== undefined && { parent_id: input.parentId }),
        ...(input.code !== undefined && { code: input.code }),
        ...(input.name !== undefined && { name: input.name }),
        ...(input.headUserId !== undefined && { head_user_id: input.headUserId }),
        ...(input.sortOrder !== undefined && { sort_order: input.sortOrder }),
        updated_at: this.clock.now().toISOString(),
      });
      const after = (await repo.findDepartment(trx, id))!;
      await this.audit.record(trx, ctx, {
        entityType: 'department',
        entityId: id,
        action: 'update',
        before: departmentSnapshot(before),
        after: departmentSnapshot(after),
      });
      return toDepartment(after);
    });
  }

  async deleteDepartment(ctx: RequestContext, id: string): Promise<void> {
    const scope = await ctx.access.require('org.department.manage');
    await this.db.transaction().execute(async (trx) => {
      const before = await repo.findDepartment(trx, id);
      if (!before) throw notFound();
      AccessControl.assertVisible(scope, { entityId: before.entity_id, departmentId: before.id });
      if (await repo.departmentInUse(trx, id)) throw new AppError('HAS_CHILDREN', { what: 'department' });
      await repo.deleteDepartment(trx, id);
      await this.audit.record(trx, ctx, {
        entityType: 'department',
        entityId: id,
        action: 'delete',
        before: departmentSnapshot(before),
      });
    });
  }

  private async assertParentDepartment(trx: Db, parentId: string, entityId: string) {
    const parent = await repo.findDepartment(trx, parentId);
    if (!parent || parent.entity_id !== entityId) throw invalidReference('parent department');
  }

  private async assertHead(trx: Db, userId: string, entityId: string) {
    const head = await usersRepo.findUser(trx, userId);
    if (!head || head.entity_id !== entityId) throw invalidReference('department head');
  }

  // ------------------------------------------------------------ directory (no access check: internal queries)
  entityWithDescendants(entityIds: string[]): Promise<string[]> {
    return repo.entityWithDescendants(this.db, entityIds);
  }

  departmentWithDescendants(departmentIds: string[]): Promise<string[]> {
    return repo.departmentWithDescendants(this.db, departmentIds);
  }

  /** Pass the transaction when inside one: SQLite has a single connection, and waiting for it would deadlock. */
  async entitySummaries(
    ids: string[],
    db: Db = this.db,
  ): Promise<{ id: string; name: string; code: string }[]> {
    const wanted = new Set(ids);
    const rows = await repo.listEntities(db, {
      all: true,
      entityIds: new Set(),
      departmentIds: new Set(),
      userIds: new Set(),
    });
    return rows.filter((r) => wanted.has(r.id)).map((r) => ({ id: r.id, name: r.name, code: r.code }));
  }

  /** Every active entity (id, name), for checks that go through the whole group. */
  async activeEntities(db: Db = this.db): Promise<{ id: string; name: string }[]> {
    const rows = await repo.listEntities(db, {
      all: true,
      entityIds: new Set(),
      departmentIds: new Set(),
      userIds: new Set(),
    });
    return rows.filter((r) => readBool(r.active)).map((r) => ({ id: r.id, name: r.name }));
  }

  /**
   * The whole organisation chart in one read, for the approval engine's org snapshot: departments
   * with parent and head, every user's main department, and who is disabled.
   */
  async orgChart(db: Db = this.db) {
    const [departments, users] = await Promise.all([
      repo.allDepartmentHeads(db),
      usersRepo.allMemberships(db),
    ]);
    return {
      departments: departments.map((d) => ({ id: d.id, parentId: d.parent_id, headUserId: d.head_user_id })),
      members: Object.fromEntries(users.map((u) => [u.id, u.department_id])),
      inactive: users.filter((u) => !readBool(u.active)).map((u) => u.id),
    };
  }

  /** Of these ids, the departments that exist. Pass the transaction when inside one. */
  async existingEntityIds(ids: string[], db: Db = this.db): Promise<Set<string>> {
    return new Set((await repo.entitiesExist(db, ids)).map((r) => r.id));
  }

  /** True until the first legal entity exists (a first start). */
  async isEmpty(db: Db = this.db): Promise<boolean> {
    return !(await repo.findRootEntity(db));
  }

  async existingDepartmentIds(ids: string[], db: Db = this.db): Promise<Set<string>> {
    return new Set((await repo.departmentsExist(db, ids)).map((r) => r.id));
  }

  /** Names and entities of departments, for documents that show who they belong to. */
  async departmentSummaries(
    ids: string[],
    db: Db = this.db,
  ): Promise<Map<string, { name: string; entityId: string }>> {
    return repo.departmentSummaries(db, ids);
  }

  /** Pass the transaction when inside one (SQLite's single connection). */
  userNames(ids: string[], db: Db = this.db): Promise<Map<string, string>> {
    return usersRepo.userNames(db, ids);
  }

  async headOfDepartment(departmentId: string): Promise<string | null> {
    const department = await repo.findDepartment(this.db, departmentId);
    return department?.head_user_id ?? null;
  }

  /**
   * The user's supervisors, nearest first: the heads of their main department and its ancestors.
   * A department without a head is skipped (the next one up stands in) and so is the user
   * themself, which is how a department head's first supervisor becomes the parent's head.
   */
  async supervisorLadder(userId: string): Promise<string[]> {
    const user = await usersRepo.findUser(this.db, userId);
    if (!user) return [];
    const chain = await repo.departmentChain(this.db, user.department_id);
    const ladder: string[] = [];
    for (const department of chain) {
      const head = department.head_user_id;
      if (!head || head === userId || ladder[ladder.length - 1] === head) continue;
      ladder.push(head);
    }
    return ladder;
  }

  /** The N-th supervisor of a user (level 1 = the head of their department), or null. */
  async supervisorOf(userId: string, level: number): Promise<string | null> {
    if (level < 1) return null;
    return (await this.supervisorLadder(userId))[level - 1] ?? null;
  }

  /**
   * Supervisors from the nearest up: to the top, to a level, or to the first one for whom
   * `stopAt` answers true (inclusive; e.g. the first holder of a role).
   */
  async supervisorChain(
    userId: string,
    until:
      | { kind: 'top' }
      | { kind: 'level'; level: number }
      | { kind: 'predicate'; stopAt: (userId: string) => Promise<boolean> },
  ): Promise<string[]> {
    const ladder = await this.supervisorLadder(userId);
    if (until.kind === 'top') return ladder;
    if (until.kind === 'level') return ladder.slice(0, Math.max(0, until.level));
    const chain: string[] = [];
    for (const supervisor of ladder) {
      chain.push(supervisor);
      if (await until.stopAt(supervisor)) break;
    }
    return chain;
  }
}

function departmentSnapshot(row: repo.DepartmentRow): Record<string, unknown> {
  const { head_name: _h, member_count: _m, ...rest } = row;
  return auditSnapshot(rest);
}
