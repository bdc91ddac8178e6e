import { z } from 'zod';

/** Every id in Concord is a UUID (version 7, so ids sort by creation time). */
export const idSchema = z.uuid({ error: 'must be a valid id' });
export type Id = z.infer<typeof idSchema>;

export const localeSchema = z.enum(['zh-CN', 'en-US']);
export type Locale = z.infer<typeof localeSchema>;

/** Calendar date as `YYYY-MM-DD`. */
export const dateSchema = z.iso.date();
/** Instant as ISO-8601 UTC. */
export const instantSchema = z.iso.datetime();

/** Short human text: names, codes. Trimmed, bounded so huge strings are refused with a 400. */
export const nameSchema = z.string().trim().min(1).max(100);
export const codeSchema = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9_.-]+$/, 'only letters, digits, "_", "-" and "."');
export const optionalText = (max: number) => z.string().trim().max(max).optional();

/** Paging, sorting and free-text search shared by every list endpoint. `sort` is `field` or `-field`. */
export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  sort: z
    .string()
    .max(60)
    .regex(/^-?[a-zA-Z]+$/, 'sort must be a field name, optionally prefixed with "-"')
    .optional(),
  q: z.string().trim().max(100).optional(),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    /** The count stopped at its cap (`total`): there are more rows than that, and pages end there. */
    totalAtLeast: z.literal(true).optional(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
export type Page<T> = {
  items: T[];
  total: number;
  /** The count stopped at its cap (`total`): there are more rows than that, and pages end there. */
  totalAtLeast?: true;
  page: number;
  pageSize: number;
};

export const idParamsSchema = z.strictObject({ id: idSchema });

export const okSchema = z.object({ ok: z.literal(true) });

/** RFC 9457 problem details, as every error leaves the server. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string(),
  requestId: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof problemSchema>;

/** Query-string boolean: accepts true/false/1/0. */
export const queryBool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .optional();
