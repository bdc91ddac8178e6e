import type { FieldChange } from '@concord/contracts';
import { z } from 'zod';

/**
 * What an audit entry records: an object of the changed fields, validated once with the old
 * values and once with the new ones (a field absent from the change is absent from both).
 */
export type AuditPayload = z.ZodType<Record<string, unknown>>;

/**
 * The payload of entries that record these fields and no other: each value is of its schema or
 * null (a create has no old values, a delete no new ones, a cleared field is null).
 */
export function auditFields(shape: Record<string, z.ZodType>): AuditPayload {
  return z.strictObject(
    Object.fromEntries(Object.entries(shape).map(([field, schema]) => [field, schema.nullable().optional()])),
  );
}

/** A value the audit diff writes as `***` (passwords, tokens): only the mask reaches the log. */
export const redacted = z.literal('***');

/** Reusable value schemas of audit payloads. */
export const auditValue = {
  id: z.string().min(1),
  text: z.string(),
  /** An integer amount of 分, or a count. */
  integer: z.number().int(),
  flag: z.boolean(),
  /** A calendar date `YYYY-MM-DD`. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** An ISO-8601 instant. */
  instant: z.iso.datetime({ offset: true }),
  ids: z.array(z.string().min(1)),
  texts: z.array(z.string()),
};

/**
 * Why the changes do not fit the payload, or null when they do. Checked on both sides, so an
 * update that writes a field of the wrong type, or a field the event does not declare, is named.
 */
export function payloadProblem(payload: AuditPayload, changes: readonly FieldChange[]): string | null {
  for (const side of ['old', 'new'] as const) {
    const values = Object.fromEntries(changes.map((change) => [change.field, change[side] ?? null]));
    const result = payload.safeParse(values);
    if (!result.success) return `${side} values: ${z.prettifyError(result.error)}`;
  }
  return null;
}
