import {
  AlertOutlined,
  FieldTimeOutlined,
  ApartmentOutlined,
  AuditOutlined,
  AccountBookOutlined,
  BranchesOutlined,
  CheckSquareOutlined,
  ClusterOutlined,
  ControlOutlined,
  DiffOutlined,
  BankOutlined,
  BellOutlined,
  FileTextOutlined,
  FormOutlined,
  HomeOutlined,
  IdcardOutlined,
  InboxOutlined,
  NumberOutlined,
  ProjectOutlined,
  SafetyCertificateOutlined,
  ShopOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { PermissionCode } from '@concord/contracts';
import { Badge, type MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { workflowPermissions } from '../modules/approvals/shared/permissions';

type MenuLabelKey =
  | 'menu.home'
  | 'menu.system'
  | 'menu.entities'
  | 'menu.departments'
  | 'menu.positions'
  | 'menu.users'
  | 'menu.roles'
  | 'menu.audit'
  | 'menu.robots'
  | 'menu.forms'
  | 'approvals.menuLabel'
  | 'flows.menuLabel'
  | 'contracts.menuSection'
  | 'contracts.menuLabel'
  | 'partners.menuLabel'
  | 'numbering.menuLabel'
  | 'contractArchive.menuLabel'
  | 'contractSetup.menu.categories'
  | 'contractSetup.menu.plans'
  | 'contractExceptions.menuLabel'
  | 'contractOverdue.menuLabel'
  | 'contractOversight.menuLabel'
  | 'contractSettings.menuLabel'
  | 'invoices.menuLabel';

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

/** The approval centre: top level, for everyone signed in (everyone has approvals to do or to start). */
export const approvalsPage: MenuPage = {
  path: '/approvals',
  labelKey: 'approvals.menuLabel',
  icon: <CheckSquareOutlined />,
  testId: 'menu-approvals',
};

export const menuSections: MenuSection[] = [
  // 合同管理: the contract register and what it uses (partners, categories, plans, archive).
  {
    key: 'contracts',
    labelKey: 'contracts.menuSection',
    icon: <FileTextOutlined />,
    pages: [
      {
        path: '/contracts',
        labelKey: 'contracts.menuLabel',
        icon: <FileTextOutlined />,
        permission: 'contract.view',
        testId: 'menu-contracts',
      },
      {
        path: '/partners',
        labelKey: 'partners.menuLabel',
        icon: <ShopOutlined />,
        permission: 'partner.view',
        testId: 'menu-partners',
      },
      {
        path: '/contracts/borrows',
        labelKey: 'contractArchive.menuLabel',
        icon: <InboxOutlined />,
        permission: 'contract.archive',
        testId: 'menu-contract-borrows',
      },
      {
        path: '/contracts/categories',
        labelKey: 'contractSetup.menu.categories',
        icon: <ClusterOutlined />,
        permission: 'contract.category.view',
        testId: 'menu-contract-categories',
      },
      {
        path: '/contracts/plans',
        labelKey: 'contractSetup.menu.plans',
        icon: <ProjectOutlined />,
        permission: 'contract.plan.view',
        testId: 'menu-contract-plans',
      },
      {
        path: '/contracts/exceptions',
        labelKey: 'contractExceptions.menuLabel',
        icon: <DiffOutlined />,
        permission: 'contract.view',
        testId: 'menu-contract-exceptions',
      },
      {
        path: '/contracts/overdue',
        labelKey: 'contractOverdue.menuLabel',
        icon: <FieldTimeOutlined />,
        permission: 'contract.view',
        testId: 'menu-contract-overdue',
      },
      {
        path: '/contracts/oversight',
        labelKey: 'contractOversight.menuLabel',
        icon: <AlertOutlined />,
        permission: 'contract.oversight',
        testId: 'menu-contract-oversight',
      },
      {
        path: '/invoices',
        labelKey: 'invoices.menuLabel',
        icon: <AccountBookOutlined />,
        permission: 'invoice.view',
        testId: 'menu-invoices',
      },
      {
        path: '/contracts/settings',
        labelKey: 'contractSettings.menuLabel',
        icon: <ControlOutlined />,
        permission: 'contract.settings',
        testId: 'menu-contract-settings',
      },
    ],
  },
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
        path: '/system/flows',
        labelKey: 'flows.menuLabel',
        icon: <BranchesOutlined />,
        permission: workflowPermissions.definitionView,
        testId: 'menu-flows',
      },
      {
        path: '/system/robots',
        labelKey: 'menu.robots',
        icon: <BellOutlined />,
        permission: 'notification.robot.view',
        testId: 'menu-robots',
      },
      {
        path: '/system/forms',
        labelKey: 'menu.forms',
        icon: <FormOutlined />,
        permission: 'form.definition.view',
        testId: 'menu-forms',
      },
      {
        path: '/system/numbering',
        labelKey: 'numbering.menuLabel',
        icon: <NumberOutlined />,
        permission: 'numbering.rule.view',
        testId: 'menu-numbering',
      },
    ],
  },
];

/** The pages (besides home) the session may open, in menu order: also the home page's quick links. */
export function allowedPages(can: (code: string) => boolean): MenuPage[] {
  return [
    approvalsPage,
    ...menuSections.flatMap((section) =>
      section.pages.filter((page) => !page.permission || can(page.permission)),
    ),
  ];
}

/** Counts shown beside menu entries, by page path (the approval centre's todo count). */
export type MenuBadges = Partial<Record<string, number>>;

function pageItem(page: MenuPage, t: TFunction, onNavigate?: () => void, badge?: number) {
  return {
    key: page.path,
    icon: page.icon,
    label: (
      <Link to={page.path} data-testid={page.testId} onClick={onNavigate}>
        {t(page.labelKey)}
        {badge ? (
          <Badge
            count={badge}
            size="small"
            overflowCount={99}
            style={{ marginInlineStart: 8, boxShadow: 'none' }}
            data-testid={`${page.testId}-badge`}
          />
        ) : null}
      </Link>
    ),
  };
}

/** Antd menu items for the session; sections without any allowed page are left out entirely. */
export function buildMenuItems(
  can: (code: string) => boolean,
  t: TFunction,
  onNavigate?: () => void,
  badges: MenuBadges = {},
): NonNullable<MenuProps['items']> {
  const items: NonNullable<MenuProps['items']> = [
    pageItem(homePage, t, onNavigate),
    pageItem(approvalsPage, t, onNavigate, badges[approvalsPage.path]),
  ];
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
  const paths = [
    approvalsPage.path,
    ...menuSections.flatMap((section) => section.pages.map((page) => page.path)),
  ];
  return paths.filter((path) => pathname.startsWith(path)).sort((a, b) => b.length - a.length)[0] ?? '';
}
