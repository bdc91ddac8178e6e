import { z } from 'zod';
import {
  codeSchema,
  idSchema,
  instantSchema,
  localeSchema,
  nameSchema,
  pageQuerySchema,
  queryBool,
} from './common.js';
import { newPasswordSchema } from './auth.js';

// ---- legal entities (法人主体) ----
export const entitySchema = z.object({
  id: idSchema,
  parentId: idSchema.nullable(),
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  creditCode: z.string().nullable(),
  active: z.boolean(),
  sortOrder: z.number().int(),
  createdAt: instantSchema,
});
export type Entity = z.infer<typeof entitySchema>;

export const entityCreateSchema = z.strictObject({
  parentId: idSchema,
  code: codeSchema,
  name: nameSchema,
  shortName: z.string().trim().max(40).optional(),
  creditCode: z
    .string()
    .trim()
    .regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, 'a unified social credit code has 18 characters')
    .optional(),
  sortOrder: z.number().int().min(0).max(100000).default(0),
});
export const entityUpdateSchema = z.strictObject({
  code: codeSchema.optional(),
  name: nameSchema.optional(),
  shortName: z.string().trim().max(40).nullable().optional(),
  creditCode: z
    .string()
    .trim()
    .regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, 'a unified social credit code has 18 characters')
    .nullable()
    .optional(),
  active: z.boolean().optional(),
  sortOrder: z.number().int().min(0).max(100000).optional(),
});

// ---- departments (部门) ----
export const departmentSchema = z.object({
  id: idSchema,
  entityId: idSchema,
  parentId: idSchema.nullable(),
  code: z.string(),
  name: z.string(),
  headUserId: idSchema.nullable(),
  headName: z.string().nullable(),
  sortOrder: z.number().int(),
  memberCount: z.number().int(),
  createdAt: instantSchema,
});
export type Department = z.infer<typeof departmentSchema>;

export const departmentListQuerySchema = z.strictObject({ entityId: idSchema.optional() });
export const departmentCreateSchema = z.strictObject({
  entityId: idSchema,
  parentId: idSchema.nullable().default(null),
  code: codeSchema,
  name: nameSchema,
  headUserId: idSchema.nullable().default(null),
  sortOrder: z.number().int().min(0).max(100000).default(0),
});
export const departmentUpdateSchema = z.strictObject({
  parentId: idSchema.nullable().optional(),
  code: codeSchema.optional(),
  name: nameSchema.optional(),
  headUserId: idSchema.nullable().optional(),
  sortOrder: z.number().int().min(0).max(100000).optional(),
});

// ---- positions (岗位) ----
export const positionSchema = z.object({
  id: idSchema,
  entityId: idSchema,
  code: z.string(),
  name: z.string(),
  createdAt: instantSchema,
});
export type Position = z.infer<typeof positionSchema>;
export const positionListQuerySchema = z.strictObject({ entityId: idSchema.optional() });
export const positionCreateSchema = z.strictObject({
  entityId: idSchema,
  code: codeSchema,
  name: nameSchema,
});
export const positionUpdateSchema = z.strictObject({
  code: codeSchema.optional(),
  name: nameSchema.optional(),
});

// ---- users (用户) ----
export const roleAssignmentSchema = z.object({
  roleId: idSchema,
  entityId: idSchema,
});
export type RoleAssignment = z.infer<typeof roleAssignmentSchema>;

export const userSchema = z.object({
  id: idSchema,
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  entityId: idSchema,
  entityName: z.string(),
  departmentId: idSchema,
  departmentName: z.string(),
  extraDepartmentIds: z.array(idSchema),
  positionId: idSchema.nullable(),
  positionName: z.string().nullable(),
  active: z.boolean(),
  locale: localeSchema,
  lockedUntil: instantSchema.nullable(),
  lastLoginAt: instantSchema.nullable(),
  createdAt: instantSchema,
  roles: z.array(roleAssignmentSchema.extend({ roleName: z.string(), entityName: z.string() })),
});
export type User = z.infer<typeof userSchema>;

export const userSortFields = ['username', 'displayName', 'createdAt', 'lastLoginAt'] as const;
export const userListQuerySchema = pageQuerySchema
  .extend({
    entityId: idSchema.optional(),
    departmentId: idSchema.optional(),
    /** Include members of sub-departments of `departmentId`. */
    includeSubDepartments: queryBool,
    active: queryBool,
    roleId: idSchema.optional(),
  })
  .strict();

const username = z
  .string()
  .trim()
  .min(2)
  .max(32)
  .regex(/^[a-zA-Z0-9_.-]+$/, 'only letters, digits, "_", "-" and "."');
const email = z.email().max(120);
const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 -]{5,20}$/, 'not a phone number');

export const userCreateSchema = z.strictObject({
  username,
  displayName: nameSchema,
  email: email.optional(),
  phone: phone.optional(),
  departmentId: idSchema,
  extraDepartmentIds: z.array(idSchema).max(20).default([]),
  positionId: idSchema.nullable().default(null),
  password: newPasswordSchema,
  locale: localeSchema.default('zh-CN'),
});
export const userUpdateSchema = z.strictObject({
  displayName: nameSchema.optional(),
  email: email.nullable().optional(),
  phone: phone.nullable().optional(),
  departmentId: idSchema.optional(),
  extraDepartmentIds: z.array(idSchema).max(20).optional(),
  positionId: idSchema.nullable().optional(),
  locale: localeSchema.optional(),
});
/** Who takes over a leaving user's open work (离职交接). */
export const handoverTargetSchema = z.discriminatedUnion('to', [
  z.strictObject({ to: z.literal('supervisor') }),
  z.strictObject({ to: z.literal('admin') }),
  z.strictObject({ to: z.literal('user'), userId: idSchema }),
]);
export type HandoverTarget = z.infer<typeof handoverTargetSchema>;
export const userSetActiveSchema = z.strictObject({
  active: z.boolean(),
  /** Required to disable a user who holds open work (pending approvals, ...): who takes it over. */
  handover: handoverTargetSchema.optional(),
});
/** What a user holds that others must take over, by kind, with the first few items. */
export const userOpenWorkSchema = z.object({
  kinds: z.array(
    z.object({
      kind: z.string(),
      count: z.number().int(),
      items: z.array(
        z.object({ id: z.string(), title: z.string(), link: z.string(), detail: z.string().nullable() }),
      ),
    }),
  ),
});
export type UserOpenWork = z.infer<typeof userOpenWorkSchema>;
export const userResetPasswordSchema = z.strictObject({ newPassword: newPasswordSchema });
export const userSetRolesSchema = z.strictObject({
  assignments: z.array(z.strictObject({ roleId: idSchema, entityId: idSchema })).max(100),
});

/** Profile edits a user may make to their own account. */
export const profileUpdateSchema = z.strictObject({
  displayName: nameSchema.optional(),
  email: email.nullable().optional(),
  phone: phone.nullable().optional(),
  locale: localeSchema.optional(),
});

// ---- directory (同事查找): picking colleagues for approvals, open to every signed-in user ----
export const directoryQuerySchema = z.strictObject({ q: z.string().trim().max(100).optional() });
export const directoryEntrySchema = z.object({
  id: idSchema,
  username: z.string(),
  displayName: z.string(),
  departmentName: z.string(),
  entityName: z.string(),
});
export type DirectoryEntry = z.infer<typeof directoryEntrySchema>;
