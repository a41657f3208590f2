import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { AdministratorRegistrationFieldsSchema, Registration, RegistrationReceipt, RegistrationStatus } from '@ecoo/shared/registrations/schemas';
import { domainOf } from '@ecoo/shared/common/fields';
import type { Locale, MessageParams } from '@ecoo/shared/i18n/translate';
import { fieldProblem } from '@ecoo/shared/validation/describe-issue';
import type { MessageKey } from '@ecoo/shared/i18n/en';
import type { Db } from '../db/connect.ts';
import { nowIso } from '../db/connect.ts';
import type { FileStore } from '../storage/files.ts';
import type { Mailer } from '../mail/mailer.ts';
import { AppError, badRequest } from '../http/problem.ts';
import { recordAudit } from '../audit/record.ts';
import { answerTakenAddress, findUserByEmail, insertUser, issuePasswordToken, type Actor } from '../accounts/index.ts';
import { findAgency } from '../agencies/index.ts';
import { isUnconfirmedRequest, releaseUnconfirmedRequest } from '../officers/index.ts';
import { checkLetter } from './letter-check.ts';
import { safeFileName } from '../storage/file-name.ts';
import * as repo from './repository.ts';
import type { RegistrationLimits } from './submission-throttle.ts';
import { isUniqueViolation } from '../db/portable.ts';
import { registrationReference } from '@ecoo/shared/registrations/reference';

export interface RegistrationsDeps {
  db: Db;
  files: FileStore;
  mailer: Mailer;
  publicUrl: string;
  /** Public submissions per client address and in all in an hour, and letter uploads held at once. */
  limits: RegistrationLimits;
}

type RegistrationFields = z.output<typeof AdministratorRegistrationFieldsSchema>;

const fieldRefusal = (path: string, code: MessageKey, params: MessageParams = {}) => badRequest([fieldProblem(path, code, params)]);
const registrationNotFound = (id: string) => new AppError(404, 'problem.registrationNotFound', { id });
const registrationDecided = (status: RegistrationStatus | 'decided') => new AppError(409, 'problem.registrationDecided', { status });
const accountExists = (email: string) => new AppError(409, 'problem.accountExists', { email });

/** An address is taken by an account, unless only by an officer's request that nobody confirmed (and nobody decided). */
async function holdsAccount(db: Db, email: string): Promise<boolean> {
  const holder = await findUserByEmail(db, email);
  return holder !== undefined && !(await isUnconfirmedRequest(db, holder.id));
}

/**
 * Trade Notice 23/2024-25 §3.I.i: the administrator registers with the official email recorded
 * with DGFT and attaches the authorisation letter. Cheap checks run first; the letter is parsed
 * only when the rest is right, and stored before the row that points to it.
 */
export async function submitRegistration(
  deps: RegistrationsDeps,
  fields: RegistrationFields,
  letter: { bytes: Buffer; originalName: string } | undefined,
  locale: Locale,
): Promise<RegistrationReceipt> {
  if (!letter) throw fieldRefusal('letter', 'validation.letter.missing');
  const agency = await findAgency(deps.db, fields.agencyId);
  if (!agency) throw fieldRefusal('agencyId', 'problem.agencyNotFound');
  const domain = domainOf(fields.email);
  if (!agency.emailDomains.includes(domain)) {
    throw fieldRefusal('email', 'problem.emailDomainNotOnRecord', { agency: agency.name, domains: agency.emailDomains.join(', '), domain });
  }
  const contentType = await checkLetter(letter.bytes);
  // Only now, with the whole submission judged: an address already taken answers like a new one.
  if ((await holdsAccount(deps.db, fields.email)) || (await repo.hasPendingRegistration(deps.db, fields.email))) {
    return answerTakenAddress(deps, fields.email, agency.name);
  }
  const { key } = await deps.files.put(letter.bytes);
  const id = randomUUID();
  const submittedAt = nowIso();
  try {
    await deps.db.transaction().execute(async (trx) => {
      await repo.insertRegistration(trx, {
        id,
        register_as: fields.registerAs,
        role: fields.role,
        agency_id: agency.id,
        name: fields.name,
        mobile: fields.mobile,
        email: fields.email,
        status: 'pending',
        letter_sha256: key,
        letter_content_type: contentType,
        letter_file_name: safeFileName(letter.originalName, 'letter'),
        letter_size: letter.bytes.length,
        submitted_at: submittedAt,
        decided_at: null,
        decided_by: null,
        rejection_reason: null,
        user_id: null,
        locale,
      });
      await recordAudit(trx, {
        actorId: null,
        action: 'registration.submitted',
        subjectType: 'registration',
        subjectId: id,
        agencyId: agency.id,
        details: { email: fields.email, letterSha256: key },
      });
    });
  } catch (err) {
    // Two submissions at once: the partial unique index lets one through and refuses the other.
    if (isUniqueViolation(err, { table: 'registrations', column: 'email' })) return answerTakenAddress(deps, fields.email, agency.name);
    throw err;
  }
  return { id, status: 'pending', email: fields.email, submittedAt };
}


export const listRegistrations = (deps: RegistrationsDeps, filter: { status: RegistrationStatus; page: number; pageSize: number }) =>
  repo.listRegistrations(deps.db, filter);

export async function getRegistration(deps: RegistrationsDeps, id: string): Promise<Registration> {
  const found = await repo.findRegistration(deps.db, id);
  if (!found) throw registrationNotFound(id);
  const { row: _, ...registration } = found;
  return registration;
}

export async function readLetter(deps: RegistrationsDeps, id: string): Promise<{ bytes: Buffer; contentType: string; fileName: string }> {
  const registration = await getRegistration(deps, id);
  if (await repo.letterRemovedAt(deps.db, id)) throw new AppError(410, 'problem.letterRemoved');
  return { bytes: await deps.files.get(registration.letter.sha256), contentType: registration.letter.contentType, fileName: registration.letter.fileName };
}

/** Activation creates the account, spends nothing yet, and queues the set-password mail, all in one transaction. */
export async function activateRegistration(deps: RegistrationsDeps, actor: Actor, id: string): Promise<Registration> {
  await deps.db.transaction().execute(async (trx) => {
    const found = await repo.findRegistration(trx, id);
    if (!found) throw registrationNotFound(id);
    if (found.status !== 'pending') throw registrationDecided(found.status);
    // An officer's request nobody confirmed holds nothing: the administrator DGFT activates takes the address.
    const holder = await findUserByEmail(trx, found.email);
    if (holder && !(await releaseUnconfirmedRequest(trx, holder.id))) throw accountExists(found.email);
    const now = nowIso();
    const userId = randomUUID();
    await insertUser(trx, {
      id: userId,
      email: found.email,
      name: found.name,
      mobile: found.mobile,
      role: 'agency-admin',
      agency_id: found.agency.id,
      status: 'active',
      password_hash: null,
      created_at: now,
      updated_at: now,
      locale: found.row.locale ?? null,
    });
    const result = await repo.decideRegistration(trx, id, { status: 'activated', decided_at: now, decided_by: actor.id, rejection_reason: null, user_id: userId });
    if (Number(result.numUpdatedRows) !== 1) throw registrationDecided('decided');
    const link = await issuePasswordToken(trx, deps.publicUrl, userId, 'activation');
    await deps.mailer.queue(trx, found.email, { subject: 'mail.activation.subject', body: 'mail.activation.body' }, { name: found.name, agency: found.agency.name, link, reference: registrationReference(id) });
    await recordAudit(trx, { actorId: actor.id, action: 'registration.activated', subjectType: 'registration', subjectId: id, agencyId: found.agency.id, details: { userId } });
  });
  deps.mailer.deliverSoon();
  return getRegistration(deps, id);
}

export async function rejectRegistration(deps: RegistrationsDeps, actor: Actor, id: string, reason: string): Promise<Registration> {
  await deps.db.transaction().execute(async (trx) => {
    const found = await repo.findRegistration(trx, id);
    if (!found) throw registrationNotFound(id);
    if (found.status !== 'pending') throw registrationDecided(found.status);
    const now = nowIso();
    const result = await repo.decideRegistration(trx, id, { status: 'rejected', decided_at: now, decided_by: actor.id, rejection_reason: reason, user_id: null });
    if (Number(result.numUpdatedRows) !== 1) throw registrationDecided('decided');
    // No account is made for a rejected applicant: the language they registered in says how to write.
    await deps.mailer.queue(trx, found.email, { subject: 'mail.rejection.subject', body: 'mail.rejection.body' }, { name: found.name, agency: found.agency.name, reason, reference: registrationReference(id) }, found.row.locale ?? 'en');
    await recordAudit(trx, { actorId: actor.id, action: 'registration.rejected', subjectType: 'registration', subjectId: id, agencyId: found.agency.id, details: { reason } });
  });
  deps.mailer.deliverSoon();
  return getRegistration(deps, id);
}
