import { screen } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { translate } from '@ecoo/shared/i18n/translate';
import { hi } from '@ecoo/shared/i18n/hi';
import { answerInLanguage, passwordOf, sessionUsers } from '../../../testing/handlers/accounts';
import { server } from '../../../testing/msw-server';
import { problemResponse } from '../../../testing/problem-response';
import { renderApp } from '../../../testing/render-app';

async function signIn(user: ReturnType<typeof renderApp>['user'], email: string, password: string) {
  await user.type(screen.getByLabelText(/^Official email/), email);
  await user.type(screen.getByLabelText(/^Password/), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('Sign-in page', () => {
  it('when a DGFT reviewer signs in, opens the registrations to review', async () => {
    const { user, router } = renderApp('/sign-in');
    await screen.findByRole('heading', { level: 1, name: 'Sign in' });

    await signIn(user, sessionUsers['dgft-reviewer'].email, passwordOf['dgft-reviewer']);

    expect(await screen.findByRole('heading', { level: 1, name: 'Registrations' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/review/registrations');
    expect(screen.getByText('Signed in as Asha Verma (DGFT reviewer)')).toBeInTheDocument();
  });

  it('when an agency administrator signs in, opens My Dashboard', async () => {
    const { user, router } = renderApp('/sign-in');
    await screen.findByRole('heading', { level: 1, name: 'Sign in' });

    await signIn(user, sessionUsers['agency-admin'].email, passwordOf['agency-admin']);

    expect(await screen.findByRole('heading', { level: 1, name: 'My Dashboard' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/dashboard');
  });

  it('when the account speaks Hindi and the sign-in page English, opens My Dashboard, in Hindi', async () => {
    const { user, router } = renderApp('/sign-in');
    await screen.findByRole('heading', { level: 1, name: 'Sign in' });
    // The account chose Hindi on another device: the BFF's sign-in answer names it.
    answerInLanguage('hi');

    await signIn(user, sessionUsers['agency-admin'].email, passwordOf['agency-admin']);

    expect(await screen.findByRole('heading', { level: 1, name: hi['dashboard.title'] })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/dashboard');
    expect(document.documentElement.lang).toBe('hi');
  });

  it('when opened with ?next=, returns there after signing in', async () => {
    const { user, router } = renderApp('/sign-in?next=%2Fdashboard%2Fusers');
    await screen.findByRole('heading', { level: 1, name: 'Sign in' });

    await signIn(user, sessionUsers['agency-admin'].email, passwordOf['agency-admin']);

    expect(await screen.findByRole('heading', { level: 1, name: 'User Management' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/dashboard/users');
  });

  it('when ?next= points to another site, ignores it', async () => {
    const { user, router } = renderApp('/sign-in?next=%2F%2Fevil.example%2Fphish');
    await screen.findByRole('heading', { level: 1, name: 'Sign in' });

    await signIn(user, sessionUsers['agency-admin'].email, passwordOf['agency-admin']);

    await screen.findByRole('heading', { level: 1, name: 'My Dashboard' });
    expect(router.state.location.pathname).toBe('/dashboard');
  });

  it('when the password is wrong, shows the BFF’s detail and stays', async () => {
    const { user, router } = renderApp('/sign-in');
    await screen.findByRole('heading', { level: 1, name: 'Sign in' });

    await signIn(user, sessionUsers['agency-admin'].email, 'not-the-password');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(translate('en', 'problem.signInFailed'));
    expect(alert).toHaveFocus();
    expect(router.state.location.pathname).toBe('/sign-in');
  });

  it('when sign-in is throttled, shows how long to wait', async () => {
    server.use(http.post('/api/session', () => problemResponse(429, 'problem.signInThrottled', { minutes: 12 })));
    const { user } = renderApp('/sign-in');
    await screen.findByRole('heading', { level: 1, name: 'Sign in' });

    await signIn(user, sessionUsers['agency-admin'].email, 'whatever');

    expect(await screen.findByRole('alert')).toHaveTextContent(translate('en', 'problem.signInThrottled', { minutes: 12 }));
  });

  it('when submitted empty, marks both fields without asking the BFF', async () => {
    const { user } = renderApp('/sign-in');
    await screen.findByRole('heading', { level: 1, name: 'Sign in' });

    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    await screen.findByRole('alert');
    expect(screen.getByLabelText(/^Official email/)).toHaveAccessibleDescription(expect.stringContaining(translate('en', 'validation.required')));
    expect(screen.getByLabelText(/^Password/)).toBeInvalid();
  });

  it('when someone signed in opens it, sends them to their start page', async () => {
    const { router } = renderApp('/sign-in', { role: 'dgft-reviewer' });

    await screen.findByRole('heading', { level: 1, name: 'Registrations' });
    expect(router.state.location.pathname).toBe('/review/registrations');
  });
});
