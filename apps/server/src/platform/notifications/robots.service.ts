import {
  type Locale,
  type Page,
  type Robot,
  type RobotCreate,
  type RobotListQuery,
  type RobotUpdate,
  webhookUrlPattern,
} from '@concord/contracts';
import { type Db, newId } from '../../db/index.js';
import { AccessControl, isInScope } from '../access/index.js';
import type { AuditService } from '../audit/index.js';
import {
  AppError,
  applySort,
  fetchPage,
  invalidReference,
  notFound,
  type RequestContext,
} from '../http/index.js';
import { robotSnapshot, toRobot } from './notifications.mappers.js';
import * as repo from './notifications.repository.js';
import type { NotificationTemplates } from './notifications.templates.js';
import { postToRobot } from './robot-webhooks.js';
import type { Clock } from '../jobs/index.js';

/**
 * Group-chat robots (DingTalk, WeCom, Feishu) of each legal entity: managed by administrators
 * within their data scope; `notify` posts to the enabled robots of the record's entity.
 */
export class RobotsService {
  private readonly db: Db;

  constructor(
    db: Db,
    private readonly audit: AuditService,
    private readonly templates: NotificationTemplates,
    private readonly clock: Clock,
  ) {
    this.db = db;
  }

  async list(ctx: RequestContext, query: RobotListQuery): Promise<Page<Robot>> {
    const scope = await ctx.access.require('notification.robot.view');
    const sorted = applySort(
      repo.filteredRobots(this.db, scope, query),
      query.sort,
      { name: 'r.name', kind: 'r.kind', createdAt: 'r.created_at', updatedAt: 'r.updated_at' },
      { column: 'r.name', direction: 'asc' },
      'r.id',
    );
    return fetchPage(sorted, query, (row) => toRobot(row as repo.RobotRow));
  }

  async get(ctx: RequestContext, id: string): Promise<Robot> {
    const scope = await ctx.access.require('notification.robot.view');
    const row = await repo.findRobot(this.db, id);
    if (!row) throw notFound();
    AccessControl.assertVisible(scope, { entityId: row.entity_id });
    return toRobot(row);
  }

  async create(ctx: RequestContext, input: RobotCreate): Promise<Robot> {
    const scope = await ctx.access.require('notification.robot.manage');
    checkWebhookUrl(input.webhookUrl);
    if (!isInScope(scope, { entityId: input.entityId })) throw invalidReference('entity');
    return this.db.transaction().execute(async (trx) => {
      if (!(await repo.entityExists(trx, input.entityId))) throw invalidReference('entity');
      const now = this.clock.now().toISOString();
      const id = newId();
      await repo.insertRobot(trx, {
        id,
        entity_id: input.entityId,
        name: input.name,
        kind: input.kind,
        webhook_url: input.webhookUrl,
        secret: input.kind === 'wecom' ? null : input.secret,
        locale: input.locale,
        enabled: input.enabled,
        created_at: now,
        updated_at: now,
      });
      const after = (await repo.findRobot(trx, id))!;
      await this.audit.record(trx, ctx, {
        entityType: 'notification_robot',
        entityId: id,
        action: 'create',
        after: robotSnapshot(after),
      });
      return toRobot(after);
    });
  }

  async update(ctx: RequestContext, id: string, input: RobotUpdate): Promise<Robot> {
    const scope = await ctx.access.require('notification.robot.manage');
    return this.db.transaction().execute(async (trx) => {
      const before = await repo.findRobot(trx, id);
      if (!before) throw notFound();
      AccessControl.assertVisible(scope, { entityId: before.entity_id });
      if (input.webhookUrl !== undefined) checkWebhookUrl(input.webhookUrl);
      await repo.updateRobot(trx, id, {
        ...(input.name !== undefined && { name: input.name }),
        ...(input.webhookUrl !== undefined && { webhook_url: input.webhookUrl }),
        ...(input.secret !== undefined && before.kind !== 'wecom' && { secret: input.secret }),
        ...(input.locale !== undefined && { locale: input.locale }),
        ...(input.enabled !== undefined && { enabled: input.enabled }),
        updated_at: this.clock.now().toISOString(),
      });
      const after = (await repo.findRobot(trx, id))!;
      await this.audit.record(trx, ctx, {
        entityType: 'notification_robot',
        entityId: id,
        action: 'update',
        before: robotSnapshot(before),
        after: robotSnapshot(after),
      });
      return toRobot(after);
    });
  }

  async remove(ctx: RequestContext, id: string): Promise<void> {
    const scope = await ctx.access.require('notification.robot.manage');
    await this.db.transaction().execute(async (trx) => {
      const before = await repo.findRobot(trx, id);
      if (!before) throw notFound();
      AccessControl.assertVisible(scope, { entityId: before.entity_id });
      // Deliveries still queued for it find no robot and end quietly (see notifications.jobs.ts).
      await repo.deleteRobot(trx, id);
      await this.audit.record(trx, ctx, {
        entityType: 'notification_robot',
        entityId: id,
        action: 'delete',
        before: robotSnapshot(before),
      });
    });
  }

  /**
   * Posts a test message now, not through the outbox: the administrator waits for the answer to
   * learn whether the URL and secret are right. Disabled robots can be tested before switching on.
   */
  async sendTest(ctx: RequestContext, id: string): Promise<void> {
    const now = this.clock.now();
    const scope = await ctx.access.require('notification.robot.manage');
    const row = await repo.findRobot(this.db, id);
    if (!row) throw notFound();
    AccessControl.assertVisible(scope, { entityId: row.entity_id });
    const locale: Locale = row.locale === 'en-US' ? 'en-US' : 'zh-CN';
    const message = this.templates.render('system.robotTest', locale, { robot: row.name });
    try {
      await postToRobot(
        { kind: row.kind, webhookUrl: row.webhook_url, secret: row.secret },
        { title: message.title, text: message.body },
        now,
      );
    } catch (error) {
      throw new AppError('NOTIFICATION_DELIVERY_FAILED', {
        detail: (error instanceof Error ? error.message : String(error)).slice(0, 300),
      });
    }
  }
}

function checkWebhookUrl(url: string): void {
  if (!webhookUrlPattern.test(url)) {
    const message = 'must be an http(s) URL';
    throw new AppError('VALIDATION_FAILED', { detail: `webhookUrl: ${message}` }, [
      { path: 'webhookUrl', message },
    ]);
  }
}
