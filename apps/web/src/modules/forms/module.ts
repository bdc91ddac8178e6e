import { FormOutlined } from '@ant-design/icons';
import { lazyPage, type WebModule } from '../../app/moduleKit';
import { formsEnUS } from '../../locales/forms.en-US';
import { formsZhCN } from '../../locales/forms.zh-CN';

/** The web side of the forms module: the form definitions page under 系统管理. */
export const formsModule: WebModule<typeof formsZhCN> = {
  name: 'forms',
  routes: [
    {
      path: '/system/forms',
      permission: 'form.definition.view',
      page: lazyPage(() => import('./FormDefinitionsPage')),
    },
  ],
  menu: [
    {
      key: 'forms',
      labelKey: 'menu.forms',
      icon: FormOutlined,
      path: '/system/forms',
      permission: 'form.definition.view',
      section: 'system',
      order: 90,
    },
  ],
  locales: { 'zh-CN': formsZhCN, 'en-US': formsEnUS },
};
