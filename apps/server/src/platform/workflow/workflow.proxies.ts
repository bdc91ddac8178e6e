import type { WfProxyRule, WfProxyRuleCreate } from '@concord/contracts';
import { type Db, newId, readInstant } from '../../db/index.js';
import type { Clock } from '../jobs/index.js';
import { isInScope } from '../access/index.js';
import type { AuditService } from '../audit/index.js';
import { AppError, notFound, type RequestContext } from '../http/index.js';
import type { ProxyRule } from './workflow.org.js';
import * as repo from './workflow.proxies.repository.js';
import type { WfProxyRuleTable } from './workflow.tables.js';

/** What the proxy rules need to know about a user. */
export interface ProxyPerson {
  name: string;
  active: boolean;
  entityId: string;
  departmentId: string;
}
export type ProxyPeople = (db: Db, ids: string[]) => Promise<Map<string, ProxyPerson>>;

/**
 * Proxy while away (审批代理): a user names who takes their approvals from one instant to another.
 * The engine reads the rules active at the moment a task is created (loadProxyRules) and routes the
 * task to the proxy, logged "proxy for user".
 */
export class WorkflowProxiesService {
  private readonly db: Db;

  constructor(
    db: Db,
    private readonly deps: { audit: AuditService; people: ProxyPeople },
    private readonly clock: Clock,
  ) {
    this.db = db;
  }

  /** My rules; with `all`, every rule whose user is in the scope of `workflow.instance.admin`. */
  async list(ctx: RequestContext, view: 'mine' | 'all'): Promise<WfProxyRule[]> {
    const userId = requireUser(ctx);
    const scope = view === 'all' ? await ctx.access.require('workflow.instance.admin') : null;
    const rows = await repo.listRules(this.db, view === 'mine' ? { userId, limit: 200 } : { limit: 1000 });
    const people = await this.deps.people(this.db, [
      ...new Set(rows.flatMap((r) => [r.user_id, r.proxy_id])),
    ]);
    let visible = rows;
    if (scope) {
      visible = rows.filter((row) => {
        const user = people.get(row.user_id);
        return (
          row.user_id === userId ||
          (!!user &&
            isInScope(scope, {
              entityId: user.entityId,
              departmentId: user.departmentId,
              ownerId: row.user_id,
            }))
        );
      });
    }
    return visible.map((row) => toRule(row, people));
  }

  /** A rule for the signed-in user: an active proxy other than themselves, start before end, no overlap. */
  async create(ctx: RequestContext, body: WfProxyRuleCreate): Promise<WfProxyRule> {
    const userId = requireUser(ctx);
    const startAt = new Date(body.startAt).toISOString();
    const endAt = new Date(body.endAt).toISOString();
    if (body.proxyId === userId) invalid('proxyId', 'the proxy must be someone else');
    if (startAt >= endAt) invalid('endAt', 'the end must be after the start');
    return this.db.transaction().execute(async (trx) => {
      const people = await this.deps.people(trx, [userId, body.proxyId]);
      if (!people.get(body.proxyId)?.active) invalid('proxyId', 'the proxy must be an active user');
      const overlapping = await repo.findOverlapping(trx, userId, startAt, endAt);
      if (overlapping) {
        throw new AppError('VALIDATION_FAILED', { detail: 'another proxy rule covers part of this period' }, [
          { path: 'startAt', message: 'overlaps another proxy rule' },
        ]);
      }
      const row: WfProxyRuleTable = {
        id: newId(),
        user_id: userId,
        proxy_id: body.proxyId,
        start_at: startAt,
        end_at: endAt,
        created_at: this.clock.now().toISOString(),
      };
      await repo.insertRule(trx, row);
      await this.deps.audit.record(trx, ctx, {
        entityType: 'workflow_proxy_rule',
        entityId: row.id,
        action: 'create',
        changes: [
          { field: 'proxyId', old: null, new: row.proxy_id },
          { field: 'startAt', old: null, new: startAt },
          { field: 'endAt', old: null, new: endAt },
        ],
      });
      return toRule(row, people);
    });
  }

  /** Removes a rule: its owner may, and an approval administrator whose scope covers its user. */
  async remove(ctx: RequestContext, id: string): Promise<void> {
    const userId = requireUser(ctx);
    // Read the scope before the transaction: it is loaded outside it (SQLite has one connection).
    const scope = ctx.access.has('workflow.instance.admin')
      ? await ctx.access.require('workflow.instance.admin')
      : null;
    await this.db.transaction().execute(async (trx) => {
      const row = await repo.findRule(trx, id);
      if (!row) throw notFound();
      if (row.user_id !== userId) {
        if (!scope) throw notFound();
        const user = (await this.deps.people(trx, [row.user_id])).get(row.user_id);
        if (
          !user ||
          !isInScope(scope, {
            entityId: user.entityId,
            departmentId: user.departmentId,
            ownerId: row.user_id,
          })
        ) {
          throw notFound();
        }
      }
      await repo.deleteRule(trx, id);
      await this.deps.audit.record(trx, ctx, {
        entityType: 'workflow_proxy_rule',
        entityId: id,
        action: 'delete',
        changes: [
          { field: 'userId', old: row.user_id, new: null },
          { field: 'proxyId', old: row.proxy_id, new: null },
          { field: 'startAt', old: readInstant(row.start_at), new: null },
          { field: 'endAt', old: readInstant(row.end_at), new: null },
        ],
      });
    });
  }
}

/** The rules in force at `at` (give or take a minute; the engine's MemoryOrg picks the exact one). */
export async function loadProxyRules(db: Db, at: string): Promise<ProxyRule[]> {
  const instant = Date.parse(at);
  const rows = await repo.rulesCovering(
    db,
    new Date(instant - 60_000).toISOString(),
    new Date(instant + 60_000).toISOString(),
  );
  return rows.map((r) => ({
    userId: r.user_id,
    proxyId: r.proxy_id,
    startAt: readInstant(r.start_at)!,
    endAt: readInstant(r.end_at)!,
  }));
}

function toRule(row: WfProxyRuleTable, people: Map<string, ProxyPerson>): WfProxyRule {
  return {
    id: row.id,
    userId: row.user_id,
    userName: people.get(row.user_id)?.name ?? '',
    proxyId: row.proxy_id,
    proxyName: people.get(row.proxy_id)?.name ?? '',
    startAt: readInstant(row.start_at)!,
    endAt: readInstant(row.end_at)!,
    createdAt: readInstant(row.created_at)!,
  };
}

function invalid(path: string, message: string): never {
  throw new AppError('VALIDATION_FAILED', { detail: message }, [{ path, message }]);
}

function requireUser(ctx: RequestContext): string {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  return ctx.actor.userId;
}
