import type { LoaderFunctionArgs, RouteObject } from 'react-router';
import { RequirePermission } from './auth/RequirePermission';
import { loadModuleTexts } from './i18n';
import { routeTable, type WebRoute } from './moduleKit';
import { webModules } from './modules';
import { NotFoundPage } from './NotFoundPage';
import { queryClient } from './queryClient';

/*
 * Everything behind the sign-in, loaded after it (or at once when the app opens signed in): the
 * modules' pages, menus and texts. The login page's code does not include them.
 */

loadModuleTexts(webModules);

function pageElement({ permission, page: Page }: WebRoute) {
  if (!permission) return <Page />;
  return (
    <RequirePermission permission={permission}>
      <Page />
    </RequirePermission>
  );
}

/**
 * Runs as a navigation to the page starts: its code starts loading, and so does the data it will
 * ask for first, side by side instead of one after the other. Nothing is awaited: the page renders
 * its own loading state and reads the data from the query cache.
 */
function startLoading(route: WebRoute) {
  return ({ request, params }: LoaderFunctionArgs) => {
    void route.page.preload();
    route.prefetch?.({ params, search: new URL(request.url).searchParams, queryClient });
    return null;
  };
}

/** Every module's pages under the signed-in layout; a page with a permission is guarded by it. */
export const modulePages: RouteObject[] = [
  ...routeTable(webModules).map((route) => ({
    ...(route.path === '/' ? { index: true as const } : { path: route.path.slice(1) }),
    loader: startLoading(route),
    element: pageElement(route),
  })),
  { path: '*', element: <NotFoundPage /> },
];
