import type { RouteObject } from 'react-router';
import { RequirePermission } from './auth/RequirePermission';
import { loadModuleTexts } from './i18n';
import { routeTable, type WebRoute } from './moduleKit';
import { webModules } from './modules';
import { NotFoundPage } from './NotFoundPage';

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

/** Every module's pages under the signed-in layout; a page with a permission is guarded by it. */
export const modulePages: RouteObject[] = [
  ...routeTable(webModules).map((route) =>
    route.path === '/'
      ? { index: true, element: pageElement(route) }
      : { path: route.path.slice(1), element: pageElement(route) },
  ),
  { path: '*', element: <NotFoundPage /> },
];
