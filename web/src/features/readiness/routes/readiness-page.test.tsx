import { screen, within } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { ReadinessListQuerySchema } from '@ecoo/shared/readiness/schemas';
import { axeViolations } from '../../../testing/axe';
import { eiaMumbai, mpeda } from '../../../testing/handlers/agencies';
import { kochiOffice, mumbaiOffice } from '../../../testing/handlers/offices';
import { server } from '../../../testing/msw-server';
import { renderApp } from '../../../testing/render-app';

const rowOf = (name: string) => within(screen.getByRole('rowheader', { name }).closest('tr') as HTMLElement);
const kochiName = `${kochiOffice.name} (${kochiOffice.code})`;
const mumbaiName = `${mumbaiOffice.name} (${mumbaiOffice.code})`;

async function openPage(url = '/review/readiness') {
  const queries: unknown[] = [];
  server.use(http.get('/api/readiness/offices', ({ request }) => void queries.push(ReadinessListQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams)))));
  const app = renderApp(url, { role: 'dgft-reviewer' });
  await screen.findByText(/^Rows found: /, {}, { timeout: 3000 });
  return { ...app, queries };
}

describe('Go-live readiness of issuing agencies (DGFT reviewer)', () => {
  it('shows every agency\'s offices with their agency and counts, an agency without an office once; axe finds nothing', async () => {
    await openPage();
    expect(screen.getByRole('heading', { level: 1, name: 'Go-live readiness of issuing agencies' })).toBeInTheDocument();
    expect(screen.getByText('1 of 2 active offices ready to issue')).toBeInTheDocument();
    expect(screen.getByText('Rows found: 3')).toBeInTheDocument();
    expect(rowOf(mumbaiName).getAllByRole('cell').map((cell) => cell.textContent)).toEqual([eiaMumbai.name, 'Yes', 'On', 'Yes', '1 of 2', 'Ready', '1', '1']);
    expect(rowOf(kochiName).getAllByRole('cell').map((cell) => cell.textContent)).toEqual([eiaMumbai.name, 'No', 'Off', 'No', '0 of 1', 'Payment parameters not setNo stamp acceptedNo registered, unexpired DSC', '1', '1']);
    // The reviewer cannot open an agency's pages, so gaps are words, not links.
    expect(rowOf(kochiName).queryByRole('link')).not.toBeInTheDocument();
    expect(rowOf('None').getAllByRole('cell').map((cell) => cell.textContent)).toEqual([mpeda.name, '', 'No active office', '0', '0']);
    expect(screen.getByRole('link', { name: 'Download these rows as CSV' })).toHaveAttribute('href', '/api/readiness/offices/export?gap=all');
    expect(await axeViolations()).toEqual([]);
  });

  it('filters by agency and by gap from the keyboard, keeps the filter in the address and exports the same rows', async () => {
    const { user, router, queries } = await openPage();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Issuing agency' }), eiaMumbai.name);
    await user.selectOptions(screen.getByRole('combobox', { name: 'What is missing' }), 'No stamp accepted');
    await user.tab();
    expect(screen.getByRole('button', { name: 'Show offices' })).toHaveFocus();
    await user.keyboard('{Enter}');

    await expect.poll(() => router.state.location.search).toBe(`?agencyId=${eiaMumbai.id}&gap=stamp`);
    expect(await screen.findByText('Rows found: 1')).toBeInTheDocument();
    expect(queries.at(-1)).toEqual({ agencyId: eiaMumbai.id, gap: 'stamp', page: 1, pageSize: 50 });
    expect(screen.getByRole('rowheader', { name: kochiName })).toBeInTheDocument();
    expect(screen.queryByRole('rowheader', { name: mumbaiName })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Download these rows as CSV' })).toHaveAttribute('href', `/api/readiness/offices/export?agencyId=${eiaMumbai.id}&gap=stamp`);
  });

  it('opens with the filter from the address, and says when nothing matches', async () => {
    await openPage(`/review/readiness?agencyId=${mpeda.id}&gap=none`);
    expect(screen.getByRole('combobox', { name: 'Issuing agency' })).toHaveValue(mpeda.id);
    expect(screen.getByRole('combobox', { name: 'What is missing' })).toHaveValue('none');
    expect(screen.getByText('No office matches. Choose another agency or gap.')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Download these rows as CSV' })).not.toBeInTheDocument();
  });
});
