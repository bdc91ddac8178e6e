import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { AppProviders } from './app/AppProviders';
import { installUnauthorizedHandler } from './app/auth/session';
import { queryClient } from './app/queryClient';
import { createAppRouter } from './app/router';
import { signedInPages } from './app/signedInLoader';
import './app/styles.css';

installUnauthorizedHandler(queryClient);
// Opened anywhere but the login page, the pages are needed before the router matches the URL.
const router = createAppRouter(window.location.pathname === '/login' ? [] : await signedInPages());

const container = document.getElementById('root');
if (!container) throw new Error('index.html lacks the #root element');

createRoot(container).render(
  <StrictMode>
    <AppProviders>
      <RouterProvider router={router} />
    </AppProviders>
  </StrictMode>,
);
