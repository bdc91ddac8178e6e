import { newPasswordSchema } from '@concord/contracts';
import type { Services } from '../app.js';
import { builtInRoles, declaredPermissionGroups } from '../platform/iam/index.js';

/** Creates an administrator holding the built-in admin role in the group (and the group when missing). */
export async function createAdmin(
  services: Services,
  input: { username: string; password: string; displayName: string },
): Promise<void> {
  // Checked before anything is written, so a refused password leaves no half-made group behind.
  const password = newPasswordSchema.safeParse(input.password);
  if (!password.success)
    throw new Error(`Password refused: ${password.error.issues.map((i) => i.message).join(', ')}`);
  const ctx = services.systemContext('create-admin');
  const { org, users, roles, db } = services;
  const adminRole = builtInRoles(declaredPermissionGroups(services.loaded)).find((r) => r.code === 'admin')!;
  const roleId = await db.transaction().execute((trx) => roles.ensureBuiltIn(trx, ctx, adminRole));
  const entities = await org.listEntities(ctx);
  const root =
    entities.find((e) => e.parentId === null) ??
    (await org.createRootEntity(ctx, { code: 'GROUP', name: 'Group' }));
  const departments = await org.listDepartments(ctx, root.id);
  const department =
    departments.find((d) => d.parentId === null) ??
    (await org.createDepartment(ctx, {
      entityId: root.id,
      parentId: null,
      code: 'HQ',
      name: 'Headquarters',
      headUserId: null,
      sortOrder: 0,
    }));
  const user = await users.create(ctx, {
    username: input.username,
    displayName: input.displayName,
    departmentId: department.id,
    extraDepartmentIds: [],
    positionId: null,
    password: input.password,
    locale: 'zh-CN',
  });
  await services.userRoles.setRoles(ctx, user.id, [{ roleId, entityId: root.id }]);
}
