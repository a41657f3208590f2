/**
 * A kill between the SMTP server accepting a mail and the row being marked sent (issue 13, fault 5):
 * the mail goes again after the restart, once the dead process's lease on it has run out (SMTP
 * cannot be asked what it took), but as the same mail,
 * with the same Message-ID, which mail systems and readers use to see it is one.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { connectSqlite } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { SmtpInbox } from '../testing/smtp-inbox.ts';
import { freePort } from '../testing/console-process.ts';
import { testDatabaseKind } from '../testing/test-database.ts';
import { Mailer } from './mailer.ts';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const children: ChildProcess[] = [];
let inbox: SmtpInbox | undefined;

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await inbox?.stop();
});

/** The console as `npm start` runs it (without the SPA build), in its own process. */
async function startConsole(dataDir: string, smtpUrl: string): Promise<{ child: ChildProcess; port: number }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'bff/src/main.ts'], {
    cwd: repoRoot,
    stdio: 'ignore',
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, SMTP_URL: smtpUrl, DEMO_DATA: 'false', NODE_ENV: 'test', LOG_LEVEL: 'silent', JOB_LEASE_SECONDS: '5' },
  });
  children.push(child);
  return { child, port };
}

/**
 * Until the console answers: starting it (tsx compiling the BFF) took over 25 s on a loaded 2-core
 * machine, so the time its jobs are given is counted from here, not from the spawn.
 */
async function whenListening(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const answered = await fetch(`http://127.0.0.1:${port}/api/health`).then((response) => response.ok, () => false);
    if (answered) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the console on port ${port} did not answer within ${timeoutMs} ms`);
}

// The mailer is the same on both databases; this runs it once, on the SQLite file.
describe.skipIf(testDatabaseKind === 'postgres')('mail and a kill mid-delivery', () => {
  it('delivers again after the restart, with the same Message-ID', async () => {
    let sender: ChildProcess | undefined;
    inbox = await SmtpInbox.start(0, {
      // The server holds the mail; the sender dies before it can mark the row sent.
      onReceived: () => {
        if (inbox!.mails.length === 1) sender?.kill('SIGKILL');
      },
    });
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecoo-mail-kill-'));
    const db = connectSqlite(path.join(dataDir, 'ecoo.sqlite'));
    await migrateToLatest(db);
    await new Mailer(db, pino({ level: 'silent' }), { smtpUrl: inbox.url, from: 'eCoO Agency Console <no-reply@ecoo.localhost>' }).queue(
      db,
      'asha.verma@dgft.gov.in',
      { subject: 'mail.reset.subject', body: 'mail.reset.body' },
      { name: 'Asha Verma', link: 'http://localhost/set-password#token=x' },
    );
    const { id } = await db.selectFrom('mails').select('id').executeTakeFirstOrThrow();
    await db.destroy();

    sender = (await startConsole(dataDir, inbox.url)).child;
    await inbox.waitFor('asha.verma@dgft.gov.in', /new password/, 90_000);
    await new Promise<void>((resolve) => (sender!.exitCode !== null || sender!.signalCode ? resolve() : sender!.once('exit', () => resolve())));
    expect(sender.signalCode).toBe('SIGKILL');

    const restarted = await startConsole(dataDir, inbox.url);
    await whenListening(restarted.port, 90_000);
    // The dead sender's lease (JOB_LEASE_SECONDS=5) runs out, then the next look at the queue takes the mail.
    const deadline = Date.now() + 30_000;
    while (inbox.mails.length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(inbox.mails).toHaveLength(2);
    const [first, second] = inbox.mails;
    // The console's MAIL_FROM domain (the default, ecoo.localhost) names the Message-ID.
    expect(first!.messageId).toBe(`<${id}@ecoo.localhost>`);
    expect(second!.messageId).toBe(first!.messageId);
  }, 240_000);
});
