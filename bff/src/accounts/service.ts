import { randomUUID } from 'node:crypto';
import type { SessionUser } from '@ecoo/shared/accounts/schemas';
import type { RegistrationReceipt } from '@ecoo/shared/registrations/schemas';
import type { Db } from '../db/connect.ts';
import { nowIso } from '../db/connect.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { TokenPurpose } from '../db/schema.ts';
import { AppError } from '../http/problem.ts';
import { recordAudit } from '../audit/record.ts';
import type { Actor } from './actor.ts';
import { decoyPasswordHash, hashPassword, verifyPassword } from './passwords.ts';
import { hashToken, newSecretToken } from './secret-tokens.ts';
import * as repo from './repository.ts';

export const sessionPolicy = {
  /** Signed out after 30 idle minutes, and after 12 hours whatever happens. */
  idleMs: 30 * 60_000,
  absoluteMs: 12 * 60 * 60_000,
  /** last_seen_at is written at most once a minute, not on every request. */
  touchEveryMs: 60_000,
};

export const throttlePolicy = { windowMs: 15 * 60_000, perAccount: 5, perAddress: 30 };

export const passwordLinkValidityMs = 24 * 60 * 60_000;

/**
 * "Forgot your password?" is public and sends mail. One account gets at most 3 links an hour
 * (beyond, the same neutral answer and no mail: the form must not tell that the limit, and so the
 * account, exists); one client address may ask 20 times an hour, for any addresses (429 beyond:
 * that tells nothing about any account).
 */
export const resetPolicy = { windowMs: 60 * 60_000, mailsPerAccount: 3, perAddress: 20 };

export interface AccountsDeps {
  db: Db;
  mailer: Mailer;
  publicUrl: string;
}

export const toSessionUser = (actor: Actor): SessionUser => ({
  id: actor.id,
  name: actor.name,
  email: actor.email,
  role: actor.role,
  agency: actor.agencyId && actor.agencyName ? { id: actor.agencyId, name: actor.agencyName } : null,
});

export async function findActor(deps: AccountsDeps, sessionToken: string): Promise<Actor | undefined> {
  const now = new Date();
  const idHash = hashToken(sessionToken);
  const found = await repo.findActorBySession(deps.db, idHash, now.toISOString());
  if (!found) return undefined;
  const idleFor = now.getTime() - Date.parse(found.lastSeenAt);
  if (idleFor > sessionPolicy.idleMs) {
    await repo.deleteSession(deps.db, idHash);
    return undefined;
  }
  if (idleFor > sessionPolicy.touchEveryMs) await repo.touchSession(deps.db, idHash, now.toISOString());
  const { lastSeenAt: _, ...actor } = found;
  return actor;
}

/**
 * Every attempt is recorded before anything is checked, and the counts include it: parallel
 * guesses cannot all slip under the limit between a count and an insert. A locked account costs no
 * hashing. A success clears the account's attempts.
 */
export async function signIn(deps: AccountsDeps, email: string, password: string, address: string): Promise<{ sessionToken: string; userId: string }> {
  const now = Date.now();
  const at = new Date(now).toISOString();
  const since = new Date(now - throttlePolicy.windowMs).toISOString();
  await repo.insertSignInFailure(deps.db, { email, address, at });
  const [byAccount, byAddress] = await Promise.all([
    repo.countSignInFailures(deps.db, 'email', email, since),
    repo.countSignInFailures(deps.db, 'address', address, since),
  ]);
  const blocking = [
    byAccount.count > throttlePolicy.perAccount ? byAccount.oldest : null,
    byAddress.count > throttlePolicy.perAddress ? byAddress.oldest : null,
  ].filter((oldest): oldest is string => oldest !== null);
  if (blocking.length > 0) {
    const until = Math.max(...blocking.map((oldest) => Date.parse(oldest) + throttlePolicy.windowMs));
    const seconds = Math.max(1, Math.ceil((until - now) / 1000));
    throw new AppError(429, 'problem.signInThrottled', { minutes: Math.ceil(seconds / 60) }, undefined, { 'Retry-After': String(seconds) });
  }

  const user = await repo.findUserByEmail(deps.db, email);
  // An officer's request is not an account yet: say what they wait for (the Register form tells as much).
  if (user?.status === 'pending') throw new AppError(403, 'problem.accountPending');
  const usable = user && user.status === 'active' && user.password_hash ? user : undefined;
  const isMatch = await verifyPassword(usable?.password_hash ?? (await decoyPasswordHash()), password);
  // Don't tell whether the email or the password was wrong: that would list accounts.
  if (!usable || !isMatch) throw new AppError(401, 'problem.signInFailed');

  const { token, idHash } = newSecretToken();
  await deps.db.transaction().execute(async (trx) => {
    // Hashing took a while: an account deactivated meanwhile gets no session (this check and the
    // insert are one transaction, so a deactivation cannot fall between them).
    if ((await repo.findUserById(trx, usable.id))?.status !== 'active') throw new AppError(401, 'problem.signInFailed');
    await repo.insertSession(trx, {
      id_hash: idHash,
      user_id: usable.id,
      created_at: at,
      last_seen_at: at,
      expires_at: new Date(now + sessionPolicy.absoluteMs).toISOString(),
    });
    await repo.clearSignInFailures(trx, email);
  });
  return { sessionToken: token, userId: usable.id };
}

export const signOut = (deps: AccountsDeps, sessionToken: string) => repo.deleteSession(deps.db, hashToken(sessionToken));

export const setPasswordLink = (publicUrl: string, token: string) => `${publicUrl}/set-password#token=${token}`;

/** The tokens that may set a password; a confirm-email token never does. */
const passwordPurposes = ['activation', 'reset', 'first-reviewer'] as const;

/** A single-use set-password link valid 24 hours; older unused links of the same user stop working. */
export async function issuePasswordToken(
  db: Parameters<typeof repo.insertPasswordToken>[0],
  publicUrl: string,
  userId: string,
  purpose: (typeof passwordPurposes)[number],
): Promise<string> {
  return setPasswordLink(publicUrl, await issueToken(db, userId, purpose));
}

/** A single-use token valid 24 hours, of one purpose; older unused tokens of the same user stop working. */
export async function issueToken(db: Parameters<typeof repo.insertPasswordToken>[0], userId: string, purpose: TokenPurpose): Promise<string> {
  const { token, idHash } = newSecretToken();
  const now = new Date();
  await repo.voidPasswordTokens(db, userId, now.toISOString());
  await repo.insertPasswordToken(db, {
    id_hash: idHash,
    user_id: userId,
    purpose,
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + passwordLinkValidityMs).toISOString(),
  });
  return token;
}

/** Spends a token of `purpose` once; answers whose it was, or undefined when it is unknown, used, expired or of another purpose. */
export const spendToken = (db: Parameters<typeof repo.spendPasswordToken>[0], token: string, purpose: TokenPurpose) =>
  repo.spendPasswordToken(db, hashToken(token), nowIso(), [purpose]);

/**
 * Answers alike whether or not the account exists, so the form cannot be used to find accounts:
 * the request path does the same work for every address (one insert), and whether a link is sent
 * is decided off the request path, where its cost (a token, a mail row) tells nobody anything.
 */
export async function requestPasswordReset(deps: AccountsDeps, email: string, address: string, now = Date.now()): Promise<void> {
  // Recorded as taken (so no run mails it) before it is counted: parallel requests cannot all slip
  // under the limit. Within the limit it is released to be processed.
  const id = await repo.insertPasswordResetRequest(deps.db, { email, address, at: new Date(now).toISOString(), processed_at: new Date(now).toISOString() });
  const since = new Date(now - resetPolicy.windowMs).toISOString();
  const byAddress = await repo.countPasswordResetRequests(deps.db, address, since);
  if (byAddress.count > resetPolicy.perAddress) {
    const seconds = Math.max(1, Math.ceil((Date.parse(byAddress.oldest ?? since) + resetPolicy.windowMs - now) / 1000));
    throw new AppError(429, 'problem.resetThrottled', { minutes: Math.ceil(seconds / 60) }, undefined, { 'Retry-After': String(seconds) });
  }
  await repo.releasePasswordResetRequest(deps.db, id);
  schedulePasswordResetRequests(deps);
}

const scheduledResets = new WeakMap<Db, NodeJS.Timeout>();

/**
 * Not on the heels of the request either: work done just after an answer would slow the caller's
 * next request, which tells as much. A missed run (a crash) is caught by the background loop.
 */
function schedulePasswordResetRequests(deps: AccountsDeps): void {
  if (scheduledResets.has(deps.db)) return;
  const timer = setTimeout(() => {
    scheduledResets.delete(deps.db);
    // A failure leaves the requests unprocessed, for the background loop to take again.
    processPasswordResetRequests(deps).catch(() => undefined);
  }, 200);
  timer.unref();
  scheduledResets.set(deps.db, timer);
}

/**
 * Issues and mails the links of the requests not yet processed; each request is taken by one
 * conditional update, so two instances (or two runs) never mail it twice.
 */
export async function processPasswordResetRequests(deps: AccountsDeps): Promise<number> {
  let mailed = 0;
  for (const request of await repo.unprocessedPasswordResetRequests(deps.db, 100)) {
    await deps.db.transaction().execute(async (trx) => {
      if (!(await repo.takePasswordResetRequest(trx, request.id, nowIso()))) return;
      const user = await repo.findUserByEmail(trx, request.email);
      if (!user || user.status !== 'active') return;
      // Issue 13, fault 7: twenty requests sent twenty mails to one person. Beyond the limit the
      // answer was the same 202 already; now nothing is sent.
      const since = new Date(Date.parse(request.at) - resetPolicy.windowMs).toISOString();
      if ((await repo.countPasswordResetMails(trx, request.email, since)) >= resetPolicy.mailsPerAccount) return;
      const link = await issuePasswordToken(trx, deps.publicUrl, user.id, 'reset');
      await deps.mailer.queue(trx, user.email, { subject: 'mail.reset.subject', body: 'mail.reset.body' }, { name: user.name, link });
      await repo.markPasswordResetMailed(trx, request.id);
      mailed += 1;
    });
  }
  if (mailed > 0) deps.mailer.deliverSoon();
  return mailed;
}

/** The background loop's share: requests a crash left unprocessed, and rows past every limit's window. */
export async function sweepPasswordResetRequests(deps: AccountsDeps, now = Date.now()): Promise<void> {
  await processPasswordResetRequests(deps);
  await repo.deleteOldPasswordResetRequests(deps.db, new Date(now - 24 * 60 * 60_000).toISOString());
}

/**
 * Issue 13, fault 3: a 409 "account exists" or "pending" told anyone which addresses have accounts.
 * The public Register form (administrators and officers alike) now answers an address that is
 * taken with a receipt like any other (a reference that leads nowhere), and mails the owner of the
 * address, the only one who may know, that someone tried. The form's text says the mail tells what
 * happens next. Call it once the whole submission is judged, letter included.
 */
export async function answerTakenAddress(deps: Pick<AccountsDeps, 'db' | 'mailer' | 'publicUrl'>, email: string, agencyName: string): Promise<RegistrationReceipt> {
  await deps.mailer.queue(deps.db, email, { subject: 'mail.registrationAttempt.subject', body: 'mail.registrationAttempt.body' }, { email, agency: agencyName, link: `${deps.publicUrl}/sign-in` });
  deps.mailer.deliverSoon();
  return { id: randomUUID(), status: 'pending', email, submittedAt: nowIso() };
}

/** Spending the token, storing the hash and ending old sessions are one transaction. */
export async function setPassword(deps: AccountsDeps, token: string, password: string): Promise<void> {
  // A cheap look first, so a made-up token costs no argon2 hashing; the spend below is what counts.
  if (!(await repo.isPasswordTokenUsable(deps.db, hashToken(token), nowIso(), passwordPurposes))) throw new AppError(400, 'problem.tokenInvalid');
  const passwordHash = await hashPassword(password);
  await deps.db.transaction().execute(async (trx) => {
    const now = nowIso();
    const userId = await repo.spendPasswordToken(trx, hashToken(token), now, passwordPurposes);
    if (!userId) throw new AppError(400, 'problem.tokenInvalid');
    // A link sent before the account was deactivated opens nothing now.
    if ((await repo.findUserById(trx, userId))?.status !== 'active') throw new AppError(400, 'problem.tokenInvalid');
    await repo.setPasswordHash(trx, userId, passwordHash, now);
    await repo.deleteSessionsOfUser(trx, userId);
    await recordAudit(trx, { actorId: userId, action: 'password.set', subjectType: 'user', subjectId: userId, agencyId: null, details: {} });
  });
}

/** The first DGFT reviewer, made from the command line; answers the link to set the password. */
export async function createReviewer(deps: AccountsDeps, input: { name: string; email: string }): Promise<string> {
  const existing = await repo.findUserByEmail(deps.db, input.email);
  if (existing) throw new AppError(409, 'problem.accountExists', { email: input.email });
  const id = randomUUID();
  const now = nowIso();
  return deps.db.transaction().execute(async (trx) => {
    await repo.insertUser(trx, {
      id,
      email: input.email,
      name: input.name,
      mobile: null,
      role: 'dgft-reviewer',
      agency_id: null,
      status: 'active',
      password_hash: null,
      created_at: now,
      updated_at: now,
    });
    await recordAudit(trx, { actorId: null, action: 'reviewer.created', subjectType: 'user', subjectId: id, agencyId: null, details: { email: input.email } });
    return issuePasswordToken(trx, deps.publicUrl, id, 'first-reviewer');
  });
}
