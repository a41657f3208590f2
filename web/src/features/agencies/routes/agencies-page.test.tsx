import { fireEvent, screen, within } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { translate } from '@ecoo/shared/i18n/translate';
import { spicesBoard } from '../../../testing/handlers/agencies';
import { server } from '../../../testing/msw-server';
import { problemResponse } from '../../../testing/problem-response';
import { renderApp } from '../../../testing/render-app';

async function openAgencies() {
  const app = renderApp('/review/agencies', { role: 'dgft-reviewer' });
  await screen.findByRole('table');
  return app;
}

describe('Issuing agencies page', () => {
  it('lists the register with each agency’s domains', async () => {
    await openAgencies();

    const row = screen.getByRole('rowheader', { name: spicesBoard.name }).closest('tr') as HTMLElement;
    expect(within(row).getByText('indianspices.com')).toBeInTheDocument();
    expect(within(row).getByText('spicesboard.gov.in')).toBeInTheDocument();
    expect(screen.getByText('Agencies in the register: 3')).toBeInTheDocument();
  });

  it('adds an agency, with domains one per line', async () => {
    const { user } = await openAgencies();
    await user.click(screen.getByRole('button', { name: 'Add agency' }));
    expect(screen.getByRole('heading', { level: 2, name: 'Add agency' })).toHaveFocus();

    await user.type(screen.getByLabelText(/^Agency code/), 'coir-board');
    await user.type(screen.getByLabelText(/^Agency name/), 'Coir Board');
    await user.type(screen.getByLabelText(/^May certify/), 'Coir and coir products');
    await user.type(screen.getByLabelText(/^Official email domains/), 'coirboard.gov.in{Enter}coirboard.org');
    await user.click(screen.getByRole('button', { name: 'Save agency' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Saved Coir Board.');
    expect(screen.queryByRole('button', { name: 'Save agency' })).not.toBeInTheDocument();
  });

  it('refuses a name or scope holding a right-to-left override or a NUL before sending, naming it beside the field', async () => {
    let isSent = false;
    server.use(http.post('/api/agencies', () => void (isSent = true)));
    const { user } = await openAgencies();
    await user.click(screen.getByRole('button', { name: 'Add agency' }));

    await user.type(screen.getByLabelText(/^Agency code/), 'coir-board');
    await user.type(screen.getByLabelText(/^Agency name/), 'Coir \u202EdraoB');
    fireEvent.change(screen.getByLabelText(/^May certify/), { target: { value: 'Coir and coir\u0000products' } });
    await user.type(screen.getByLabelText(/^Official email domains/), 'coirboard.gov.in');
    await user.click(screen.getByRole('button', { name: 'Save agency' }));

    await screen.findByRole('alert');
    expect(screen.getByLabelText(/^Agency name/)).toHaveAccessibleDescription(expect.stringContaining('U+202E right-to-left override at position 6'));
    expect(screen.getByLabelText(/^May certify/)).toHaveAccessibleDescription(expect.stringContaining('U+0000 null character (NUL) at position 14'));
    expect(isSent).toBe(false);
  });

  it('when the name and scope are too short, says how many characters each needs, with the number filled in', async () => {
    const { user } = await openAgencies();
    await user.click(screen.getByRole('button', { name: 'Add agency' }));

    await user.type(screen.getByLabelText(/^Agency name/), 'CB');
    await user.type(screen.getByLabelText(/^May certify/), 'C');
    await user.click(screen.getByRole('button', { name: 'Save agency' }));

    await screen.findByRole('alert');
    expect(screen.getByLabelText(/^Agency name/)).toHaveAccessibleDescription(expect.stringContaining('Enter at least 3 characters.'));
    expect(screen.getByLabelText(/^May certify/)).toHaveAccessibleDescription(expect.stringContaining('Enter at least 3 characters.'));
    expect(document.body).not.toHaveTextContent(/\{\w+\}/);
  });

  it('names the line of a malformed domain', async () => {
    const { user } = await openAgencies();
    await user.click(screen.getByRole('button', { name: `Edit ${spicesBoard.name}` }));
    const domains = screen.getByLabelText(/^Official email domains/);
    expect(domains).toHaveValue('indianspices.com\nspicesboard.gov.in');

    await user.type(domains, '{Enter}{Enter}name@bad domain');
    await user.click(screen.getByRole('button', { name: 'Save agency' }));

    await screen.findByRole('alert');
    expect(domains).toHaveAccessibleDescription(expect.stringContaining(`Line 4: ${translate('en', 'validation.domain')}`));
  });

  it('when the code is taken, says so beside the code', async () => {
    server.use(http.put('/api/agencies/:agencyId', () => problemResponse(409, 'problem.agencyCodeTaken', { code: 'mpeda' })));
    const { user } = await openAgencies();
    await user.click(screen.getByRole('button', { name: `Edit ${spicesBoard.name}` }));

    await user.clear(screen.getByLabelText(/^Agency code/));
    await user.type(screen.getByLabelText(/^Agency code/), 'mpeda');
    await user.click(screen.getByRole('button', { name: 'Save agency' }));

    await screen.findByRole('alert');
    expect(screen.getByLabelText(/^Agency code/)).toHaveAccessibleDescription(expect.stringContaining(translate('en', 'problem.agencyCodeTaken', { code: 'mpeda' })));
  });
});
