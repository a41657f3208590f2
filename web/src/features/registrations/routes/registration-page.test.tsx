import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { translate } from '@ecoo/shared/i18n/translate';
import { registrationReference } from '@ecoo/shared/registrations/reference';
import { RegistrationListSchema } from '@ecoo/shared/registrations/schemas';
import { meeraNair, pendingPages, sureshIyer } from '../../../testing/handlers/registrations';
import { server } from '../../../testing/msw-server';
import { problemResponse } from '../../../testing/problem-response';
import { renderApp } from '../../../testing/render-app';

const decision = async () => within(await screen.findByRole('region', { name: 'Decision' }));

describe('Registration page', () => {
  it('shows the details and the PDF letter inside the console, with a link to open it', async () => {
    renderApp(`/review/registrations/${meeraNair.id}`, { role: 'dgft-reviewer' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Registration of Meera Nair' })).toBeInTheDocument();
    const details = within(screen.getByRole('region', { name: 'Details' }));
    expect(details.getByText('9847012345')).toBeInTheDocument();
    expect(details.getByText(meeraNair.agency.name)).toBeInTheDocument();
    const letterUrl = `/api/registrations/${meeraNair.id}/letter`;
    expect(screen.getByTitle('Authorisation letter of Meera Nair')).toHaveAttribute('src', letterUrl);
    expect(screen.getByRole('link', { name: 'Open the letter in a new tab' })).toHaveAttribute('href', letterUrl);
    expect(screen.getByText('File authorisation-letter.pdf, 47.1 kB')).toBeInTheDocument();
  });

  it('shows a PNG letter as an image with a text alternative', async () => {
    renderApp(`/review/registrations/${sureshIyer.id}`, { role: 'dgft-reviewer' });

    expect(await screen.findByRole('img', { name: 'Authorisation letter of Suresh Iyer' })).toHaveAttribute('src', `/api/registrations/${sureshIyer.id}/letter`);
  });

  it('shows the short reference the applicant was given, not the id', async () => {
    renderApp(`/review/registrations/${meeraNair.id}`, { role: 'dgft-reviewer' });
    await screen.findByRole('heading', { level: 1, name: 'Registration of Meera Nair' });
    const details = within(screen.getByRole('region', { name: 'Details' }));
    expect(details.getByText(registrationReference(meeraNair.id))).toBeInTheDocument();
    expect(details.getByText(/^REG-/).closest('.details__row')).toHaveTextContent(/^Reference/);
  });

  it('activates, then shows the decision and refreshes the list', async () => {
    let listRequests = 0;
    server.use(
      http.get('/api/registrations', () => {
        listRequests += 1;
        return HttpResponse.json(RegistrationListSchema.parse(pendingPages[1]));
      }),
    );
    const { user } = renderApp('/review/registrations', { role: 'dgft-reviewer' });
    await user.click(await screen.findByRole('link', { name: 'Review Meera Nair' }));
    await screen.findByRole('heading', { level: 1, name: 'Registration of Meera Nair' });
    expect(listRequests).toBe(1);

    let isSent = false;
    server.use(http.post('/api/registrations/:registrationId/activation', () => void (isSent = true)));
    await user.click((await decision()).getByRole('button', { name: 'Activate' }));

    // Asked first, in the page: the question takes focus, says it cannot be undone, and Cancel gives focus back.
    const question = (await decision()).getByRole('group', { name: 'Activate the registration of Meera Nair?' });
    expect(question).toHaveTextContent(/cannot be undone/);
    expect(within(question).getByText(/cannot be undone/)).toHaveFocus();
    await user.click(within(question).getByRole('button', { name: 'Cancel' }));
    expect((await decision()).queryByRole('group', { name: /^Activate the registration/ })).not.toBeInTheDocument();
    expect((await decision()).getByRole('button', { name: 'Activate' })).toHaveFocus();
    expect(isSent).toBe(false);

    await user.keyboard('{Enter}');
    expect(isSent).toBe(false);
    await user.click((await decision()).getByRole('button', { name: 'Yes, activate' }));

    const decided = await (await decision()).findByRole('status');
    expect(decided).toHaveTextContent(/^Activated on .+ by Asha Verma\.$/);
    expect(decided).toHaveFocus();
    expect((await decision()).queryByRole('button', { name: 'Activate' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: 'Back to registrations' }));
    await screen.findByRole('heading', { level: 1, name: 'Registrations' });
    await waitFor(() => expect(listRequests).toBe(2));
  });

  it('will not reject without a reason of 10 characters, and asks the BFF nothing', async () => {
    let isSent = false;
    server.use(http.post('/api/registrations/:registrationId/rejection', () => void (isSent = true)));
    const { user } = renderApp(`/review/registrations/${meeraNair.id}`, { role: 'dgft-reviewer' });
    const panel = await decision();

    await user.type(panel.getByLabelText(/^Reason for rejection/), 'Too short');
    await user.click(panel.getByRole('button', { name: 'Reject' }));

    const message = translate('en', 'validation.reason');
    expect(await panel.findByRole('alert')).toHaveTextContent(message);
    expect(panel.getByLabelText(/^Reason for rejection/)).toHaveAccessibleDescription(expect.stringContaining(message));
    expect(isSent).toBe(false);
  });

  it('will not reject with a reason holding an invisible character, names it beside the field, and asks the BFF nothing', async () => {
    let isSent = false;
    server.use(http.post('/api/registrations/:registrationId/rejection', () => void (isSent = true)));
    const { user } = renderApp(`/review/registrations/${meeraNair.id}`, { role: 'dgft-reviewer' });
    const panel = await decision();

    await user.type(panel.getByLabelText(/^Reason for rejection/), 'The letter is \u202Edengisnu.');
    await user.click(panel.getByRole('button', { name: 'Reject' }));

    expect(await panel.findByRole('alert')).toHaveTextContent('U+202E right-to-left override at position 15');
    expect(panel.getByLabelText(/^Reason for rejection/)).toHaveAccessibleDescription(expect.stringContaining('visible text and line breaks'));
    expect(isSent).toBe(false);
  });

  it('rejects with the reason and shows it in the decision', async () => {
    const { user } = renderApp(`/review/registrations/${meeraNair.id}`, { role: 'dgft-reviewer' });
    const panel = await decision();

    await user.type(panel.getByLabelText(/^Reason for rejection/), 'The letter is not on the agency letterhead.');
    await user.click(panel.getByRole('button', { name: 'Reject' }));

    expect(await (await decision()).findByRole('status')).toHaveTextContent(/^Rejected on .+ by Asha Verma: The letter is not on the agency letterhead\.$/);
  });

  it('when another reviewer decided first, says so', async () => {
    server.use(http.post('/api/registrations/:registrationId/activation', () => problemResponse(409, 'problem.registrationDecided', { status: 'rejected' })));
    const { user } = renderApp(`/review/registrations/${meeraNair.id}`, { role: 'dgft-reviewer' });

    await user.click((await decision()).getByRole('button', { name: 'Activate' }));
    await user.click((await decision()).getByRole('button', { name: 'Yes, activate' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(translate('en', 'problem.registrationDecided', { status: 'rejected' }));
  });

  it('for an unknown registration, shows the BFF’s not-found detail', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    renderApp(`/review/registrations/${id}`, { role: 'dgft-reviewer' });

    expect(await screen.findByRole('alert')).toHaveTextContent(translate('en', 'problem.registrationNotFound', { id }));
  });
});
