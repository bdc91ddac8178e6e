import type { RouteObject } from 'react-router';

/** The router's part that takes the signed-in pages once they are loaded. */
interface PatchableRouter {
  patchRoutes(routeId: string | null, children: RouteObject[]): void;
}

export const SIGNED_IN_ROUTE = 'signed-in';

let pages: Promise<RouteObject[]> | undefined;
let router: PatchableRouter | undefined;
let patched: Promise<void> | undefined;

/** The signed-in layout's code (its own chunk; the router renders it lazily). */
export function loadSignedInShell() {
  return import('./layout/SignedInShell').then((module) => ({ default: module.SignedInShell }));
}

/** The modules' pages (their own chunk, loaded once). */
export function signedInPages(): Promise<RouteObject[]> {
  pages ??= import('./signedInPages').then((module) => module.modulePages);
  return pages;
}

/** Told by the router it was created with the pages already in (or without them). */
export function attachRouter(created: PatchableRouter, withPages: boolean): void {
  router = created;
  if (withPages) patched = Promise.resolve();
}

/**
 * Adds the modules' pages under the signed-in layout, once: the login page calls it before it
 * leaves for the page the user asked for (a router created on the login page has none yet).
 */
export function loadSignedInPages(): Promise<void> {
  void loadSignedInShell();
  patched ??= signedInPages().then((children) => {
    if (!router) throw new Error('loadSignedInPages before the router was created');
    router.patchRoutes(SIGNED_IN_ROUTE, children);
  });
  return patched;
}
