import { z } from 'zod';
import { idSchema, instantSchema, localeSchema, nameSchema, pageQuerySchema, queryBool } from './common.js';

/** One in-app notification, rendered in the reader's language. */
export const notificationSchema = z.object({
  id: idSchema,
  /** The template key, e.g. `approval.pending`: lets the web pick an icon. */
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  /** App path of the record the notification is about, e.g. `/contracts/…`; null when there is none. */
  link: z.string().nullable(),
  entityId: idSchema.nullable(),
  createdAt: instantSchema,
  readAt: instantSchema.nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationListQuerySchema = pageQuerySchema
  .omit({ q: true })
  .extend({ unread: queryBool })
  .strict();
export type NotificationListQuery = z.infer<typeof notificationListQuerySchema>;

export const unreadCountSchema = z.object({ count: z.number().int() });
export const markAllReadResultSchema = z.object({ count: z.number().int() });
/** Actions that take no input still declare a (strict, empty) body. */
export const emptyBodySchema = z.strictObject({});

/** In-app notifications are always on; e-mail is the user's choice. */
export const notificationPreferencesSchema = z.object({
  emailEnabled: z.boolean(),
  /** False when the server has no SMTP_URL: e-mail cannot be delivered whatever the choice. */
  emailConfigured: z.boolean(),
  /** The address e-mail goes to (from the user's profile); null when the profile has none. */
  email: z.string().nullable(),
});
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;
export const notificationPreferencesUpdateSchema = z.strictObject({ emailEnabled: z.boolean() });

export const robotKinds = ['dingtalk', 'wecom', 'feishu'] as const;
export const robotKindSchema = z.enum(robotKinds);
export type RobotKind = z.infer<typeof robotKindSchema>;
export const robotKindLabels: Record<RobotKind, { 'zh-CN': string; 'en-US': string }> = {
  dingtalk: { 'zh-CN': '钉钉', 'en-US': 'DingTalk' },
  wecom: { 'zh-CN': '企业微信', 'en-US': 'WeCom' },
  feishu: { 'zh-CN': '飞书', 'en-US': 'Feishu' },
};

/**
 * What a robot webhook URL must look like. Checked by the service (and the web form) rather than
 * as a zod format, so the schema stays a plain bounded string that generated examples can fill.
 */
export const webhookUrlPattern = /^https?:\/\/[^\s/?#]+[^\s]*$/;
const webhookUrlSchema = z.string().trim().min(1).max(500);
const secretSchema = z.string().trim().min(1).max(200);

/** A group-chat robot of a legal entity; the secret never leaves the server. */
export const robotSchema = z.object({
  id: idSchema,
  entityId: idSchema,
  entityName: z.string(),
  name: z.string(),
  kind: robotKindSchema,
  webhookUrl: z.string(),
  hasSecret: z.boolean(),
  /** The language its messages are written in (a group has no personal setting). */
  locale: localeSchema,
  enabled: z.boolean(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
});
export type Robot = z.infer<typeof robotSchema>;

export const robotListQuerySchema = pageQuerySchema
  .extend({ entityId: idSchema.optional(), kind: robotKindSchema.optional(), enabled: queryBool })
  .strict();
export type RobotListQuery = z.infer<typeof robotListQuerySchema>;

export const robotCreateSchema = z.strictObject({
  entityId: idSchema,
  name: nameSchema,
  kind: robotKindSchema,
  webhookUrl: webhookUrlSchema,
  /** DingTalk "加签" and Feishu "签名校验"; WeCom robots have none. */
  secret: secretSchema.nullable().default(null),
  locale: localeSchema.default('zh-CN'),
  enabled: z.boolean().default(true),
});
export type RobotCreate = z.infer<typeof robotCreateSchema>;

export const robotUpdateSchema = z.strictObject({
  name: nameSchema.optional(),
  webhookUrl: webhookUrlSchema.optional(),
  /** Omitted keeps the secret, null removes it. */
  secret: secretSchema.nullable().optional(),
  locale: localeSchema.optional(),
  enabled: z.boolean().optional(),
});
export type RobotUpdate = z.infer<typeof robotUpdateSchema>;
