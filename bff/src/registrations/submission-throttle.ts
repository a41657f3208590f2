import type { Db } from '../db/connect.ts';
import { AppError } from '../http/problem.ts';

/**
 * The Register form is public and each submission mails someone (DGFT's queue, the agency's
 * administrators). An office behind one address may register a whole team in an hour; more than
 * that from one address is a flood. Every attempt is recorded before it is counted, so parallel
 * submissions cannot all slip under the limit.
 */
const windowMs = 60 * 60_000;

export async function throttleRegistration(db: Db, address: string, perHour: number, now = Date.now()): Promise<void> {
  const since = new Date(now - windowMs).toISOString();
  await db.insertInto('registration_attempts').values({ address, at: new Date(now).toISOString() }).execute();
  const row = await db
    .selectFrom('registration_attempts')
    .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.min('at').as('oldest')])
    .where('address', '=', address)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  if (Number(row.count) <= perHour) return;
  const seconds = Math.max(1, Math.ceil((Date.parse(row.oldest ?? since) + windowMs - now) / 1000));
  throw new AppError(429, 'problem.registrationThrottled', { minutes: Math.ceil(seconds / 60) }, undefined, { 'Retry-After': String(seconds) });
}

/** Attempts older than the window count for nothing; the session sweep removes them. */
export const deleteOldRegistrationAttempts = (db: Db, now = Date.now()) =>
  db.deleteFrom('registration_attempts').where('at', '<', new Date(now - windowMs).toISOString()).execute();
