import { createBrowserRouter, type RouteObject } from 'react-router';
import { LoginPage } from './auth/LoginPage';
import { RequireAuth } from './auth/RequireAuth';
import { RequirePermission } from './auth/RequirePermission';
import { AppLayout } from './layout/AppLayout';
import { routeTable, type WebRoute } from './moduleKit';
import { webModules } from './modules';
import { NotFoundPage } from './NotFoundPage';
import { RouteErrorPage } from './RouteErrorPage';

function pageElement({ permission, page: Page }: WebRoute) {
  if (!permission) return <Page />;
  return (
    <RequirePermission permission={permission}>
      <Page />
    </RequirePermission>
  );
}

// Every module's pages under the signed-in layout; a page with a permission is guarded by it.
const modulePages: RouteObject[] = routeTable(webModules).map((route) =>
  route.path === '/'
    ? { index: true, element: pageElement(route) }
    : { path: route.path.slice(1), element: pageElement(route) },
);

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage />, errorElement: <RouteErrorPage /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    errorElement: <RouteErrorPage />,
    children: [...modulePages, { path: '*', element: <NotFoundPage /> }],
  },
]);
