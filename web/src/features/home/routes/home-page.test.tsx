import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../../testing/render-app';

describe('Home page', () => {
  it('signed out, leads to sign in and to register', async () => {
    const { user, router } = renderApp('/');
    const main = await screen.findByRole('main');
    await screen.findByRole('heading', { level: 1, name: 'Welcome to the eCoO 2.0 Agency Console' });

    expect(main).toHaveTextContent('Already registered? Sign in.');
    await user.click(screen.getAllByRole('link', { name: 'Register' }).find((link) => main.contains(link)) as HTMLElement);

    const focused = await screen.findByRole('heading', { level: 1, name: 'Register' });
    await waitFor(() => expect(focused).toHaveFocus());
    expect(router.state.location.pathname).toBe('/register');
  });

  it('signed in, leads to the user’s start page', async () => {
    renderApp('/', { role: 'agency-admin' });
    await screen.findByRole('heading', { level: 1, name: 'Welcome to the eCoO 2.0 Agency Console' });

    const links = screen.getAllByRole('link', { name: 'My Dashboard' });
    expect(links.every((link) => link.getAttribute('href') === '/dashboard')).toBe(true);
    expect(links).toHaveLength(2);
  });
});
