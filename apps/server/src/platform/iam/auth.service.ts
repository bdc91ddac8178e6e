import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Locale, SessionInfo } from '@concord/contracts';
import { type Db, readBool } from '../../db/index.js';
import { AccessControl } from '../access/index.js';
import type { AuditService } from '../audit/index.js';
import { type Actor, AppError, type RequestContext } from '../http/index.js';
import type { OrgService, UsersService } from '../org/index.js';
import type { AccessCache, CachedAccess } from './access-cache.js';
import { loadGrants } from './identity.adapter.js';
import * as repo from './iam.repository.js';
import {
  blockedMinutes,
  clearOnSuccess,
  purgeStaleThrottle,
  recordLoginFailure,
  throttleKeys,
} from './login-throttle.js';
import { burnVerification, hashPassword, verifyPassword } from './passwords.js';
import type { Clock } from '../jobs/index.js';

export interface AuthSettings {
  sessionTtlHours: number;
  /**
   * Passwords everyone knows (the demo's) that must be changed before anything else when typed at
   * sign-in: set when Concord serves other machines (HOST not a loopback address).
   */
  wellKnownPasswords: readonly string[];
}

export const defaultAuthSettings: AuthSettings = { sessionTtlHours: 12, wellKnownPasswords: [] };

/** Where a request comes from, for the session row and the audit log. */
export interface ClientInfo {
  requestId: string;
  ip: string | null;
  userAgent: string | null;
  locale: Locale;
}

const sessionIdOf = (token: string) => createHash('sha256').update(token).digest('hex');
const addMinutes = (iso: string, minutes: number) =>
  new Date(Date.parse(iso) + minutes * 60_000).toISOString();

/**
 * Sign-in, sessions and the request context. The session token lives only in the HttpOnly cookie;
 * the database keeps its SHA-256, so a leaked table does not leak sessions.
 */
export class AuthService {
  private readonly db: Db;

  constructor(
    db: Db,
    private readonly org: OrgService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly settings: AuthSettings = defaultAuthSettings,
    private readonly accessCache?: AccessCache,
    /** Tells a user their name is blocked from signing in for a while (someone guessed at it). */
    private readonly tellBlocked?: (
      trx: Db,
      ctx: RequestContext,
      userId: string,
      until: string,
    ) => Promise<void>,
  ) {
    this.db = db;
  }

  async login(
    client: ClientInfo,
    username: string,
    password: string,
  ): Promise<{ token: string; info: SessionInfo }> {
    // Throttled by the name typed and the address (login-throttle.ts): checked before the name is
    // looked up, and counted for unknown names too, so no answer tells whether an account exists.
    const keys = throttleKeys(username, client.ip);
    const nowDate = this.clock.now();
    const minutes = await blockedMinutes(this.db, keys, nowDate);
    if (minutes) throw new AppError('ACCOUNT_LOCKED', { minutes });
    const user = await this.users.findByUsername(username);
    const credential = user ? await repo.findCredential(this.db, user.id) : undefined;
    if (!user || !credential) {
      await burnVerification(password);
      await this.db.transaction().execute((trx) => recordLoginFailure(trx, keys, nowDate));
      throw new AppError('LOGIN_FAILED');
    }
    const now = nowDate.toISOString();
    const anonymous = this.systemlessContext(client, null);
    if (!(await verifyPassword(credential.password_hash, password))) {
      await this.recordFailure(anonymous, user.id, credential.failed_count + 1, keys);
      throw new AppError('LOGIN_FAILED');
    }
    if (!readBool(user.active)) throw new AppError('ACCOUNT_DISABLED');

    const token = randomBytes(32).toString('base64url');
    const sessionId = sessionIdOf(token);
    const entities = await repo.entitiesWithRoles(this.db, user.id);
    const actingEntityId = entities.includes(user.entity_id)
      ? user.entity_id
      : (entities[0] ?? user.entity_id);
    await this.db.transaction().execute(async (trx) => {
      await repo.updateCredential(trx, user.id, { failed_count: 0, locked_until: null });
      await clearOnSuccess(trx, keys);
      await repo.insertSession(trx, {
        id: sessionId,
        user_id: user.id,
        acting_entity_id: actingEntityId,
        csrf_token: randomBytes(24).toString('base64url'),
        created_at: now,
        last_seen_at: now,
        expires_at: addMinutes(now, this.settings.sessionTtlHours * 60),
        ip: client.ip,
        user_agent: client.userAgent?.slice(0, 300) ?? null,
        password_change_required: this.settings.wellKnownPasswords.includes(password),
      });
      await this.users.recordLogin(trx, user.id);
      const actorCtx = this.systemlessContext(client, { userId: user.id, actingEntityId });
      await this.audit.record(trx, actorCtx, {
        entityType: 'session',
        entityId: user.id,
        action: 'login',
        changes: [],
      });
    });
    const ctx = await this.contextForSession(client, sessionId, { checkCsrf: false, csrfHeader: undefined });
    return { token, info: await this.sessionInfo(ctx) };
  }

  /**
   * A wrong password for a known account: counted against the throttle's keys and in the account's
   * failure count, audited; `login_locked` when the name's own key is now blocked (failures from
   * many addresses), which also shows the account as locked to administrators until it ends.
   */
  private async recordFailure(
    ctx: RequestContext,
    userId: string,
    failedCount: number,
    keys: ReturnType<typeof throttleKeys>,
  ): Promise<void> {
    const now = this.clock.now();
    await this.db.transaction().execute(async (trx) => {
      const blockedUntil = await recordLoginFailure(trx, keys, now);
      const accountBlocked = blockedUntil !== null;
      await repo.updateCredential(trx, userId, { failed_count: failedCount, locked_until: blockedUntil });
      await this.audit.record(trx, ctx, {
        entityType: 'session',
        entityId: userId,
        action: accountBlocked ? 'login_locked' : 'login_failed',
        changes: [{ field: 'failedCount', old: failedCount - 1, new: failedCount }],
      });
      if (blockedUntil) await this.tellBlocked?.(trx, ctx, userId, blockedUntil);
    });
  }

  async logout(ctx: RequestContext): Promise<void> {
    const actor = requireActor(ctx);
    await this.db.transaction().execute(async (trx) => {
      await repo.deleteSession(trx, actor.sessionId);
      await this.audit.record(trx, ctx, {
        entityType: 'session',
        entityId: actor.userId,
        action: 'logout',
        changes: [],
      });
    });
  }

  /** Builds the context of a signed-in request; throws 401 without a live session, 403 on a bad CSRF token. */
  async authenticate(
    client: ClientInfo,
    token: string | undefined,
    options: { checkCsrf: boolean; csrfHeader: string | undefined },
  ): Promise<RequestContext> {
    if (!token || token.length > 100) throw new AppError('UNAUTHENTICATED');
    return this.contextForSession(client, sessionIdOf(token), options);
  }

  /**
   * One statement (the session with the access stamp) when this user's access context in this
   * entity is cached at the current stamp; else the user and the grants are read and cached.
   */
  private async contextForSession(
    client: ClientInfo,
    sessionId: string,
    options: { checkCsrf: boolean; csrfHeader: string | undefined },
  ): Promise<RequestContext> {
    const session = await repo.findSessionWithStamp(this.db, sessionId);
    const now = this.clock.now().toISOString();
    if (!session || new Date(session.expires_at).toISOString() <= now) {
      if (session) await repo.deleteSession(this.db, sessionId);
      throw new AppError('UNAUTHENTICATED');
    }
    if (options.checkCsrf && !sameSecret(session.csrf_token, options.csrfHeader))
      throw new AppError('CSRF_FAILED');
    const stamp = Number(session.access_stamp);
    let access = this.accessCache?.get(session.user_id, session.acting_entity_id, stamp);
    if (!access) {
      access = await this.readAccess(session.user_id, session.acting_entity_id, stamp);
      this.accessCache?.set(session.user_id, session.acting_entity_id, access);
    }
    if (!access.user.active) {
      await repo.deleteSessionsOfUser(this.db, access.user.id);
      throw new AppError('UNAUTHENTICATED');
    }
    // Sliding expiry, written at most once a minute to keep reads cheap.
    if (Date.parse(now) - Date.parse(session.last_seen_at) > 60_000) {
      await repo.touchSession(this.db, sessionId, now, addMinutes(now, this.settings.sessionTtlHours * 60));
    }
    const context = this.contextOf(access, session.acting_entity_id, sessionId, client);
    return readBool(session.password_change_required)
      ? { ...context, passwordChangeRequired: true }
      : context;
  }

  /**
   * The context of a user acting without a request of their own: the demo seed acting as demo
   * users, or a job acting for the user who scheduled it. Same permissions and scopes as signed in.
   */
  async contextForUser(userId: string, actingEntityId: string, requestId: string): Promise<RequestContext> {
    const access = await this.readAccess(userId, actingEntityId, -1);
    return this.contextOf(access, actingEntityId, '', {
      requestId,
      ip: null,
      userAgent: null,
      locale: access.user.locale,
    });
  }

  /** What an access context is built from, read now (the stamp given is the one read before). */
  private async readAccess(userId: string, actingEntityId: string, stamp: number): Promise<CachedAccess> {
    const [user, grants] = await Promise.all([
      this.users.accessSubject(this.db, userId),
      loadGrants(this.db, userId, actingEntityId),
    ]);
    return {
      stamp,
      user,
      grants,
      scopes: new Map(),
    };
  }

  private contextOf(
    access: CachedAccess,
    actingEntityId: string,
    sessionId: string,
    client: ClientInfo,
  ): RequestContext {
    const { user } = access;
    const actor: Actor = {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      sessionId,
      actingEntityId,
      mainDepartmentId: user.departmentId,
      departmentIds: [user.departmentId, ...user.extraDepartmentIds],
    };
    return {
      requestId: client.requestId,
      ip: client.ip,
      locale: user.locale,
      actor,
      access: new AccessControl(
        access.grants,
        { userId: user.id, departmentIds: actor.departmentIds },
        this.org,
        access.scopes,
      ),
      ...(access.stamp >= 0 ? { accessStamp: access.stamp } : {}),
    };
  }

  async sessionInfo(ctx: RequestContext): Promise<SessionInfo> {
    const actor = requireActor(ctx);
    const [user, session, entityIds, roles] = await Promise.all([
      this.users.loadUser(this.db, actor.userId),
      repo.findSession(this.db, actor.sessionId),
      repo.entitiesWithRoles(this.db, actor.userId),
      repo.rolesHeldIn(this.db, actor.userId, actor.actingEntityId),
    ]);
    if (!session) throw new AppError('UNAUTHENTICATED');
    const entities = await this.org.entitySummaries([...new Set([...entityIds, actor.actingEntityId])]);
    const acting = entities.find((e) => e.id === actor.actingEntityId)!;
    return {
      user: {
        id: user.id,
        username: user.username,
        displayName: user.displayName,
        email: user.email,
        phone: user.phone,
        locale: user.locale,
        departmentId: user.departmentId,
        departmentName: user.departmentName,
        positionName: user.positionName,
      },
      actingEntity: acting,
      entities: entities.filter((e) => entityIds.includes(e.id)),
      roles: roles.map((r) => ({ id: r.id, code: r.code, name: r.name })),
      permissions: ctx.access.permissions(),
      csrfToken: session.csrf_token,
      passwordChangeRequired: readBool(session.password_change_required),
    };
  }

  async switchEntity(ctx: RequestContext, entityId: string): Promise<void> {
    const actor = requireActor(ctx);
    const entities = await repo.entitiesWithRoles(this.db, actor.userId);
    if (!entities.includes(entityId)) throw new AppError('NOT_ALLOWED_ENTITY');
    await this.db.transaction().execute(async (trx) => {
      await repo.setActingEntity(trx, actor.sessionId, entityId);
      await this.audit.record(trx, ctx, {
        entityType: 'session',
        entityId: actor.userId,
        action: 'switch_entity',
        changes: [{ field: 'actingEntityId', old: actor.actingEntityId, new: entityId }],
      });
    });
  }

  /** Changing one's password ends one's other sessions. */
  async changePassword(ctx: RequestContext, currentPassword: string, newPassword: string): Promise<void> {
    const actor = requireActor(ctx);
    const credential = await repo.findCredential(this.db, actor.userId);
    if (!credential || !(await verifyPassword(credential.password_hash, currentPassword))) {
      throw new AppError('PASSWORD_WRONG');
    }
    const passwordHash = await hashPassword(newPassword);
    await this.db.transaction().execute(async (trx) => {
      await repo.updateCredential(trx, actor.userId, {
        password_hash: passwordHash,
        changed_at: this.clock.now().toISOString(),
      });
      await repo.deleteSessionsOfUser(trx, actor.userId, actor.sessionId);
      await repo.clearPasswordChangeRequired(trx, actor.sessionId);
      await this.audit.record(trx, ctx, {
        entityType: 'user',
        entityId: actor.userId,
        action: 'change_password',
        changes: [{ field: 'password', old: '***', new: '***' }],
      });
    });
  }

  /** A context for requests without a session; `as` names the actor for the audit of a sign-in. */
  systemlessContext(
    client: ClientInfo,
    as: { userId: string; actingEntityId: string } | null,
  ): RequestContext {
    return {
      requestId: client.requestId,
      ip: client.ip,
      locale: client.locale,
      actor: as
        ? {
            userId: as.userId,
            actingEntityId: as.actingEntityId,
            username: '',
            displayName: '',
            sessionId: '',
            mainDepartmentId: '',
            departmentIds: [],
          }
        : null,
      access: new AccessControl(new Map(), { userId: '', departmentIds: [] }, this.org),
    };
  }

  /** Removes sessions past their expiry (the hourly `iam.purgeSessions` job). */
  purgeExpiredSessions(now: Date = this.clock.now()): Promise<number> {
    return repo.deleteExpiredSessions(this.db, now.toISOString());
  }

  /** Sign-in failure counts a day old and no longer blocking (login-throttle.ts). */
  purgeStaleThrottle(now: Date = this.clock.now()): Promise<number> {
    return purgeStaleThrottle(this.db, now);
  }
}

function requireActor(ctx: RequestContext): Actor {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  return ctx.actor;
}

function sameSecret(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
