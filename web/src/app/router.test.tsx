import { screen } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { translate } from '@ecoo/shared/i18n/translate';
import { server } from '../testing/msw-server';
import { problemResponse } from '../testing/problem-response';
import { renderApp } from '../testing/render-app';

describe('Sessions, guards and error pages', () => {
  it('a 401 from any request opens sign-in, keeping the page to come back to', async () => {
    server.use(http.get('/api/registrations', () => problemResponse(401, 'problem.unauthenticated')));
    const { router } = renderApp('/review/registrations?status=rejected', { role: 'dgft-reviewer' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe('/review/registrations?status=rejected');
    expect(screen.getByRole('status')).toHaveTextContent(translate('en', 'signIn.sessionExpired'));
    expect(screen.queryByText(/Signed in as/)).not.toBeInTheDocument();
  });

  it('a signed-out visitor to a reviewer page is sent to sign in with next', async () => {
    const { router } = renderApp('/review/agencies');

    await screen.findByRole('heading', { level: 1, name: 'Sign in' });
    expect(router.state.location.search).toBe('?next=%2Freview%2Fagencies');
  });

  it('a signed-in user on a page of another role sees that it is not open to them', async () => {
    renderApp('/dashboard', { role: 'dgft-reviewer' });

    expect(await screen.findByRole('heading', { level: 1, name: translate('en', 'app.forbidden.title') })).toBeInTheDocument();
    expect(screen.getByText(translate('en', 'problem.forbidden'))).toBeInTheDocument();
  });

  it('when the session cannot be read at all, shows the error page with the reference to quote', async () => {
    server.use(http.get('/api/session', () => problemResponse(500, 'problem.internal')));
    renderApp('/');

    // Two retries after a 5xx, one and two seconds apart, come first.
    expect(await screen.findByRole('heading', { level: 1, name: 'Something went wrong' }, { timeout: 6000 })).toBeInTheDocument();
    expect(screen.getByRole('main')).toHaveTextContent('quote reference c0ffee00-0000-4000-8000-000000000001 to the helpdesk');
  });

  it('an unknown address shows the not-found page inside the console', async () => {
    renderApp('/no/such/page');

    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Main navigation' })).toBeInTheDocument();
  });
});
