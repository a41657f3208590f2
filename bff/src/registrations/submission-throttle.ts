import type { RequestHandler } from 'express';
import type { Db } from '../db/connect.ts';
import { transactionInTurns } from '../db/portable.ts';
import { AppError } from '../http/problem.ts';

/**
 * The Register form is public and each submission mails someone (DGFT's queue, the agency's
 * administrators) and may store a 5 MB letter. An office behind one address may register a whole
 * team in an hour; more than that from one address is a flood. And whatever the addresses, the
 * console takes at most `perHour` submissions an hour in all (issue 13, fault 1: 20 letters of
 * 4.5 MB were taken in 1.1 s), so the reviewer's queue and the disk grow by a known bound; a flood
 * from many addresses can use up that hour's share, which is the price of the bound. Every attempt
 * is recorded and counted in turns, so parallel submissions cannot all slip under a limit (nor refuse
 * each other: each counts only those that took their turn before it); only the
 * attempts the overall limit let through count for it, so a flood refused at its own address does
 * not use up everyone's share.
 */
const windowMs = 60 * 60_000;

export interface RegistrationLimits {
  perAddressPerHour: number;
  perHour: number;
  /** Letter uploads buffered in memory at once. */
  uploadsAtOnce: number;
}

const throttled = (code: 'problem.registrationThrottled' | 'problem.registrationsBusy', oldest: string | null, since: string, now: number) => {
  const seconds = Math.max(1, Math.ceil((Date.parse(oldest ?? since) + windowMs - now) / 1000));
  return new AppError(429, code, { minutes: Math.ceil(seconds / 60) }, undefined, { 'Retry-After': String(seconds) });
};

export async function throttleRegistration(db: Db, address: string, limits: Pick<RegistrationLimits, 'perAddressPerHour' | 'perHour'>, now = Date.now()): Promise<void> {
  const since = new Date(now - windowMs).toISOString();
  // In turns on one key, so each attempt counts exactly those before it. Counting only lower ids
  // was not enough: on PostgreSQL ids come from a sequence in call order but rows become visible at
  // commit, so two parallel attempts could each count only itself (stop 29's CI took two of eight
  // with a limit of one). The refusal is thrown after the commit, so a refused attempt stays
  // recorded and keeps counting against its address.
  const refusal = await transactionInTurns(db, 'registration-attempts', async (trx) => {
    const { id } = await trx.insertInto('registration_attempts').values({ address, at: new Date(now).toISOString() }).returning('id').executeTakeFirstOrThrow();
    const row = await trx
      .selectFrom('registration_attempts')
      .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.min('at').as('oldest')])
      .where('address', '=', address)
      .where('at', '>', since)
      .executeTakeFirstOrThrow();
    if (Number(row.count) > limits.perAddressPerHour) return throttled('problem.registrationThrottled', row.oldest, since, now);
    const admitted = await trx
      .selectFrom('registration_attempts')
      .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.min('at').as('oldest')])
      .where('is_admitted', '=', 1)
      .where('at', '>', since)
      .executeTakeFirstOrThrow();
    if (Number(admitted.count) >= limits.perHour) return throttled('problem.registrationsBusy', admitted.oldest, since, now);
    await trx.updateTable('registration_attempts').set({ is_admitted: 1 }).where('id', '=', id).execute();
    return null;
  });
  if (refusal) throw refusal;
}

/**
 * Runs before the upload is read: a throttled submission is refused before its letter is buffered,
 * and at most `uploadsAtOnce` letters (5 MB each) are held in memory at once; another meanwhile is
 * answered 503 with Retry-After at once, its body unread, rather than queued in memory.
 */
export function registrationGate(db: Db, limits: RegistrationLimits): RequestHandler {
  let uploading = 0;
  return (req, res, next) => {
    throttleRegistration(db, req.ip ?? 'unknown', limits).then(
      () => {
        if (uploading >= limits.uploadsAtOnce) return next(new AppError(503, 'problem.uploadsBusy', {}, undefined, { 'Retry-After': '5' }));
        uploading += 1;
        res.once('close', () => (uploading -= 1));
        next();
      },
      (err: unknown) => next(err),
    );
  };
}

/** Attempts older than the window count for nothing; the session sweep removes them. */
export const deleteOldRegistrationAttempts = (db: Db, now = Date.now()) =>
  db.deleteFrom('registration_attempts').where('at', '<', new Date(now - windowMs).toISOString()).execute();
