import { lazy, Suspense } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { LoginPage } from './auth/LoginPage';
import { RequireAuth } from './auth/RequireAuth';
import { PageSkeleton } from './layout/PageSkeleton';
import { attachRouter, loadSignedInShell, SIGNED_IN_ROUTE } from './signedInLoader';

// The signed-in layout (menu, header, drawers) and the modules' pages are chunks of their own: the
// login page loads only what login needs.
const SignedInShell = lazy(loadSignedInShell);
const RouteErrorPage = lazy(() =>
  import('./RouteErrorPage').then((module) => ({ default: module.RouteErrorPage })),
);

const routeError = (
  <Suspense fallback={null}>
    <RouteErrorPage />
  </Suspense>
);

/**
 * The app's router, with the signed-in pages when the app opens anywhere but the login page (they
 * must be there before the router matches the first URL), else added by loadSignedInPages.
 */
export function createAppRouter(pages: RouteObject[]) {
  const router = createBrowserRouter([
    { path: '/login', element: <LoginPage />, errorElement: routeError },
    {
      id: SIGNED_IN_ROUTE,
      path: '/',
      element: (
        <RequireAuth>
          <Suspense fallback={<PageSkeleton />}>
            <SignedInShell />
          </Suspense>
        </RequireAuth>
      ),
      errorElement: routeError,
      // The pages' loaders only start their code and data loading, so this shows for a moment.
      hydrateFallbackElement: <PageSkeleton />,
      children: pages,
    },
  ]);
  attachRouter(router, pages.length > 0);
  return router;
}
