import type { Db } from '../db/connect.ts';
import { precompile } from '../db/precompiled.ts';
import type { TokenPurpose, UserTable } from '../db/schema.ts';
import type { Locale } from '@ecoo/shared/i18n/translate';
import type { Actor } from './actor.ts';

type DbOrTrx = Pick<Db, 'selectFrom' | 'insertInto' | 'updateTable' | 'deleteFrom'>;

export const findUserByEmail = (db: DbOrTrx, email: string) =>
  db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();

export const findUserById = (db: DbOrTrx, id: string) => db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

export const setUserLocale = (db: DbOrTrx, id: string, locale: Locale) => db.updateTable('users').set({ locale }).where('id', '=', id).execute();

export const insertUser = (db: DbOrTrx, user: UserTable) => db.insertInto('users').values(user).execute();

export const setPasswordHash = (db: DbOrTrx, userId: string, passwordHash: string, at: string) =>
  db.updateTable('users').set({ password_hash: passwordHash, updated_at: at }).where('id', '=', userId).execute();

const sessionQueries = new WeakMap<Db, ReturnType<typeof compileActorBySession>>();

const compileActorBySession = (db: Db) =>
  precompile(
    db,
    (idHash: string, now: string) =>
      db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .leftJoin('agencies', 'agencies.id', 'users.agency_id')
        .select(['users.id', 'users.name', 'users.email', 'users.role', 'users.agency_id', 'users.locale', 'agencies.name as agency_name', 'sessions.last_seen_at'])
        .where('sessions.id_hash', '=', idHash)
        .where('sessions.expires_at', '>', now)
        .where('users.status', '=', 'active'),
    2,
  );

/** Runs on every signed-in request, so it is compiled once per database (see precompile). */
export async function findActorBySession(db: Db, idHash: string, now: string): Promise<(Actor & { lastSeenAt: string }) | undefined> {
  let query = sessionQueries.get(db);
  if (!query) sessionQueries.set(db, (query = compileActorBySession(db)));
  const [row] = await query(idHash, now);
  if (!row) return undefined;
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    agencyId: row.agency_id,
    agencyName: row.agency_name,
    locale: row.locale ?? null,
    sessionIdHash: idHash,
    lastSeenAt: row.last_seen_at,
  };
}

export const insertSession = (db: DbOrTrx, session: { id_hash: string; user_id: string; created_at: string; last_seen_at: string; expires_at: string }) =>
  db.insertInto('sessions').values(session).execute();

export const touchSession = (db: DbOrTrx, idHash: string, at: string) =>
  db.updateTable('sessions').set({ last_seen_at: at }).where('id_hash', '=', idHash).execute();

export const deleteSession = (db: DbOrTrx, idHash: string) => db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();

export const deleteSessionsOfUser = (db: DbOrTrx, userId: string) => db.deleteFrom('sessions').where('user_id', '=', userId).execute();

export const deleteIdleSessions = (db: DbOrTrx, idleBefore: string, now: string) =>
  db.deleteFrom('sessions').where((eb) => eb.or([eb('last_seen_at', '<', idleBefore), eb('expires_at', '<=', now)])).execute();

export const insertPasswordToken = (
  db: DbOrTrx,
  token: { id_hash: string; user_id: string; purpose: TokenPurpose; created_at: string; expires_at: string },
) => db.insertInto('password_tokens').values({ ...token, used_at: null }).execute();

/** Spends a token once: the conditional update is what makes a link single-use, even under two clicks at once. Only a token of one of `purposes` is spent. */
export async function spendPasswordToken(db: DbOrTrx, idHash: string, now: string, purposes: readonly TokenPurpose[]): Promise<string | undefined> {
  const row = await db
    .updateTable('password_tokens')
    .set({ used_at: now })
    .where('id_hash', '=', idHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .where('purpose', 'in', purposes)
    .returning('user_id')
    .executeTakeFirst();
  return row?.user_id;
}

export const isPasswordTokenUsable = async (db: DbOrTrx, idHash: string, now: string, purposes: readonly TokenPurpose[]) =>
  Boolean(
    await db
      .selectFrom('password_tokens')
      .select('id_hash')
      .where('id_hash', '=', idHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .where('purpose', 'in', purposes)
      .executeTakeFirst(),
  );

/** A newer link makes the user's older unused ones void. */
export const voidPasswordTokens = (db: DbOrTrx, userId: string, now: string) =>
  db.updateTable('password_tokens').set({ used_at: now }).where('user_id', '=', userId).where('used_at', 'is', null).execute();

export async function insertPasswordResetRequest(
  db: DbOrTrx,
  request: { email: string; address: string; at: string; processed_at: string | null; reason?: 'forgot' | 'sign-in-paused' },
): Promise<number> {
  const row = await db.insertInto('password_reset_requests').values(request).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export const releasePasswordResetRequest = (db: DbOrTrx, id: number) =>
  db.updateTable('password_reset_requests').set({ processed_at: null }).where('id', '=', id).execute();

export async function countPasswordResetRequests(db: DbOrTrx, address: string, since: string): Promise<{ count: number; oldest: string | null }> {
  const row = await db
    .selectFrom('password_reset_requests')
    .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.min('at').as('oldest')])
    .where('address', '=', address)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), oldest: row.oldest ?? null };
}

export async function countPasswordResetMails(db: DbOrTrx, email: string, since: string): Promise<number> {
  const row = await db
    .selectFrom('password_reset_requests')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('email', '=', email)
    .where('is_mailed', '=', 1)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export const unprocessedPasswordResetRequests = (db: DbOrTrx, limit: number) =>
  db.selectFrom('password_reset_requests').select(['id', 'email', 'address', 'at', 'reason']).where('processed_at', 'is', null).orderBy('id').limit(limit).execute();

/** True for the one caller that takes the request. */
export async function takePasswordResetRequest(db: DbOrTrx, id: number, at: string): Promise<boolean> {
  const result = await db.updateTable('password_reset_requests').set({ processed_at: at }).where('id', '=', id).where('processed_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export const markPasswordResetMailed = (db: DbOrTrx, id: number) => db.updateTable('password_reset_requests').set({ is_mailed: 1 }).where('id', '=', id).execute();

export const deleteOldPasswordResetRequests = (db: DbOrTrx, before: string) =>
  db.deleteFrom('password_reset_requests').where('at', '<', before).where('processed_at', 'is not', null).execute();

export async function insertSignInFailure(db: DbOrTrx, failure: { email: string; address: string; at: string }): Promise<number> {
  const row = await db.insertInto('sign_in_failures').values(failure).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export const deleteSignInFailure = (db: DbOrTrx, id: number) => db.deleteFrom('sign_in_failures').where('id', '=', id).execute();

export async function countSignInFailures(db: DbOrTrx, by: { email?: string; address?: string }, since: string): Promise<{ count: number; oldest: string | null }> {
  let query = db
    .selectFrom('sign_in_failures')
    .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.min('at').as('oldest')])
    .where('at', '>', since);
  if (by.email !== undefined) query = query.where('email', '=', by.email);
  if (by.address !== undefined) query = query.where('address', '=', by.address);
  const row = await query.executeTakeFirstOrThrow();
  return { count: Number(row.count), oldest: row.oldest ?? null };
}

/** When the account's failure before this attempt happened (ids order parallel attempts). */
export async function previousSignInFailure(db: DbOrTrx, email: string, beforeId: number): Promise<string | undefined> {
  const row = await db.selectFrom('sign_in_failures').select('at').where('email', '=', email).where('id', '<', beforeId).orderBy('id', 'desc').limit(1).executeTakeFirst();
  return row?.at;
}

/** All of the account's failures, or only those from one address. */
export const clearSignInFailures = (db: DbOrTrx, email: string, address?: string) => {
  const query = db.deleteFrom('sign_in_failures').where('email', '=', email);
  return (address === undefined ? query : query.where('address', '=', address)).execute();
};

export const rememberSignInAddress = (db: DbOrTrx, row: { email: string; address: string; at: string }) =>
  db.insertInto('sign_in_addresses').values(row).onConflict((oc) => oc.columns(['email', 'address']).doUpdateSet({ at: row.at })).execute();

export const isKnownSignInAddress = async (db: DbOrTrx, email: string, address: string, since: string) =>
  Boolean(await db.selectFrom('sign_in_addresses').select('at').where('email', '=', email).where('address', '=', address).where('at', '>', since).executeTakeFirst());

export async function deleteOldSignInRecords(db: DbOrTrx, failuresBefore: string, addressesBefore: string): Promise<void> {
  await db.deleteFrom('sign_in_failures').where('at', '<', failuresBefore).execute();
  await db.deleteFrom('sign_in_addresses').where('at', '<', addressesBefore).execute();
}

/**
 * Takes the right to mail `email` that someone tried to register with it: true when no such mail
 * went to it after `since`. One conditional upsert, so of two instances trying at once one wins.
 */
export async function takeRegistrationAttemptMail(db: DbOrTrx, email: string, at: string, since: string): Promise<boolean> {
  const result = await db
    .insertInto('registration_attempt_mails')
    .values({ email, mailed_at: at })
    .onConflict((oc) => oc.column('email').doUpdateSet({ mailed_at: at }).where('registration_attempt_mails.mailed_at', '<=', since))
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export const deleteOldRegistrationAttemptMails = (db: DbOrTrx, before: string) => db.deleteFrom('registration_attempt_mails').where('mailed_at', '<=', before).execute();

/** Moves an account between states only from the state the caller saw: two decisions at once count once. */
export async function moveAccountStatus(db: DbOrTrx, userId: string, from: UserTable['status'], to: UserTable['status'], at: string): Promise<boolean> {
  const result = await db.updateTable('users').set({ status: to, updated_at: at }).where('id', '=', userId).where('status', '=', from).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export const updateAccount = (db: DbOrTrx, userId: string, fields: Partial<Pick<UserTable, 'name' | 'mobile' | 'agency_id' | 'locale' | 'updated_at'>>) =>
  db.updateTable('users').set(fields).where('id', '=', userId).execute();

/** Removes an account that was never used (pending, never had a password): its links go with it. */
export async function deleteUnusedAccount(db: Pick<Db, 'deleteFrom'>, userId: string): Promise<boolean> {
  await db.deleteFrom('password_tokens').where('user_id', '=', userId).execute();
  const result = await db.deleteFrom('users').where('id', '=', userId).where('status', '=', 'pending').where('password_hash', 'is', null).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** Officers' requests still pending, never given a password, last made before `before`: the candidates an unconfirmed-request sweep checks. */
export const pendingOfficerAccountsBefore = async (db: DbOrTrx, before: string, limit: number) =>
  (
    await db
      .selectFrom('users')
      .select('id')
      .where('role', '=', 'issuing-officer')
      .where('status', '=', 'pending')
      .where('password_hash', 'is', null)
      .where('updated_at', '<', before)
      .limit(limit)
      .execute()
  ).map((row) => row.id);
