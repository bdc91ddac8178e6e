import { Badge, type MenuProps } from 'antd';
import type { ParseKeys, TFunction } from 'i18next';
import { Link } from 'react-router';
import type { MenuPage } from './allowedPages';
import { menuEntries, menuTree, selectedPath, visibleMenu, type WebMenuEntry } from './moduleKit';
import { webModules } from './modules';

// The modules' menu in display order, before permissions (built once: the list does not change).
const tree = menuTree(webModules);

/** The keys of the top-level sections (all open by default). */
export const menuSectionKeys: string[] = tree.flatMap((node) =>
  node.kind === 'section' ? [node.section.key] : [],
);

function pageOf({ path, labelKey, icon: Icon, key }: WebMenuEntry): MenuPage {
  // The modules' own label keys are checked where they are declared (see LabelKey).
  return { path, labelKey: labelKey as ParseKeys, icon: <Icon />, testId: `menu-${key}` };
}

/** The pages (besides home) the session may open, in menu order: also the home page's quick links. */
export function allowedPages(can: (code: string) => boolean): MenuPage[] {
  return menuEntries(visibleMenu(tree, can))
    .filter((entry) => entry.path !== '/')
    .map(pageOf);
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
  return visibleMenu(tree, can).map((node) => {
    if (node.kind === 'entry') return pageItem(pageOf(node.entry), t, onNavigate, badges[node.entry.path]);
    const { section, entries } = node;
    const Icon = section.icon;
    return {
      key: section.key,
      icon: <Icon />,
      label: <span data-testid={`menu-section-${section.key}`}>{t(section.labelKey as ParseKeys)}</span>,
      children: entries.map((entry) => pageItem(pageOf(entry), t, onNavigate, badges[entry.path])),
    };
  });
}

/**
 * The label of the menu entry a location belongs to (the approval detail belongs to 审批), or null
 * for pages outside the menu, like the profile: the page's document title.
 */
export function menuLabelKeyFor(pathname: string): ParseKeys | null {
  const path = selectedPath(tree, pathname);
  const entry = menuEntries(tree).find((candidate) => candidate.path === path);
  return entry ? (entry.labelKey as ParseKeys) : null;
}

/** The menu key to highlight for a location (none for pages outside the menu, like the profile). */
export function selectedMenuKey(pathname: string): string {
  return selectedPath(tree, pathname);
}
