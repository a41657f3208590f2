import { screen, within, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { translate } from '@ecoo/shared/i18n/translate';
import { axeViolations } from '../../../testing/axe';
import { mumbaiOffice, newOfficeId, noHistory } from '../../../testing/handlers/offices';
import { server } from '../../../testing/msw-server';
import { problemResponse } from '../../../testing/problem-response';
import { renderApp } from '../../../testing/render-app';
import { fieldProblem } from '@ecoo/shared/validation/describe-issue';

type User = ReturnType<typeof renderApp>['user'];

/** Records each body sent to the office endpoints, and still answers like the default handlers. */
function recordBodies(method: 'post' | 'put') {
  const bodies: Record<string, unknown>[] = [];
  const path = method === 'post' ? '/api/offices' : '/api/offices/:officeId';
  server.use(
    http[method](path, async ({ request }) => {
      bodies.push((await request.clone().json()) as Record<string, unknown>);
      return undefined;
    }),
  );
  return bodies;
}

/** Every field but the payment parameters, with the details of a real office. */
async function fillOffice(user: User, { code = 'EIA-CHE-04', pinCode = '400021', phone = '9876543210' } = {}) {
  await user.type(screen.getByLabelText(/^Office name/), 'EIA Chennai Sub-Office');
  await user.type(screen.getByLabelText(/^Office code/), code);
  await user.type(screen.getByLabelText(/^Address line 1/), 'Rajaji Salai, Customs House');
  await user.type(screen.getByLabelText(/^City/), 'Chennai');
  await user.selectOptions(screen.getByLabelText(/^State or union territory/), 'Maharashtra');
  await user.type(screen.getByLabelText(/^PIN code/), pinCode);
  await user.type(screen.getByLabelText(/^Phone/), phone);
  await user.type(screen.getByLabelText(/^Office email/), 'chennai@eicindia.gov.in');
  await user.type(screen.getByLabelText(/^GSTIN/), '27AAPFU0939F1ZV');
}

async function openNewOffice() {
  const app = renderApp('/dashboard/offices/new', { role: 'agency-admin' });
  await screen.findByRole('heading', { level: 1, name: 'Add office details' });
  return app;
}

const merchantId = () => screen.getByLabelText(/^Merchant ID/);

describe('Office form', () => {
  it('when the Merchant ID holds a zero-width space, names it, proposes the clean value, and changes the field only on "Apply fix"', async () => {
    const bodies = recordBodies('post');
    server.use(http.get(`/api/offices/${newOfficeId}/audit`, () => HttpResponse.json(noHistory)));
    const { user, router } = await openNewOffice();
    await fillOffice(user);

    await user.type(merchantId(), 'EIAMUM\u200B2024');

    expect(screen.getByText('U+200B zero-width space at position 7')).toBeInTheDocument();
    expect(merchantId()).toHaveAccessibleDescription(expect.stringContaining('U+200B zero-width space at position 7'));
    expect(merchantId()).toHaveAttribute('aria-invalid', 'true');

    await user.click(screen.getByRole('button', { name: 'Fix Merchant ID' }));

    expect(screen.getByText('Replace with: EIAMUM2024')).toBeInTheDocument();
    expect(merchantId()).toHaveValue('EIAMUM\u200B2024');

    await user.click(screen.getByRole('button', { name: 'Apply fix to Merchant ID' }));

    expect(merchantId()).toHaveValue('EIAMUM2024');
    expect(screen.queryByText('U+200B zero-width space at position 7')).not.toBeInTheDocument();

    await user.type(screen.getByLabelText(/^Checksum key/), 'k3Y!salt-2024');
    await user.click(screen.getByRole('checkbox', { name: 'Enable the e-wallet for this office' }));
    await user.click(screen.getByRole('button', { name: 'Save office' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'EIA Chennai Sub-Office' })).toBeInTheDocument();
    expect(screen.getByText('Saved the office details.')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(`/dashboard/offices/${newOfficeId}`);
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).toMatchObject({ merchantId: 'EIAMUM2024', checksumKey: 'k3Y!salt-2024', code: 'EIA-CHE-04', isEWalletEnabled: true });
  });

  it('with the offending characters shown and a fix proposed, has no axe violations', async () => {
    const { user } = await openNewOffice();
    await user.type(merchantId(), 'EIA\u200BMUM-01');
    await user.type(screen.getByLabelText(/^Checksum key/), 'salt\u00A0key');
    await user.click(screen.getByRole('button', { name: 'Fix Merchant ID' }));

    expect(screen.getByText('U+002D "-" at position 8: no automatic fix, remove it by hand')).toBeInTheDocument();
    expect(screen.getByText('Replace with: EIAMUM-01')).toBeInTheDocument();
    expect(await axeViolations()).toEqual([]);
  });

  it('when the Merchant ID is blank, refuses before sending and says so beside the field', async () => {
    const bodies = recordBodies('post');
    const { user } = await openNewOffice();
    await fillOffice(user);
    await user.type(screen.getByLabelText(/^Checksum key/), 'k3Y!salt-2024');

    await user.click(screen.getByRole('button', { name: 'Save office' }));

    const focused = await screen.findByRole('alert');
    await waitFor(() => expect(focused).toHaveFocus());
    expect(merchantId()).toHaveAccessibleDescription(expect.stringContaining(translate('en', 'validation.merchantId.blank')));
    expect(bodies).toHaveLength(0);
  });

  it('when the office name holds a right-to-left override, refuses before sending and names it beside the field', async () => {
    const bodies = recordBodies('post');
    const { user } = await openNewOffice();
    await fillOffice(user);
    await user.type(screen.getByLabelText(/^Office name/), '\u202E');
    await user.type(merchantId(), 'EIAMUM2024');
    await user.type(screen.getByLabelText(/^Checksum key/), 'k3Y!salt-2024');

    await user.click(screen.getByRole('button', { name: 'Save office' }));

    await screen.findByRole('alert');
    expect(screen.getByLabelText(/^Office name/)).toHaveAccessibleDescription(expect.stringContaining('U+202E right-to-left override at position 23'));
    expect(bodies).toHaveLength(0);
  });

  it('on edit, shows the stored key only as its fingerprint and, with the key field left empty, sends no checksumKey', async () => {
    const bodies = recordBodies('put');
    // Even a BFF that overshared the key must not get it onto the page.
    server.use(http.get(`/api/offices/${mumbaiOffice.id}`, () => HttpResponse.json({ ...mumbaiOffice, checksumKey: 'Leaked-Key-1234' })));
    const { user, container } = renderApp(`/dashboard/offices/${mumbaiOffice.id}/edit`, { role: 'agency-admin' });
    await screen.findByRole('heading', { level: 1, name: `Edit ${mumbaiOffice.name}` });
    const key = screen.getByLabelText(/^Checksum key/);

    expect(key).toHaveValue('');
    expect(key).not.toHaveAttribute('aria-required');
    expect(key).toHaveAccessibleDescription(expect.stringContaining('Stored key: •••••••• fingerprint 3F9A-12C4. Leave empty to keep it; type a new key to replace it.'));
    expect(merchantId()).toHaveValue(mumbaiOffice.merchantId);
    expect(container.innerHTML).not.toContain('Leaked-Key-1234');
    expect([...container.querySelectorAll('input')].map((input) => input.value)).not.toContain('Leaked-Key-1234');

    await user.clear(screen.getByLabelText(/^Office name/));
    await user.type(screen.getByLabelText(/^Office name/), 'EIA Mumbai Regional Office');
    await user.click(screen.getByRole('button', { name: 'Save office' }));

    expect(await screen.findByText('Saved the office details.')).toBeInTheDocument();
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).not.toHaveProperty('checksumKey');
    expect(bodies[0]).toMatchObject({ name: 'EIA Mumbai Regional Office', merchantId: mumbaiOffice.merchantId });
  });

  it('when the BFF answers that the code is taken, says so beside the office code', async () => {
    const message = translate('en', 'problem.officeCodeTaken', { code: 'EIA-KOC-02' });
    server.use(
      http.put('/api/offices/:officeId', () =>
        problemResponse(409, 'problem.officeCodeTaken', { code: 'EIA-KOC-02' }, [fieldProblem('code', 'problem.officeCodeTaken', { code: 'EIA-KOC-02' })]),
      ),
    );
    const { user } = renderApp(`/dashboard/offices/${mumbaiOffice.id}/edit`, { role: 'agency-admin' });
    const code = await screen.findByLabelText(/^Office code/);

    await user.clear(code);
    await user.type(code, 'EIA-KOC-02');
    await user.click(screen.getByRole('button', { name: 'Save office' }));

    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: `Office code: ${message}` })).toBeInTheDocument();
    expect(code).toHaveAccessibleDescription(expect.stringContaining(message));
    expect(code).toHaveAttribute('aria-invalid', 'true');
  });

  it('when a field the user typed in is left wrong, says so on leaving it, and the message goes once it is right', async () => {
    const { user } = await openNewOffice();
    const pin = screen.getByLabelText(/^PIN code/);

    await user.type(pin, '04002');
    await user.tab();

    expect(pin).toHaveAccessibleDescription(expect.stringContaining(translate('en', 'validation.pinCode')));

    await user.clear(pin);
    await user.type(pin, '400021');

    expect(pin).not.toHaveAccessibleDescription(expect.stringContaining(translate('en', 'validation.pinCode')));
  });
  it('when a submit showed the GSTIN as of another state, choosing its state clears the GSTIN\'s error at once, beside it and in the summary', async () => {
    const stateError = translate('en', 'validation.gstin.state');
    const { user } = await openNewOffice();
    await fillOffice(user);
    await user.selectOptions(screen.getByLabelText(/^State or union territory/), 'Karnataka');
    await user.click(screen.getByRole('button', { name: 'Save office' }));
    const summary = await screen.findByRole('alert');
    const gstin = screen.getByLabelText(/^GSTIN/);
    expect(gstin).toHaveAccessibleDescription(expect.stringContaining(stateError));
    expect(summary).toHaveTextContent(stateError);

    await user.selectOptions(screen.getByLabelText(/^State or union territory/), 'Maharashtra');

    await waitFor(() => expect(gstin).not.toHaveAttribute('aria-invalid'));
    expect(gstin).not.toHaveAccessibleDescription(expect.stringContaining(stateError));
    expect(summary).not.toHaveTextContent(stateError);
    // Still wrong elsewhere: the Merchant ID keeps its message, in the summary too.
    expect(summary).toHaveTextContent(translate('en', 'validation.merchantId.blank'));
  });
  it('when the Checksum key is left with a bad value by clicking the e-wallet checkbox, the click toggles it, and the message comes only after the click', async () => {
    const { user } = await openNewOffice();
    const checkbox = screen.getByRole('checkbox', { name: 'Enable the e-wallet for this office' });
    // What is on the page when the click arrives: a message inserted above the checkbox before it
    // would move the checkbox from under the pointer (about 78 px in Chromium).
    const shownAtClick: boolean[] = [];
    const key = screen.getByLabelText(/^Checksum key/);
    checkbox.addEventListener('click', () => shownAtClick.push(key.hasAttribute('aria-invalid')));
    await user.type(merchantId(), 'EIA');
    await user.type(key, 'salt');

    // Pressed and released as a person does, with the page free to update in between.
    await user.pointer({ keys: '[MouseLeft>]', target: checkbox });
    await user.pointer({ keys: '[/MouseLeft]', target: checkbox });

    expect(checkbox).toBeChecked();
    expect(shownAtClick).toEqual([false]);
    expect(await screen.findByText(translate('en', 'validation.checksumKey.length', { length: 4, min: 8, max: 256 }))).toBeInTheDocument();
  });
  it('when the code, PIN and phone are typed as people write them, shows each tidied on leaving it and saves what is shown', async () => {
    const bodies = recordBodies('post');
    server.use(http.get(`/api/offices/${newOfficeId}/audit`, () => HttpResponse.json(noHistory)));
    const { user } = await openNewOffice();
    // Each field is left by going on to the next one, as a person fills the form in.
    await fillOffice(user, { code: 'eia-che-04', pinCode: '400 021', phone: '+91 98765 43210' });

    expect(screen.getByLabelText(/^Office code/)).toHaveValue('EIA-CHE-04');
    expect(screen.getByLabelText(/^PIN code/)).toHaveValue('400021');
    expect(screen.getByLabelText(/^Phone/)).toHaveValue('9876543210');
    expect(screen.getByLabelText(/^Phone/)).not.toHaveAttribute('aria-invalid');

    await user.type(merchantId(), 'EIAMUM2024');
    await user.type(screen.getByLabelText(/^Checksum key/), 'k3Y!salt-2024');
    await user.click(screen.getByRole('button', { name: 'Save office' }));

    expect(await screen.findByText('Saved the office details.')).toBeInTheDocument();
    expect(bodies[0]).toMatchObject({ code: 'EIA-CHE-04', pinCode: '400021', phone: '9876543210' });
  });

  it('when a Merchant ID is typed with a space, leaves it as typed on leaving the field and says what is wrong', async () => {
    const { user } = await openNewOffice();

    await user.type(merchantId(), 'EIAMUM 2024');
    await user.tab();

    expect(merchantId()).toHaveValue('EIAMUM 2024');
    expect(merchantId()).toHaveAttribute('aria-invalid', 'true');
  });
  it('when a fix is proposed, offers to apply it or correct the value by hand, never to keep a value that cannot be saved', async () => {
    const { user } = await openNewOffice();
    await user.type(merchantId(), 'EIAMUM\u200B2024');
    await user.click(screen.getByRole('button', { name: 'Fix Merchant ID' }));

    expect(screen.getByRole('button', { name: 'Apply fix to Merchant ID' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /as typed/ })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Correct Merchant ID by hand' }));

    expect(screen.queryByText('Replace with: EIAMUM2024')).not.toBeInTheDocument();
    expect(merchantId()).toHaveFocus();
    expect(merchantId()).toHaveValue('EIAMUM\u200B2024');
    expect(merchantId()).toHaveAttribute('aria-invalid', 'true');
  });
  it('when the name, address and city are too short, says how many characters each needs, with the number filled in', async () => {
    const { user } = await openNewOffice();
    await user.type(screen.getByLabelText(/^Office name/), 'EI');
    await user.type(screen.getByLabelText(/^Address line 1/), 'A1');
    await user.type(screen.getByLabelText(/^City/), 'C');

    await user.click(screen.getByRole('button', { name: 'Save office' }));

    const summary = await screen.findByRole('alert');
    expect(screen.getByLabelText(/^Office name/)).toHaveAccessibleDescription(expect.stringContaining('Enter at least 3 characters.'));
    expect(screen.getByLabelText(/^Address line 1/)).toHaveAccessibleDescription(expect.stringContaining('Enter at least 3 characters.'));
    expect(screen.getByLabelText(/^City/)).toHaveAccessibleDescription(expect.stringContaining('Enter at least 2 characters.'));
    expect(within(summary).getByRole('link', { name: 'City: Enter at least 2 characters.' })).toBeInTheDocument();
    expect(document.body).not.toHaveTextContent(/\{\w+\}/);
  });
});
