import { screen, within } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { AuditListQuerySchema } from '@ecoo/shared/audit/schemas';
import { axeViolations } from '../../../testing/axe';
import { sessionUsers } from '../../../testing/handlers/accounts';
import { eiaMumbai, mpeda } from '../../../testing/handlers/agencies';
import { kochiOffice } from '../../../testing/handlers/offices';
import { server } from '../../../testing/msw-server';
import { renderApp } from '../../../testing/render-app';
import { formatInstant } from '../../../lib/i18n';

const rowOf = (action: string) => within(screen.getByRole('rowheader', { name: action }).closest('tr') as HTMLElement);

async function openPage(url: string, role: 'agency-admin' | 'dgft-reviewer') {
  const queries: unknown[] = [];
  server.use(http.get('/api/audit', ({ request }) => void queries.push(AuditListQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams)))));
  const app = renderApp(url, { role });
  await screen.findByText(/^Entries found: /, {}, { timeout: 3000 });
  return { ...app, queries };
}

describe('Audit trail', () => {
  it("shows the administrator's entries newest first with actor, role, office and before/after; axe finds nothing", async () => {
    await openPage('/dashboard/audit', 'agency-admin');
    expect(screen.getByRole('heading', { level: 1, name: 'Audit trail' })).toBeInTheDocument();
    expect(screen.getByText('Entries found: 3')).toBeInTheDocument();
    expect(screen.getAllByRole('rowheader').map((cell) => cell.textContent)).toEqual(['Stamp image accepted', 'Office e-wallet enabled', "Officer's email address confirmed"]);
    expect(rowOf('Stamp image accepted').getAllByRole('cell').map((cell) => cell.textContent)).toEqual([
      formatInstant('2026-11-30T10:15:00.000Z'),
      `${sessionUsers['agency-admin'].name} (Agency administrator)`,
      eiaMumbai.name,
      `${kochiOffice.name} (${kochiOffice.code})`,
      '',
      '{"changes":[{"field":"stampVersion","before":null,"after":1}]}',
    ]);
    expect(rowOf("Officer's email address confirmed").getAllByRole('cell')[1]).toHaveTextContent('Nobody signed in (public form or mailed link)');
    expect(screen.getByRole('link', { name: 'Download these entries as CSV' })).toHaveAttribute('href', '/api/audit/export');
    expect(await axeViolations()).toEqual([]);
  });

  it('filters by action and office from the keyboard, keeps the filter in the address and exports the same entries', async () => {
    const { user, router, queries } = await openPage('/dashboard/audit', 'agency-admin');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Action' }), 'Stamp image accepted');
    await user.tab();
    expect(screen.getByRole('searchbox', { name: 'Done by (name or email)' })).toHaveFocus();
    await user.tab();
    await user.keyboard('KOC');
    await user.type(screen.getByLabelText('From (date)'), '2026-11-01');
    screen.getByRole('button', { name: 'Show entries' }).focus();
    await user.keyboard('{Enter}');

    await expect.poll(() => router.state.location.search).toBe('?action=office.stamp-accepted&office=KOC&from=2026-11-01');
    expect(await screen.findByText('Entries found: 1')).toBeInTheDocument();
    expect(queries.at(-1)).toEqual({ action: 'office.stamp-accepted', office: 'KOC', from: '2026-11-01', page: 1, pageSize: 50 });
    expect(screen.getByRole('link', { name: 'Download these entries as CSV' })).toHaveAttribute('href', '/api/audit/export?action=office.stamp-accepted&office=KOC&from=2026-11-01');
  });

  it("is in the reviewer's navigation at /review/audit, with the reviewer's wording and an agency filter", async () => {
    const { user, router, queries } = await openPage('/review/audit', 'dgft-reviewer');
    expect(screen.getByRole('link', { name: 'Audit trail' })).toHaveAttribute('href', '/review/audit');
    expect(screen.getByText(/Every change made in every agency's console/)).toBeInTheDocument();
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Issuing agency' }), mpeda.name);
    await user.click(screen.getByRole('button', { name: 'Show entries' }));
    await expect.poll(() => router.state.location.search).toBe(`?agencyId=${mpeda.id}`);
    expect(await screen.findByText('No entry matches. Widen the dates or clear a filter.')).toBeInTheDocument();
    expect(queries.at(-1)).toEqual({ agencyId: mpeda.id, page: 1, pageSize: 50 });
  });

  it('offers the administrator no agency filter: the BFF keeps them to their own agency', async () => {
    await openPage('/dashboard/audit', 'agency-admin');
    expect(screen.queryByRole('combobox', { name: 'Issuing agency' })).not.toBeInTheDocument();
  });

  it("is reached from the administrator's My Dashboard", async () => {
    renderApp('/dashboard', { role: 'agency-admin' });
    await screen.findByRole('heading', { level: 1, name: 'My Dashboard' }, { timeout: 3000 });
    const links = await screen.findAllByRole('link', { name: 'Audit trail' });
    expect(links.map((link) => link.getAttribute('href'))).toContain('/dashboard/audit');
  });

  it("is not in an issuing officer's navigation", async () => {
    renderApp('/dashboard', { role: 'issuing-officer' });
    await screen.findByRole('heading', { level: 1, name: 'My Dashboard' }, { timeout: 3000 });
    expect(screen.queryByRole('link', { name: 'Audit trail' })).not.toBeInTheDocument();
  });
});
