import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { meeraNair, sureshIyer } from '../../../testing/handlers/registrations';
import { renderApp } from '../../../testing/render-app';

const table = async () => within(await screen.findByRole('table'));

describe('Registrations page', () => {
  it('lists pending registrations, oldest first, each linking to its review', async () => {
    renderApp('/review/registrations', { role: 'dgft-reviewer' });

    const rows = await table();
    expect(rows.getByText('Pending registrations: 52')).toBeInTheDocument();
    expect(rows.getAllByRole('row')).toHaveLength(51);
    const firstRow = rows.getByRole('rowheader', { name: meeraNair.name }).closest('tr') as HTMLElement;
    expect(within(firstRow).getByRole('cell', { name: meeraNair.email })).toBeInTheDocument();
    expect(within(firstRow).getByRole('link', { name: `Review ${meeraNair.name}` })).toHaveAttribute('href', `/review/registrations/${meeraNair.id}`);
    expect(rows.getByRole('rowheader', { name: sureshIyer.name })).toBeInTheDocument();
  });

  it('pages forward and back', async () => {
    const { user, router } = renderApp('/review/registrations', { role: 'dgft-reviewer' });
    const pages = within(await screen.findByRole('navigation', { name: 'Pages of registrations' }));
    expect(pages.getByText('Page 1 of 2')).toBeInTheDocument();
    expect(pages.queryByRole('link', { name: 'Previous page' })).not.toBeInTheDocument();

    await user.click(pages.getByRole('link', { name: 'Next page' }));

    expect(await screen.findByText('Page 2 of 2')).toBeInTheDocument();
    expect(router.state.location.search).toBe('?page=2');
    // The page number follows the address at once; the rows follow when page 2 has arrived.
    expect(await screen.findByRole('rowheader', { name: 'Applicant 52' })).toBeInTheDocument();
    expect((await table()).getAllByRole('row')).toHaveLength(3);

    await user.click(screen.getByRole('link', { name: 'Previous page' }));

    expect(await screen.findByText('Page 1 of 2')).toBeInTheDocument();
    expect(await screen.findByRole('rowheader', { name: meeraNair.name })).toBeInTheDocument();
  });

  it('filters by status', async () => {
    const { user, router } = renderApp('/review/registrations', { role: 'dgft-reviewer' });
    const filter = within(await screen.findByRole('navigation', { name: 'Status' }));
    expect(filter.getByRole('link', { name: 'Pending' })).toHaveAttribute('aria-current', 'page');

    await user.click(filter.getByRole('link', { name: 'Rejected' }));

    expect(await screen.findByText('Rejected registrations: 1')).toBeInTheDocument();
    expect(router.state.location.search).toBe('?status=rejected');
    expect(filter.getByRole('link', { name: 'Rejected' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('rowheader', { name: 'Kavita Joshi' })).toBeInTheDocument();

    await user.click(filter.getByRole('link', { name: 'Activated' }));

    expect(await screen.findByText('No registrations with this status.')).toBeInTheDocument();
  });
});
