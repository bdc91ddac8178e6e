import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { AppProviders } from './app/AppProviders';
import { installUnauthorizedHandler, prefetchSession } from './app/auth/session';
import { queryClient } from './app/queryClient';
import { createAppRouter } from './app/router';
import { loadSignedInShell, signedInPages } from './app/signedInLoader';
import './app/styles.css';

installUnauthorizedHandler(queryClient);

const container = document.getElementById('root');
if (!container) throw new Error('index.html lacks the #root element');

// No top-level await: the pages' chunk imports the code this entry shares with it, which must
// have finished evaluating first.
async function start(root: HTMLElement) {
  const path = window.location.pathname;
  if (path === '/login') return render(root, createAppRouter([]));
  // Opened anywhere else, the pages are needed before the router matches the URL; meanwhile the
  // session, the signed-in layout and the page's own code load side by side, not one after another.
  prefetchSession(queryClient);
  void loadSignedInShell();
  render(root, createAppRouter(await signedInPages()));
}

function render(root: HTMLElement, router: ReturnType<typeof createAppRouter>) {
  createRoot(root).render(
    <StrictMode>
      <AppProviders>
        <RouterProvider router={router} />
      </AppProviders>
    </StrictMode>,
  );
}
void start(container);
