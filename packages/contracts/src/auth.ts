import { z } from 'zod';
import { idSchema, localeSchema } from './common.js';

export const loginBodySchema = z
  .strictObject({
    username: z.string().trim().min(1).max(64),
    password: z.string().min(1).max(200),
  })
  // The API description's example: a demo user of a fresh `npm start`.
  .meta({ examples: [{ username: 'li.na', password: 'Concord2026' }] });

/** Minimum strength: 8+ characters with letters and digits. Checked on the server too. */
export const newPasswordSchema = z
  .string()
  .min(8, 'at least 8 characters')
  .max(128)
  .regex(/[A-Za-z]/, 'needs a letter')
  .regex(/[0-9]/, 'needs a digit');

export const changePasswordBodySchema = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: newPasswordSchema,
});

export const switchEntityBodySchema = z.strictObject({ entityId: idSchema });
export const setLocaleBodySchema = z.strictObject({ locale: localeSchema });

export const sessionInfoSchema = z.object({
  user: z.object({
    id: idSchema,
    username: z.string(),
    displayName: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    locale: localeSchema,
    departmentId: idSchema.nullable(),
    departmentName: z.string().nullable(),
    positionName: z.string().nullable(),
  }),
  actingEntity: z.object({ id: idSchema, name: z.string(), code: z.string() }),
  /** Entities in which the user holds at least one role: the entity switcher's options. */
  entities: z.array(z.object({ id: idSchema, name: z.string(), code: z.string() })),
  /** Roles held in the acting entity. */
  roles: z.array(z.object({ id: idSchema, code: z.string(), name: z.string() })),
  /** Permission codes granted in the acting entity. */
  permissions: z.array(z.string()),
  /** Send as the `X-CSRF-Token` header on every POST, PUT, PATCH and DELETE. */
  csrfToken: z.string(),
  /** Signed in with a well-known password (the demo's, on a server others reach): change it first. */
  passwordChangeRequired: z.boolean(),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;
