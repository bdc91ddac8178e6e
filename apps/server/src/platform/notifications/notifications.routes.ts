import {
  emptyBodySchema,
  idParamsSchema,
  markAllReadResultSchema,
  notificationListQuerySchema,
  notificationPreferencesSchema,
  notificationPreferencesUpdateSchema,
  notificationSchema,
  okSchema,
  pageOf,
  robotCreateSchema,
  robotListQuerySchema,
  robotSchema,
  robotUpdateSchema,
  unreadCountSchema,
} from '@concord/contracts';
import { defineRoute, type RouteDefinition } from '../http/index.js';
import type { NotificationsService } from './notifications.service.js';
import type { RobotsService } from './robots.service.js';

export function notificationsRoutes(
  notifications: NotificationsService,
  robots: RobotsService,
): RouteDefinition[] {
  const tags = ['notifications'];
  return [
    defineRoute({
      method: 'GET',
      url: '/notifications',
      summary: 'List my notifications, newest first',
      tags,
      querystring: notificationListQuerySchema,
      response: pageOf(notificationSchema),
      handler: ({ ctx, query }) => notifications.list(ctx, query),
    }),
    defineRoute({
      method: 'GET',
      url: '/notifications/unread-count',
      summary: 'Count my unread notifications (the bell)',
      tags,
      response: unreadCountSchema,
      handler: async ({ ctx }) => ({ count: await notifications.unreadCount(ctx) }),
    }),
    defineRoute({
      method: 'POST',
      url: '/notifications/:id/read',
      summary: 'Mark one of my notifications read',
      tags,
      recordType: 'notification',
      params: idParamsSchema,
      body: emptyBodySchema,
      response: notificationSchema,
      handler: ({ ctx, params }) => notifications.markRead(ctx, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/notifications/read-all',
      summary: 'Mark all my notifications read',
      tags,
      body: emptyBodySchema,
      response: markAllReadResultSchema,
      handler: async ({ ctx }) => ({ count: await notifications.markAllRead(ctx) }),
    }),
    defineRoute({
      method: 'GET',
      url: '/notifications/preferences',
      summary: 'My notification channels',
      tags,
      response: notificationPreferencesSchema,
      handler: ({ ctx }) => notifications.preferences(ctx),
    }),
    defineRoute({
      method: 'PUT',
      url: '/notifications/preferences',
      summary: 'Choose my notification channels',
      tags,
      body: notificationPreferencesUpdateSchema,
      response: notificationPreferencesSchema,
      handler: ({ ctx, body }) => notifications.updatePreferences(ctx, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/notification-robots',
      summary: 'List group robots (DingTalk, WeCom, Feishu)',
      tags,
      querystring: robotListQuerySchema,
      response: pageOf(robotSchema),
      handler: ({ ctx, query }) => robots.list(ctx, query),
    }),
    defineRoute({
      method: 'GET',
      url: '/notification-robots/:id',
      summary: 'Get a group robot',
      tags,
      recordType: 'notificationRobot',
      params: idParamsSchema,
      response: robotSchema,
      handler: ({ ctx, params }) => robots.get(ctx, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/notification-robots',
      status: 201,
      summary: 'Add a group robot to a legal entity',
      tags,
      body: robotCreateSchema,
      response: robotSchema,
      handler: ({ ctx, body }) => robots.create(ctx, body),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/notification-robots/:id',
      summary: 'Update a group robot',
      tags,
      recordType: 'notificationRobot',
      params: idParamsSchema,
      body: robotUpdateSchema,
      response: robotSchema,
      handler: ({ ctx, params, body }) => robots.update(ctx, params.id, body),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/notification-robots/:id',
      status: 204,
      summary: 'Delete a group robot',
      tags,
      recordType: 'notificationRobot',
      params: idParamsSchema,
      handler: async ({ ctx, params }) => {
        await robots.remove(ctx, params.id);
        return { ok: true as const };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/notification-robots/:id/test',
      summary: 'Send a test message to a group robot now',
      tags,
      recordType: 'notificationRobot',
      params: idParamsSchema,
      body: emptyBodySchema,
      response: okSchema,
      rateLimitPerMinute: 10,
      handler: async ({ ctx, params }) => {
        await robots.sendTest(ctx, params.id);
        return { ok: true as const };
      },
    }),
  ];
}
