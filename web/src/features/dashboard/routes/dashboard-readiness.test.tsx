import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { MyReadinessQuerySchema, MyReadinessSchema } from '@ecoo/shared/readiness/schemas';
import { axeViolations } from '../../../testing/axe';
import { kochiOffice, mumbaiOffice } from '../../../testing/handlers/offices';
import { mumbaiReadiness } from '../../../testing/handlers/readiness';
import { server } from '../../../testing/msw-server';
import { renderApp } from '../../../testing/render-app';

async function openReadiness() {
  const app = renderApp('/dashboard', { role: 'agency-admin' });
  const section = within(await screen.findByRole('region', { name: 'Go-live readiness' }, { timeout: 3000 }));
  await section.findByText('1 of 2 active offices ready to issue');
  return { ...app, section };
}

describe('Go-live readiness on My Dashboard (administrator)', () => {
  it('lists only the offices with gaps, each gap a link to the page that closes it, with the counts; axe finds nothing', async () => {
    const queries: unknown[] = [];
    server.use(http.get('/api/readiness', ({ request }) => void queries.push(MyReadinessQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams)))));
    const { section } = await openReadiness();

    expect(queries).toEqual([{ gap: 'any', page: 1, pageSize: 20 }]);
    expect(section.getByRole('link', { name: 'Officer requests awaiting approval: 1' })).toHaveAttribute('href', '/dashboard/users?status=pending');
    expect(section.getByText('DSCs expiring within 30 days: 1')).toBeInTheDocument();
    expect(section.queryByRole('rowheader', { name: `${mumbaiOffice.name} (${mumbaiOffice.code})` })).not.toBeInTheDocument();
    const kochi = within(section.getByRole('rowheader', { name: `${kochiOffice.name} (${kochiOffice.code})` }).closest('tr') as HTMLElement);
    expect(kochi.getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['No', 'Off', 'No', '0 of 1', 'Payment parameters not setNo stamp acceptedNo registered, unexpired DSC']);
    expect(kochi.getByRole('link', { name: 'Payment parameters not set' })).toHaveAttribute('href', `/dashboard/offices/${kochiOffice.id}/edit`);
    expect(kochi.getByRole('link', { name: 'No stamp accepted' })).toHaveAttribute('href', `/dashboard/offices/${kochiOffice.id}/stamp`);
    expect(kochi.getByRole('link', { name: 'No registered, unexpired DSC' })).toHaveAttribute('href', `/dashboard/users?status=active&officeId=${kochiOffice.id}`);
    expect(await axeViolations()).toEqual([]);
  });

  it('is used by keyboard: Tab reaches a gap and Enter opens the page that closes it', async () => {
    const { section, user, router } = await openReadiness();
    const stampGap = section.getByRole('link', { name: 'No stamp accepted' });
    for (let step = 0; step < 80 && document.activeElement !== stampGap; step += 1) await user.tab();
    expect(document.activeElement).toBe(stampGap);
    await user.keyboard('{Enter}');
    await expect.poll(() => router.state.location.pathname).toBe(`/dashboard/offices/${kochiOffice.id}/stamp`);
    expect(await screen.findByRole('heading', { level: 1, name: `Stamp image: ${kochiOffice.name}` }, { timeout: 3000 })).toBeInTheDocument();
  });

  it('says when every office is ready, and when the agency has no active office links to adding one', async () => {
    const empty = (offices: number) => MyReadinessSchema.parse({ agency: mumbaiReadiness, items: [], summary: { offices, readyOffices: offices }, total: 0, page: 1, pageSize: 20 });
    server.use(http.get('/api/readiness', () => HttpResponse.json(empty(2)), { once: true }));
    const first = renderApp('/dashboard', { role: 'agency-admin' });
    const ready = within(await screen.findByRole('region', { name: 'Go-live readiness' }, { timeout: 3000 }));
    expect(await ready.findByText('Every active office is ready to issue.')).toBeInTheDocument();
    expect(ready.queryByRole('table')).not.toBeInTheDocument();
    first.unmount();

    server.use(http.get('/api/readiness', () => HttpResponse.json(empty(0))));
    renderApp('/dashboard', { role: 'agency-admin' });
    const none = within(await screen.findByRole('region', { name: 'Go-live readiness' }, { timeout: 3000 }));
    expect(await none.findByRole('link', { name: 'Add an office' })).toHaveAttribute('href', '/dashboard/offices/new');
    expect(none.getByText(/Your agency has no active office yet\./)).toBeInTheDocument();
  });
});
