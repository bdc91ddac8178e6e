import { lazyPage, type WebModule } from '../../app/moduleKit';
import { accountEnUS } from '../../locales/account.en-US';
import { accountZhCN } from '../../locales/account.zh-CN';

/** The signed-in user's own profile and password (reached from the user menu, not the side menu). */
export const accountModule: WebModule<typeof accountZhCN> = {
  name: 'account',
  routes: [
    { path: '/account/profile', page: lazyPage(() => import('./ProfilePage')) },
    { path: '/account/password', page: lazyPage(() => import('./ChangePasswordPage')) },
  ],
  locales: { 'zh-CN': accountZhCN, 'en-US': accountEnUS },
};
