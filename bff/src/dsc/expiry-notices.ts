import type { Logger } from 'pino';
import type { Db } from '../db/connect.ts';
import type { Mailer } from '../mail/mailer.ts';
import { daysLeft } from './repository.ts';

const hourMs = 3_600_000;
const dayMs = 86_400_000;

/**
 * Mails each officer whose active DSC expires within 30 days, and again within 7. Each notice is
 * claimed by a conditional update in the same transaction as its mail, so a restart, a second
 * round or a second instance never sends one twice, and a crash never marks one sent unsent.
 */
export class DscExpiryNotices {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Db,
    private readonly mailer: Mailer,
    private readonly logger: Logger,
    private readonly publicUrl: string,
  ) {}

  start(intervalMs = hourMs): void {
    if (this.timer) return;
    const round = () => void this.sendDue(new Date()).catch((err: unknown) => this.logger.error({ err }, 'DSC expiry notices round failed'));
    this.timer = setInterval(round, intervalMs);
    this.timer.unref();
    round();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Sends the notices due at `now`; answers how many were sent. */
  async sendDue(now: Date): Promise<number> {
    const nowIso = now.toISOString();
    const due = await this.db
      .selectFrom('officer_dscs')
      .innerJoin('users', 'users.id', 'officer_dscs.user_id')
      .select(['officer_dscs.id', 'officer_dscs.not_after', 'officer_dscs.warned_30_days_at', 'officer_dscs.warned_7_days_at', 'officer_dscs.holder_name', 'users.email', 'users.name'])
      .where('officer_dscs.replaced_at', 'is', null)
      .where('users.status', '=', 'active')
      .where('officer_dscs.not_after', '>', nowIso)
      .where('officer_dscs.not_after', '<=', new Date(now.getTime() + 30 * dayMs).toISOString())
      .where((eb) => eb.or([eb('officer_dscs.warned_30_days_at', 'is', null), eb('officer_dscs.warned_7_days_at', 'is', null)]))
      .execute();
    let sent = 0;
    for (const dsc of due) {
      const within7 = Date.parse(dsc.not_after) - now.getTime() <= 7 * dayMs;
      if (!within7 && dsc.warned_30_days_at) continue;
      const column = within7 ? 'warned_7_days_at' : 'warned_30_days_at';
      const claimed = await this.db.transaction().execute(async (trx) => {
        // A DSC first seen inside 7 days gets the 7-day notice only: both are marked.
        const result = await trx
          .updateTable('officer_dscs')
          .set(within7 ? { warned_7_days_at: nowIso, warned_30_days_at: dsc.warned_30_days_at ?? nowIso } : { warned_30_days_at: nowIso })
          .where('id', '=', dsc.id)
          .where(column, 'is', null)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) !== 1) return false;
        await this.mailer.queue(trx, dsc.email, { subject: 'mail.dscExpiry.subject', body: 'mail.dscExpiry.body' }, {
          name: dsc.name,
          holder: dsc.holder_name,
          days: daysLeft(dsc.not_after, now),
          date: dsc.not_after.slice(0, 10),
          link: `${this.publicUrl}/dashboard/dsc`,
        });
        return true;
      });
      if (claimed) sent++;
    }
    if (sent > 0) this.mailer.deliverSoon();
    return sent;
  }
}
