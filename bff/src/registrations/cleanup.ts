import type { Db } from '../db/connect.ts';
import type { FileStore } from '../storage/files.ts';
import { pendingOfficerAccountsBefore } from '../accounts/index.ts';
import { releaseUnconfirmedRequest } from '../officers/index.ts';
import * as repo from './repository.ts';

export interface RegistrationCleanupDeps {
  db: Db;
  files: FileStore;
  /** Days a rejected registration's letter is kept after the decision. */
  letterRetentionDays: number;
}

/** Officers' confirmation links last 24 hours: a request not confirmed by then can never be. */
const unconfirmedRequestMs = 24 * 60 * 60_000;

/**
 * What public registrations leave behind that nobody will decide or confirm (issue 13, fault 1):
 * - a rejected administrator's letter is removed `letterRetentionDays` after the rejection (the
 *   applicant may ask about the decision meanwhile); the row, its decision and the audit trail stay,
 *   and the letter then answers 410. Letters are stored by content, so a file goes only when no
 *   registration that keeps its letter points to it;
 * - an officer's request whose confirmation link expired unopened (24 hours) holds a pending account
 *   and no file: it is removed, as registering the address again would.
 * Pending administrators' registrations stay: only the reviewer decides them, and the hourly limits
 * bound how many can arrive. Each step is a conditional update or a re-checked delete, so running
 * twice, or on two instances at once, removes nothing twice.
 */
export async function cleanUpRegistrations(deps: RegistrationCleanupDeps, now = Date.now()): Promise<{ letters: number; officerRequests: number }> {
  const at = new Date(now).toISOString();
  let letters = 0;
  const rejectedBefore = new Date(now - deps.letterRetentionDays * 24 * 60 * 60_000).toISOString();
  for (const { id, letter_sha256: key } of await repo.rejectedWithLetterBefore(deps.db, rejectedBefore, 100)) {
    if (!(await repo.markLetterRemoved(deps.db, id, at))) continue;
    letters += 1;
    if (!(await repo.isLetterKept(deps.db, key))) await deps.files.remove(key);
  }
  let officerRequests = 0;
  for (const userId of await pendingOfficerAccountsBefore(deps.db, new Date(now - unconfirmedRequestMs).toISOString(), 100)) {
    if (await deps.db.transaction().execute((trx) => releaseUnconfirmedRequest(trx, userId))) officerRequests += 1;
  }
  return { letters, officerRequests };
}
