import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BellOutlined,
  HomeOutlined,
  IdcardOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { PermissionCode } from '@concord/contracts';
import type { MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

type MenuLabelKey =
  | 'menu.home'
  | 'menu.system'
  | 'menu.entities'
  | 'menu.departments'
  | 'menu.positions'
  | 'menu.users'
  | 'menu.roles'
  | 'menu.audit'
  | 'menu.robots';

export interface MenuPage {
  path: string;
  labelKey: MenuLabelKey;
  icon: ReactNode;
  /** Shown only when the session holds this permission in the acting entity. */
  permission?: PermissionCode;
  /** Stable hook for browser tests. */
  testId: string;
}

interface MenuSection {
  key: string;
  labelKey: MenuLabelKey;
  icon: ReactNode;
  pages: MenuPage[];
}

export const homePage: MenuPage = {
  path: '/',
  labelKey: 'menu.home',
  icon: <HomeOutlined />,
  testId: 'menu-home',
};

export const menuSections: MenuSection[] = [
  {
    key: 'system',
    labelKey: 'menu.system',
    icon: <SettingOutlined />,
    pages: [
      {
        path: '/system/entities',
        labelKey: 'menu.entities',
        icon: <BankOutlined />,
        permission: 'org.entity.view',
        testId: 'menu-entities',
      },
      {
        path: '/system/departments',
        labelKey: 'menu.departments',
        icon: <ApartmentOutlined />,
        permission: 'org.department.view',
        testId: 'menu-departments',
      },
      {
        path: '/system/positions',
        labelKey: 'menu.positions',
        icon: <IdcardOutlined />,
        permission: 'org.position.view',
        testId: 'menu-positions',
      },
      {
        path: '/system/users',
        labelKey: 'menu.users',
        icon: <TeamOutlined />,
        permission: 'org.user.view',
        testId: 'menu-users',
      },
      {
        path: '/system/roles',
        labelKey: 'menu.roles',
        icon: <SafetyCertificateOutlined />,
        permission: 'iam.role.view',
        testId: 'menu-roles',
      },
      {
        path: '/system/audit',
        labelKey: 'menu.audit',
        icon: <AuditOutlined />,
        permission: 'audit.view',
        testId: 'menu-audit',
      },
      {
        path: '/system/robots',
        labelKey: 'menu.robots',
        icon: <BellOutlined />,
        permission: 'notification.robot.view',
        testId: 'menu-robots',
      },
    ],
  },
];

/** The pages (besides home) the session may open, in menu order: also the home page's quick links. */
export function allowedPages(can: (code: string) => boolean): MenuPage[] {
  return menuSections.flatMap((section) =>
    section.pages.filter((page) => !page.permission || can(page.permission)),
  );
}

function pageItem(page: MenuPage, t: TFunction, onNavigate?: () => void) {
  return {
    key: page.path,
    icon: page.icon,
    label: (
      <Link to={page.path} data-testid={page.testId} onClick={onNavigate}>
        {t(page.labelKey)}
      </Link>
    ),
  };
}

/** Antd menu items for the session; sections without any allowed page are left out entirely. */
export function buildMenuItems(
  can: (code: string) => boolean,
  t: TFunction,
  onNavigate?: () => void,
): NonNullable<MenuProps['items']> {
  const items: NonNullable<MenuProps['items']> = [pageItem(homePage, t, onNavigate)];
  for (const section of menuSections) {
    const pages = section.pages.filter((page) => !page.permission || can(page.permission));
    if (pages.length === 0) continue;
    items.push({
      key: section.key,
      icon: section.icon,
      label: <span data-testid={`menu-section-${section.key}`}>{t(section.labelKey)}</span>,
      children: pages.map((page) => pageItem(page, t, onNavigate)),
    });
  }
  return items;
}

/** The menu key to highlight for a location (none for pages outside the menu, like the profile). */
export function selectedMenuKey(pathname: string): string {
  if (pathname === homePage.path) return homePage.path;
  const paths = menuSections.flatMap((section) => section.pages.map((page) => page.path));
  return paths.filter((path) => pathname.startsWith(path)).sort((a, b) => b.length - a.length)[0] ?? '';
}
