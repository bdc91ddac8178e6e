import { BellOutlined } from '@ant-design/icons';
import { lazyPage, type WebModule } from '../../app/moduleKit';
import { notificationsEnUS } from '../../locales/notifications.en-US';
import { notificationsZhCN } from '../../locales/notifications.zh-CN';

/** The notification centre (from the bell) and the group robots that push notifications to chats. */
export const notificationsModule: WebModule<typeof notificationsZhCN> = {
  name: 'notifications',
  routes: [
    { path: '/notifications', page: lazyPage(() => import('./NotificationsPage')) },
    {
      path: '/system/robots',
      permission: 'notification.robot.view',
      page: lazyPage(() => import('./RobotsPage')),
    },
  ],
  menu: [
    {
      key: 'robots',
      labelKey: 'menu.robots',
      icon: BellOutlined,
      path: '/system/robots',
      permission: 'notification.robot.view',
      section: 'system',
      order: 80,
    },
  ],
  locales: { 'zh-CN': notificationsZhCN, 'en-US': notificationsEnUS },
};
