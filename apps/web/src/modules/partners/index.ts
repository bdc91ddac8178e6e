import { ShopOutlined } from '@ant-design/icons';
import { lazyPage, type WebModule } from '../../app/moduleKit';
import { partnersEnUS } from '../../locales/partners.en-US';
import { partnersZhCN } from '../../locales/partners.zh-CN';

// The partners catalogue file also holds the numbering rules' texts; those belong to the system module.
const zhCN = { partners: partnersZhCN.partners };

/** Partners (合作伙伴): customers and suppliers with their contacts, bank accounts and qualifications. */
export const partnersModule: WebModule<typeof zhCN> = {
  name: 'partners',
  routes: [
    { path: '/partners', permission: 'partner.view', page: lazyPage(() => import('./PartnersPage')) },
    {
      path: '/partners/qualifications/expiring',
      permission: 'partner.view',
      page: lazyPage(() => import('./ExpiringQualificationsPage')),
    },
    {
      path: '/partners/:id',
      permission: 'partner.view',
      page: lazyPage(() => import('./PartnerDetailPage')),
    },
  ],
  menu: [
    {
      key: 'partners',
      labelKey: 'partners.menuLabel',
      icon: ShopOutlined,
      path: '/partners',
      permission: 'partner.view',
      section: 'contracts',
      order: 20,
    },
  ],
  locales: { 'zh-CN': zhCN, 'en-US': { partners: partnersEnUS.partners } },
};
