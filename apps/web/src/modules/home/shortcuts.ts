import {
  AuditOutlined,
  FieldTimeOutlined,
  FileAddOutlined,
  FileTextOutlined,
  FormOutlined,
  SafetyCertificateOutlined,
  ShopOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { type ComponentType, createElement, type ReactNode } from 'react';

/** A task the workbench may put first: where it goes, what opens it, and whose daily work it is. */
export interface TaskShortcut {
  key: string;
  path: string;
  labelKey: string;
  icon: ComponentType;
  /** Needed to open it; none: every signed-in user may. */
  permission?: string;
  /**
   * The permissions of those who do this most (a clerk registers, finance collects): each one held
   * moves it up. A shortcut whose `permission` is held but none of these stays with the rest.
   */
  usedBy: readonly string[];
  /** The approvals waiting on the user put it first (an approver's day starts there). */
  byTodo?: boolean;
}

/**
 * The tasks the workbench offers besides the menu's pages, with the permissions that mark them as
 * someone's daily work. Data, not users: a role's permissions decide what comes first.
 */
export const taskShortcuts: readonly TaskShortcut[] = [
  {
    key: 'todo',
    path: '/approvals?tab=todo',
    labelKey: 'home.shortcuts.todo',
    icon: AuditOutlined,
    usedBy: [],
    byTodo: true,
  },
  {
    key: 'contract-new',
    path: '/contracts/new',
    labelKey: 'home.shortcuts.newContract',
    icon: FileAddOutlined,
    permission: 'contract.create',
    usedBy: ['contract.create', 'contract.import'],
  },
  {
    key: 'contract-ledger',
    path: '/contracts',
    labelKey: 'home.shortcuts.contracts',
    icon: FileTextOutlined,
    permission: 'contract.view',
    usedBy: ['contract.create', 'contract.manage', 'contract.archive'],
  },
  {
    key: 'contract-import',
    path: '/contracts?import=open',
    labelKey: 'home.shortcuts.importContracts',
    icon: UploadOutlined,
    permission: 'contract.import',
    usedBy: ['contract.import'],
  },
  {
    key: 'collections',
    path: '/contracts/overdue',
    labelKey: 'home.shortcuts.collections',
    icon: FieldTimeOutlined,
    permission: 'contract.view',
    usedBy: ['contract.pay', 'contract.invoice'],
  },
  {
    key: 'invoices',
    path: '/invoices',
    labelKey: 'home.shortcuts.invoices',
    icon: SafetyCertificateOutlined,
    permission: 'invoice.view',
    usedBy: ['invoice.manage', 'contract.pay'],
  },
  {
    key: 'partners',
    path: '/partners',
    labelKey: 'home.shortcuts.partners',
    icon: ShopOutlined,
    permission: 'partner.view',
    usedBy: ['partner.manage', 'partner.blacklist'],
  },
  {
    key: 'approval-new',
    path: '/approvals/new',
    labelKey: 'home.shortcuts.newApproval',
    icon: FormOutlined,
    usedBy: [],
  },
];

/** A link of the shortcuts row: a task or a page of the menu. */
export interface QuickLink {
  path: string;
  labelKey: string;
  icon: ReactNode;
  testId: string;
}

const linkOf = (task: TaskShortcut): QuickLink => ({
  path: task.path,
  labelKey: task.labelKey,
  icon: createElement(task.icon),
  testId: `quick-task-${task.key}`,
});

/**
 * The shortcuts row, the user's daily work first: the tasks their permissions mark as theirs (more
 * such permissions, earlier; the approvals when some wait on them), then the menu's pages in menu
 * order, a page already offered as a task left out.
 */
export function orderShortcuts(
  can: (code: string) => boolean,
  pages: readonly QuickLink[],
  todoCount: number,
  tasks: readonly TaskShortcut[] = taskShortcuts,
): QuickLink[] {
  const allowed = tasks.filter((task) => !task.permission || can(task.permission));
  const weight = (task: TaskShortcut) =>
    (task.byTodo && todoCount > 0 ? 100 : 0) + task.usedBy.filter((code) => can(code)).length;
  const mine = allowed
    .map((task, index) => ({ task, index, weight: weight(task) }))
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map(({ task }) => task);
  const first = mine.map(linkOf);
  const offered = new Set(first.map((link) => link.path));
  // The tasks nobody's permissions single out still beat nothing: after the pages.
  const rest = allowed.filter((task) => !mine.includes(task)).map(linkOf);
  const menuPages = pages.filter((page) => !offered.has(page.path));
  const shown = new Set([...offered, ...menuPages.map((page) => page.path)]);
  return [...first, ...menuPages, ...rest.filter((task) => !shown.has(task.path))];
}
