import type { DirectoryEntry, HandoverTarget, Page, User, UserOpenWork } from '@concord/contracts';
import type {
  profileUpdateSchema,
  userCreateSchema,
  userListQuerySchema,
  userUpdateSchema,
} from '@concord/contracts';
import type { z } from 'zod';
import { type Db, newId, readBool } from '../../db/index.js';
import { AccessControl, type Scope } from '../access/index.js';
import type { AuditService } from '../audit/index.js';
import {
  AppError,
  applySort,
  duplicate,
  fetchPage,
  presentedInBatches,
  notFound,
  type RequestContext,
} from '../http/index.js';
import * as repo from './org.repository.js';
import type { OrgUserTable } from './org.tables.js';
import * as usersRepo from './users.repository.js';
import { assertExtraDepartments, assertPosition, departmentInScope, userSnapshot } from './users.checks.js';
import type { IdentityPort } from './users.ports.js';
import { UserHandover } from './user-handover.js';
import { UserReads } from './users.reads.js';
import type { Clock } from '../jobs/index.js';

type UserCreate = z.infer<typeof userCreateSchema>;
type UserUpdate = z.infer<typeof userUpdateSchema>;
type ProfileUpdate = z.infer<typeof profileUpdateSchema>;
export type UserListQuery = z.infer<typeof userListQuerySchema>;

const sortColumns = {
  username: 'u.username',
  displayName: 'u.display_name',
  createdAt: 'u.created_at',
  lastLoginAt: 'u.last_login_at',
};

export class UsersService extends UserReads {
  private readonly db: Db;

  constructor(
    db: Db,
    private readonly audit: AuditService,
    identity: IdentityPort,
    private readonly clock: Clock,
    /** Where modules register the work a leaving user hands over. */
    readonly handover: UserHandover = new UserHandover(),
  ) {
    super(identity);
    this.db = db;
  }

  async list(ctx: RequestContext, query: UserListQuery): Promise<Page<User>> {
    const scope = await ctx.access.require('org.user.view');
    const filtered = await this.filtered(scope, query);
    const sorted = applySort(
      filtered,
      query.sort,
      sortColumns,
      { column: 'u.username', direction: 'asc' },
      'u.id',
    );
    const page = await fetchPage(sorted, query, (row) => row);
    return { ...page, items: await this.toUsers(this.db, page.items) };
  }

  async *exportRows(
    ctx: RequestContext,
    query: Omit<UserListQuery, 'page' | 'pageSize'>,
  ): AsyncGenerator<User> {
    const scope = await ctx.access.require('org.user.export');
    const filtered = (await this.filtered(scope, query)).orderBy('u.username').orderBy('u.id');
    yield* presentedInBatches(filtered, (batch) => this.toUsers(this.db, batch));
  }

  private async filtered(scope: Scope, query: Omit<UserListQuery, 'page' | 'pageSize'>) {
    let departmentIds: string[] | undefined;
    if (query.departmentId) {
      departmentIds = query.includeSubDepartments
        ? await repo.departmentWithDescendants(this.db, [query.departmentId])
        : [query.departmentId];
    }
    let filtered = usersRepo.filteredUserQuery(this.db, scope, {
      q: query.q,
      entityId: query.entityId,
      departmentIds,
      active: query.active,
    });
    if (query.roleId) filtered = filtered.where(this.identity.roleMemberCondition(query.roleId));
    return filtered;
  }

  /**
   * Colleagues to pick as approvers, CCs or signers: active users of the acting entity, of the
   * entities above it and of its subsidiaries (not of sibling subsidiaries), at most 20 per search.
   * Every signed-in user may search it; it shows names and departments only.
   */
  async directory(ctx: RequestContext, q: string | undefined): Promise<DirectoryEntry[]> {
    const actor = ctx.actor;
    if (!actor) throw new AppError('UNAUTHENTICATED');
    const below = await repo.entityWithDescendants(this.db, [actor.actingEntityId]);
    const above: string[] = [];
    for (let entity = await repo.findEntity(this.db, actor.actingEntityId); entity?.parent_id; ) {
      above.push(entity.parent_id);
      entity = await repo.findEntity(this.db, entity.parent_id);
    }
    const scope = {
      all: false,
      entityIds: new Set([...below, ...above]),
      departmentIds: new Set<string>(),
      userIds: new Set<string>(),
    };
    const rows = await usersRepo
      .filteredUserQuery(this.db, scope, { q, active: true })
      .orderBy('u.display_name')
      .orderBy('u.id')
      .limit(20)
      .execute();
    return rows.map((row) => ({
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      departmentName: row.department_name,
      entityName: row.entity_name,
    }));
  }

  async get(ctx: RequestContext, id: string): Promise<User> {
    const scope = await ctx.access.require('org.user.view');
    return this.visibleUser(this.db, scope, id);
  }

  async create(ctx: RequestContext, input: UserCreate): Promise<User> {
    const scope = await ctx.access.require('org.user.manage');
    return this.db.transaction().execute(async (trx) => {
      const department = await departmentInScope(trx, scope, input.departmentId);
      await assertExtraDepartments(trx, scope, input.extraDepartmentIds);
      if (input.positionId) await assertPosition(trx, input.positionId, department.entity_id);
      if (await usersRepo.findUserByUsername(trx, input.username))
        throw duplicate('username', input.username);
      const now = this.clock.now().toISOString();
      const row = {
        id: newId(),
        username: input.username.toLowerCase(),
        display_name: input.displayName,
        email: input.email ?? null,
        phone: input.phone ?? null,
        entity_id: department.entity_id,
        department_id: department.id,
        position_id: input.positionId,
        active: true,
        locale: input.locale,
        last_login_at: null,
        created_at: now,
        updated_at: now,
      };
      await usersRepo.insertUser(trx, row);
      const extra = [...new Set(input.extraDepartmentIds)].filter((d) => d !== department.id);
      await usersRepo.replaceExtraDepartments(trx, row.id, extra);
      await this.identity.setPassword(trx, row.id, input.password);
      const created = await this.loadUser(trx, row.id);
      // The same fields as an update records, so the audit trail names them alike.
      await this.audit.record(trx, ctx, {
        entityType: 'user',
        entityId: row.id,
        action: 'create',
        after: { ...userSnapshot(created), password: 'set' },
      });
      return created;
    });
  }

  async update(ctx: RequestContext, id: string, input: UserUpdate): Promise<User> {
    const scope = await ctx.access.require('org.user.manage');
    return this.db.transaction().execute(async (trx) => {
      const before = await this.visibleUser(trx, scope, id);
      let entityId = before.entityId;
      if (input.departmentId) entityId = (await departmentInScope(trx, scope, input.departmentId)).entity_id;
      if (input.extraDepartmentIds) await assertExtraDepartments(trx, scope, input.extraDepartmentIds);
      // A move to another entity must not keep a position of the old one.
      const positionId = input.positionId !== undefined ? input.positionId : before.positionId;
      if (positionId && (input.positionId || entityId !== before.entityId)) {
        await assertPosition(trx, positionId, entityId);
      }
      await usersRepo.updateUser(trx, id, {
        ...(input.displayName !== undefined && { display_name: input.displayName }),
        ...(input.email !== undefined && { email: input.email }),
        ...(input.phone !== undefined && { phone: input.phone }),
        ...(input.departmentId !== undefined && { department_id: input.departmentId, entity_id: entityId }),
        ...(input.positionId !== undefined && { position_id: input.positionId }),
        ...(input.locale !== undefined && { locale: input.locale }),
        updated_at: this.clock.now().toISOString(),
      });
      // A new main department is never also an extra one, even when the extras are not resent.
      if (input.extraDepartmentIds || input.departmentId) {
        const main = input.departmentId ?? before.departmentId;
        const extras = input.extraDepartmentIds ?? before.extraDepartmentIds;
        await usersRepo.replaceExtraDepartments(
          trx,
          id,
          [...new Set(extras)].filter((d) => d !== main),
        );
      }
      const after = await this.loadUser(trx, id);
      await this.audit.record(trx, ctx, {
        entityType: 'user',
        entityId: id,
        action: 'update',
        before: userSnapshot(before),
        after: userSnapshot(after),
      });
      return after;
    });
  }

  /** Disabling ends every session of the user at once. */
  /**
   * Enables or disables a user. A user who holds open work (pending approvals, ...) is disabled only
   * with a `handover` naming who takes it over, in the same transaction: nothing waits on someone
   * who can no longer sign in.
   */
  async setActive(
    ctx: RequestContext,
    id: string,
    active: boolean,
    handover?: HandoverTarget,
  ): Promise<User> {
    const scope = await ctx.access.require('org.user.manage');
    if (ctx.actor?.userId === id) throw new AppError('SELF_ACTION');
    return this.db.transaction().execute(async (trx) => {
      const before = await this.visibleUser(trx, scope, id);
      const handedOver = active
        ? []
        : await this.handover.beforeDisabling(trx, ctx, id, handover, async (userId) => {
            const [successor] = await usersRepo.userContacts(trx, [userId]);
            return Boolean(successor && readBool(successor.active));
          });
      await usersRepo.updateUser(trx, id, { active, updated_at: this.clock.now().toISOString() });
      if (!active) await this.identity.endSessions(trx, id);
      await this.audit.record(trx, ctx, {
        entityType: 'user',
        entityId: id,
        action: active ? 'enable' : 'disable',
        changes: [
          { field: 'active', old: before.active, new: active },
          ...(handedOver.length > 0 && handover
            ? [
                { field: 'handedOver', old: null, new: handedOver.map((m) => `${m.kind}: ${m.count}`) },
                {
                  field: 'handoverTo',
                  old: null,
                  new: handover.to === 'user' ? handover.userId : handover.to,
                },
              ]
            : []),
        ],
      });
      return this.loadUser(trx, id);
    });
  }

  /** What the user holds that others must take over, by kind (for the dialog before disabling). */
  async openWork(ctx: RequestContext, id: string): Promise<UserOpenWork> {
    const scope = await ctx.access.require('org.user.manage');
    await this.visibleUser(this.db, scope, id);
    return { kinds: await this.handover.openWork(this.db, id) };
  }

  async resetPassword(ctx: RequestContext, id: string, newPassword: string): Promise<void> {
    const scope = await ctx.access.require('org.user.resetPassword');
    await this.db.transaction().execute(async (trx) => {
      const user = await this.visibleUser(trx, scope, id);
      await this.identity.setPassword(trx, id, newPassword);
      await this.identity.endSessions(trx, id);
      await this.identity.liftSignInBlocks(trx, user.username);
      await this.audit.record(trx, ctx, {
        entityType: 'user',
        entityId: id,
        action: 'reset_password',
        changes: [{ field: 'password', old: '***', new: '***' }],
      });
    });
  }

  /** Lifts a user's sign-in blocks (someone guessed at their name) without touching the password. */
  async unlockSignIn(ctx: RequestContext, id: string): Promise<User> {
    const scope = await ctx.access.require('org.user.manage');
    return this.db.transaction().execute(async (trx) => {
      const user = await this.visibleUser(trx, scope, id);
      await this.identity.unlockSignIn(trx, id, user.username);
      await this.audit.record(trx, ctx, {
        entityType: 'user',
        entityId: id,
        action: 'unlock',
        changes: [{ field: 'lockedUntil', old: user.lockedUntil ?? null, new: null }],
      });
      return this.loadUser(trx, id);
    });
  }

  /** A user editing their own profile needs no permission beyond being signed in. */
  async updateOwnProfile(ctx: RequestContext, input: ProfileUpdate): Promise<void> {
    const userId = ctx.actor?.userId;
    if (!userId) throw new AppError('UNAUTHENTICATED');
    await this.db.transaction().execute(async (trx) => {
      const before = await this.loadUser(trx, userId);
      await usersRepo.updateUser(trx, userId, {
        ...(input.displayName !== undefined && { display_name: input.displayName }),
        ...(input.email !== undefined && { email: input.email }),
        ...(input.phone !== undefined && { phone: input.phone }),
        ...(input.locale !== undefined && { locale: input.locale }),
        updated_at: this.clock.now().toISOString(),
      });
      const after = await this.loadUser(trx, userId);
      await this.audit.record(trx, ctx, {
        entityType: 'user',
        entityId: userId,
        action: 'update_profile',
        before: userSnapshot(before),
        after: userSnapshot(after),
      });
    });
  }

  findByUsername(username: string) {
    return usersRepo.findUserByUsername(this.db, username);
  }

  /**
   * The user each of these names means, as an imported ledger writes them: by username, else by
   * display name ("王芳"); `ambiguous` when several users have that display name; unknown ones left
   * out. One query for them all.
   */
  async namedBy(names: string[]): Promise<Map<string, OrgUserTable | 'ambiguous'>> {
    const rows = await usersRepo.findUsersNamedBy(this.db, names);
    const found = new Map<string, OrgUserTable | 'ambiguous'>();
    for (const name of names) {
      const byUsername = rows.find((u) => u.username === name.toLowerCase());
      const byDisplayName = rows.filter((u) => u.display_name === name);
      if (byUsername) found.set(name, byUsername);
      else if (byDisplayName.length > 1) found.set(name, 'ambiguous');
      else if (byDisplayName.length === 1) found.set(name, byDisplayName[0]);
    }
    return found;
  }

  async recordLogin(trx: Db, userId: string): Promise<void> {
    await usersRepo.updateUser(trx, userId, { last_login_at: this.clock.now().toISOString() });
  }

  /** A user the scope lets the caller see (404 otherwise), for use cases of user administration. */
  async visibleUser(db: Db, scope: Scope, id: string): Promise<User> {
    const row = await usersRepo.findUser(db, id);
    if (!row) throw notFound();
    const user = (await this.toUsers(db, [row]))[0];
    AccessControl.assertVisible(scope, {
      entityId: user.entityId,
      departmentId: user.departmentId,
      extraDepartmentIds: user.extraDepartmentIds,
      ownerId: user.id,
    });
    return user;
  }
}
