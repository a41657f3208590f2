import { fireEvent, screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { DscRecordSchema } from '@ecoo/shared/dsc/schemas';
import { HealthSchema } from '@ecoo/shared/health/api';
import { formatInstant, t } from '../../../lib/i18n';
import { axeViolations } from '../../../testing/axe';
import { textOutsideCatalogue } from '../../../testing/catalogue-text';
import { activeDsc, dscChallenge, dscOverviewOf, registeredDsc, replacedDsc } from '../../../testing/handlers/dsc';
import { healthFixture } from '../../../testing/handlers/health';
import { activeOfficer, deactivatedOfficer } from '../../../testing/handlers/officers';
import { readMultipart, type MultipartPart } from '../../../testing/multipart';
import { server } from '../../../testing/msw-server';
import { problemResponse } from '../../../testing/problem-response';
import { renderApp } from '../../../testing/render-app';

const signatureFile = () => new File([new Uint8Array([0x30, 0x82, 0x05, 0x1a])], 'challenge.p7s', { type: 'application/pkcs7-signature' });
const certificateFile = () => new File([new Uint8Array([0x30, 0x82, 0x04, 0x00, 0x01])], 'my-dsc.cer', { type: 'application/pkix-cert' });

async function openDscPage() {
  const app = renderApp('/dashboard/dsc', { role: 'issuing-officer' });
  await screen.findByRole('heading', { level: 1, name: 'Register Digital Signature Certificate' }, { timeout: 3000 });
  return app;
}

/** With a DSC registered, the start button reads "Get a challenge for a renewed DSC"; it is waited for, so the page has read the DSC. */
async function getChallenge(user: ReturnType<typeof renderApp>['user']) {
  await user.click(await screen.findByRole('button', { name: /^Get a challenge/ }));
  return screen.findByRole('textbox', { name: 'Challenge to sign' });
}

/** What each registration sent, read before the default handler answers it. */
function recordRegistrations() {
  const sent: MultipartPart[][] = [];
  server.use(
    http.post('/api/me/dsc', async ({ request }) => {
      sent.push(await readMultipart(request.clone()));
      return undefined;
    }),
  );
  return sent;
}

/** Both files chosen and Register pressed, once a challenge is shown; what was sent, and the alert that answered. */
async function registerBothFiles() {
  const sent = recordRegistrations();
  const { user } = await openDscPage();
  await getChallenge(user);
  await user.upload(screen.getByLabelText(/^Signature file/), signatureFile());
  await user.upload(screen.getByLabelText(/^Certificate file/), certificateFile());
  await user.click(screen.getByRole('button', { name: 'Register DSC' }));
  return { sent, user, summary: await screen.findByRole('alert') };
}

const current = () => within(screen.getByRole('region', { name: 'Your registered DSC' }));

describe('Register Digital Signature Certificate', () => {
  it('shows the registered DSC with its expiry warning and the one it replaced; a challenge comes with copy, download and the commands; axe finds nothing', async () => {
    const { user, container } = await openDscPage();
    const dsc = within(await screen.findByRole('region', { name: 'Your registered DSC' }));
    await dsc.findByText(activeDsc.serialNumber);
    const details = within(dsc.getByText('Holder', { selector: 'dt' }).closest('dl') as HTMLElement);
    for (const text of [activeDsc.holderName, activeDsc.issuerName, ...activeDsc.policies, activeDsc.serialNumber, activeDsc.fingerprintSha256, formatInstant(activeDsc.notBefore)])
      expect(details.getByText(text)).toBeInTheDocument();
    expect(details.getByText('Class', { selector: 'dt' }).nextElementSibling).toHaveTextContent(/^Class 3$/);
    expect(details.getByText('Days left').nextElementSibling).toHaveTextContent(/^21$/);
    expect(dsc.getByText(`Expiring soon: this DSC expires in 21 days, on ${formatInstant(activeDsc.notAfter)}. A renewed DSC must be registered before then.`)).toBeInTheDocument();
    expect(dsc.queryByText('Demo certificate')).not.toBeInTheDocument();
    const history = within(dsc.getByRole('table', { name: 'DSCs replaced by a newer one, newest first: 1' }));
    expect(history.getByText(replacedDsc.serialNumber)).toBeInTheDocument();
    expect(history.queryByText(activeDsc.serialNumber)).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Register DSC' })).not.toBeInTheDocument();

    const box = await getChallenge(user);

    expect(box).toHaveFocus();
    expect(box).toHaveValue(dscChallenge.challenge);
    expect(box).toHaveAttribute('readonly');
    expect(box).toHaveAccessibleDescription(`Sign this exact text, with no line break added. Download it as challenge.txt, or copy it. Valid until ${formatInstant(dscChallenge.expiresAt)}: 10 minutes from when it was issued.`);
    // jsdom cannot download, so the link the button clicks is caught: its file name, and its bytes exactly.
    const clicked: HTMLAnchorElement[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    await user.click(screen.getByRole('button', { name: 'Download challenge.txt' }));
    click.mockRestore();
    expect(clicked.map((link) => link.download)).toEqual(['challenge.txt']);
    const href = clicked[0]?.href ?? '';
    expect(href.slice(0, href.indexOf(',') + 1)).toBe('data:text/plain;charset=us-ascii,');
    expect(decodeURIComponent(href.slice(href.indexOf(',') + 1))).toBe(dscChallenge.challenge);
    expect(clicked[0]?.isConnected).toBe(false);
    for (const command of [
      `npm run demo-sign -- ${dscChallenge.challenge}`,
      'openssl cms -sign -binary -md sha256 -in challenge.txt -signer my-dsc.cer -provider pkcs11 -provider default -inkey "pkcs11:token=<token label>;type=private" -outform DER -out challenge.p7s',
      'openssl cms -sign -binary -md sha256 -in challenge.txt -signer my-dsc.cer -inkey my-key.pem -outform DER -out challenge.p7s',
    ])
      expect(screen.getByText(command, { selector: 'pre > code' })).toBeInTheDocument();
    for (const command of ['openssl pkcs12 -in my.pfx -clcerts -nokeys -out my-dsc.cer', 'openssl pkcs12 -in my.pfx -nocerts -nodes -out my-key.pem'])
      expect(screen.getByText(command, { selector: 'pre > code' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 4, name: 'Trying the console with demo data' })).toBeInTheDocument();
    expect(screen.getByLabelText(/^Signature file \(\.p7s\)/)).toHaveAttribute('accept', '.p7s,.p7m,.pem');
    expect(screen.getByLabelText(/^Certificate file \(\.cer\)/)).toHaveAttribute('accept', '.cer,.crt,.der,.pem');

    // user-event's clipboard stub cannot read back under jsdom (its Blob is not Node's), so the write itself is watched.
    const writeText = vi.spyOn(navigator.clipboard, 'writeText');
    await user.click(screen.getByRole('button', { name: 'Copy challenge' }));

    expect(await screen.findByText('Challenge copied to the clipboard.')).toHaveAttribute('role', 'status');
    expect(writeText.mock.calls).toEqual([[dscChallenge.challenge]]);
    const records = [activeDsc, replacedDsc].flatMap((record) => [record.holderName, record.subject, record.issuerName, record.serialNumber, record.fingerprintSha256, record.keyAlgorithm, ...record.policies]);
    const times = [activeDsc, replacedDsc].flatMap((record) => [record.notBefore, record.notAfter, record.registeredAt, record.replacedAt ?? record.notAfter]).map(formatInstant);
    expect(textOutsideCatalogue(container, [...records, ...times, '21', dscChallenge.challenge, activeOfficer.name])).toEqual([]);
    expect(await axeViolations()).toEqual([]);
  });

  it('without demo data, leaves out the demo command, which only a demo console accepts', async () => {
    server.use(http.get('/api/health', () => HttpResponse.json(HealthSchema.parse({ ...healthFixture, demoData: false }))));
    const { user } = await openDscPage();
    await screen.findByRole('link', { name: 'Mail outbox (development)' });

    await getChallenge(user);

    expect(screen.getByRole('heading', { level: 4, name: 'DSC on a USB token (PKCS#11, through OpenSC)' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Trying the console with demo data' })).not.toBeInTheDocument();
    expect(screen.queryByText(/npm run demo-sign/)).not.toBeInTheDocument();
  });

  it('without a signature file, says so beside the picker and in the focused summary, and sends nothing', async () => {
    const sent = recordRegistrations();
    const { user } = await openDscPage();
    await getChallenge(user);

    await user.click(screen.getByRole('button', { name: 'Register DSC' }));

    const summary = await screen.findByRole('alert');
    expect(summary).toHaveFocus();
    expect(summary).toHaveTextContent('Signature file (.p7s): Attach the signature file (.p7s) that your signer made over the challenge.');
    expect(screen.getByLabelText(/^Signature file/)).toHaveAttribute('aria-invalid', 'true');
    expect(sent).toEqual([]);
  });

  it('registers the DSC from the signature and certificate: says so briefly with its expiry and a link to its details, clears the challenge, shows it as the registered one and offers a renewal', async () => {
    const sent = recordRegistrations();
    let registered = false;
    server.use(
      http.post('/api/me/dsc', () => void (registered = true)),
      http.get('/api/me/dsc', () => HttpResponse.json(registered ? dscOverviewOf(activeOfficer, registeredDsc) : dscOverviewOf(activeOfficer))),
    );
    const { user } = await openDscPage();
    await current().findByText(activeDsc.serialNumber);
    await getChallenge(user);

    await user.upload(screen.getByLabelText(/^Signature file/), signatureFile());
    await user.upload(screen.getByLabelText(/^Certificate file/), certificateFile());
    await user.click(screen.getByRole('button', { name: 'Register DSC' }));

    const verdict = await screen.findByText('DSC registered');
    const status = verdict.closest('[role="status"]') as HTMLElement;
    await expect.poll(() => document.activeElement).toBe(status);
    expect(status).toHaveTextContent(/^DSC registeredIt is valid until .+\.See its details under Your registered DSC$/);
    expect(status).toHaveTextContent(`It is valid until ${formatInstant(registeredDsc.notAfter)}.`);
    // The details show once, under "Your registered DSC", not again in the verdict.
    expect(within(status).queryByText(registeredDsc.serialNumber)).not.toBeInTheDocument();
    expect(within(status).queryByText('Demo certificate')).not.toBeInTheDocument();
    expect(sent).toEqual([
      [
        { name: 'challenge', value: dscChallenge.challenge },
        { name: 'signature', file: { fileName: 'challenge.p7s', contentType: 'application/pkcs7-signature', size: 4 } },
        { name: 'certificate', file: { fileName: 'my-dsc.cer', contentType: 'application/pkix-cert', size: 5 } },
      ],
    ]);
    expect(screen.queryByRole('textbox', { name: 'Challenge to sign' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Register DSC' })).not.toBeInTheDocument();
    expect(await current().findByText(registeredDsc.serialNumber)).toBeInTheDocument();
    expect(current().getByText('Demo certificate')).toBeInTheDocument();
    expect(current().queryByText(/^Expiring soon/)).not.toBeInTheDocument();
    // Nothing more to do: a renewal is offered as such, not as the green next step under the verdict.
    expect(screen.getByRole('heading', { level: 2, name: 'Register a renewed DSC' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Get a challenge for a renewed DSC' })).toHaveClass('button--secondary');
    expect(screen.queryByRole('button', { name: 'Get a challenge' })).not.toBeInTheDocument();

    await user.click(within(status).getByRole('link', { name: 'See its details under Your registered DSC' }));
    expect(screen.getByRole('heading', { level: 2, name: 'Your registered DSC' })).toHaveFocus();
  });

  it('when the BFF refuses the signature, shows its words in a focused alert and keeps the challenge, so a new signature can be uploaded', async () => {
    server.use(http.post('/api/me/dsc', () => problemResponse(422, 'problem.dsc.signedOtherBytes'), { once: true }));
    const sent = recordRegistrations();
    const { user } = await openDscPage();
    await getChallenge(user);
    await user.upload(screen.getByLabelText(/^Signature file/), signatureFile());

    await user.click(screen.getByRole('button', { name: 'Register DSC' }));

    const alert = await screen.findByRole('alert');
    await expect.poll(() => document.activeElement).toBe(alert);
    expect(alert).toHaveTextContent('The DSC was not registered');
    expect(alert).toHaveTextContent(t('problem.dsc.signedOtherBytes'));
    expect(screen.getByRole('textbox', { name: 'Challenge to sign' })).toHaveValue(dscChallenge.challenge);
    expect(screen.queryByText('DSC registered')).not.toBeInTheDocument();

    await user.upload(screen.getByLabelText(/^Signature file/), signatureFile());
    await user.click(screen.getByRole('button', { name: 'Register DSC' }));

    expect(await screen.findByText('DSC registered')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(sent.map((parts) => parts[0])).toEqual([
      { name: 'challenge', value: dscChallenge.challenge },
      { name: 'challenge', value: dscChallenge.challenge },
    ]);
  });

  it('takes focus to a new challenge, and offers another only below the steps, saying that it replaces the one shown', async () => {
    const { user } = await openDscPage();
    const box = await getChallenge(user);
    expect(box).toHaveFocus();
    expect(box).toHaveAttribute('rows', '3');

    // Step 1 now holds the challenge alone; "Get a new challenge" comes after the Register button, with what it does.
    const step1 = within(screen.getByRole('region', { name: '1. Get a challenge' }));
    expect(step1.queryByRole('button', { name: /^Get a/ })).not.toBeInTheDocument();
    const again = within(screen.getByRole('region', { name: 'Need a new challenge?' })).getByRole('button', { name: 'Get a new challenge' });
    expect(again).toHaveAccessibleDescription(t('dsc.challenge.new.intro'));
    expect(again).toHaveClass('button--secondary');
    expect(screen.getByRole('button', { name: 'Register DSC' }).compareDocumentPosition(again) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('asks for one challenge however fast the button is pressed twice', async () => {
    let asked = 0;
    server.use(
      http.post('/api/me/dsc/challenges', () => {
        asked += 1;
        return undefined;
      }),
    );
    await openDscPage();
    const button = await screen.findByRole('button', { name: /^Get a challenge/ });

    // Both presses land before React renders the busy state, as a double click can.
    fireEvent.click(button);
    fireEvent.click(button);

    expect(await screen.findByRole('textbox', { name: 'Challenge to sign' })).toHaveValue(dscChallenge.challenge);
    expect(asked).toBe(1);
  });

  it('when the DSC uploaded is the one already registered, says so as information, not as a failure', async () => {
    server.use(http.post('/api/me/dsc', () => problemResponse(409, 'problem.dsc.alreadyActive')));
    const { user } = await openDscPage();
    await getChallenge(user);
    await user.upload(screen.getByLabelText(/^Signature file/), signatureFile());

    await user.click(screen.getByRole('button', { name: 'Register DSC' }));

    const note = await screen.findByText('This DSC is already your registered DSC; nothing to do.');
    expect(note.closest('[role="status"]')).toHaveClass('alert--info');
    await expect.poll(() => document.activeElement).toBe(note.closest('[role="status"]'));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.queryByText('The DSC was not registered')).not.toBeInTheDocument();
  });

  it('when the BFF refuses the certificate file as a private key, drops that file and says why beside it, so Register sends the signature alone', async () => {
    server.use(http.post('/api/me/dsc', () => problemResponse(422, 'problem.dsc.privateKeyUploaded', { field: 'certificate' }), { once: true }));
    const { sent, user, summary } = await registerBothFiles();
    await expect.poll(() => document.activeElement).toBe(summary);
    const refusal = t('problem.dsc.privateKeyUploaded', { field: 'certificate' });
    expect(summary).toHaveTextContent(`Certificate file (.cer): ${refusal}`);
    const certificate = screen.getByLabelText<HTMLInputElement>(/^Certificate file/);
    expect(certificate.files).toHaveLength(0);
    expect(certificate).toHaveAttribute('aria-invalid', 'true');
    expect(certificate).toHaveAccessibleDescription(expect.stringContaining(refusal));
    expect(screen.queryByText(/^my-dsc\.cer/)).not.toBeInTheDocument();
    expect(screen.getByLabelText<HTMLInputElement>(/^Signature file/).files).toHaveLength(1);
    expect(screen.queryByText('The DSC was not registered')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Register DSC' }));

    expect(await screen.findByText('DSC registered')).toBeInTheDocument();
    expect(sent.map((parts) => parts.map((part) => part.name))).toEqual([
      ['challenge', 'signature', 'certificate'],
      ['challenge', 'signature'],
    ]);
  });

  it('when the BFF refuses the signature file as a .pfx bundle, drops it, so Register asks for a signature instead of sending the bundle again', async () => {
    server.use(http.post('/api/me/dsc', () => problemResponse(422, 'problem.dsc.pkcs12Uploaded', { field: 'signature' })));
    const { sent, user, summary } = await registerBothFiles();
    expect(summary).toHaveTextContent(`Signature file (.p7s): ${t('problem.dsc.pkcs12Uploaded', { field: 'signature' })}`);
    const signature = screen.getByLabelText<HTMLInputElement>(/^Signature file/);
    expect(signature.files).toHaveLength(0);
    expect(signature).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText<HTMLInputElement>(/^Certificate file/).files).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Register DSC' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(t('problem.dsc.signatureMissing'));
    expect(sent).toHaveLength(1);
  });

  it('shows each command unwrapped in a named box the keyboard can reach, with a Copy button; the demo one copies with its challenge', async () => {
    const { user } = await openDscPage();
    await getChallenge(user);
    const demo = `npm run demo-sign -- ${dscChallenge.challenge}`;

    const commands = screen.getAllByText((_text, element) => element?.matches('pre') ?? false);
    expect(commands).toHaveLength(5);
    for (const command of commands) {
      expect(command).toHaveAttribute('tabindex', '0');
      expect(command).toHaveAccessibleName(/^Command: /);
    }
    expect(screen.getByRole('group', { name: 'Command: Trying the console with demo data' })).toHaveTextContent(demo);
    expect(screen.getAllByRole('button', { name: /^Copy command: / })).toHaveLength(5);

    const writeText = vi.spyOn(navigator.clipboard, 'writeText');
    await user.click(screen.getByRole('button', { name: 'Copy command: Trying the console with demo data' }));

    expect(writeText.mock.calls).toEqual([[demo]]);
    expect(await screen.findByText('Command copied to the clipboard.')).toHaveAttribute('role', 'status');
    // The demo needs no certificate file: the folder with my-dsc.cer is said for one's own DSC only.
    expect(screen.getByText(t('dsc.sign.demo.intro'))).toHaveTextContent(/no certificate file is needed.*DATA_DIR/);
    expect(screen.getByText(t('dsc.sign.intro'))).not.toHaveTextContent(/my-dsc\.cer/);
  });

  it('names the policy OIDs, says a Class 3 DSC carries the Class 2 OID too, and breaks the fingerprint only after its colons', async () => {
    const nested = DscRecordSchema.parse({ ...activeDsc, classes: ['class-3', 'class-2'], policies: ['2.16.356.100.2.3', '2.16.356.100.2.2', '2.16.356.100.10.1', '1.3.6.1.4.1.99999.1'] });
    server.use(http.get('/api/me/dsc', () => HttpResponse.json(dscOverviewOf(activeOfficer, nested))));
    await openDscPage();
    const dsc = within(await screen.findByRole('region', { name: 'Your registered DSC' }));
    await dsc.findByText(activeDsc.serialNumber);

    expect(dsc.getByText('Class', { selector: 'dt' }).nextElementSibling).toHaveTextContent(/^Class 3 Class 3 DSCs also carry the Class 2 policy OID\.$/);
    const policies = dsc
      .getByText('Policy OIDs', { selector: 'dt' })
      .nextElementSibling?.querySelectorAll('li');
    expect([...(policies ?? [])].map((item) => item.textContent)).toEqual([
      '2.16.356.100.2.3 Class 3',
      '2.16.356.100.2.2 Class 2',
      '2.16.356.100.10.1 Document signer',
      '1.3.6.1.4.1.99999.1',
    ]);
    const fingerprint = dsc.getByText(activeDsc.fingerprintSha256);
    expect(fingerprint.textContent).toBe(activeDsc.fingerprintSha256);
    expect(fingerprint.querySelectorAll('wbr')).toHaveLength(31);
    for (const breakPoint of fingerprint.querySelectorAll('wbr')) expect(breakPoint.previousSibling?.textContent).toBe(':');
  });

  it('with no DSC ever registered, says so without an empty list of replaced DSCs, and offers the first registration', async () => {
    server.use(http.get('/api/me/dsc', () => HttpResponse.json(dscOverviewOf(deactivatedOfficer, null))));
    await openDscPage();
    const dsc = within(await screen.findByRole('region', { name: 'Your registered DSC' }));

    expect(await dsc.findByText(t('dsc.current.none'))).toBeInTheDocument();
    expect(dsc.queryByRole('heading', { name: 'Replaced DSCs' })).not.toBeInTheDocument();
    expect(dsc.queryByText('No earlier DSC.')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Register a DSC' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Get a challenge' })).toHaveClass('button--primary');
  });

  it('puts the replaced DSCs in a named region the keyboard can scroll at 375 px', async () => {
    await openDscPage();
    const table = await screen.findByRole('table', { name: 'DSCs replaced by a newer one, newest first: 1' });
    const region = screen.getByRole('region', { name: 'DSCs replaced by a newer one, newest first: 1' });

    expect(region).toContainElement(table);
    expect(region).toHaveAttribute('tabindex', '0');
  });
});
