import type { Db } from '../db/connect.ts';
import { nowIso } from '../db/connect.ts';
import { enqueueJob } from '../jobs/index.ts';

/** A pending mail and its delivery job (`mail:<id>`), as Mailer.queue writes them, with an id the test chooses. */
export async function pendingMailJob(db: Db, id: string, maxAttempts = 8): Promise<void> {
  const now = nowIso();
  await db
    .insertInto('mails')
    .values({ id, to_address: 'meera.nair@agency.gov.in', subject: 'Your account is active', body_text: 'hello', status: 'pending', attempts: 0, next_attempt_at: now, last_error: null, created_at: now, sent_at: null })
    .execute();
  await enqueueJob(db, { kind: 'mail', subjectId: id, maxAttempts });
}

export const jobRow = (db: Db, id: string) => db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
