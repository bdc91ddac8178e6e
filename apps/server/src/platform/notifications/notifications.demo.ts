import { type DemoPlatform, type DemoSeeded, defineDemo } from '../kit/index.js';
import type { RobotsService } from './robots.service.js';

/** A group robot to show the settings page; switched off, since its URL is a placeholder. */
export const notificationsDemo = defineDemo({
  seed: async (
    services: { robots: RobotsService } & DemoPlatform,
    { org }: DemoSeeded<'org'>,
  ): Promise<void> => {
    await services.robots.create(services.systemContext('seed-demo'), {
      entityId: org.groupId,
      name: '集团管理群（示例）',
      kind: 'dingtalk',
      webhookUrl: 'https://oapi.dingtalk.com/robot/send?access_token=replace-with-your-token',
      secret: null,
      locale: 'zh-CN',
      enabled: false,
    });
  },
});
