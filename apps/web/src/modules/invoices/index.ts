import { AccountBookOutlined } from '@ant-design/icons';
import { lazyPage, type WebModule } from '../../app/moduleKit';
import { invoicesEnUS } from '../../locales/invoices.en-US';
import { invoicesZhCN } from '../../locales/invoices.zh-CN';

/** The invoice register (发票登记簿). */
export const invoicesModule: WebModule<typeof invoicesZhCN> = {
  name: 'invoices',
  routes: [{ path: '/invoices', permission: 'invoice.view', page: lazyPage(() => import('./InvoicesPage')) }],
  menu: [
    {
      key: 'invoices',
      labelKey: 'invoices.menuLabel',
      icon: AccountBookOutlined,
      path: '/invoices',
      permission: 'invoice.view',
      section: 'contracts',
      order: 90,
    },
  ],
  locales: { 'zh-CN': invoicesZhCN, 'en-US': invoicesEnUS },
};
