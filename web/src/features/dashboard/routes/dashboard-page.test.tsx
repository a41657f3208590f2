import { screen, within } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../../../testing/axe';
import { eiaMumbai } from '../../../testing/handlers/agencies';
import { kochiOffice, mumbaiOffice } from '../../../testing/handlers/offices';
import { server } from '../../../testing/msw-server';
import { renderApp } from '../../../testing/render-app';

describe('My Dashboard', () => {
  it('for an administrator, shows the three sections and how many officers await approval; axe finds nothing', async () => {
    renderApp('/dashboard', { role: 'agency-admin' });
    await screen.findByRole('heading', { level: 1, name: 'My Dashboard' }, { timeout: 3000 });
    const officers = within(screen.getByRole('region', { name: 'Issuing officers' }));

    expect(await officers.findByRole('link', { name: 'Awaiting your approval: 1' })).toHaveAttribute('href', '/dashboard/users?status=pending');
    expect(officers.getByRole('link', { name: 'Active officers: 1' })).toHaveAttribute('href', '/dashboard/users?status=active');
    const main = within(screen.getByRole('main'));
    for (const name of ['Office Management', 'User Management', 'Register Digital Signature Certificate']) expect(main.getByRole('link', { name })).toBeInTheDocument();
    expect(main.getByText('Choose a section to manage your agency.')).toBeInTheDocument();
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
    const main = within(screen.getByRole('main'));
    expect(main.getByRole('link', { name: 'Register Digital Signature Certificate' })).toHaveAttribute('href', '/dashboard/dsc');
    for (const name of ['Office Management', 'User Management']) expect(main.queryByRole('link', { name })).not.toBeInTheDocument();
    expect(counts).toBe(0);
    expect(main.getByText('Your account, offices and signature are below. Open a section to work on certificates of origin.')).toBeInTheDocument();
    expect(main.queryByText('Choose a section to manage your agency.')).not.toBeInTheDocument();
    expect(await axeViolations()).toEqual([]);
  });

  it('for an issuing officer, the DSC section is still the placeholder', async () => {
    const { user } = renderApp('/dashboard', { role: 'issuing-officer' });
    await screen.findByRole('heading', { level: 1, name: 'My Dashboard' }, { timeout: 3000 });
    await user.click(within(screen.getByRole('main')).getByRole('link', { name: 'Register Digital Signature Certificate' }));

    expect(await screen.findByText('This section is being built and opens in a coming release.')).toBeInTheDocument();
  });
});
