import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { HealthSchema } from '@ecoo/shared/health/api';
import { formatInstant } from '../../../lib/i18n';
import { axeViolations } from '../../../testing/axe';
import { textOutsideCatalogue } from '../../../testing/catalogue-text';
import { activeDsc, dscChallenge, dscOverviewOf, registeredDsc, replacedDsc } from '../../../testing/handlers/dsc';
import { healthFixture } from '../../../testing/handlers/health';
import { activeOfficer } from '../../../testing/handlers/officers';
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

async function getChallenge(user: ReturnType<typeof renderApp>['user']) {
  await user.click(screen.getByRole('button', { name: 'Get a challenge' }));
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

const current = () => within(screen.getByRole('region', { name: 'Your registered DSC' }));

describe('Register Digital Signature Certificate', () => {
  it('shows the registered DSC with its expiry warning and the one it replaced; a challenge comes with copy, download and the commands; axe finds nothing', async () => {
    const { user, container } = await openDscPage();
    const dsc = within(await screen.findByRole('region', { name: 'Your registered DSC' }));
    await dsc.findByText(activeDsc.serialNumber);
    const details = within(dsc.getByText('Holder', { selector: 'dt' }).closest('dl') as HTMLElement);
    for (const text of [activeDsc.holderName, activeDsc.issuerName, 'Class 3', ...activeDsc.policies, activeDsc.serialNumber, activeDsc.fingerprintSha256, formatInstant(activeDsc.notBefore)])
      expect(details.getByText(text)).toBeInTheDocument();
    expect(details.getByText('Days left').nextElementSibling).toHaveTextContent(/^21$/);
    expect(dsc.getByText(`Expiring soon: this DSC expires in 21 days, on ${formatInstant(activeDsc.notAfter)}. A renewed DSC must be registered before then.`)).toBeInTheDocument();
    expect(dsc.queryByText('Demo certificate')).not.toBeInTheDocument();
    const history = within(dsc.getByRole('table', { name: 'DSCs replaced by a newer one, newest first: 1' }));
    expect(history.getByText(replacedDsc.serialNumber)).toBeInTheDocument();
    expect(history.queryByText(activeDsc.serialNumber)).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Register DSC' })).not.toBeInTheDocument();

    const box = await getChallenge(user);

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

  it('registers the DSC from the signature and certificate: says so with its expiry and details, clears the challenge and shows it as the registered one', async () => {
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
    expect(status).toHaveTextContent(`It is valid until ${formatInstant(registeredDsc.notAfter)}; the certificates of origin you sign from now on use it.`);
    expect(within(status).getByText(registeredDsc.serialNumber)).toBeInTheDocument();
    expect(within(status).getByText('Demo certificate')).toBeInTheDocument();
    expect(sent).toEqual([
      [
        { name: 'challenge', value: dscChallenge.challenge },
        { name: 'signature', file: { fileName: 'challenge.p7s', contentType: 'application/pkcs7-signature', size: 4 } },
        { name: 'certificate', file: { fileName: 'my-dsc.cer', contentType: 'application/pkix-cert', size: 5 } },
      ],
    ]);
    expect(screen.queryByRole('textbox', { name: 'Challenge to sign' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Register DSC' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Get a challenge' })).toBeInTheDocument();
    expect(await current().findByText(registeredDsc.serialNumber)).toBeInTheDocument();
    expect(current().queryByText(/^Expiring soon/)).not.toBeInTheDocument();
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
    expect(alert).toHaveTextContent('The signature is over other bytes than this challenge. Sign the exact challenge text (download it, without adding a line break), and upload the new signature.');
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
});
