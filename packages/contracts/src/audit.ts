import { z } from 'zod';
import { dateSchema, idSchema, instantSchema, pageQuerySchema } from './common.js';

export const fieldChangeSchema = z.object({
  field: z.string(),
  old: z.unknown(),
  new: z.unknown(),
});
export type FieldChange = z.infer<typeof fieldChangeSchema>;

export const auditEntrySchema = z.object({
  seq: z.number().int(),
  at: instantSchema,
  actorId: idSchema.nullable(),
  actorName: z.string().nullable(),
  actingEntityId: idSchema.nullable(),
  entityType: z.string(),
  /** The kind of record and the action in the reader's language (the codes stay for filters). */
  entityTypeLabel: z.string(),
  entityId: z.string(),
  action: z.string(),
  actionLabel: z.string(),
  changes: z.array(fieldChangeSchema),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** The kinds of record and actions the audit log records, labelled in the reader's language. */
export const auditEventTypesSchema = z.object({
  items: z.array(
    z.object({
      entityType: z.string(),
      label: z.string(),
      actions: z.array(z.object({ action: z.string(), label: z.string() })),
    }),
  ),
});
export type AuditEventTypes = z.infer<typeof auditEventTypesSchema>;

export const auditListQuerySchema = pageQuerySchema
  .extend({
    actorId: idSchema.optional(),
    entityType: z.string().trim().max(60).optional(),
    entityId: z.string().trim().max(60).optional(),
    action: z.string().trim().max(60).optional(),
    from: dateSchema.optional(),
    to: dateSchema.optional(),
  })
  .strict();

export const auditVerifyResultSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  /** The first sequence number where the chain breaks, with the reason. */
  brokenAt: z.number().int().nullable(),
  reason: z.string().nullable(),
  /** Signed checkpoints (outside the database) compared with the log. */
  checkpoints: z.number().int(),
});
export type AuditVerifyResult = z.infer<typeof auditVerifyResultSchema>;

/**
 * My recent records (the workbench's 最近记录): the records I last wrote to while acting in the
 * current entity, one row per record, newest first. Pages by keyset: `cursor` is the previous
 * page's `nextCursor`.
 */
export const auditRecentQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(20).default(5),
  /** Only these kinds of record, comma-separated (the ones the client has a page for). */
  types: z
    .string()
    .max(400)
    .regex(/^[a-z][a-z_]*(,[a-z][a-z_]*)*$/, 'types must be kinds of record separated by commas')
    .transform((value) => value.split(','))
    .pipe(z.array(z.string().max(60)).max(20))
    .optional(),
  cursor: z
    .string()
    .regex(/^[1-9][0-9]{0,15}$/, 'cursor must be the nextCursor of the previous page')
    .optional(),
});
export type AuditRecentQuery = z.input<typeof auditRecentQuerySchema>;

export const auditRecentRecordSchema = z.object({
  entityType: z.string(),
  /** The kind of record in the reader's language. */
  entityTypeLabel: z.string(),
  entityId: z.string(),
  /** My latest action on it, and when. */
  action: z.string(),
  actionLabel: z.string(),
  at: instantSchema,
  /** Its name or number as my own entries last recorded it; null when they recorded none. */
  title: z.string().nullable(),
});
export type AuditRecentRecord = z.infer<typeof auditRecentRecordSchema>;

export const auditRecentPageSchema = z.object({
  items: z.array(auditRecentRecordSchema),
  nextCursor: z.string().nullable(),
});
export type AuditRecentPage = z.infer<typeof auditRecentPageSchema>;
