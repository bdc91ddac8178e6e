import { HomeOutlined } from '@ant-design/icons';
import { lazyPage, type WebModule } from '../../app/moduleKit';
import { homeEnUS } from '../../locales/home.en-US';
import { homeZhCN } from '../../locales/home.zh-CN';

/** The workbench: what waits on the user and needs their attention, what they worked on last, and their role's shortcuts. */
export const homeModule: WebModule<typeof homeZhCN> = {
  name: 'home',
  routes: [{ path: '/', page: lazyPage(() => import('./HomePage')) }],
  menu: [{ key: 'home', labelKey: 'menu.home', icon: HomeOutlined, path: '/', order: 10 }],
  locales: { 'zh-CN': homeZhCN, 'en-US': homeEnUS },
};
