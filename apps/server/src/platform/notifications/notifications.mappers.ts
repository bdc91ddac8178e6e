import type { Locale, Notification, Robot } from '@concord/contracts';
import { readBool, readInstant, readJson } from '../../db/index.js';
import type { RobotRow } from './notifications.repository.js';
import type { NotificationItemTable } from './notifications.tables.js';
import type { NotificationTemplates, TemplateParams } from './notifications.templates.js';

export function toNotification(
  row: NotificationItemTable,
  templates: NotificationTemplates,
  locale: Locale,
): Notification {
  const message = templates.render(row.kind, locale, readJson<TemplateParams>(row.params, {}));
  return {
    id: row.id,
    kind: row.kind,
    title: message.title,
    body: message.body,
    link: row.link,
    entityId: row.entity_id,
    createdAt: readInstant(row.created_at)!,
    readAt: readInstant(row.read_at),
  };
}

export function toRobot(row: RobotRow): Robot {
  return {
    id: row.id,
    entityId: row.entity_id,
    entityName: row.entity_name,
    name: row.name,
    kind: row.kind,
    webhookUrl: row.webhook_url,
    hasSecret: !!row.secret,
    locale: row.locale === 'en-US' ? 'en-US' : 'zh-CN',
    enabled: readBool(row.enabled),
    createdAt: readInstant(row.created_at)!,
    updatedAt: readInstant(row.updated_at)!,
  };
}

/** What the audit log keeps of a robot: never the secret, only whether there is one. */
export function robotSnapshot(row: RobotRow): Record<string, unknown> {
  const { secret, entity_name: _name, ...rest } = row;
  return { ...rest, enabled: readBool(row.enabled), has_secret: !!secret };
}
