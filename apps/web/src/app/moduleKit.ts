import type { Locale, PermissionCode } from '@concord/contracts';
import type { QueryClient } from '@tanstack/react-query';
import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import type { TextKey, Translations } from '../locales/catalogue';
import type { zhCN } from '../locales/zh-CN';

/**
 * A menu label: a word of the shell's catalogue (`menu.users`) or one of the module's own texts.
 * (Not a key of the merged catalogue: that type is built from the modules, so it cannot type them.)
 */
export type LabelKey<Messages = object> = TextKey<typeof zhCN> | TextKey<Messages>;

/** A page loaded on demand; `preload` starts loading its code before React first renders it. */
export type LazyPage = LazyExoticComponent<ComponentType> & { preload: () => Promise<unknown> };

/**
 * A module's page as its own chunk: `lazyPage(() => import('./LedgerPage'))`. The router starts
 * loading it as a navigation to it starts (and the app opening on it, beside the signed-in layout),
 * not once React reaches it.
 */
export function lazyPage(load: () => Promise<{ default: ComponentType }>): LazyPage {
  let loading: Promise<{ default: ComponentType }> | undefined;
  const once = () => {
    loading ??= load();
    return loading;
  };
  return Object.assign(lazy(once), { preload: once });
}

/** One page of a module, mounted under the signed-in layout. */
export interface WebRoute {
  /** The URL path from the root: `/` is the home (index) page, `:id` a parameter. */
  path: string;
  /** The page opens only when the session holds this permission in the acting entity. */
  permission?: PermissionCode;
  /** Loaded on demand (`lazyPage`), so the login page does not wait for every module's code. */
  page: LazyPage;
  /**
   * Asks for the data the page shows first (`queryClient.prefetchQuery` with the page's own query
   * key) as the navigation starts, while the page's code is still loading.
   */
  prefetch?: (target: PrefetchTarget) => void;
}

/** Where a navigation is headed, for a page's prefetch. */
export interface PrefetchTarget {
  params: Record<string, string | undefined>;
  search: URLSearchParams;
  queryClient: QueryClient;
}

/** A top-level folder of the side menu (合同管理, 系统管理); any module may contribute one. */
export interface WebMenuSection<Label extends string = string> {
  key: string;
  labelKey: Label;
  icon: ComponentType;
  /** Position among the top-level items (entries without a section and sections), ascending. */
  order: number;
}

/** One link in the side menu (and on the home page's quick links). */
export interface WebMenuEntry<Label extends string = string> {
  /** Unique across modules; the browser tests find the link as `menu-<key>`. */
  key: string;
  labelKey: Label;
  icon: ComponentType;
  path: string;
  /** Shown only when the session holds this permission in the acting entity. */
  permission?: PermissionCode;
  /** The key of the section the entry sits in (contributed by any module); top level when absent. */
  section?: string;
  /** Position inside its section (or among the top-level items), ascending. */
  order: number;
}

/**
 * The web side of a module, exported by its `index.ts`: its pages, its menu entries and its texts.
 * `Messages` is the shape of its zh-CN texts; en-US must have the same keys.
 */
export interface WebModule<Messages extends object = object> {
  name: string;
  routes: WebRoute[];
  menuSections?: WebMenuSection<LabelKey<Messages>>[];
  menu?: WebMenuEntry<LabelKey<Messages>>[];
  /** Top-level namespaces of the shared `translation` catalogue (no two modules share one). */
  locales: { 'zh-CN': Messages; 'en-US': Translations<Messages> };
}

/** Any module, as the builders below read it. */
export interface AnyWebModule {
  name: string;
  routes: WebRoute[];
  menuSections?: WebMenuSection[];
  menu?: WebMenuEntry[];
  locales: Record<Locale, object>;
}

/** The zh-CN texts of a module (read from its locales only, so the type never needs the pages). */
export type MessagesOf<M> = M extends { locales: { 'zh-CN': infer T } } ? T : never;

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void
  ? I
  : never;

/** The merged zh-CN catalogue type of a list of modules. */
export type MessagesOfAll<Modules extends readonly AnyWebModule[]> = UnionToIntersection<
  MessagesOf<Modules[number]>
>;

/** The route table of the modules, checked for two modules claiming one path. */
export function routeTable(modules: readonly AnyWebModule[]): (WebRoute & { module: string })[] {
  const seen = new Map<string, string>();
  const routes: (WebRoute & { module: string })[] = [];
  for (const module of modules) {
    for (const route of module.routes) {
      const owner = seen.get(route.path);
      if (owner) throw new Error(`route ${route.path} is declared by both ${owner} and ${module.name}`);
      seen.set(route.path, module.name);
      routes.push({ ...route, module: module.name });
    }
  }
  return routes;
}

export interface MenuSectionOf<Entry> {
  section: WebMenuSection;
  entries: Entry[];
}

/** A top-level item of the menu: a single entry or a section with its entries. */
export type MenuNode<Entry = WebMenuEntry> =
  | { kind: 'entry'; entry: Entry }
  | { kind: 'section'; section: WebMenuSection; entries: Entry[] };

const byOrder = <T extends { order: number }>(a: T, b: T) => a.order - b.order;

/**
 * The whole menu of the modules in display order, before permissions: top-level entries and
 * sections interleaved by `order`, entries inside a section by theirs (ties keep list order).
 */
export function menuTree(modules: readonly AnyWebModule[]): MenuNode[] {
  const sections = new Map<string, WebMenuSection>();
  for (const module of modules) {
    for (const section of module.menuSections ?? []) {
      if (sections.has(section.key)) throw new Error(`menu section ${section.key} is declared twice`);
      sections.set(section.key, section);
    }
  }
  const keys = new Set<string>();
  const topLevel: WebMenuEntry[] = [];
  const inSection = new Map<string, WebMenuEntry[]>();
  for (const module of modules) {
    for (const entry of module.menu ?? []) {
      if (keys.has(entry.key)) throw new Error(`menu entry ${entry.key} is declared twice`);
      keys.add(entry.key);
      if (!entry.section) {
        topLevel.push(entry);
        continue;
      }
      if (!sections.has(entry.section)) {
        throw new Error(`menu entry ${entry.key} (${module.name}) names an unknown section ${entry.section}`);
      }
      inSection.set(entry.section, [...(inSection.get(entry.section) ?? []), entry]);
    }
  }
  const nodes: (MenuNode & { order: number })[] = [
    ...topLevel.map((entry) => ({ kind: 'entry' as const, entry, order: entry.order })),
    ...[...sections.values()].map((section) => ({
      kind: 'section' as const,
      section,
      entries: [...(inSection.get(section.key) ?? [])].sort(byOrder),
      order: section.order,
    })),
  ];
  return nodes.sort(byOrder).map(({ order: _order, ...node }) => node as MenuNode);
}

/** The menu a session sees: entries it lacks the permission for are left out, so are empty sections. */
export function visibleMenu(tree: readonly MenuNode[], can: (code: string) => boolean): MenuNode[] {
  const allowed = (entry: WebMenuEntry) => !entry.permission || can(entry.permission);
  const nodes: MenuNode[] = [];
  for (const node of tree) {
    if (node.kind === 'entry') {
      if (allowed(node.entry)) nodes.push(node);
      continue;
    }
    const entries = node.entries.filter(allowed);
    if (entries.length > 0) nodes.push({ ...node, entries });
  }
  return nodes;
}

/** Every entry of a menu, in display order. */
export function menuEntries(tree: readonly MenuNode[]): WebMenuEntry[] {
  return tree.flatMap((node) => (node.kind === 'entry' ? [node.entry] : node.entries));
}

/** The menu path to highlight for a location: the longest entry path the location starts with. */
export function selectedPath(tree: readonly MenuNode[], pathname: string): string {
  const paths = menuEntries(tree).map((entry) => entry.path);
  // The home page's `/` is a prefix of everything, so it is highlighted only on itself.
  if (pathname === '/') return paths.includes('/') ? '/' : '';
  return (
    paths
      .filter((path) => path !== '/' && pathname.startsWith(path))
      .sort((a, b) => b.length - a.length)[0] ?? ''
  );
}

/**
 * The i18next resources: the shell's texts and each module's, per language, in one `translation`
 * catalogue. Two contributors of one top-level namespace are an error (the later would hide keys).
 */
export function translationResources(
  shell: Record<Locale, object>,
  modules: readonly AnyWebModule[],
): Record<Locale, { translation: Record<string, unknown> }> {
  const resources = {} as Record<Locale, { translation: Record<string, unknown> }>;
  for (const locale of Object.keys(shell) as Locale[]) {
    const translation: Record<string, unknown> = { ...shell[locale] };
    const owners = new Map<string, string>(Object.keys(translation).map((ns) => [ns, 'the shell']));
    for (const module of modules) {
      for (const [ns, texts] of Object.entries(module.locales[locale])) {
        const owner = owners.get(ns);
        if (owner) throw new Error(`texts namespace ${ns} is declared by both ${owner} and ${module.name}`);
        owners.set(ns, module.name);
        translation[ns] = texts;
      }
    }
    resources[locale] = { translation };
  }
  return resources;
}
