import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { ExpiringDscListSchema } from '@ecoo/shared/dsc/schemas';
import { OfficerProfileSchema } from '@ecoo/shared/officers/schemas';
import { formatInstant } from '../../../lib/i18n';
import { getExpiringDscsQueryOptions } from '../api/get-expiring-dscs';
import { axeViolations } from '../../../testing/axe';
import { eiaMumbai } from '../../../testing/handlers/agencies';
import { activeDsc } from '../../../testing/handlers/dsc';
import { activeOfficer, myOfficerProfile } from '../../../testing/handlers/officers';
import { kochiOffice, mumbaiOffice } from '../../../testing/handlers/offices';
import { server } from '../../../testing/msw-server';
import { renderApp } from '../../../testing/render-app';

describe('My Dashboard', () => {
  it('for an administrator, shows the two sections, how many officers await approval and whose DSC expires soon; axe finds nothing', async () => {
    renderApp('/dashboard', { role: 'agency-admin' });
    await screen.findByRole('heading', { level: 1, name: 'My Dashboard' }, { timeout: 3000 });
    const officers = within(screen.getByRole('region', { name: 'Issuing officers' }));

    expect(await officers.findByRole('link', { name: 'Awaiting your approval: 1' })).toHaveAttribute('href', '/dashboard/users?status=pending');
    expect(officers.getByRole('link', { name: 'Active officers: 1' })).toHaveAttribute('href', '/dashboard/users?status=active');
    const main = within(screen.getByRole('main'));
    for (const name of ['Office Management', 'User Management']) expect(main.getByRole('link', { name })).toBeInTheDocument();
    expect(main.queryByRole('link', { name: 'Register Digital Signature Certificate' })).not.toBeInTheDocument();
    expect(main.getByText('Choose a section to manage your agency.')).toBeInTheDocument();
    const expiring = within(await screen.findByRole('region', { name: 'Digital Signature Certificates expiring' }));
    expect(expiring.getByRole('link', { name: activeOfficer.name })).toHaveAttribute('href', `/dashboard/users/${activeOfficer.id}`);
    expect(expiring.getByRole('listitem')).toHaveTextContent(`${activeOfficer.name} expires in 21 days, on ${formatInstant(activeDsc.notAfter)}`);
    expect(screen.queryByRole('region', { name: 'Your issuing officer account' })).not.toBeInTheDocument();
    expect(await axeViolations()).toEqual([]);
  });

  it('for an issuing officer, shows their agency, offices and signature, and only the DSC section; axe finds nothing', async () => {
    let counts = 0;
    server.use(http.get('/api/officers/counts', () => void (counts += 1)));
    renderApp('/dashboard', { role: 'issuing-officer' });
    await screen.findByRole('heading', { level: 1, name: 'My Dashboard' }, { timeout: 3000 });
    const profile = within(await screen.findByRole('region', { name: 'Your issuing officer account' }));

    expect(profile.getByText(eiaMumbai.name)).toBeInTheDocument();
    expect(profile.getByText('Deputy Director')).toBeInTheDocument();
    expect(profile.getByText(`${mumbaiOffice.name} (${mumbaiOffice.code})`)).toBeInTheDocument();
    expect(profile.getByText(`${kochiOffice.name} (${kochiOffice.code})`)).toBeInTheDocument();
    expect(profile.getByText('Version 1 is on your certificates.')).toBeInTheDocument();
    expect(profile.getByText(`Your DSC expires in 21 days, on ${formatInstant(activeDsc.notAfter)}. Register your renewed DSC before then.`)).toHaveClass('warning-text');
    expect(profile.getByRole('link', { name: 'Register your DSC now' })).toHaveAttribute('href', '/dashboard/dsc');
    const main = within(screen.getByRole('main'));
    expect(main.getByRole('link', { name: 'Register Digital Signature Certificate' })).toHaveAttribute('href', '/dashboard/dsc');
    for (const name of ['Office Management', 'User Management']) expect(main.queryByRole('link', { name })).not.toBeInTheDocument();
    expect(counts).toBe(0);
    expect(main.getByText('Your account, offices and signature are below. Open a section to work on certificates of origin.')).toBeInTheDocument();
    expect(main.queryByText('Choose a section to manage your agency.')).not.toBeInTheDocument();
    expect(await axeViolations()).toEqual([]);
  });

  it('for an administrator, lists an expired DSC by its date, and leaves the list out when no DSC is expiring', async () => {
    const item = { officerId: activeOfficer.id, officerName: activeOfficer.name, holderName: activeDsc.holderName, notAfter: activeDsc.notAfter, daysLeft: -3 };
    server.use(http.get('/api/dsc/expiring', () => HttpResponse.json(ExpiringDscListSchema.parse({ items: [item] })), { once: true }));
    const first = renderApp('/dashboard', { role: 'agency-admin' });
    const expiring = within(await screen.findByRole('region', { name: 'Digital Signature Certificates expiring' }, { timeout: 3000 }));
    expect(expiring.getByRole('listitem')).toHaveTextContent(`${activeOfficer.name} expired on ${formatInstant(activeDsc.notAfter)}`);
    first.unmount();

    server.use(http.get('/api/dsc/expiring', () => HttpResponse.json(ExpiringDscListSchema.parse({ items: [] }))));
    const { queryClient } = renderApp('/dashboard', { role: 'agency-admin' });
    await screen.findByRole('link', { name: 'Awaiting your approval: 1' });
    await expect.poll(() => queryClient.getQueryState(getExpiringDscsQueryOptions().queryKey)?.status).toBe('success');

    expect(screen.queryByRole('region', { name: 'Digital Signature Certificates expiring' })).not.toBeInTheDocument();
  });

  it('for an issuing officer with no DSC, says so as a warning, and the link opens the DSC page', async () => {
    const profile = OfficerProfileSchema.parse({ ...myOfficerProfile, dsc: { state: 'none', notAfter: null, daysLeft: null } });
    server.use(http.get('/api/me/officer-profile', () => HttpResponse.json(profile)));
    const { user } = renderApp('/dashboard', { role: 'issuing-officer' });
    const account = within(await screen.findByRole('region', { name: 'Your issuing officer account' }, { timeout: 3000 }));

    expect(account.getByText('None registered. Register your DSC: you cannot sign certificates of origin until you do.')).toHaveClass('warning-text');
    await user.click(account.getByRole('link', { name: 'Register your DSC now' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Register Digital Signature Certificate' }, { timeout: 3000 })).toBeInTheDocument();
    expect(screen.queryByText('This section is being built and opens in a coming release.')).not.toBeInTheDocument();
  });
});
