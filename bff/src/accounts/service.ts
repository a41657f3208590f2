import { randomUUID } from 'node:crypto';
import type { SessionUser } from '@ecoo/shared/accounts/schemas';
import type { RegistrationReceipt } from '@ecoo/shared/registrations/schemas';
import type { Db } from '../db/connect.ts';
import { nowIso } from '../db/connect.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { TokenPurpose } from '../db/schema.ts';
import { AppError } from '../http/problem.ts';
import { recordAudit, secretFingerprint } from '../audit/record.ts';
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

/**
 * Sign-in throttling without a lock-out (issue 13, fault 2: 6 wrong guesses every 15 minutes from
 * anywhere kept the owner out for good). Within a 15-minute window:
 * - one address guessing at one account gets 5 tries, then only that address is refused (429);
 * - one address guessing across accounts gets 30, then that address is refused;
 * - the account itself is never refused outright. Beyond 5 failures from anywhere, each try from an
 *   address the account has not signed in from (within 30 days) must wait a growing delay after the
 *   account's previous failure (1 s, doubling with each further failure, at most the window);
 *   earlier, it answers 429 with the wait in Retry-After and counts for nothing. Guessers spread over
 *   many addresses so get about ten tries a window, while the owner signs in at once from a known
 *   address, and after a short wait from a new one;
 * - at the 5th failure the owner is mailed (off the request path, within the reset-mail limit) a link
 *   that sets a new password; setting it clears every failure of the account, lifting all pauses.
 * Every try is recorded before it is counted, so parallel guesses cannot slip under a limit; a try
 * refused by a limit is removed again, so it neither grows the delay nor outlasts the limit's reason.
 */
export const throttlePolicy = {
  windowMs: 15 * 60_000,
  perAccountAndAddress: 5,
  perAddress: 30,
  perAccountBeforeDelay: 5,
  firstDelayMs: 1_000,
  knownAddressMs: 30 * 24 * 60 * 60_000,
};

export const passwordLinkValidityMs = 24 * 60 * 60_000;

/**
 * "Forgot your password?" is public and sends mail. One account gets at most 3 links an hour
 * (beyond, the same neutral answer and no mail: the form must not tell that the limit, and so the
 * account, exists); one client address may ask 20 times an hour, for any addresses (429 beyond:
 * that tells nothing about any account).
 */
export const resetPolicy = { windowMs: 60 * 60_000, mailsPerAccount: 3, perAddress: 20 };

/**
 * "Someone tried to register with your address" goes to an address at most once an hour. The
 * Register form's own limit is per client address, so many addresses could otherwise make the
 * console mail one person without end; the answer to the registrant is the same either way.
 */
const registrationAttemptMailPolicy = { windowMs: 60 * 60_000 };

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

/** See throttlePolicy for the limits and why none of them keeps the owner out. */
export async function signIn(deps: AccountsDeps, email: string, password: string, address: string): Promise<{ sessionToken: string; userId: string }> {
  const now = Date.now();
  const at = new Date(now).toISOString();
  const since = new Date(now - throttlePolicy.windowMs).toISOString();
  const attemptId = await repo.insertSignInFailure(deps.db, { email, address, at });
  const refuse = async (until: number): Promise<never> => {
    await repo.deleteSignInFailure(deps.db, attemptId);
    const seconds = Math.max(1, Math.ceil((until - now) / 1000));
    throw new AppError(429, 'problem.signInThrottled', { minutes: Math.ceil(seconds / 60) }, undefined, { 'Retry-After': String(seconds) });
  };
  const [byPair, byAddress] = await Promise.all([
    repo.countSignInFailures(deps.db, { email, address }, since),
    repo.countSignInFailures(deps.db, { address }, since),
  ]);
  const windowEnds = (counted: { oldest: string | null }) => Date.parse(counted.oldest ?? at) + throttlePolicy.windowMs;
  if (byPair.count > throttlePolicy.perAccountAndAddress) await refuse(windowEnds(byPair));
  if (byAddress.count > throttlePolicy.perAddress) await refuse(windowEnds(byAddress));
  const byAccount = await repo.countSignInFailures(deps.db, { email }, since);
  const beyond = byAccount.count - 1 - throttlePolicy.perAccountBeforeDelay;
  if (beyond >= 0 && !(await repo.isKnownSignInAddress(deps.db, email, address, new Date(now - throttlePolicy.knownAddressMs).toISOString()))) {
    const previous = await repo.previousSignInFailure(deps.db, email, attemptId);
    const delayMs = Math.min(throttlePolicy.firstDelayMs * 2 ** beyond, throttlePolicy.windowMs);
    const allowedAt = previous ? Date.parse(previous) + delayMs : now;
    if (allowedAt > now) await refuse(allowedAt);
  }

  const user = await repo.findUserByEmail(deps.db, email);
  // An officer's request is not an account yet: say what they wait for (the Register form tells as much).
  if (user?.status === 'pending') throw new AppError(403, 'problem.accountPending');
  const usable = user && user.status === 'active' && user.password_hash ? user : undefined;
  const isMatch = await verifyPassword(usable?.password_hash ?? (await decoyPasswordHash()), password);
  // Don't tell whether the email or the password was wrong: that would list accounts.
  if (!usable || !isMatch) {
    // The owner hears of it once a window, off the request path (an unknown address costs the same insert).
    if (byAccount.count === throttlePolicy.perAccountBeforeDelay) await requestSignInUnpause(deps, email, address, now);
    throw new AppError(401, 'problem.signInFailed');
  }

  const { token, idHash } = newSecretToken();
  try {
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
    });
  } catch (error) {
    // The right password was given: a database refusal (busy, a lost race) is not a guess to count.
    if (!(error instanceof AppError && error.status === 401)) await repo.deleteSignInFailure(deps.db, attemptId).catch(() => undefined);
    throw error;
  }
  // Bookkeeping, each step alone and idempotent: inside the session's SERIALIZABLE transaction these
  // writes to rows every sign-in from the address touches made simultaneous sign-ins from one
  // office refuse each other on PostgreSQL. Only this address's failures go: guesses from elsewhere
  // keep slowing other addresses.
  await repo.clearSignInFailures(deps.db, email, address);
  await repo.rememberSignInAddress(deps.db, { email, address, at });
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

async function requestSignInUnpause(deps: AccountsDeps, email: string, address: string, now: number): Promise<void> {
  const at = new Date(now).toISOString();
  await repo.insertPasswordResetRequest(deps.db, { email, address, at, processed_at: null, reason: 'sign-in-paused' });
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
      const token = await issueToken(trx, user.id, 'reset');
      const link = setPasswordLink(deps.publicUrl, token);
      await recordAudit(trx, {
        actorId: null,
        action: 'password.reset-link-issued',
        subjectType: 'user',
        subjectId: user.id,
        agencyId: user.agency_id,
        details: { linkFingerprint: secretFingerprint(token) },
      });
      if (request.reason === 'sign-in-paused') {
        const count = await repo.countSignInFailures(trx, { email: request.email }, since15(request.at));
        await deps.mailer.queue(trx, user.email, { subject: 'mail.signInPaused.subject', body: 'mail.signInPaused.body' }, { name: user.name, link, count: count.count });
      } else await deps.mailer.queue(trx, user.email, { subject: 'mail.reset.subject', body: 'mail.reset.body' }, { name: user.name, link });
      await repo.markPasswordResetMailed(trx, request.id);
      mailed += 1;
    });
  }
  if (mailed > 0) deps.mailer.deliverSoon();
  return mailed;
}

const since15 = (at: string) => new Date(Date.parse(at) - throttlePolicy.windowMs).toISOString();

/** The background loop's share: requests a crash left unprocessed, and rows past every limit's window. */
export async function sweepPasswordResetRequests(deps: AccountsDeps, now = Date.now()): Promise<void> {
  await processPasswordResetRequests(deps);
  await repo.deleteOldPasswordResetRequests(deps.db, new Date(now - 24 * 60 * 60_000).toISOString());
  await repo.deleteOldSignInRecords(deps.db, new Date(now - throttlePolicy.windowMs).toISOString(), new Date(now - throttlePolicy.knownAddressMs).toISOString());
  await repo.deleteOldRegistrationAttemptMails(deps.db, new Date(now - registrationAttemptMailPolicy.windowMs).toISOString());
}

/**
 * Issue 13, fault 3: a 409 "account exists" or "pending" told anyone which addresses have accounts.
 * The public Register form (administrators and officers alike) now answers an address that is
 * taken with a receipt like any other (a reference that leads nowhere), and mails the owner of the
 * address, the only one who may know, that someone tried (at most once an hour, whoever tries).
 * The form's text says the mail tells what happens next. Call it once the whole submission is
 * judged, letter included.
 */
export async function answerTakenAddress(deps: Pick<AccountsDeps, 'db' | 'mailer' | 'publicUrl'>, email: string, agencyName: string): Promise<RegistrationReceipt> {
  const now = Date.now();
  const isMailed = await deps.db.transaction().execute(async (trx) => {
    const since = new Date(now - registrationAttemptMailPolicy.windowMs).toISOString();
    if (!(await repo.takeRegistrationAttemptMail(trx, email, new Date(now).toISOString(), since))) return false;
    await deps.mailer.queue(trx, email, { subject: 'mail.registrationAttempt.subject', body: 'mail.registrationAttempt.body' }, { email, agency: agencyName, link: `${deps.publicUrl}/sign-in` });
    return true;
  });
  if (isMailed) deps.mailer.deliverSoon();
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
    // The emailed unlock: a new password lifts every sign-in pause on the account.
    await repo.clearSignInFailures(trx, (await repo.findUserById(trx, userId))?.email ?? '');
    const agencyId = (await repo.findUserById(trx, userId))?.agency_id ?? null;
    await recordAudit(trx, { actorId: userId, action: 'password.set', subjectType: 'user', subjectId: userId, agencyId, details: { linkFingerprint: secretFingerprint(token) } });
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
