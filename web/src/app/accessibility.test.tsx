import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Role } from '@ecoo/shared/http/endpoint';
import { indianStates } from '@ecoo/shared/offices/indian-states';
import { formatInstant } from '../lib/i18n';
import { agencyFixtures } from '../testing/handlers/agencies';
import { mumbaiAudit, mumbaiOffice, officeFixtures } from '../testing/handlers/offices';
import { sessionUsers } from '../testing/handlers/accounts';
import { meeraNair } from '../testing/handlers/registrations';
import { axeViolations } from '../testing/axe';
import { textOutsideCatalogue } from '../testing/catalogue-text';
import { renderApp } from '../testing/render-app';

interface PageCase {
  url: string;
  role?: Role;
  heading: string;
  /** Text that comes from the fixtures, not the catalogue. */
  data?: string[];
  /** Text that shows once the page's later requests have answered. */
  settled?: string;
}

const officeData = [
  ...officeFixtures.flatMap((office) => Object.values(office).filter((value): value is string => typeof value === 'string')),
  ...officeFixtures.flatMap((office) => (office.eWalletChangedAt ? [formatInstant(office.eWalletChangedAt)] : [])),
  ...mumbaiAudit.entries.map((entry) => formatInstant(entry.at)),
];
const stateNames = indianStates.map((state) => state.name);

const pages: PageCase[] = [
  { url: '/', heading: 'Welcome to the eCoO 2.0 Agency Console' },
  { url: '/register', heading: 'Register', data: agencyFixtures.map((agency) => agency.name) },
  { url: '/sign-in', heading: 'Sign in' },
  { url: '/forgot-password', heading: 'Reset your password' },
  { url: '/set-password#token=set-password-token-0123456789abcdef', heading: 'Set your password' },
  { url: '/dashboard', role: 'agency-admin', heading: 'My Dashboard' },
  { url: '/dashboard/offices', role: 'agency-admin', heading: 'Office Management', data: officeData, settled: 'Offices shown: 2' },
  { url: '/dashboard/offices/new', role: 'agency-admin', heading: 'Add office details', data: stateNames },
  { url: `/dashboard/offices/${mumbaiOffice.id}`, role: 'agency-admin', heading: mumbaiOffice.name, data: officeData, settled: 'Changes to this office, newest first: 2' },
  { url: `/dashboard/offices/${mumbaiOffice.id}/edit`, role: 'agency-admin', heading: `Edit ${mumbaiOffice.name}`, data: [...officeData, ...stateNames] },
  { url: `/review/registrations/${meeraNair.id}`, role: 'dgft-reviewer', heading: 'Registration of Meera Nair' },
  { url: '/review/agencies', role: 'dgft-reviewer', heading: 'Issuing agencies' },
  { url: '/dev/outbox', heading: 'Mail outbox (development only)' },
  { url: '/no/such/page', heading: 'Page not found' },
];

describe('Every page', () => {
  it.each(pages)('$url has no axe violations', async ({ url, role, heading, settled }) => {
    renderApp(url, { role });
    await screen.findByRole('heading', { level: 1, name: heading });
    if (settled) await screen.findByText(settled);
    // The navigation settles once health has answered.
    await screen.findByRole('link', { name: 'Mail outbox (development)' });

    expect(await axeViolations()).toEqual([]);
  });

  it.each(pages.filter((page) => page.url !== '/dev/outbox' && !page.url.startsWith('/review/')))('$url shows only catalogue text', async ({ url, role, heading, data = [], settled }) => {
    const { container } = renderApp(url, { role });
    await screen.findByRole('heading', { level: 1, name: heading });
    if (settled) await screen.findByText(settled);
    await screen.findByRole('link', { name: 'Mail outbox (development)' });
    const names = Object.values(sessionUsers).flatMap((user) => [user.name, user.agency?.name ?? '']);

    expect(textOutsideCatalogue(container, [...data, ...names])).toEqual([]);
  });
});
