import { randomUUID } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import { translate, type MessageParams } from '@ecoo/shared/i18n/translate';
import type { MessageKey } from '@ecoo/shared/i18n/en';
import type { Db } from '../db/connect.ts';
import { nowIso } from '../db/connect.ts';

type DbOrTrx = Pick<Db, 'insertInto'>;

export interface MailTemplate {
  subject: MessageKey;
  body: MessageKey;
}

const maxAttempts = 8;
const backoffMs = (attempt: number) => Math.min(60 * 60_000, 30_000 * 2 ** (attempt - 1));

/**
 * A transactional outbox: mail is written in the same transaction as the decision that causes it,
 * then delivered by SMTP after commit, with retries. An activation is never committed without its
 * email, and an SMTP outage delays mail rather than losing it. With no SMTP (development), mail is
 * kept for the /dev/outbox page.
 */
export class Mailer {
  private readonly transport: Transporter | null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly logger: Logger,
    options: { smtpUrl: string | null; from: string },
  ) {
    this.transport = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl, { from: options.from }) : null;
    this.messageIdDomain = /@([^>\s]+)>?\s*$/.exec(options.from)?.[1] ?? 'ecoo.localhost';
  }

  private readonly messageIdDomain: string;

  get isSmtp(): boolean {
    return this.transport !== null;
  }

  /** Queues a mail inside the caller's transaction; call deliverSoon() after it commits. */
  async queue(db: DbOrTrx, to: string, template: MailTemplate, params: MessageParams): Promise<void> {
    const now = nowIso();
    await db
      .insertInto('mails')
      .values({
        id: randomUUID(),
        to_address: to,
        subject: translate('en', template.subject, params),
        body_text: translate('en', template.body, params),
        status: this.transport ? 'pending' : 'kept',
        attempts: 0,
        next_attempt_at: now,
        last_error: null,
        created_at: now,
        sent_at: null,
      })
      .execute();
  }

  /** Starts the retry loop; mail queued before a restart goes out after it. */
  start(intervalMs = 15_000): void {
    if (!this.transport || this.timer) return;
    this.timer = setInterval(() => this.deliverSoon(), intervalMs);
    this.timer.unref();
    this.deliverSoon();
  }

  deliverSoon(): void {
    if (!this.transport) return;
    // A failed round (say, the database is busy) is logged and retried by the next tick, never left unhandled.
    this.running ??= this.deliverDue()
      .catch((err: unknown) => this.logger.error({ err }, 'mail delivery round failed'))
      .finally(() => (this.running = null));
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
    this.transport?.close();
  }

  private async deliverDue(): Promise<void> {
    const transport = this.transport;
    if (!transport) return;
    const due = await this.db
      .selectFrom('mails')
      .selectAll()
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', nowIso())
      .orderBy('created_at')
      .limit(20)
      .execute();
    for (const mail of due) {
      const attempts = mail.attempts + 1;
      try {
        // One Message-ID per mail row, whatever the attempt: if the process dies after the SMTP server
        // took the mail but before the row says sent, the mail goes again after the restart, as SMTP
        // gives no way to ask; the same Message-ID lets mail systems and readers see it is one mail.
        await transport.sendMail({ to: mail.to_address, subject: mail.subject, text: mail.body_text, messageId: `<${mail.id}@${this.messageIdDomain}>` });
      } catch (err) {
        const isFinal = attempts >= maxAttempts;
        await this.db
          .updateTable('mails')
          .set({
            status: isFinal ? 'failed' : 'pending',
            attempts,
            last_error: String((err as Error).message).slice(0, 500),
            next_attempt_at: new Date(Date.now() + backoffMs(attempts)).toISOString(),
          })
          .where('id', '=', mail.id)
          .execute();
        this.logger.warn({ mailId: mail.id, attempts, err }, isFinal ? 'mail failed for good' : 'mail delivery failed; will retry');
        continue;
      }
      // The body held a live single-use link; once delivered it has no business in the database.
      await this.db
        .updateTable('mails')
        .set({ status: 'sent', attempts, sent_at: nowIso(), last_error: null, body_text: '[delivered; body removed]' })
        .where('id', '=', mail.id)
        .execute();
      this.logger.info({ mailId: mail.id, attempts }, 'mail sent');
    }
  }
}
