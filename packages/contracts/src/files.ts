import { z } from 'zod';
import { idSchema, instantSchema } from './common.js';

/** The largest attachment accepted, in bytes. */
export const FILE_MAX_BYTES = 20 * 1024 * 1024;

/** An uploaded attachment's metadata; the bytes are at `/api/v1/files/{id}/content`. */
export const fileObjectSchema = z.object({
  id: idSchema,
  /** The entity the uploader acted in: who else may see it follows from this. */
  entityId: idSchema,
  ownerId: idSchema.nullable(),
  name: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  createdAt: instantSchema,
});
export type FileObject = z.infer<typeof fileObjectSchema>;
