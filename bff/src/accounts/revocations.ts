import { randomUUID } from 'node:crypto';
import type { Revocation } from '@ecoo/shared/officers/schemas';
import type { Db } from '../db/connect.ts';
import { fieldProblem } from '@ecoo/shared/validation/describe-issue';
import { AppError } from '../http/problem.ts';
import { recordAudit } from '../audit/record.ts';
import type { Mailer } from '../mail/mailer.ts';
import { deleteSessionsOfUser, findUserById, voidPasswordTokens } from './repository.ts';
import { issuePasswordToken } from './service.ts';

type DbOrTrx = Pick<Db, 'selectFrom' | 'insertInto' | 'updateTable' | 'deleteFrom' | 'getExecutor'>;

/** Dates are India's calendar days: an administrator in Kolkata deactivating at 01:00 means today there. */
export function todayInIndia(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** A calendar day as people write it in India: 30 Nov 2026. */
const readableDate = (isoDate: string) =>
  new Intl.DateTimeFormat('en-IN', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));

/**
 * Deactivation takes effect at once, so its effective date is today or earlier (an officer who left
 * last week), never before the account existed.
 */
export function assertEffectiveDate(effectiveDate: string, accountCreatedAt: string): void {
  const today = todayInIndia();
  const refuse = (code: 'problem.effectiveDateInFuture' | 'problem.effectiveDateTooEarly', date: string) => {
    const params = { date: readableDate(date) };
    return new AppError(400, code, params, [fieldProblem('effectiveDate', code, params)]);
  };
  if (effectiveDate > today) throw refuse('problem.effectiveDateInFuture', effectiveDate);
  const opened = todayInIndia(new Date(accountCreatedAt));
  if (effectiveDate < opened) throw refuse('problem.effectiveDateTooEarly', opened);
}

/**
 * Turns an active account off, records why and from when, and ends its sessions, in the caller's
 * transaction. The conditional update makes two deactivations at once count once: the second
 * answers false and the caller refuses it.
 */
export async function revokeAccount(
  trx: DbOrTrx,
  revocation: { userId: string; agencyId: string | null; effectiveDate: string; reason: string; revokedBy: string; at: string },
): Promise<boolean> {
  const result = await trx.updateTable('users').set({ status: 'disabled', updated_at: revocation.at }).where('id', '=', revocation.userId).where('status', '=', 'active').executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return false;
  await trx
    .insertInto('account_revocations')
    .values({
      id: randomUUID(),
      user_id: revocation.userId,
      agency_id: revocation.agencyId,
      effective_date: revocation.effectiveDate,
      reason: revocation.reason,
      revoked_by: revocation.revokedBy,
      revoked_at: revocation.at,
      reactivated_at: null,
      reactivated_by: null,
    })
    .execute();
  // Whatever was open when the account was turned off stays closed: sessions, and password links not yet used.
  await deleteSessionsOfUser(trx, revocation.userId);
  await voidPasswordTokens(trx, revocation.userId, revocation.at);
  return true;
}

/** The account works again; its revocations stay, the open one marked with who reactivated and when. */
export async function restoreAccount(trx: DbOrTrx, userId: string, by: string, at: string): Promise<boolean> {
  const result = await trx.updateTable('users').set({ status: 'active', updated_at: at }).where('id', '=', userId).where('status', '=', 'disabled').executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return false;
  await trx.updateTable('account_revocations').set({ reactivated_at: at, reactivated_by: by }).where('user_id', '=', userId).where('reactivated_at', 'is', null).execute();
  // A session written by a sign-in that raced the deactivation must not come back to life.
  await deleteSessionsOfUser(trx, userId);
  return true;
}

/** Every revocation of these accounts, newest first, with the names of who acted. */
export async function revocationsOf(db: Pick<Db, 'selectFrom'>, userIds: readonly string[]): Promise<Map<string, Revocation[]>> {
  const byUser = new Map<string, Revocation[]>();
  if (userIds.length === 0) return byUser;
  const rows = await db
    .selectFrom('account_revocations as r')
    .innerJoin('users as revoker', 'revoker.id', 'r.revoked_by')
    .leftJoin('users as restorer', 'restorer.id', 'r.reactivated_by')
    .select(['r.id', 'r.user_id', 'r.effective_date', 'r.reason', 'r.revoked_at', 'revoker.name as revoked_by', 'r.reactivated_at', 'restorer.name as reactivated_by'])
    .where('r.user_id', 'in', userIds)
    .orderBy('r.revoked_at', 'desc')
    .orderBy('r.id')
    .execute();
  for (const row of rows) {
    const list = byUser.get(row.user_id) ?? [];
    list.push({
      id: row.id,
      effectiveDate: row.effective_date,
      reason: row.reason,
      revokedAt: row.revoked_at,
      revokedBy: row.revoked_by,
      reactivatedAt: row.reactivated_at,
      reactivatedBy: row.reactivated_by,
    });
    byUser.set(row.user_id, list);
  }
  return byUser;
}

export interface AccountInNotice {
  id: string;
  email: string;
  name: string;
  agencyId: string | null;
  agencyName: string;
}

/**
 * Deactivation as the people concerned see it: the revocation, the audit entry under the feature's
 * own action name, and the mail to the account's owner naming whom to contact, in one transaction.
 * False when the account was not active (someone else deactivated it first).
 */
export async function deactivateAccount(
  trx: DbOrTrx,
  mailer: Mailer,
  change: { account: AccountInNotice; effectiveDate: string; reason: string; actorId: string; contact: string; auditAction: 'officer.deactivated' | 'administrator.deactivated'; at: string },
): Promise<boolean> {
  const { account, effectiveDate, reason, at } = change;
  if (!(await revokeAccount(trx, { userId: account.id, agencyId: account.agencyId, effectiveDate, reason, revokedBy: change.actorId, at }))) return false;
  await recordAudit(trx, {
    actorId: change.actorId,
    action: change.auditAction,
    subjectType: 'user',
    subjectId: account.id,
    agencyId: account.agencyId,
    details: { changes: [{ field: 'status', before: 'active', after: 'deactivated' }, { field: 'effectiveDate', before: null, after: effectiveDate }, { field: 'reason', before: null, after: reason }] },
  });
  await mailer.queue(
    trx,
    account.email,
    { subject: 'mail.accountDeactivated.subject', body: 'mail.accountDeactivated.body' },
    { name: account.name, agency: account.agencyName, effectiveDate, reason, by: change.contact },
  );
  return true;
}

/**
 * Reactivation with its audit entry and mail; false when the account was not deactivated. An
 * account that never had a password (deactivated before its owner used the first link, which
 * deactivation voided) gets a new set-password link in the mail.
 */
export async function reactivateAccount(
  trx: DbOrTrx,
  mailer: Mailer,
  change: { account: AccountInNotice; actorId: string; auditAction: 'officer.reactivated' | 'administrator.reactivated'; at: string; publicUrl: string },
): Promise<boolean> {
  const { account } = change;
  if (!(await restoreAccount(trx, account.id, change.actorId, change.at))) return false;
  await recordAudit(trx, {
    actorId: change.actorId,
    action: change.auditAction,
    subjectType: 'user',
    subjectId: account.id,
    agencyId: account.agencyId,
    details: { changes: [{ field: 'status', before: 'deactivated', after: 'active' }] },
  });
  const user = await findUserById(trx, account.id);
  if (user?.password_hash) {
    await mailer.queue(trx, account.email, { subject: 'mail.accountReactivated.subject', body: 'mail.accountReactivated.body' }, { name: account.name, agency: account.agencyName });
  } else {
    const link = await issuePasswordToken(trx, change.publicUrl, account.id, 'activation');
    await mailer.queue(trx, account.email, { subject: 'mail.accountReactivated.subject', body: 'mail.accountReactivatedSetPassword.body' }, { name: account.name, agency: account.agencyName, link });
  }
  return true;
}
