import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { OfficerListSchema } from '@ecoo/shared/officers/schemas';
import { axeViolations } from '../../../testing/axe';
import { activeOfficer, deactivatedOfficer, officerCounts, pendingOfficer } from '../../../testing/handlers/officers';
import { delhiOffice, kochiOffice, mumbaiOffice } from '../../../testing/handlers/offices';
import { server } from '../../../testing/msw-server';
import { renderApp } from '../../../testing/render-app';

const rowOf = (name: string) => screen.getByRole('rowheader', { name }).closest('tr') as HTMLElement;

describe('User Management list', () => {
  it('when opened, lists every officer with status, offices, signature and DSC, each linking to their page; axe finds nothing', async () => {
    renderApp('/dashboard/users', { role: 'agency-admin' });

    // The first test of the file also waits for the lazily loaded page.
    expect(await screen.findByText('Officers shown: 3 of 3', {}, { timeout: 3000 })).toBeInTheDocument();
    const tabs = within(screen.getByRole('navigation', { name: 'Officers by status' }));
    expect(tabs.getByRole('link', { name: 'All (3)' })).toHaveAttribute('aria-current', 'page');
    expect(tabs.getByRole('link', { name: 'Awaiting approval (1)' })).toHaveAttribute('href', '/dashboard/users?status=pending');
    const priya = within(rowOf(activeOfficer.name));
    expect(priya.getByRole('link', { name: activeOfficer.name })).toHaveAttribute('href', `/dashboard/users/${activeOfficer.id}`);
    for (const text of [activeOfficer.email, 'Deputy Director', 'Active', 'EIA Mumbai Head Office', 'EIA Kochi Sub-Office', 'Signature version 1', 'DSC expires in 21 days']) expect(priya.getByText(text)).toBeInTheDocument();
    const anil = within(rowOf(pendingOfficer.name));
    for (const text of ['Awaiting approval', `Asked for: ${mumbaiOffice.name}`, 'Signature missing', 'No DSC']) expect(anil.getByText(text)).toBeInTheDocument();
    expect(anil.queryByText('None')).not.toBeInTheDocument();
    expect(within(rowOf(deactivatedOfficer.name)).getByText('Deactivated')).toBeInTheDocument();
    expect(within(rowOf(deactivatedOfficer.name)).getByText('DSC expired')).toBeInTheDocument();
    await screen.findByRole('option', { name: kochiOffice.name });
    expect(await axeViolations()).toEqual([]);
  });

  it('when a tab, an office and a search are chosen, puts them in the address and the request, and Back restores the previous list', async () => {
    const requested: string[] = [];
    server.use(
      http.get('/api/officers', ({ request }) => {
        const query = new URL(request.url).searchParams;
        requested.push(query.toString());
        const items = query.get('status') === 'pending' ? [pendingOfficer] : [pendingOfficer, activeOfficer, deactivatedOfficer];
        return HttpResponse.json(OfficerListSchema.parse({ items, total: items.length, page: 1, pageSize: 50, counts: officerCounts }));
      }),
    );
    const { user, router } = renderApp('/dashboard/users', { role: 'agency-admin' });
    await screen.findByText('Officers shown: 3 of 3');

    await user.click(screen.getByRole('link', { name: 'Awaiting approval (1)' }));
    expect(await screen.findByText('Officers shown: 1 of 1')).toBeInTheDocument();
    expect(router.state.location.search).toBe('?status=pending');

    const filter = within(screen.getByRole('search', { name: 'Find officers' }));
    await user.selectOptions(filter.getByLabelText('Office'), kochiOffice.name);
    await user.type(filter.getByLabelText('Search by name or email'), ' anil ');
    await user.click(filter.getByRole('button', { name: 'Show officers' }));

    await expect.poll(() => router.state.location.search).toBe(`?status=pending&officeId=${kochiOffice.id}&q=anil`);
    await expect.poll(() => requested.at(-1)).toBe(`status=pending&officeId=${kochiOffice.id}&q=anil&page=1&pageSize=50`);
    expect(requested[0]).toBe('page=1&pageSize=50');
    expect(screen.getByRole('link', { name: 'All (3)' })).toHaveAttribute('href', `/dashboard/users?officeId=${kochiOffice.id}&q=anil`);

    await router.navigate(-1);
    await expect.poll(() => router.state.location.search).toBe('?status=pending');
    await expect.poll(() => (screen.getByLabelText('Search by name or email') as HTMLInputElement).value).toBe('');
    expect(screen.getByLabelText('Office')).toHaveValue('');
  });

  it('offers the next page when there are more officers than fit on one', async () => {
    server.use(
      http.get('/api/officers', ({ request }) => {
        const page = Number(new URL(request.url).searchParams.get('page'));
        return HttpResponse.json(OfficerListSchema.parse({ items: [page === 1 ? activeOfficer : pendingOfficer], total: 120, page, pageSize: 50, counts: officerCounts }));
      }),
    );
    const { user, router } = renderApp('/dashboard/users', { role: 'agency-admin' });
    const pages = within(await screen.findByRole('navigation', { name: 'Pages of officers' }));
    expect(pages.getByText('Page 1 of 3')).toBeInTheDocument();

    await user.click(pages.getByRole('link', { name: 'Next page' }));

    expect(await screen.findByRole('rowheader', { name: pendingOfficer.name })).toBeInTheDocument();
    expect(router.state.location.search).toBe('?page=2');
    expect(screen.getByText('Page 2 of 3')).toBeInTheDocument();
  });

  it('offers the offices of User Management’s own office choices in the filter, never the offices list with payment details', async () => {
    let officesListed = 0;
    server.use(http.get('/api/offices', () => void (officesListed += 1)));
    renderApp('/dashboard/users', { role: 'agency-admin' });

    expect(await screen.findByRole('option', { name: kochiOffice.name }, { timeout: 3000 })).toBeInTheDocument();
    expect(screen.getByRole('option', { name: `${delhiOffice.name} (office deactivated)` })).toBeInTheDocument();
    expect(officesListed).toBe(0);
  });

  it('when a search is applied with Enter, moves focus to the count of what it found', async () => {
    server.use(
      http.get('/api/officers', ({ request }) => {
        const items = new URL(request.url).searchParams.get('q') === 'anil' ? [pendingOfficer] : [pendingOfficer, activeOfficer, deactivatedOfficer];
        return HttpResponse.json(OfficerListSchema.parse({ items, total: items.length, page: 1, pageSize: 50, counts: officerCounts }));
      }),
    );
    const { user } = renderApp('/dashboard/users', { role: 'agency-admin' });
    await screen.findByText('Officers shown: 3 of 3', {}, { timeout: 3000 });

    await user.type(screen.getByLabelText('Search by name or email'), 'anil{Enter}');

    const caption = await screen.findByText('Officers shown: 1 of 1');
    await expect.poll(() => document.activeElement).toBe(caption);
  });

  it('for a page beyond the last, says there is no such page and links to the first', async () => {
    server.use(http.get('/api/officers', () => HttpResponse.json(OfficerListSchema.parse({ items: [], total: 3, page: 9, pageSize: 50, counts: officerCounts }))));
    renderApp('/dashboard/users?page=9', { role: 'agency-admin' });

    expect(await screen.findByText('There is no page 9 of this list; it has 1.', { exact: false }, { timeout: 3000 })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the first page' })).toHaveAttribute('href', '/dashboard/users');
    expect(screen.queryByText('Page 9 of 1')).not.toBeInTheDocument();
  });

  it('is not open to an issuing officer', async () => {
    renderApp('/dashboard/users', { role: 'issuing-officer' });

    expect(await screen.findByText('Your account may not do this.')).toBeInTheDocument();
  });
});
