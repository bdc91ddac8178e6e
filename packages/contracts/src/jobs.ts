import { z } from 'zod';
import { idSchema, instantSchema } from './common.js';

/**
 * A background job as the user who asked for it follows it (an export or an import of a ledger):
 * where it is, how far (units done of a total, null while unknown), and why it failed.
 */
export const backgroundJobStatusSchema = z.enum(['queued', 'running', 'done', 'failed']);
export type BackgroundJobStatus = z.infer<typeof backgroundJobStatusSchema>;

export const backgroundJobFields = {
  id: idSchema,
  status: backgroundJobStatusSchema,
  /** Rows done so far. */
  done: z.number().int(),
  /** Rows in all; null until known. */
  total: z.number().int().nullable(),
  /** Why it failed, in the caller's language; null unless `failed`. */
  error: z.string().nullable(),
  createdAt: instantSchema,
  finishedAt: instantSchema.nullable(),
};
