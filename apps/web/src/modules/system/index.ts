import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  IdcardOutlined,
  NumberOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { lazyPage, type WebModule } from '../../app/moduleKit';
import { partnersEnUS } from '../../locales/partners.en-US';
import { partnersZhCN } from '../../locales/partners.zh-CN';
import { systemEnUS } from '../../locales/system.en-US';
import { systemZhCN } from '../../locales/system.zh-CN';

// The numbering rules' texts live in the partners catalogue file (written with the partner codes).
const zhCN = { ...systemZhCN, numbering: partnersZhCN.numbering };

/**
 * System administration: legal entities, departments, positions, users, roles, the audit log and
 * numbering rules. Its 系统管理 section also holds other modules' settings pages (flows, robots, forms).
 */
export const systemModule: WebModule<typeof zhCN> = {
  name: 'system',
  routes: [
    {
      path: '/system/entities',
      permission: 'org.entity.view',
      page: lazyPage(() => import('./entities/EntitiesPage')),
    },
    {
      path: '/system/departments',
      permission: 'org.department.view',
      page: lazyPage(() => import('./departments/DepartmentsPage')),
    },
    {
      path: '/system/positions',
      permission: 'org.position.view',
      page: lazyPage(() => import('./positions/PositionsPage')),
    },
    { path: '/system/users', permission: 'org.user.view', page: lazyPage(() => import('./users/UsersPage')) },
    { path: '/system/roles', permission: 'iam.role.view', page: lazyPage(() => import('./roles/RolesPage')) },
    { path: '/system/audit', permission: 'audit.view', page: lazyPage(() => import('./audit/AuditPage')) },
    {
      path: '/system/numbering',
      permission: 'numbering.rule.view',
      page: lazyPage(() => import('./numbering/NumberingRulesPage')),
    },
  ],
  menuSections: [{ key: 'system', labelKey: 'menu.system', icon: SettingOutlined, order: 90 }],
  menu: [
    {
      key: 'entities',
      labelKey: 'menu.entities',
      icon: BankOutlined,
      path: '/system/entities',
      permission: 'org.entity.view',
      section: 'system',
      order: 10,
    },
    {
      key: 'departments',
      labelKey: 'menu.departments',
      icon: ApartmentOutlined,
      path: '/system/departments',
      permission: 'org.department.view',
      section: 'system',
      order: 20,
    },
    {
      key: 'positions',
      labelKey: 'menu.positions',
      icon: IdcardOutlined,
      path: '/system/positions',
      permission: 'org.position.view',
      section: 'system',
      order: 30,
    },
    {
      key: 'users',
      labelKey: 'menu.users',
      icon: TeamOutlined,
      path: '/system/users',
      permission: 'org.user.view',
      section: 'system',
      order: 40,
    },
    {
      key: 'roles',
      labelKey: 'menu.roles',
      icon: SafetyCertificateOutlined,
      path: '/system/roles',
      permission: 'iam.role.view',
      section: 'system',
      order: 50,
    },
    {
      key: 'audit',
      labelKey: 'menu.audit',
      icon: AuditOutlined,
      path: '/system/audit',
      permission: 'audit.view',
      section: 'system',
      order: 60,
    },
    // 70 flows (approvals), 80 robots (notifications), 90 forms (forms)
    {
      key: 'numbering',
      labelKey: 'numbering.menuLabel',
      icon: NumberOutlined,
      path: '/system/numbering',
      permission: 'numbering.rule.view',
      section: 'system',
      order: 100,
    },
  ],
  locales: { 'zh-CN': zhCN, 'en-US': { ...systemEnUS, numbering: partnersEnUS.numbering } },
};
