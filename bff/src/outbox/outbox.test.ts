import { afterAll, describe, expect, it } from 'vitest';
import { OutboxSchema } from '@ecoo/shared/outbox/api';
import { addUser, startTestApp } from '../testing/test-app.ts';
import { SmtpInbox } from '../testing/smtp-inbox.ts';

const started: Array<{ stop(): Promise<void> }> = [];
afterAll(async () => {
  for (const thing of started.reverse()) await thing.stop();
});
const track = <T extends { stop(): Promise<void> }>(thing: T): T => (started.push(thing), thing);

describe('GET /api/dev/outbox', () => {
  it('with no SMTP server outside production, keeps mail and shows it, newest first', async () => {
    const app = track(await startTestApp());
    const user = await addUser(app.db, 'agency-admin');
    expect((await app.client().post('/api/password-reset-requests', { email: user.email })).status).toBe(202);
    // The link is issued off the request path (issue 13, fault 3), a moment after the answer.
    const readOutbox = async () => OutboxSchema.parse(await (await fetch(`${app.baseUrl}/api/dev/outbox`)).json());
    await expect.poll(async () => (await readOutbox()).mails.length).toBeGreaterThan(0);
    const outbox = await readOutbox();
    expect(outbox.mails[0]).toMatchObject({ to: user.email, subject: 'Set a new password for the eCoO 2.0 Agency Console' });
    expect(outbox.mails[0]?.text).toContain(`${app.baseUrl}/set-password#token=`);
  });

  it('when SMTP is configured, answers 404: the outbox is off', async () => {
    const inbox = track(await SmtpInbox.start());
    const app = track(await startTestApp({ smtpUrl: inbox.url }));
    const response = await fetch(`${app.baseUrl}/api/dev/outbox`);
    expect(response.status).toBe(404);
  });
});

describe('mail delivery', () => {
  it('mail accepted while the SMTP server is down is delivered after the console restarts', async () => {
    const probe = await SmtpInbox.start();
    const smtpUrl = probe.url;
    await probe.stop();

    const first = await startTestApp({ smtpUrl });
    const user = await addUser(first.db, 'agency-admin');
    expect((await first.client().post('/api/password-reset-requests', { email: user.email })).status).toBe(202);
    await expect.poll(async () => (await first.db.selectFrom('mails').select(['attempts', 'status']).executeTakeFirst())?.attempts, { timeout: 5000 }).toBeGreaterThan(0);
    const pending = await first.db.selectFrom('mails').selectAll().executeTakeFirstOrThrow();
    expect(pending.status).toBe('pending');
    expect(pending.last_error).toBeTruthy();
    await first.stop();

    const inbox = track(await SmtpInbox.start(Number(new URL(smtpUrl).port)));
    const second = track(await startTestApp({ smtpUrl, dataDir: first.dataDir }));
    // Stand in for the back-off delay passing while the console was down.
    await second.db.updateTable('jobs').set({ run_after: '2000-01-01T00:00:00.000Z' }).where('kind', '=', 'mail').execute();
    const mail = await inbox.waitFor(user.email, /new password/);
    expect(mail.text).toContain('/set-password#token=');
    await expect.poll(async () => (await second.db.selectFrom('mails').select('status').executeTakeFirstOrThrow()).status).toBe('sent');
    // The delivered body held a live single-use link: it is not kept.
    expect((await second.db.selectFrom('mails').select('body_text').executeTakeFirstOrThrow()).body_text).not.toContain('set-password');
  });
});
