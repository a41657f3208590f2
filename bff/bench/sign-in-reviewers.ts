import { randomUUID } from 'node:crypto';
import type { Db } from '../src/db/connect.ts';
import { nowIso } from '../src/db/connect.ts';
import { hashPassword, insertUser } from '../src/accounts/index.ts';
import { demoAccounts } from '../src/demo/index.ts';

/**
 * Reviewers that the sign-in run signs in by turns. The sign-in throttle counts a try before its
 * password is checked, so more than five tries of one account from one address at once are refused
 * as guessing (429); twenty connections signing in one account would measure the refusal. Forty
 * accounts keep each one's tries in flight at one or two, as twenty people signing in at once would.
 */
export const signInReviewers = Array.from({ length: 40 }, (_, index) => ({
  email: `bench.reviewer.${index + 1}@dgft.gov.in`,
  password: demoAccounts.reviewer.password,
}));

/** Adds the reviewers above; one hash serves them all, since they share a password. */
export async function addSignInReviewers(db: Db): Promise<void> {
  const passwordHash = await hashPassword(demoAccounts.reviewer.password);
  const at = nowIso();
  for (const [index, { email }] of signInReviewers.entries()) {
    await insertUser(db, { id: randomUUID(), email, name: `Bench Reviewer ${index + 1}`, mobile: null, role: 'dgft-reviewer', agency_id: null, status: 'active', password_hash: passwordHash, created_at: at, updated_at: at });
  }
}
