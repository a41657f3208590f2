import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { OfficeAuditListSchema, officeHistoryFields } from '@ecoo/shared/offices/audit';
import { describe, expect, it } from 'vitest';
import { formatInstant } from '../../../lib/i18n';
import { axeViolations } from '../../../testing/axe';
import { delhiOffice, kochiOffice, mumbaiAudit, mumbaiOffice, otherAgencyOfficeId } from '../../../testing/handlers/offices';
import { server } from '../../../testing/msw-server';
import { renderApp } from '../../../testing/render-app';

/** The time the mock BFF stamps on every change. */
const changedAt = formatInstant('2026-06-01T06:30:00.000Z');

function recordBodies(path: string) {
  const bodies: unknown[] = [];
  server.use(
    http.put(path, async ({ request }) => {
      bodies.push(await request.clone().json());
      return undefined;
    }),
  );
  return bodies;
}

async function openOffice(officeId: string, name: string) {
  const app = renderApp(`/dashboard/offices/${officeId}`, { role: 'agency-admin' });
  await screen.findByRole('heading', { level: 1, name });
  return app;
}

const section = (name: string) => within(screen.getByRole('region', { name }));

describe('Office page', () => {
  it('shows the details, the key only as its fingerprint, an edit link and the change history', async () => {
    await openOffice(mumbaiOffice.id, mumbaiOffice.name);

    expect(section('Payment parameters').getByText('•••••••• fingerprint 3F9A-12C4')).toBeInTheDocument();
    expect(section('Payment parameters').getByText(mumbaiOffice.merchantId)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Edit office details' })).toHaveAttribute('href', `/dashboard/offices/${mumbaiOffice.id}/edit`);
    // Two entries, three rows (one per changed field): the caption counts the rows.
    const history = within(await screen.findByRole('table', { name: 'Changes to this office, newest first: 2 changes in 3 rows (one row for each field changed)' }));
    const rows = history.getAllByRole('row');
    expect(rows).toHaveLength(4);
    expect(within(rows[1] as HTMLElement).getByText('E-wallet enabled')).toBeInTheDocument();
    expect(within(rows[1] as HTMLElement).getByText('No → Yes')).toBeInTheDocument();
    expect(within(rows[3] as HTMLElement).getByText('Checksum key (fingerprint)')).toBeInTheDocument();
    expect(within(rows[3] as HTMLElement).getByText('(none) → 3F9A-12C4')).toBeInTheDocument();
  });

  it('when one change set every field (the office added), counts 1 change in its rows and names each field by its label, never its key', async () => {
    const added = OfficeAuditListSchema.parse({
      entries: [{ at: '2026-11-02T10:00:00.000Z', actor: 'Meera Nair', action: 'office.created', changes: officeHistoryFields.map((field) => ({ field, before: null, after: field === 'isActive' })) }],
      total: 1,
      page: 1,
      pageSize: 50,
    });
    server.use(http.get(`/api/offices/${mumbaiOffice.id}/audit`, () => HttpResponse.json(added)));
    await openOffice(mumbaiOffice.id, mumbaiOffice.name);

    const history = within(await screen.findByRole('table', { name: `Changes to this office, newest first: 1 change in ${officeHistoryFields.length} rows (one row for each field changed)` }));
    const fieldCells = history.getAllByRole('row').slice(1).map((row) => (row.children[3] as HTMLElement).textContent);
    expect(fieldCells).toHaveLength(officeHistoryFields.length);
    for (const field of officeHistoryFields) expect(fieldCells).not.toContain(field);
    expect(fieldCells).toContain('Office active');
    expect(fieldCells).toContain('E-wallet');
  });

  it('turns the pages of a long change history, newest first, without leaving the office', async () => {
    const requested: string[] = [];
    server.use(
      http.get(`/api/offices/${mumbaiOffice.id}/audit`, ({ request }) => {
        const page = Number(new URL(request.url).searchParams.get('page'));
        requested.push(`page ${page}`);
        const entry = page === 1 ? mumbaiAudit.entries[0] : mumbaiAudit.entries[1];
        return HttpResponse.json(OfficeAuditListSchema.parse({ entries: [entry], total: 51, page, pageSize: 50 }));
      }),
    );
    const { user, router } = await openOffice(mumbaiOffice.id, mumbaiOffice.name);
    const pages = within(await screen.findByRole('navigation', { name: 'Pages of the change history' }));
    expect(pages.getByText('Page 1 of 2')).toBeInTheDocument();

    await user.click(pages.getByRole('link', { name: 'Next page' }));

    expect(await screen.findByText('Page 2 of 2')).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Changes to this office, newest first: 1 change in 2 rows (one row for each field changed)' })).toBeInTheDocument();
    expect(router.state.location).toMatchObject({ pathname: `/dashboard/offices/${mumbaiOffice.id}`, search: '?historyPage=2' });
    expect(requested).toEqual(['page 1', 'page 2']);
  });

  it('when the e-wallet is disabled here, sends the change and shows the new state with who changed it', async () => {
    const bodies = recordBodies('/api/offices/:officeId/e-wallet');
    const { user } = await openOffice(mumbaiOffice.id, mumbaiOffice.name);
    const eWallet = section('E-wallet');
    expect(eWallet.getByText('The e-wallet of this office is enabled.')).toBeInTheDocument();

    await user.click(eWallet.getByRole('button', { name: 'Disable e-wallet' }));

    expect(await eWallet.findByText('The e-wallet of this office is disabled.')).toBeInTheDocument();
    expect(eWallet.getByText(`Last changed by Rahul Deshmukh on ${changedAt}.`)).toBeInTheDocument();
    expect(eWallet.getByRole('button', { name: 'Enable e-wallet' })).toBeInTheDocument();
    expect(bodies).toEqual([{ isEnabled: false }]);
  });

  it('deactivates only after the confirmation, and offers to reactivate', async () => {
    const bodies = recordBodies('/api/offices/:officeId/status');
    const { user } = await openOffice(kochiOffice.id, kochiOffice.name);
    const status = section('Office status');

    await user.click(status.getByRole('button', { name: 'Deactivate office' }));

    expect(status.getByText(/^Deactivate EIA Kochi Sub-Office\?/)).toHaveFocus();
    expect(bodies).toHaveLength(0);

    await user.click(status.getByRole('button', { name: 'Yes, deactivate' }));

    expect(await status.findByRole('button', { name: 'Reactivate office' })).toBeInTheDocument();
    expect(status.getByText(/^This office is inactive/)).toBeInTheDocument();
    expect(bodies).toEqual([{ isActive: false }]);
  });

  it('has no axe violations with the history loaded and a confirmation open', async () => {
    const { user } = await openOffice(delhiOffice.id, delhiOffice.name);
    await screen.findByText('No changes recorded yet.');
    await user.click(screen.getByRole('button', { name: 'Reactivate office' }));

    expect(await axeViolations()).toEqual([]);
  });

  it("for another agency's office, says there is no such office, as for an unknown id", async () => {
    renderApp(`/dashboard/offices/${otherAgencyOfficeId}`, { role: 'agency-admin' });

    expect(await screen.findByRole('alert')).toHaveTextContent(`There is no office ${otherAgencyOfficeId} in your agency.`);
  });
});
