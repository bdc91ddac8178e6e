import { z } from 'zod';
import { codeSchema, idSchema, instantSchema, nameSchema } from './common.js';
import { allPermissionCodes, dataScopes } from './permissions.js';

export const dataScopeSchema = z.enum(dataScopes);
export const permissionCodeSchema = z.enum(allPermissionCodes as [string, ...string[]]);

export const roleSchema = z.object({
  id: idSchema,
  code: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  permissions: z.array(z.string()),
  dataScope: dataScopeSchema,
  scopeEntityIds: z.array(idSchema),
  scopeDepartmentIds: z.array(idSchema),
  builtIn: z.boolean(),
  userCount: z.number().int(),
  createdAt: instantSchema,
});
export type Role = z.infer<typeof roleSchema>;

const roleFields = {
  code: codeSchema,
  name: nameSchema,
  description: z.string().trim().max(500).nullable().optional(),
  permissions: z.array(permissionCodeSchema).max(500),
  dataScope: dataScopeSchema,
  scopeEntityIds: z.array(idSchema).max(200).default([]),
  scopeDepartmentIds: z.array(idSchema).max(500).default([]),
};
export const roleCreateSchema = z.strictObject(roleFields);
export const roleUpdateSchema = z.strictObject({
  code: roleFields.code.optional(),
  name: roleFields.name.optional(),
  description: roleFields.description,
  permissions: roleFields.permissions.optional(),
  dataScope: roleFields.dataScope.optional(),
  scopeEntityIds: z.array(idSchema).max(200).optional(),
  scopeDepartmentIds: z.array(idSchema).max(500).optional(),
});
