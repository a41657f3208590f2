import { createHash, randomBytes } from 'node:crypto';
import { DSC_CHALLENGE_PREFIX, type DscChallenge } from '@ecoo/shared/dsc/schemas';
import type { Actor } from '../accounts/index.ts';
import type { Db } from '../db/connect.ts';
import { transactionInTurns } from '../db/portable.ts';
import { AppError } from '../http/problem.ts';
import { dscRefusal } from './verification/refusal.ts';

const validityMs = 10 * 60_000;
const perHour = 30;

const sha256 = (text: string) => createHash('sha256').update(text, 'ascii').digest('hex');

/** 256 random bits, bound to the officer's session, single use, valid 10 minutes. */
export async function issueChallenge(db: Db, actor: Actor, now: Date): Promise<DscChallenge> {
  const hourAgo = new Date(now.getTime() - 3_600_000).toISOString();
  const challenge = DSC_CHALLENGE_PREFIX + randomBytes(32).toString('base64url');
  const issuedAt = now.toISOString();
  const expiresAt = new Date(now.getTime() + validityMs).toISOString();
  // Counted and inserted in one turn per officer: counted outside, simultaneous requests all saw
  // room under the bound and all inserted.
  await transactionInTurns(db, `dsc-challenges:${actor.id}`, async (trx) => {
    const recent = await trx.selectFrom('dsc_challenges').select((eb) => eb.fn.countAll<number>().as('count')).where('user_id', '=', actor.id).where('issued_at', '>', hourAgo).executeTakeFirstOrThrow();
    if (Number(recent.count) >= perHour) throw new AppError(429, 'problem.dsc.tooManyChallenges', { count: Number(recent.count) });
    // Challenges older than a day prove nothing any more; the table stays small.
    await trx.deleteFrom('dsc_challenges').where('expires_at', '<', new Date(now.getTime() - 86_400_000).toISOString()).execute();
    await trx.insertInto('dsc_challenges').values({ challenge_sha256: sha256(challenge), user_id: actor.id, session_id_hash: actor.sessionIdHash, issued_at: issuedAt, expires_at: expiresAt, used_at: null }).execute();
  });
  return { challenge, issuedAt, expiresAt };
}

/** Refuses a challenge this session may not spend: unknown, another sign-in's, used, or expired. */
export async function assertChallengeOpen(db: Pick<Db, 'selectFrom'>, actor: Actor, challenge: string, now: Date): Promise<void> {
  const row = await db.selectFrom('dsc_challenges').selectAll().where('challenge_sha256', '=', sha256(challenge)).executeTakeFirst();
  if (!row) throw dscRefusal('challengeUnknown');
  if (row.user_id !== actor.id || row.session_id_hash !== actor.sessionIdHash) throw dscRefusal('challengeNotYours');
  if (row.used_at) throw dscRefusal('challengeUsed');
  if (row.expires_at < now.toISOString()) throw dscRefusal('challengeExpired', { expiredAt: row.expires_at.slice(11, 16) + ' UTC' });
}

/** Marks the challenge used inside the registering transaction; of two racing uploads one wins. */
export async function spendChallenge(trx: Pick<Db, 'updateTable'>, actor: Actor, challenge: string, now: Date): Promise<void> {
  const result = await trx
    .updateTable('dsc_challenges')
    .set({ used_at: now.toISOString() })
    .where('challenge_sha256', '=', sha256(challenge))
    .where('user_id', '=', actor.id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw dscRefusal('challengeUsed');
}
