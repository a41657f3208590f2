import { StrictMode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { delay, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { translate } from '@ecoo/shared/i18n/translate';
import { rememberCsrfToken } from '../../../lib/api-client';
import { createQueryClient } from '../../../lib/query-client';
import { csrfTokens } from '../../../testing/problem-response';
import { axeViolations } from '../../../testing/axe';
import { textOutsideCatalogue } from '../../../testing/catalogue-text';
import { officerConfirmation, validConfirmationToken } from '../../../testing/handlers/registrations';
import { server } from '../../../testing/msw-server';
import { renderApp } from '../../../testing/render-app';
import { registrationsRoutes } from './routes';

const confirmationsPath = '/api/registrations/officer-confirmations';

/** Every confirmation request's body, in order; the usual mock still answers. */
function recordConfirmations() {
  const sent: unknown[] = [];
  server.use(
    http.post(confirmationsPath, async ({ request }) => {
      sent.push(await request.clone().json());
      return undefined;
    }),
  );
  return sent;
}

/**
 * The feature's routes under StrictMode, as main.tsx renders them, so effects run twice. A feature
 * may not import the app's router, so there is no access guard here and the session's CSRF token is handed over directly.
 */
function renderStrict(url: string) {
  rememberCsrfToken(csrfTokens.initial);
  const router = createMemoryRouter(registrationsRoutes, { initialEntries: [url] });
  render(
    <StrictMode>
      <QueryClientProvider client={createQueryClient()}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </StrictMode>,
  );
  return { router };
}

const doneBody = translate('en', 'registerConfirm.done.body', { email: officerConfirmation.email, agency: officerConfirmation.agency.name });

describe('Confirm-request page, from the link mailed to an officer who registered', () => {
  it('with a good token, says the email is confirmed and the request went to the agency’s administrator, having sent the token once', async () => {
    const sent = recordConfirmations();
    const { router } = renderStrict(`/register/confirm#token=${validConfirmationToken}`);

    const heading = await screen.findByRole('heading', { level: 2, name: 'Email confirmed' });

    await waitFor(() => expect(heading).toHaveFocus());
    expect(screen.getByText(doneBody)).toBeInTheDocument();
    expect(screen.getByText(doneBody)).toHaveTextContent(officerConfirmation.email);
    expect(screen.getByText(doneBody)).toHaveTextContent(officerConfirmation.agency.name);
    expect(sent).toEqual([{ token: validConfirmationToken }]);
    expect(router.state.location.hash).toBe('');
    expect(router.state.location.pathname).toBe('/register/confirm');
  });

  it('while the BFF answers, says it is confirming in a status region', async () => {
    server.use(
      http.post(confirmationsPath, async () => {
        await delay(200);
        return undefined;
      }),
    );
    renderApp(`/register/confirm#token=${validConfirmationToken}`);

    expect(await screen.findByText('Confirming…')).toHaveRole('status');
    await screen.findByRole('heading', { level: 2, name: 'Email confirmed' });
  });

  it('when the token has expired or was used, shows the BFF’s detail and a link back to Register', async () => {
    const { user } = renderApp('/register/confirm#token=spent-confirmation-token-0123456789');

    const alert = await screen.findByRole('alert');

    expect(alert).toHaveTextContent(translate('en', 'problem.confirmationInvalid'));
    await waitFor(() => expect(alert).toHaveFocus());
    expect(screen.queryByRole('heading', { name: 'Email confirmed' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Register again' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Register' })).toBeInTheDocument();
  });

  it('without a token, shows the same message and sends nothing', async () => {
    let isSent = false;
    server.use(http.post(confirmationsPath, () => void (isSent = true)));
    renderApp('/register/confirm');

    expect(await screen.findByRole('alert')).toHaveTextContent(translate('en', 'problem.confirmationInvalid'));
    expect(screen.getByRole('link', { name: 'Register again' })).toHaveAttribute('href', '/register');
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    expect(isSent).toBe(false);
  });

  it('when confirmed, and when refused, has no axe violations and only catalogue text', async () => {
    const confirmed = renderApp(`/register/confirm#token=${validConfirmationToken}`);
    await screen.findByRole('heading', { level: 2, name: 'Email confirmed' });
    expect(await axeViolations()).toEqual([]);
    expect(textOutsideCatalogue(confirmed.container)).toEqual([]);
    confirmed.unmount();

    const refused = renderApp('/register/confirm#token=spent-confirmation-token-0123456789');
    await screen.findByRole('alert');
    expect(await axeViolations()).toEqual([]);
    expect(textOutsideCatalogue(refused.container)).toEqual([]);
  });
});
