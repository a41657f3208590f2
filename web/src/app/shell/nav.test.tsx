import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { HealthSchema } from '@ecoo/shared/health/api';
import { server } from '../../testing/msw-server';
import { renderApp } from '../../testing/render-app';
import { registerToken } from '../../testing/handlers/specimen-register';

const reviewerItems = ['Registrations', 'Issuing agencies', 'Agency administrators'];
const adminSections = ['Office Management', 'User Management'];
const officerSection = 'Register Digital Signature Certificate';

async function mainNav() {
  return within(await screen.findByRole('navigation', { name: 'Main navigation' }));
}

describe('Main navigation', () => {
  it('for an agency administrator, shows My Dashboard and its two sections, and neither the officer’s DSC section nor reviewer pages', async () => {
    renderApp('/dashboard', { role: 'agency-admin' });
    await screen.findByRole('heading', { level: 1, name: 'My Dashboard' });
    const nav = await mainNav();

    expect(nav.getByRole('link', { name: 'My Dashboard' })).toHaveAttribute('aria-current', 'page');
    for (const name of adminSections) expect(nav.getByRole('link', { name })).toBeInTheDocument();
    for (const name of [officerSection, ...reviewerItems]) expect(nav.queryByRole('link', { name })).not.toBeInTheDocument();
    expect(nav.queryByRole('link', { name: 'Sign in' })).not.toBeInTheDocument();
  });

  it('for a DGFT reviewer, shows the reviewer pages and none of the dashboard', async () => {
    renderApp('/review/agencies', { role: 'dgft-reviewer' });
    await screen.findByRole('heading', { level: 1, name: 'Issuing agencies' });
    const nav = await mainNav();

    for (const name of reviewerItems) expect(nav.getByRole('link', { name })).toBeInTheDocument();
    for (const name of ['My Dashboard', ...adminSections, officerSection]) expect(nav.queryByRole('link', { name })).not.toBeInTheDocument();
  });

  it('for an issuing officer, shows the DSC section but not office or user management', async () => {
    renderApp('/dashboard', { role: 'issuing-officer' });
    await screen.findByRole('heading', { level: 1, name: 'My Dashboard' });
    const nav = await mainNav();

    expect(nav.getByRole('link', { name: officerSection })).toBeInTheDocument();
    expect(nav.queryByRole('link', { name: 'Office Management' })).not.toBeInTheDocument();
    expect(nav.queryByRole('link', { name: 'User Management' })).not.toBeInTheDocument();
    for (const name of reviewerItems) expect(nav.queryByRole('link', { name })).not.toBeInTheDocument();
  });

  it('signed out, offers sign in and register, and the outbox only while the BFF keeps mail', async () => {
    renderApp('/');
    await screen.findByRole('heading', { level: 1, name: 'Welcome to the eCoO 2.0 Agency Console' });
    const nav = await mainNav();

    expect(nav.getByRole('link', { name: 'Sign in' })).toBeInTheDocument();
    expect(nav.getByRole('link', { name: 'Register' })).toBeInTheDocument();
    expect(await nav.findByRole('link', { name: 'Mail outbox (development)' })).toBeInTheDocument();
  });

  it("on the specimen register's public page, does not mark agency registration as the current page", async () => {
    renderApp(`/register/${registerToken}`);
    await screen.findByRole('heading', { level: 1, name: 'Specimen register' });
    const nav = await mainNav();
    expect(nav.getByRole('link', { name: 'Register' })).not.toHaveAttribute('aria-current');
    expect(nav.getByRole('link', { name: 'Register' })).toHaveAttribute('href', '/register');
  });

  it('hides the outbox and the demo banner when the BFF has neither', async () => {
    server.use(http.get('/api/health', () => HttpResponse.json(HealthSchema.parse({ status: 'ok', demoData: false, devOutbox: false }))));
    renderApp('/');
    await screen.findByRole('heading', { level: 1, name: 'Welcome to the eCoO 2.0 Agency Console' });
    const nav = await mainNav();
    await nav.findByRole('link', { name: 'Register' });

    expect(nav.queryByRole('link', { name: 'Mail outbox (development)' })).not.toBeInTheDocument();
    expect(screen.queryByText(/^Demo data:/)).not.toBeInTheDocument();
  });

  it('signing out returns to the home page signed out', async () => {
    const { user, router } = renderApp('/dashboard', { role: 'agency-admin' });
    await screen.findByRole('heading', { level: 1, name: 'My Dashboard' });

    await user.click(screen.getByRole('button', { name: 'Sign out' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome to the eCoO 2.0 Agency Console' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
    expect(screen.queryByText(/Signed in as/)).not.toBeInTheDocument();
    expect((await mainNav()).getByRole('link', { name: 'Sign in' })).toBeInTheDocument();
  });
});
