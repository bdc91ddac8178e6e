import {
  directoryEntrySchema,
  directoryQuerySchema,
  idParamsSchema,
  okSchema,
  pageOf,
  userCreateSchema,
  userListQuerySchema,
  userOpenWorkSchema,
  userResetPasswordSchema,
  userSchema,
  userSetActiveSchema,
  userSetRolesSchema,
  userUpdateSchema,
} from '@concord/contracts';
import { z } from 'zod';
import { defineRoute, type RouteDefinition, sendXlsx } from '../http/index.js';
import type { UserRolesService } from './user-roles.service.js';
import type { UsersService } from './users.service.js';

const exportQuerySchema = userListQuerySchema.omit({ page: true, pageSize: true });

export function usersRoutes(users: UsersService, userRoles: UserRolesService): RouteDefinition[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/org/users',
      summary: 'List users (paged, sorted, filtered)',
      tags: ['users'],
      querystring: userListQuerySchema,
      response: pageOf(userSchema),
      handler: ({ ctx, query }) => users.list(ctx, query),
    }),
    defineRoute({
      method: 'GET',
      url: '/org/users/export',
      summary: 'Export the filtered user list to Excel',
      tags: ['users'],
      download: true,
      querystring: exportQuerySchema,
      handler: async ({ ctx, query }, reply) => {
        const rows = users.exportRows(ctx, query);
        const zh = ctx.locale === 'zh-CN';
        return sendXlsx(reply, {
          filename: zh ? '用户.xlsx' : 'users.xlsx',
          sheetName: zh ? '用户' : 'Users',
          rows,
          columns: [
            { header: zh ? '用户名' : 'Username', value: (u) => u.username },
            { header: zh ? '姓名' : 'Name', value: (u) => u.displayName },
            { header: zh ? '法人主体' : 'Entity', width: 28, value: (u) => u.entityName },
            { header: zh ? '部门' : 'Department', value: (u) => u.departmentName },
            { header: zh ? '岗位' : 'Position', value: (u) => u.positionName },
            { header: zh ? '邮箱' : 'E-mail', width: 26, value: (u) => u.email },
            { header: zh ? '电话' : 'Phone', value: (u) => u.phone },
            {
              header: zh ? '状态' : 'Status',
              value: (u) => (u.active ? (zh ? '启用' : 'Active') : zh ? '停用' : 'Disabled'),
            },
            {
              header: zh ? '角色' : 'Roles',
              width: 40,
              value: (u) => u.roles.map((r) => `${r.roleName}@${r.entityName}`).join(', '),
            },
            { header: zh ? '最近登录' : 'Last sign-in', width: 24, value: (u) => u.lastLoginAt },
            { header: zh ? '创建时间' : 'Created', width: 24, value: (u) => u.createdAt },
          ],
        });
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/org/directory',
      summary: 'Search colleagues to pick for approvals (any signed-in user; names and departments only)',
      tags: ['users'],
      querystring: directoryQuerySchema,
      response: z.object({ items: z.array(directoryEntrySchema) }),
      handler: async ({ ctx, query }) => ({ items: await users.directory(ctx, query.q) }),
    }),
    defineRoute({
      method: 'GET',
      url: '/org/users/:id',
      summary: 'Get a user',
      tags: ['users'],
      recordType: 'user',
      params: idParamsSchema,
      response: userSchema,
      handler: ({ ctx, params }) => users.get(ctx, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/org/users',
      status: 201,
      summary: 'Create a user with an initial password',
      tags: ['users'],
      body: userCreateSchema,
      response: userSchema,
      handler: ({ ctx, body }) => users.create(ctx, body),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/org/users/:id',
      summary: 'Update a user',
      tags: ['users'],
      recordType: 'user',
      params: idParamsSchema,
      body: userUpdateSchema,
      response: userSchema,
      handler: ({ ctx, params, body }) => users.update(ctx, params.id, body),
    }),
    defineRoute({
      method: 'POST',
      url: '/org/users/:id/active',
      summary: 'Enable or disable a user (disabling ends their sessions)',
      tags: ['users'],
      recordType: 'user',
      params: idParamsSchema,
      body: userSetActiveSchema,
      response: userSchema,
      handler: ({ ctx, params, body }) => users.setActive(ctx, params.id, body.active, body.handover),
    }),
    defineRoute({
      method: 'POST',
      url: '/org/users/:id/unlock',
      summary:
        'Lift the sign-in blocks on a user (failures from many addresses) without changing the password',
      tags: ['users'],
      recordType: 'user',
      params: idParamsSchema,
      body: z.strictObject({}),
      response: userSchema,
      handler: ({ ctx, params }) => users.unlockSignIn(ctx, params.id),
    }),
    defineRoute({
      method: 'GET',
      url: '/org/users/:id/open-work',
      summary:
        'What a user holds that others must take over before they are disabled (pending approvals, ...)',
      tags: ['users'],
      recordType: 'user',
      params: idParamsSchema,
      response: userOpenWorkSchema,
      handler: ({ ctx, params }) => users.openWork(ctx, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/org/users/:id/password',
      summary: "Reset a user's password (ends their sessions)",
      tags: ['users'],
      recordType: 'user',
      params: idParamsSchema,
      body: userResetPasswordSchema,
      response: okSchema,
      handler: async ({ ctx, params, body }) => {
        await users.resetPassword(ctx, params.id, body.newPassword);
        return { ok: true as const };
      },
    }),
    defineRoute({
      method: 'PUT',
      url: '/org/users/:id/roles',
      summary: "Replace a user's role assignments (role held in an entity)",
      tags: ['users'],
      recordType: 'user',
      params: idParamsSchema,
      body: userSetRolesSchema,
      response: userSchema,
      handler: ({ ctx, params, body }) => userRoles.setRoles(ctx, params.id, body.assignments),
    }),
  ];
}
