import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { AppProviders } from './app/AppProviders';
import { installUnauthorizedHandler } from './app/auth/session';
import { loadModuleTexts } from './app/i18n';
import { webModules } from './app/modules';
import { queryClient } from './app/queryClient';
import { router } from './app/router';
import './app/styles.css';

loadModuleTexts(webModules);
installUnauthorizedHandler(queryClient);

const container = document.getElementById('root');
if (!container) throw new Error('index.html lacks the #root element');

createRoot(container).render(
  <StrictMode>
    <AppProviders>
      <RouterProvider router={router} />
    </AppProviders>
  </StrictMode>,
);
