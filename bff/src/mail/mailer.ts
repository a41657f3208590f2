import { randomUUID } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import { registerCatalogue, translate, type Locale, type MessageParams } from '@ecoo/shared/i18n/translate';
import { hi } from '@ecoo/shared/i18n/hi';
import type { MessageKey } from '@ecoo/shared/i18n/en';
import type { Kysely } from 'kysely';
import type { Db } from '../db/connect.ts';
import { nowIso } from '../db/connect.ts';
import type { Database } from '../db/schema.ts';
import { enqueueJob, type ClaimedJob, type JobHandler, type JobResult } from '../jobs/index.ts';

type DbOrTrx = Kysely<Database>;

export interface MailTemplate {
  subject: MessageKey;
  body: MessageKey;
}

// Mail is written in the recipient's language, so the BFF holds every catalogue (the SPA only the one shown).
registerCatalogue('hi', hi);

const maxAttempts = 8;
const backoffMs = (attempt: number) => Math.min(60 * 60_000, 30_000 * 2 ** (attempt - 1));

/**
 * A transactional outbox: mail is written in the same transaction as the decision that causes it,
 * with a job that delivers it by SMTP after commit, retried with backoff. An activation is never
 * committed without its email, and an SMTP outage delays mail rather than losing it. Whichever
 * process (BFF instance or worker) claims the job sends the mail; with no SMTP (development), mail
 * is kept for the /dev/outbox page.
 */
export class Mailer {
  private readonly transport: Transporter | null;
  private readonly messageIdDomain: string;
  /** Set by whoever runs the jobs in this process, so mail queued here goes out without waiting for a poll. */
  wakeDelivery: () => void = () => undefined;

  constructor(
    private readonly db: Db,
    private readonly logger: Logger,
    options: { smtpUrl: string | null; from: string },
  ) {
    this.transport = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl, { from: options.from }) : null;
    this.messageIdDomain = /@([^>\s]+)>?\s*$/.exec(options.from)?.[1] ?? 'ecoo.localhost';
  }

  get isSmtp(): boolean {
    return this.transport !== null;
  }

  /**
   * Queues a mail inside the caller's transaction, in the recipient's language: `locale` when the
   * caller knows it (an applicant with no account yet), else the one kept with their account;
   * call deliverSoon() after it commits.
   */
  async queue(db: Pick<DbOrTrx, 'insertInto' | 'selectFrom' | 'getExecutor'>, to: string, template: MailTemplate, params: MessageParams, locale?: Locale): Promise<void> {
    const now = nowIso();
    const id = randomUUID();
    const recipient = locale ? undefined : await db.selectFrom('users').select('locale').where('email', '=', to).executeTakeFirst();
    const language: Locale = locale ?? recipient?.locale ?? 'en';
    await db
      .insertInto('mails')
      .values({
        id,
        to_address: to,
        subject: translate(language, template.subject, params),
        body_text: translate(language, template.body, params),
        status: this.transport ? 'pending' : 'kept',
        attempts: 0,
        next_attempt_at: now,
        last_error: null,
        created_at: now,
        sent_at: null,
        template: template.subject,
      })
      .execute();
    if (this.transport) await enqueueJob(db, { kind: 'mail', subjectId: id, maxAttempts });
  }

  /** Mails of `template` queued for `to` since `since`: limits per recipient count with it. */
  async countSent(db: Pick<DbOrTrx, 'selectFrom'>, to: string, template: MailTemplate, since: string): Promise<number> {
    const row = await db
      .selectFrom('mails')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('to_address', '=', to)
      .where('template', '=', template.subject)
      .where('created_at', '>', since)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  deliverSoon(): void {
    if (this.transport) this.wakeDelivery();
  }

  /** Mail delivery as a kind of job; none without SMTP, where mail is only kept. */
  jobHandler(): JobHandler {
    return {
      kind: 'mail',
      concurrency: this.transport ? 2 : 0,
      backoffMs,
      run: (job) => this.deliver(job),
      onRetry: async (trx, job, error) => {
        await trx.updateTable('mails').set({ attempts: job.attempts, last_error: error, next_attempt_at: new Date(Date.now() + backoffMs(job.attempts)).toISOString() }).where('id', '=', job.subjectId).execute();
      },
      onGiveUp: async (trx, job, error) => {
        await trx.updateTable('mails').set({ status: 'failed', attempts: job.attempts, last_error: error }).where('id', '=', job.subjectId).where('status', '=', 'pending').execute();
      },
    };
  }

  private async deliver(job: ClaimedJob): Promise<JobResult> {
    const transport = this.transport;
    const mail = await this.db.selectFrom('mails').selectAll().where('id', '=', job.subjectId).executeTakeFirst();
    if (!transport || mail?.status !== 'pending') return { outcome: 'done' };
    try {
      // One Message-ID per mail row, whatever the attempt: if the holder dies after the SMTP server
      // took the mail but before the job is settled, the job is taken over and the mail goes again,
      // as SMTP gives no way to ask; the same Message-ID lets mail systems and readers see it is one mail.
      await transport.sendMail({ to: mail.to_address, subject: mail.subject, text: mail.body_text, messageId: `<${mail.id}@${this.messageIdDomain}>` });
    } catch (err) {
      this.logger.warn({ mailId: mail.id, attempts: job.attempts, err }, 'mail delivery failed');
      return { outcome: 'retry', error: String((err as Error).message) };
    }
    this.logger.info({ mailId: mail.id, attempts: job.attempts }, 'mail sent');
    return {
      outcome: 'done',
      // The body held a live single-use link; once delivered it has no business in the database.
      effect: async (trx) => {
        await trx.updateTable('mails').set({ status: 'sent', attempts: job.attempts, sent_at: nowIso(), last_error: null, body_text: '[delivered; body removed]' }).where('id', '=', mail.id).execute();
      },
    };
  }

  close(): void {
    this.transport?.close();
  }
}
