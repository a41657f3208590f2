import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import type { Role } from '@ecoo/shared/http/endpoint';
import { AppProvider } from '../app/provider';
import { createRoutes } from '../app/router';
import { createQueryClient } from '../lib/query-client';
import { signedInAs } from './handlers/accounts';
import { server } from './msw-server';

/** The real routes inside the real providers, at `url`, signed in as `role` or signed out. */
export function renderApp(url: string, { role }: { role?: Role } = {}) {
  if (role) server.use(signedInAs(role));
  const queryClient = createQueryClient();
  const router = createMemoryRouter(createRoutes(queryClient), { initialEntries: [url] });
  const user = userEvent.setup();
  const view = render(
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return { ...view, user, router, queryClient };
}
