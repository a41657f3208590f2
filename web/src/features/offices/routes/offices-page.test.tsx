import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { OfficeListSchema } from '@ecoo/shared/offices/schemas';
import { delhiOffice, kochiOffice, mumbaiOffice } from '../../../testing/handlers/offices';
import { server } from '../../../testing/msw-server';
import { renderApp } from '../../../testing/render-app';

const rowOf = (name: string) => screen.getByRole('rowheader', { name }).closest('tr') as HTMLElement;

describe('Office Management list', () => {
  it('when opened, lists the active offices with what each still lacks, each linking to its page', async () => {
    renderApp('/dashboard/offices', { role: 'agency-admin' });

    expect(await screen.findByText('Offices shown: 2')).toBeInTheDocument();
    const mumbai = within(rowOf(mumbaiOffice.name));
    expect(mumbai.getByRole('link', { name: mumbaiOffice.name })).toHaveAttribute('href', `/dashboard/offices/${mumbaiOffice.id}`);
    expect(mumbai.getByText('EIA-MUM-01')).toBeInTheDocument();
    for (const badge of ['Active', 'E-wallet on', 'Payment parameters set', 'Stamp uploaded']) expect(mumbai.getByText(badge)).toBeInTheDocument();
    const kochi = within(rowOf(kochiOffice.name));
    for (const badge of ['Active', 'E-wallet off', 'Payment parameters missing', 'Stamp missing']) expect(kochi.getByText(badge)).toBeInTheDocument();
    expect(screen.queryByRole('rowheader', { name: delhiOffice.name })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Add office details' })).toHaveAttribute('href', '/dashboard/offices/new');
  });

  it('when searching and sorting, puts the choice in the address and the request, and Back restores the previous list', async () => {
    const requested: string[] = [];
    server.use(
      http.get('/api/offices', ({ request }) => {
        const query = new URL(request.url).searchParams;
        requested.push(query.toString());
        const offices = query.get('status') === 'all' ? [mumbaiOffice, kochiOffice, delhiOffice] : [mumbaiOffice, kochiOffice];
        return HttpResponse.json(OfficeListSchema.parse({ offices, total: offices.length, page: 1, pageSize: 50 }));
      }),
    );
    const { user, router } = renderApp('/dashboard/offices', { role: 'agency-admin' });
    await screen.findByText('Offices shown: 2');
    const filter = within(screen.getByRole('search', { name: 'Find offices' }));

    await user.type(filter.getByLabelText('Search by name, code or city'), 'Sub-Office');
    await user.selectOptions(filter.getByLabelText('Sort by'), 'City');
    await user.selectOptions(filter.getByLabelText('Order'), 'Descending (Z to A, newest first)');
    await user.selectOptions(filter.getByLabelText('Status'), 'All');
    await user.click(filter.getByRole('button', { name: 'Show offices' }));

    expect(await screen.findByText('Offices shown: 3')).toBeInTheDocument();
    expect(router.state.location.search).toBe('?search=Sub-Office&sort=city&direction=desc&status=all');
    expect(requested.at(-1)).toBe('page=1&pageSize=50&search=Sub-Office&sort=city&direction=desc&status=all');
    expect(requested[0]).toBe('page=1&pageSize=50&search=&sort=name&direction=asc&status=active');

    await router.navigate(-1);

    expect(await screen.findByText('Offices shown: 2')).toBeInTheDocument();
    expect(screen.getByLabelText('Search by name, code or city')).toHaveValue('');
    expect(screen.getByLabelText('Sort by')).toHaveValue('name');
  });

  it('when the agency has more offices than a page holds, turns pages through the address, and a new search starts at page 1', async () => {
    const requested: string[] = [];
    server.use(
      http.get('/api/offices', ({ request }) => {
        const query = new URL(request.url).searchParams;
        requested.push(query.toString());
        const page = Number(query.get('page'));
        return HttpResponse.json(OfficeListSchema.parse({ offices: page === 3 ? [kochiOffice] : [mumbaiOffice], total: 101, page, pageSize: 50 }));
      }),
    );
    const { user, router } = renderApp('/dashboard/offices?sort=city', { role: 'agency-admin' });
    const pages = within(await screen.findByRole('navigation', { name: 'Pages of offices' }));
    expect(pages.getByText('Page 1 of 3')).toBeInTheDocument();
    expect(pages.queryByRole('link', { name: 'Previous page' })).not.toBeInTheDocument();

    await user.click(pages.getByRole('link', { name: 'Next page' }));
    expect(await screen.findByText('Page 2 of 3')).toBeInTheDocument();
    expect(router.state.location.search).toBe('?sort=city&page=2');
    // The page number follows the address at once; the request for that page may still be on its way.
    await waitFor(() => expect(requested.at(-1)).toBe('page=2&pageSize=50&search=&sort=city&direction=asc&status=active'));

    await user.click(screen.getByRole('link', { name: 'Next page' }));
    expect(await screen.findByRole('rowheader', { name: kochiOffice.name })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Next page' })).not.toBeInTheDocument();

    await user.type(screen.getByLabelText('Search by name, code or city'), 'Kochi');
    await user.click(screen.getByRole('button', { name: 'Show offices' }));
    expect(await screen.findByText('Page 1 of 3')).toBeInTheDocument();
    expect(router.state.location.search).toBe('?search=Kochi&sort=city');
  });

  it('when the agency has no offices at all, says so and links to adding and importing, not to changing the search', async () => {
    server.use(http.get('/api/offices', ({ request }) => HttpResponse.json(OfficeListSchema.parse({ offices: [], total: 0, page: 1, pageSize: Number(new URL(request.url).searchParams.get('pageSize')) }))));
    renderApp('/dashboard/offices', { role: 'agency-admin' });

    const empty = within(await screen.findByRole('region', { name: 'No offices yet' }));
    expect(empty.getByText(/Your agency has no offices in the console yet/)).toBeInTheDocument();
    expect(empty.getByRole('link', { name: 'Add the first office' })).toHaveAttribute('href', '/dashboard/offices/new');
    expect(empty.getByRole('link', { name: 'Import offices from a CSV file' })).toHaveAttribute('href', '/dashboard/offices/import');
    expect(screen.queryByText(/No offices match/)).not.toBeInTheDocument();
  });

  it('when a search finds nothing but the agency has offices, says no office matches this search and offers all offices', async () => {
    server.use(
      http.get('/api/offices', ({ request }) => {
        const query = new URL(request.url).searchParams;
        const offices = query.get('search') ? [] : [mumbaiOffice];
        return HttpResponse.json(OfficeListSchema.parse({ offices, total: offices.length, page: 1, pageSize: Number(query.get('pageSize')) }));
      }),
    );
    renderApp('/dashboard/offices?search=Nagpur', { role: 'agency-admin' });

    expect(await screen.findByText('No office matches this search. Change the search or the status.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Show all offices' })).toHaveAttribute('href', '/dashboard/offices?status=all');
    expect(screen.queryByText(/no offices in the console yet/)).not.toBeInTheDocument();
  });
});
