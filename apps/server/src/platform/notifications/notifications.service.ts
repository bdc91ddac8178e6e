import type {
  Locale,
  Notification,
  NotificationListQuery,
  NotificationPreferences,
  Page,
} from '@concord/contracts';
import { type Db, newId, readBool, writeJson } from '../../db/index.js';
import type { AuditService } from '../audit/index.js';
import { type Actor, AppError, applySort, fetchPage, notFound, type RequestContext } from '../http/index.js';
import type { JobQueue } from '../jobs/index.js';
import { EMAIL_JOB, ROBOT_JOB } from './notifications.jobs.js';
import { toNotification } from './notifications.mappers.js';
import * as repo from './notifications.repository.js';
import type { NotificationTemplates, TemplateParams } from './notifications.templates.js';
import type { Clock } from '../jobs/index.js';

/** Who may receive a notification, with the address and language it is written for; org implements it. */
export interface RecipientDirectory {
  recipients(
    trx: Db,
    userIds: string[],
  ): Promise<{ id: string; email: string | null; locale: Locale; active: boolean }[]>;
}

export interface NotifyInput {
  /** User ids; duplicates and disabled users are skipped. */
  recipients: string[];
  /** A key of `NotificationTemplates` (`approval.pending`, ...). */
  template: string;
  params?: TemplateParams;
  /** App path of the record, e.g. `/contracts/0190…`; made absolute with PUBLIC_URL for e-mail and robots. */
  link?: string | null;
  /** The legal entity the record belongs to: scopes the notification and picks the group robots. */
  entityId?: string | null;
  /** Post to the entity's group robots too (default true); false keeps a personal matter out of group chats. */
  robots?: boolean;
}

export interface NotificationsOptions {
  /** True when SMTP_URL is set: without it no e-mail job is queued. */
  emailConfigured: boolean;
  /** The address users reach Concord at, for links in e-mail and group chats. */
  publicUrl?: string;
}

/**
 * The notification centre and the platform API that every other part calls to tell people
 * something: `notify` writes the in-app rows and queues e-mail and robot deliveries in the
 * caller's transaction, so nothing is sent for a write that rolls back and a slow or failing
 * channel never holds up the caller.
 */
export class NotificationsService {
  private readonly db: Db;

  constructor(
    db: Db,
    private readonly audit: AuditService,
    private readonly jobs: JobQueue,
    private readonly templates: NotificationTemplates,
    private readonly directory: RecipientDirectory,
    private readonly options: NotificationsOptions,
    private readonly clock: Clock,
  ) {
    this.db = db;
  }

  /** Call inside the transaction of the write that causes the notification; returns the in-app ids. */
  async notify(trx: Db, ctx: RequestContext, input: NotifyInput): Promise<string[]> {
    if (!this.templates.has(input.template)) {
      throw new AppError('UNKNOWN_TEMPLATE', { template: input.template });
    }
    const params = input.params ?? {};
    const link = input.link ?? null;
    const entityId = input.entityId ?? null;
    const people = (await this.directory.recipients(trx, [...new Set(input.recipients)])).filter(
      (p) => p.active,
    );
    const now = this.clock.now().toISOString();
    const rows = people.map((person) => ({
      id: newId(),
      recipient_id: person.id,
      kind: input.template,
      params: writeJson(params),
      link,
      entity_id: entityId,
      created_at: now,
      read_at: null,
    }));
    await repo.insertItems(trx, rows);

    let emails = 0;
    if (this.options.emailConfigured) {
      const preferences = new Map(
        (
          await repo.preferencesOf(
            trx,
            people.map((p) => p.id),
          )
        ).map((p) => [p.user_id, p]),
      );
      for (const person of people) {
        const preference = preferences.get(person.id);
        if (!person.email || (preference && !readBool(preference.email_enabled))) continue;
        const message = this.templates.render(input.template, person.locale, params);
        await this.jobs.enqueue(trx, EMAIL_JOB, {
          to: person.email,
          subject: `[Concord] ${message.title}`,
          text: this.withLink(message.body, link, person.locale),
        });
        emails += 1;
      }
    }

    let robots = 0;
    if (entityId && input.robots !== false) {
      for (const robot of await repo.enabledRobotsOf(trx, entityId)) {
        const locale: Locale = robot.locale === 'en-US' ? 'en-US' : 'zh-CN';
        const message = this.templates.render(input.template, locale, params);
        await this.jobs.enqueue(trx, ROBOT_JOB, {
          robotId: robot.id,
          title: message.title,
          text: this.withLink(message.body, link, locale),
        });
        robots += 1;
      }
    }

    await this.audit.record(trx, ctx, {
      entityType: 'notification',
      entityId: rows[0]?.id ?? input.template,
      action: 'notify',
      after: {
        template: input.template,
        recipients: people.map((p) => p.id),
        link,
        entityId,
        emails,
        robots,
      },
    });
    return rows.map((r) => r.id);
  }

  private withLink(body: string, link: string | null, locale: Locale): string {
    if (!link) return body;
    const url = this.options.publicUrl ? `${this.options.publicUrl.replace(/\/$/, '')}${link}` : link;
    return `${body}\n\n${locale === 'zh-CN' ? '查看' : 'Open'}: ${url}`;
  }

  // ------------------------------------------------------------ the reader's own notifications
  async list(ctx: RequestContext, query: NotificationListQuery): Promise<Page<Notification>> {
    const me = reader(ctx);
    const sorted = applySort(
      repo.itemsOf(this.db, me.userId, { unread: query.unread }),
      query.sort,
      { createdAt: 'created_at', readAt: 'read_at' },
      { column: 'created_at', direction: 'desc' },
      'id',
    );
    return fetchPage(sorted, query, (row) => toNotification(row, this.templates, ctx.locale));
  }

  async unreadCount(ctx: RequestContext): Promise<number> {
    return repo.unreadCount(this.db, reader(ctx).userId);
  }

  async markRead(ctx: RequestContext, id: string): Promise<Notification> {
    const me = reader(ctx);
    return this.db.transaction().execute(async (trx) => {
      const before = await repo.findItem(trx, id);
      // Another reader's notification is indistinguishable from a missing one.
      if (!before || before.recipient_id !== me.userId) throw notFound();
      if (before.read_at) return toNotification(before, this.templates, ctx.locale);
      const at = this.clock.now().toISOString();
      await repo.markRead(trx, id, at);
      await this.audit.record(trx, ctx, {
        entityType: 'notification',
        entityId: id,
        action: 'read',
        before: { read_at: null },
        after: { read_at: at },
      });
      return toNotification({ ...before, read_at: at }, this.templates, ctx.locale);
    });
  }

  async markAllRead(ctx: RequestContext): Promise<number> {
    const me = reader(ctx);
    return this.db.transaction().execute(async (trx) => {
      const count = await repo.markAllRead(trx, me.userId, this.clock.now().toISOString());
      if (count > 0) {
        await this.audit.record(trx, ctx, {
          entityType: 'notification',
          entityId: me.userId,
          action: 'readAll',
          after: { count },
        });
      }
      return count;
    });
  }

  // ------------------------------------------------------------ channel preferences
  async preferences(ctx: RequestContext): Promise<NotificationPreferences> {
    const me = reader(ctx);
    return this.preferencesOf(this.db, me.userId);
  }

  async updatePreferences(
    ctx: RequestContext,
    input: { emailEnabled: boolean },
  ): Promise<NotificationPreferences> {
    const me = reader(ctx);
    return this.db.transaction().execute(async (trx) => {
      const before = await this.preferencesOf(trx, me.userId);
      await repo.upsertPreference(trx, {
        user_id: me.userId,
        email_enabled: input.emailEnabled,
        updated_at: this.clock.now().toISOString(),
      });
      await this.audit.record(trx, ctx, {
        entityType: 'notification_preference',
        entityId: me.userId,
        action: 'update',
        before: { email_enabled: before.emailEnabled },
        after: { email_enabled: input.emailEnabled },
      });
      return { ...before, emailEnabled: input.emailEnabled };
    });
  }

  private async preferencesOf(db: Db, userId: string): Promise<NotificationPreferences> {
    const row = await repo.findPreference(db, userId);
    const [person] = await this.directory.recipients(db, [userId]);
    return {
      // E-mail is on until the user turns it off: the address in the profile is consent enough.
      emailEnabled: row ? readBool(row.email_enabled) : true,
      emailConfigured: this.options.emailConfigured,
      email: person?.email ?? null,
    };
  }
}

/** The access check of the reader's own notifications: any signed-in user, only their own. */
function reader(ctx: RequestContext): Actor {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  return ctx.actor;
}
