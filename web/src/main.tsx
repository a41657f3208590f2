import './lib/zod-without-eval';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// From 'react-router', not 'react-router/dom': one copy of the router's context, also under Vitest,
// which would load the /dom entry as a second module. The /dom extra (flushSync) is not used here.
import { createBrowserRouter, RouterProvider } from 'react-router';
import { AppProvider } from './app/provider';
import { createRoutes } from './app/router';
import { createQueryClient } from './lib/query-client';
import './styles/console.css';

const queryClient = createQueryClient();
const router = createBrowserRouter(createRoutes(queryClient));
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>
  </StrictMode>,
);
