import { fireEvent, screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { DscRecordSchema } from '@ecoo/shared/dsc/schemas';
import { AccountAuditListSchema } from '@ecoo/shared/officers/schemas';
import { describe, expect, it } from 'vitest';
import { formatInstant } from '../../../lib/i18n';
import { axeViolations } from '../../../testing/axe';
import { activeDsc, dscOverviewOf, replacedDsc } from '../../../testing/handlers/dsc';
import { activeOfficer, deactivatedOfficer, officerChangedAt, otherAgencyOfficerId, pendingOfficer } from '../../../testing/handlers/officers';
import { kochiOffice, mumbaiOffice } from '../../../testing/handlers/offices';
import { server } from '../../../testing/msw-server';
import { problemResponse } from '../../../testing/problem-response';
import { renderApp } from '../../../testing/render-app';
import { todayInIndia } from '../../../modules/accounts/components/deactivation-form';
import { fieldProblem } from '@ecoo/shared/validation/describe-issue';

function recordBodies(method: 'post' | 'put', path: string) {
  const bodies: unknown[] = [];
  server.use(
    http[method](path, async ({ request }) => {
      const text = await request.clone().text();
      bodies.push(text === '' ? null : JSON.parse(text));
      return undefined;
    }),
  );
  return bodies;
}

async function openOfficer(officerId: string, name: string) {
  const app = renderApp(`/dashboard/users/${officerId}`, { role: 'agency-admin' });
  await screen.findByRole('heading', { level: 1, name }, { timeout: 3000 });
  return app;
}

const section = (name: string) => within(screen.getByRole('region', { name }));

describe('Officer page', () => {
  it('for a pending request, shows the details and history, and approving opens the account with the office asked for', async () => {
    const bodies = recordBodies('post', '/api/officers/:userId/approval');
    const { user } = await openOfficer(pendingOfficer.id, pendingOfficer.name);
    const details = section('Officer details');
    for (const text of [pendingOfficer.email, pendingOfficer.mobile, 'Assistant Director', 'Awaiting approval', mumbaiOffice.name]) expect(details.getByText(text)).toBeInTheDocument();
    const history = within(await screen.findByRole('table', { name: 'Changes to this officer, newest first: 2 changes in 3 rows (one row for each field changed)' }));
    expect(history.getAllByText('Asked to join')).toHaveLength(2);
    expect(history.getByText(`(none) → ${mumbaiOffice.code}`)).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Account status' })).not.toBeInTheDocument();

    await user.click(section('Request').getByRole('button', { name: 'Approve officer' }));

    const decision = await section('Request').findByText(`Approved on ${formatInstant(officerChangedAt)} by Rahul Deshmukh.`);
    await expect.poll(() => document.activeElement).toBe(decision.closest('[role="status"]'));
    expect(bodies).toEqual([null]);
    expect(section('Officer details').getByText('Active')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Offices' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Account status' })).toBeInTheDocument();
  });

  it('refuses to reject without a reason of 10 characters, and sends nothing', async () => {
    const bodies = recordBodies('post', '/api/officers/:userId/rejection');
    const { user } = await openOfficer(pendingOfficer.id, pendingOfficer.name);
    const request = section('Request');

    await user.type(request.getByLabelText(/^Reason for rejecting/), 'No');
    await user.click(request.getByRole('button', { name: 'Reject request' }));

    const summary = await screen.findByRole('alert');
    expect(summary).toHaveFocus();
    expect(summary).toHaveTextContent('Reason for rejecting: Write a reason of at least 10 characters');
    expect(request.getByLabelText(/^Reason for rejecting/)).toHaveAttribute('aria-invalid', 'true');
    expect(bodies).toEqual([]);

    await user.type(request.getByLabelText(/^Reason for rejecting/), 't an officer of this agency.');
    await user.click(request.getByRole('button', { name: 'Reject request' }));

    expect(await request.findByText(/^Rejected on .* Reason: Not an officer of this agency\.$/)).toBeInTheDocument();
    expect(bodies).toEqual([{ reason: 'Not an officer of this agency.' }]);
  });

  it('refuses a rejection reason holding a zero-width space, naming it, and sends nothing; line breaks are kept', async () => {
    const bodies = recordBodies('post', '/api/officers/:userId/rejection');
    const { user } = await openOfficer(pendingOfficer.id, pendingOfficer.name);
    const request = section('Request');
    const reason = request.getByLabelText(/^Reason for rejecting/);

    await user.type(reason, 'Not posted\u200B here.');
    await user.click(request.getByRole('button', { name: 'Reject request' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('U+200B zero-width space at position 11');
    expect(reason).toHaveAttribute('aria-invalid', 'true');
    expect(bodies).toEqual([]);

    await user.clear(reason);
    await user.type(reason, 'Not posted here.{Enter}Ask the Pune office.');
    await user.click(request.getByRole('button', { name: 'Reject request' }));

    await expect.poll(() => bodies).toEqual([{ reason: 'Not posted here.\nAsk the Pune office.' }]);
  });

  it('when the request was decided elsewhere meanwhile (409), says so in the BFF’s words', async () => {
    server.use(http.post('/api/officers/:userId/approval', () => problemResponse(409, 'problem.officerDecided', { status: 'rejected' })));
    const { user } = await openOfficer(pendingOfficer.id, pendingOfficer.name);

    await user.click(section('Request').getByRole('button', { name: 'Approve officer' }));

    expect(await section('Request').findByRole('alert')).toHaveTextContent('This officer request was already rejected; it cannot be decided again.');
  });

  it('maps the officer to the chosen active offices, and needs at least one', async () => {
    const bodies = recordBodies('put', '/api/officers/:userId/offices');
    const { user } = await openOfficer(activeOfficer.id, activeOfficer.name);
    const mapping = section('Offices');
    const mumbai = await mapping.findByRole('checkbox', { name: `${mumbaiOffice.name} (${mumbaiOffice.code})` });
    const kochi = mapping.getByRole('checkbox', { name: `${kochiOffice.name} (${kochiOffice.code})` });
    expect(mumbai).toBeChecked();
    expect(kochi).toBeChecked();
    expect(mapping.queryByRole('checkbox', { name: /EIA Delhi/ })).not.toBeInTheDocument();

    await user.click(mumbai);
    await user.click(kochi);
    await user.click(mapping.getByRole('button', { name: 'Save offices' }));

    expect(await mapping.findByRole('alert')).toHaveTextContent('Choose at least one active office for the officer.');
    expect(mumbai).toHaveAttribute('aria-invalid', 'true');
    expect(bodies).toEqual([]);

    await user.click(kochi);
    await user.click(mapping.getByRole('button', { name: 'Save offices' }));

    expect(await mapping.findByText('Offices saved; the officer is mailed the new list.')).toBeInTheDocument();
    expect(bodies).toEqual([{ officeIds: [kochiOffice.id] }]);
    expect(within(section('Officer details').getByText(kochiOffice.name).closest('dd') as HTMLElement).queryByText(mumbaiOffice.name)).not.toBeInTheDocument();
  });

  it('shows an office the BFF refuses to map (409) above the form', async () => {
    server.use(http.put('/api/officers/:userId/offices', () => problemResponse(409, 'problem.officeNotMappable', { id: kochiOffice.id })));
    const { user } = await openOfficer(activeOfficer.id, activeOfficer.name);
    const mapping = section('Offices');

    await user.click(await mapping.findByRole('button', { name: 'Save offices' }));

    expect(await mapping.findByRole('alert')).toHaveTextContent(`Office ${kochiOffice.id} is not an active office of your agency.`);
  });

  it('deactivates with today as the default date and a reason; refuses a future date', async () => {
    const bodies = recordBodies('post', '/api/officers/:userId/deactivation');
    const { user } = await openOfficer(activeOfficer.id, activeOfficer.name);
    const status = section('Account status');
    const date = status.getByLabelText(/^Effective from/);
    expect(date).toHaveValue(todayInIndia());
    expect(date).toHaveAttribute('max', todayInIndia());
    expect(status.getByText('Never deactivated.')).toBeInTheDocument();

    fireEvent.change(date, { target: { value: '2999-01-01' } });
    await user.type(status.getByLabelText(/^Reason for deactivating/), 'Retired');
    await user.click(status.getByRole('button', { name: 'Deactivate officer' }));

    const summary = await status.findByRole('alert');
    expect(summary).toHaveTextContent('Effective from: Choose today or an earlier date');
    expect(summary).toHaveTextContent('Reason for deactivating: Write a reason of at least 10 characters');
    expect(bodies).toEqual([]);

    fireEvent.change(date, { target: { value: '2026-05-31' } });
    await user.type(status.getByLabelText(/^Reason for deactivating/), ' on 31 May 2026.');
    await user.click(status.getByRole('button', { name: 'Deactivate officer' }));
    await user.click(await status.findByRole('button', { name: 'Yes, deactivate' }));

    expect(await status.findByText(`${activeOfficer.name} is deactivated.`)).toBeInTheDocument();
    expect(bodies).toEqual([{ effectiveDate: '2026-05-31', reason: 'Retired on 31 May 2026.' }]);
    const revocations = within(status.getByRole('table', { name: 'Deactivations of this officer, kept for good: 1' }));
    expect(revocations.getByText('Retired on 31 May 2026.')).toBeInTheDocument();
    expect(status.getByRole('button', { name: 'Reactivate officer' })).toBeInTheDocument();
  });

  it('shows a field problem from the BFF (400) beside its field', async () => {
    server.use(
      http.post('/api/officers/:userId/deactivation', () =>
        problemResponse(400, 'problem.badRequest', {}, [fieldProblem('effectiveDate', 'problem.effectiveDateTooEarly', { date: '2026-04-11' })]),
      ),
    );
    const { user } = await openOfficer(activeOfficer.id, activeOfficer.name);
    const status = section('Account status');

    await user.type(status.getByLabelText(/^Reason for deactivating/), 'Left the agency last year.');
    await user.click(status.getByRole('button', { name: 'Deactivate officer' }));
    await user.click(await status.findByRole('button', { name: 'Yes, deactivate' }));

    expect(await status.findByText('Choose a date on or after 2026-04-11, when the account was opened.', { selector: '.field__error' })).toBeInTheDocument();
    expect(status.getByLabelText(/^Effective from/)).toHaveAttribute('aria-invalid', 'true');
  });

  it('reactivates a deactivated officer after confirming, keeping the deactivation on record; axe finds nothing', async () => {
    const bodies = recordBodies('post', '/api/officers/:userId/reactivation');
    const { user } = await openOfficer(deactivatedOfficer.id, deactivatedOfficer.name);
    const status = section('Account status');
    expect(status.getByText('Transferred to the Chennai office of another department.')).toBeInTheDocument();
    expect(status.getByText('Not reactivated')).toBeInTheDocument();

    await user.click(status.getByRole('button', { name: 'Reactivate officer' }));
    expect(status.getByText(/^Reactivate Suresh Menon\?/)).toHaveFocus();
    await screen.findByText('No changes recorded yet.');
    expect(await axeViolations()).toEqual([]);
    await user.click(status.getByRole('button', { name: 'Yes, reactivate' }));

    expect(await status.findByText(`${deactivatedOfficer.name} is active again.`)).toBeInTheDocument();
    expect(status.getByText('Transferred to the Chennai office of another department.')).toBeInTheDocument();
    expect(status.getByText(`Rahul Deshmukh, ${formatInstant(officerChangedAt)}`)).toBeInTheDocument();
    expect(bodies).toEqual([null]);
  });

  it('has no axe violations for a pending request with a failed rejection', async () => {
    const { user } = await openOfficer(pendingOfficer.id, pendingOfficer.name);
    await screen.findByRole('table', { name: 'Changes to this officer, newest first: 2 changes in 3 rows (one row for each field changed)' });
    await user.click(section('Request').getByRole('button', { name: 'Reject request' }));
    await screen.findByRole('alert');

    expect(await axeViolations()).toEqual([]);
  });

  it('has no axe violations for an active officer with the mapping form loaded', async () => {
    await openOfficer(activeOfficer.id, activeOfficer.name);
    await section('Offices').findByRole('button', { name: 'Save offices' });
    await screen.findByText('No changes recorded yet.');

    expect(await axeViolations()).toEqual([]);
  });

  it('when the history holds the BFF’s system names, shows them in words: actions, fields, statuses, dates, and who acted', async () => {
    server.use(
      http.get('/api/officers/:userId/audit', () =>
        HttpResponse.json(
          AccountAuditListSchema.parse({
            entries: [
              {
                at: '2026-05-20T06:00:00.000Z',
                actor: 'Rahul Deshmukh',
                action: 'officer.deactivated',
                changes: [
                  { field: 'status', before: 'active', after: 'deactivated' },
                  { field: 'effectiveDate', before: null, after: '2026-05-15' },
                ],
              },
              { at: '2026-05-02T09:00:00.000Z', actor: activeOfficer.name, action: 'dsc.registered', changes: [] },
              { at: '2026-04-11T07:00:00.000Z', actor: activeOfficer.name, action: 'password.set', changes: [] },
              {
                at: '2026-04-11T06:00:00.000Z',
                actor: 'Rahul Deshmukh',
                action: 'officer.approved',
                changes: [{ field: 'status', before: 'pending', after: 'active' }],
              },
              { at: '2026-04-10T05:10:00.000Z', actor: null, action: 'officer.email-confirmed', changes: [{ field: 'emailConfirmed', before: false, after: true }] },
              { at: '2026-04-10T05:00:00.000Z', actor: null, action: 'officer.requested', changes: [{ field: 'status', before: null, after: 'pending' }] },
            ],
          }),
        ),
      ),
    );
    await openOfficer(activeOfficer.id, activeOfficer.name);

    // Six events, seven rows: the caption says both, as the office history does.
    const table = await screen.findByRole('table', { name: 'Changes to this officer, newest first: 6 changes in 7 rows (one row for each field changed)' });
    const history = within(table);
    for (const text of ['Deactivated', 'DSC registered', 'Set their password', 'Approved', 'Confirmed their email address', 'Asked to join', 'Email address confirmed', 'Effective from'])
      expect(history.getAllByText(text).length).toBeGreaterThan(0);
    for (const text of ['Active → Deactivated', '(none) → 15 May 2026', 'Awaiting approval → Active', 'No → Yes', '(none) → Awaiting approval']) expect(history.getByText(text)).toBeInTheDocument();
    expect(history.getByText('The officer (from the mailed link)')).toBeInTheDocument();
    expect(history.getByText('The officer (on the Register form)')).toBeInTheDocument();
    expect(history.queryByText('Unknown')).not.toBeInTheDocument();
    expect(history.queryByText(/officer\.|password\.set|dsc\.registered|emailConfirmed|pending|2026-05-15/)).not.toBeInTheDocument();
  });

  it('takes the offices to map from User Management’s own office choices, never the offices list with payment details', async () => {
    let officesListed = 0;
    server.use(http.get('/api/offices', () => void (officesListed += 1)));
    await openOfficer(activeOfficer.id, activeOfficer.name);

    expect(await section('Offices').findByRole('checkbox', { name: `${kochiOffice.name} (${kochiOffice.code})` })).toBeChecked();
    expect(officesListed).toBe(0);
  });

  it('on the first failed deactivation, the press that leaves the reason lands: the summary appears and takes focus', async () => {
    const { user } = await openOfficer(activeOfficer.id, activeOfficer.name);
    const status = section('Account status');
    fireEvent.change(status.getByLabelText(/^Effective from/), { target: { value: '2999-01-01' } });
    await user.type(status.getByLabelText(/^Reason for deactivating/), 'Retired');
    const button = status.getByRole('button', { name: 'Deactivate officer' });

    // Pressing the button moves focus out of the reason; nothing may appear above the button before the release, or it moves away from the pointer.
    await user.pointer({ keys: '[MouseLeft>]', target: button });
    expect(status.queryByText(/Write a reason of at least 10 characters/)).not.toBeInTheDocument();
    await user.pointer({ keys: '[/MouseLeft]', target: button });

    const summary = await status.findByRole('alert');
    await expect.poll(() => document.activeElement).toBe(summary);
    expect(summary).toHaveTextContent('Reason for deactivating: Write a reason of at least 10 characters');
    expect(summary).toHaveTextContent('cannot start on 1 Jan 2999');
  });

  it('deactivation asks first, naming the officer and the date; Cancel sends nothing and gives focus back, and afterwards one message says it is done', async () => {
    const bodies = recordBodies('post', '/api/officers/:userId/deactivation');
    const { user } = await openOfficer(activeOfficer.id, activeOfficer.name);
    const status = section('Account status');
    fireEvent.change(status.getByLabelText(/^Effective from/), { target: { value: '2026-05-31' } });
    await user.type(status.getByLabelText(/^Reason for deactivating/), 'Transferred to another department.');

    await user.click(status.getByRole('button', { name: 'Deactivate officer' }));
    const question = await status.findByText(`Deactivate ${activeOfficer.name} from 31 May 2026? Their sessions end at once and they can no longer sign in. The deactivation stays on record.`);
    expect(question).toHaveFocus();
    expect(bodies).toEqual([]);
    await user.click(status.getByRole('button', { name: 'Cancel' }));
    await expect.poll(() => document.activeElement).toBe(status.getByRole('button', { name: 'Deactivate officer' }));
    expect(bodies).toEqual([]);

    await user.keyboard('{Enter}');
    expect(await status.findByText(/^Deactivate .* from 31 May 2026\?/)).toHaveFocus();
    await user.tab();
    await user.keyboard('{Enter}');

    expect(await status.findByText(`${activeOfficer.name} is deactivated.`)).toBeInTheDocument();
    expect(bodies).toEqual([{ effectiveDate: '2026-05-31', reason: 'Transferred to another department.' }]);
    expect(status.getAllByText(new RegExp(`^${activeOfficer.name} is deactivated`))).toHaveLength(1);
  });

  it('shows the officer’s DSC with its expiry warning and history, and flags a holder name that differs from the officer’s; axe finds nothing', async () => {
    const differing = { ...activeDsc, holderName: 'P R MENON', holderDiffersFromOfficer: true };
    server.use(http.get('/api/officers/:userId/dsc', () => HttpResponse.json(dscOverviewOf(activeOfficer, DscRecordSchema.parse(differing)))));
    await openOfficer(activeOfficer.id, activeOfficer.name);
    const dsc = section('Digital Signature Certificate');

    expect(await dsc.findByText('The certificate holder name (P R MENON) differs from the officer’s name (Priya Nair): check it.')).toHaveClass('warning-text');
    expect(dsc.getByText(`Expiring soon: this DSC expires in 21 days, on ${formatInstant(activeDsc.notAfter)}. A renewed DSC must be registered before then.`)).toBeInTheDocument();
    expect(within(dsc.getByText('Holder', { selector: 'dt' }).closest('dl') as HTMLElement).getByText(activeDsc.serialNumber)).toBeInTheDocument();
    expect(within(dsc.getByRole('table', { name: 'DSCs replaced by a newer one, newest first: 1' })).getByText(replacedDsc.serialNumber)).toBeInTheDocument();
    expect(await axeViolations()).toEqual([]);
  });

  it('raises no flag when the holder name is the officer’s, says so when a DSC has expired, and shows no DSC section for a pending request', async () => {
    const priya = await openOfficer(activeOfficer.id, activeOfficer.name);
    expect(await section('Digital Signature Certificate').findByText(activeDsc.serialNumber, { selector: 'dl code' })).toBeInTheDocument();
    expect(section('Digital Signature Certificate').queryByText(/differs from the officer’s name/)).not.toBeInTheDocument();
    priya.unmount();

    const suresh = await openOfficer(deactivatedOfficer.id, deactivatedOfficer.name);
    expect(await section('Digital Signature Certificate').findByText(/^Expired: this DSC expired on /)).toHaveClass('warning-text');
    suresh.unmount();

    await openOfficer(pendingOfficer.id, pendingOfficer.name);
    await screen.findByRole('table', { name: 'Changes to this officer, newest first: 2 changes in 3 rows (one row for each field changed)' });
    expect(screen.queryByRole('region', { name: 'Digital Signature Certificate' })).not.toBeInTheDocument();
  });

  it("for another agency's officer, says there is no such officer, as for an unknown id", async () => {
    renderApp(`/dashboard/users/${otherAgencyOfficerId}`, { role: 'agency-admin' });

    expect(await screen.findByRole('alert', {}, { timeout: 3000 })).toHaveTextContent(`There is no issuing officer ${otherAgencyOfficerId} in your agency.`);
  });
});
