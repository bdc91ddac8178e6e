import {
  changePasswordBodySchema,
  idParamsSchema,
  loginBodySchema,
  okSchema,
  profileUpdateSchema,
  roleCreateSchema,
  roleSchema,
  roleUpdateSchema,
  sessionInfoSchema,
  setLocaleBodySchema,
  switchEntityBodySchema,
} from '@concord/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { defineRoute, localeOf, type RequestContext, type RouteDefinition } from '../http/index.js';
import type { UsersService } from '../org/index.js';
import type { AuthService, ClientInfo } from './auth.service.js';
import type { RolesService } from './roles.service.js';

export const SESSION_COOKIE = 'concord_sid';

export function clientInfo(request: FastifyRequest): ClientInfo {
  return {
    requestId: request.id,
    ip: request.ip ?? null,
    userAgent: (request.headers['user-agent'] as string | undefined) ?? null,
    locale: localeOf(request),
  };
}

export function iamRoutes(
  auth: AuthService,
  roles: RolesService,
  users: UsersService,
  cookie: { secure: boolean; loginPerMinute: number },
): RouteDefinition[] {
  const setCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: cookie.secure,
    });
  const refreshed = async (request: FastifyRequest, ctx: RequestContext) => {
    const fresh = await auth.authenticate(clientInfo(request), request.cookies[SESSION_COOKIE], {
      checkCsrf: false,
      csrfHeader: undefined,
    });
    return auth.sessionInfo({ ...fresh, requestId: ctx.requestId });
  };
  return [
    defineRoute({
      method: 'POST',
      url: '/auth/login',
      summary: 'Sign in with username and password',
      tags: ['auth'],
      auth: 'public',
      rateLimitPerMinute: cookie.loginPerMinute,
      body: loginBodySchema,
      response: sessionInfoSchema,
      handler: async ({ body, request }, reply) => {
        const { token, info } = await auth.login(clientInfo(request), body.username, body.password);
        setCookie(reply, token);
        return info;
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/auth/logout',
      beforePasswordChange: true,
      summary: 'Sign out (ends this session)',
      tags: ['auth'],
      response: okSchema,
      handler: async ({ ctx }, reply) => {
        await auth.logout(ctx);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { ok: true as const };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/auth/session',
      beforePasswordChange: true,
      summary: 'The signed-in user, acting entity, permissions and CSRF token',
      tags: ['auth'],
      response: sessionInfoSchema,
      handler: ({ ctx }) => auth.sessionInfo(ctx),
    }),
    defineRoute({
      method: 'POST',
      url: '/auth/password',
      beforePasswordChange: true,
      summary: 'Change own password (ends other sessions)',
      tags: ['auth'],
      body: changePasswordBodySchema,
      response: okSchema,
      handler: async ({ ctx, body }) => {
        await auth.changePassword(ctx, body.currentPassword, body.newPassword);
        return { ok: true as const };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/auth/entity',
      summary: 'Switch the legal entity the user acts in',
      tags: ['auth'],
      body: switchEntityBodySchema,
      response: sessionInfoSchema,
      handler: async ({ ctx, body, request }) => {
        await auth.switchEntity(ctx, body.entityId);
        return refreshed(request, ctx);
      },
    }),
    defineRoute({
      method: 'PATCH',
      url: '/auth/profile',
      summary: 'Update own profile (name, contact, language)',
      tags: ['auth'],
      body: profileUpdateSchema,
      response: sessionInfoSchema,
      handler: async ({ ctx, body, request }) => {
        await users.updateOwnProfile(ctx, body);
        return refreshed(request, ctx);
      },
    }),
    defineRoute({
      method: 'PUT',
      url: '/auth/locale',
      beforePasswordChange: true,
      summary: 'Set own UI language',
      tags: ['auth'],
      body: setLocaleBodySchema,
      response: okSchema,
      handler: async ({ ctx, body }) => {
        await users.updateOwnProfile(ctx, { locale: body.locale });
        return { ok: true as const };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/iam/roles',
      summary: 'List roles',
      tags: ['roles'],
      response: z.object({ items: z.array(roleSchema) }),
      handler: async ({ ctx }) => ({ items: await roles.list(ctx) }),
    }),
    defineRoute({
      method: 'GET',
      url: '/iam/roles/:id',
      summary: 'Get a role',
      tags: ['roles'],
      recordType: 'role',
      params: idParamsSchema,
      response: roleSchema,
      handler: ({ ctx, params }) => roles.get(ctx, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/iam/roles',
      status: 201,
      summary: 'Create a role with permissions and a data scope',
      tags: ['roles'],
      body: roleCreateSchema,
      response: roleSchema,
      handler: ({ ctx, body }) => roles.create(ctx, body),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/iam/roles/:id',
      summary: 'Update a role',
      tags: ['roles'],
      recordType: 'role',
      params: idParamsSchema,
      body: roleUpdateSchema,
      response: roleSchema,
      handler: ({ ctx, params, body }) => roles.update(ctx, params.id, body),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/iam/roles/:id',
      status: 204,
      summary: 'Delete an unused, non-built-in role',
      tags: ['roles'],
      recordType: 'role',
      params: idParamsSchema,
      handler: async ({ ctx, params }) => {
        await roles.delete(ctx, params.id);
        return { ok: true as const };
      },
    }),
  ];
}
