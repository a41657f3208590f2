import type { z } from 'zod';
import type { OfficerConfirmation, OfficerRegistrationFieldsSchema, RegistrationReceipt } from '@ecoo/shared/registrations/schemas';
import type { AccountAuditEntry, OfficeChoiceList, Officer, OfficerCounts, OfficerList, OfficerListQuerySchema, OfficerOffice, OfficerProfile, OfficerSummary } from '@ecoo/shared/officers/schemas';
import type { PublicOfficeList } from '@ecoo/shared/officers/schemas';
import { domainOf } from '@ecoo/shared/common/fields';
import type { Locale, MessageParams } from '@ecoo/shared/i18n/translate';
import { fieldProblem } from '@ecoo/shared/validation/describe-issue';
import type { MessageKey } from '@ecoo/shared/i18n/en';
import type { Db } from '../db/connect.ts';
import type { Database } from '../db/schema.ts';
import type { Transaction } from 'kysely';
import { nowIso } from '../db/connect.ts';
import type { Mailer } from '../mail/mailer.ts';
import { AppError, badRequest } from '../http/problem.ts';
import { recordAudit } from '../audit/record.ts';
import { listAuditEntries } from '../audit/list.ts';
import {
  agencyOf,
  answerTakenAddress,
  assertEffectiveDate,
  deleteUnusedAccount,
  findUserByEmail,
  insertUser,
  issuePasswordToken,
  issueToken,
  deactivateAccount,
  moveAccountStatus,
  reactivateAccount,
  revocationsOf,
  spendToken,
  updateAccount,
  type Actor,
} from '../accounts/index.ts';
import { findAgency } from '../agencies/index.ts';
import { officeReferences, type OfficeReference } from '../offices/index.ts';
import { activeExpiries, dscStatusOf } from '../dsc/index.ts';
import { endUsePeriod } from '../images/index.ts';
import * as repo from './repository.ts';
import { randomUUID } from 'node:crypto';
import { isUniqueViolation } from '../db/portable.ts';
import { registrationReference } from '@ecoo/shared/registrations/reference';

export interface OfficersDeps {
  db: Db;
  mailer: Mailer;
  publicUrl: string;
}

type OfficerRegistration = z.output<typeof OfficerRegistrationFieldsSchema>;
type OfficerListQuery = z.output<typeof OfficerListQuerySchema>;

const fieldRefusal = (path: string, code: MessageKey, params: MessageParams = {}) => badRequest([fieldProblem(path, code, params)]);
const officerNotFound = (id: string) => new AppError(404, 'problem.officerNotFound', { id });

/** Another agency's officer is refused exactly as an unknown one, so the answer does not tell that they exist. */
async function loadOwnOfficer(db: Pick<Db, 'selectFrom'>, actor: Actor, userId: string): Promise<repo.OfficerRow> {
  const row = await repo.findOfficer(db, userId);
  if (!row?.email_confirmed_at || row.agency_id !== agencyOf(actor)) throw officerNotFound(userId);
  return row;
}

const toOfficerOffice = (office: OfficeReference): OfficerOffice => ({ id: office.id, code: office.code, name: office.name, isActive: office.isActive });

async function officesById(db: Pick<Db, 'selectFrom'>, agencyId: string, ids: readonly string[]): Promise<Map<string, OfficerOffice>> {
  const offices = await officeReferences(db, agencyId, [...new Set(ids)]);
  return new Map(offices.map((office) => [office.id, toOfficerOffice(office)]));
}

async function toSummaries(db: Pick<Db, 'selectFrom'>, agencyId: string, rows: repo.OfficerRow[]): Promise<OfficerSummary[]> {
  const mapping = await repo.officeIdsOf(db, rows.map((row) => row.id));
  const requestedIds = rows.map((row) => row.requested_office_id).filter((id): id is string => id !== null);
  const offices = await officesById(db, agencyId, [...[...mapping.values()].flat(), ...requestedIds]);
  const dscExpiries = await activeExpiries(db, rows.map((row) => row.id));
  const now = new Date();
  const byName = (a: OfficerOffice, b: OfficerOffice) => a.name.localeCompare(b.name);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    email: row.email,
    designation: row.designation,
    status: repo.statusOfAccount[row.status],
    offices: (mapping.get(row.id) ?? []).map((id) => offices.get(id)).filter((office): office is OfficerOffice => office !== undefined).sort(byName),
    signature: { versionId: row.signature_version_id, version: row.signature_version ?? null },
    requestedOffice: row.requested_office_id ? (offices.get(row.requested_office_id) ?? null) : null,
    requestedAt: row.requested_at,
    dsc: dscStatusOf(dscExpiries.get(row.id), now),
  }));
}

async function toOfficer(db: Pick<Db, 'selectFrom'>, row: repo.OfficerRow): Promise<Officer> {
  const [[summary], revocations] = await Promise.all([toSummaries(db, row.agency_id, [row]), revocationsOf(db, [row.id])]);
  return {
    ...summary!,
    mobile: row.mobile ?? '',
    decidedAt: row.decided_at,
    decidedBy: row.decided_by,
    rejectionReason: row.rejection_reason,
    revocations: revocations.get(row.id) ?? [],
  };
}

async function reload(deps: OfficersDeps, userId: string): Promise<Officer> {
  const row = await repo.findOfficer(deps.db, userId);
  if (!row) throw officerNotFound(userId);
  return toOfficer(deps.db, row);
}

/** Public: the active offices an applicant may choose from. */
export async function registrationOffices(deps: OfficersDeps, agencyId: string): Promise<PublicOfficeList> {
  if (!(await findAgency(deps.db, agencyId))) throw new AppError(404, 'problem.agencyNotFound');
  const offices = await officeReferences(deps.db, agencyId);
  return { items: offices.filter((office) => office.isActive).map(({ id, code, name, city, state }) => ({ id, code, name, city, state })) };
}

const confirmationMail = { subject: 'mail.officerConfirm.subject', body: 'mail.officerConfirm.body' } as const;
/** Confirmation links one address is mailed in an hour, however often its request is made again. */
export const confirmationMailsPerHour = 3;

/**
 * Trade Notice 23/2024-25 §3.II: the officer's request, a pending account of the agency, goes to the
 * agency's administrators. A rejected request may be made again: once its link is opened, the same
 * account is reopened, and its history keeps the rejection.
 */
export async function registerOfficer(deps: OfficersDeps, fields: OfficerRegistration, locale: Locale): Promise<RegistrationReceipt> {
  const agency = await findAgency(deps.db, fields.agencyId);
  if (!agency) throw fieldRefusal('agencyId', 'problem.agencyNotFound');
  const domain = domainOf(fields.email);
  if (!agency.emailDomains.includes(domain)) {
    throw fieldRefusal('email', 'problem.emailDomainNotOnRecord', { agency: agency.name, domains: agency.emailDomains.join(', '), domain });
  }
  const [office] = await officeReferences(deps.db, agency.id, [fields.officeId]);
  if (!office?.isActive) throw fieldRefusal('officeId', 'problem.officeNotOpenForRegistration', { agency: agency.name });

  const id = randomUUID();
  const submittedAt = nowIso();
  let userId: string = id;
  // An address already taken answers like a new one, and its owner is mailed (issue 13, fault 3).
  const addressTaken = new Error('address taken');
  const tooManyLinks = new Error('too many confirmation links');
  try {
    await deps.db.transaction().execute(async (trx) => {
      // Anyone can submit anyone's address again and again, each time mailing it a link and replacing
      // the request it has not confirmed yet. After a few links in an hour, a request for the address
      // is answered alike and changes nothing: no mail, and the last link sent still confirms.
      const hourAgo = new Date(Date.parse(submittedAt) - 60 * 60_000).toISOString();
      if ((await deps.mailer.countSent(trx, fields.email, confirmationMail, hourAgo)) >= confirmationMailsPerHour) throw tooManyLinks;
      let existing = await findUserByEmail(trx, fields.email);
      if (existing && (await releaseUnconfirmedRequest(trx, existing.id))) existing = undefined;
      const existingOfficer = existing?.role === 'issuing-officer' ? await repo.findOfficer(trx, existing.id) : undefined;
      if (existing?.status === 'pending' && existingOfficer?.email_confirmed_at) throw addressTaken;
      // A rejected request (or one made again after a rejection and not yet confirmed) is reopened only
      // for the same agency: its history and any signature are that agency's.
      const reopen = existingOfficer && (existing?.status === 'rejected' || existing?.status === 'pending') && existing.agency_id === agency.id ? existing : undefined;
      if (existing && !reopen) throw addressTaken;
      if (reopen) {
        // The refused account stays as it is, rejection and all, until the link is opened: anyone can
        // type a refused officer's address here (see confirmOfficerRequest).
        userId = reopen.id;
        await repo.holdRequestAgain(trx, { user_id: userId, name: fields.name, mobile: fields.mobile, designation: fields.designation, requested_office_id: office.id, locale, requested_at: submittedAt });
      } else {
        await insertUser(trx, {
          id,
          email: fields.email,
          name: fields.name,
          mobile: fields.mobile,
          role: 'issuing-officer',
          agency_id: agency.id,
          status: 'pending',
          password_hash: null,
          created_at: submittedAt,
          updated_at: submittedAt,
          locale,
        });
        await repo.insertOfficer(trx, {
          user_id: id,
          agency_id: agency.id,
          designation: fields.designation,
          requested_office_id: office.id,
          requested_at: submittedAt,
          decided_at: null,
          decided_by: null,
          rejection_reason: null,
          email_confirmed_at: null,
          signature_version_id: null,
          updated_at: submittedAt,
        });
        await recordAudit(trx, {
          actorId: null,
          action: 'officer.requested',
          subjectType: 'user',
          subjectId: userId,
          agencyId: agency.id,
          // The office asked for, so the trail's office filter finds the request too.
          officeId: office.id,
          details: { changes: [{ field: 'status', before: null, after: 'pending' }, { field: 'requestedOffice', before: null, after: office.code }] },
        });
      }
      // Nothing reaches the administrator until the address is shown to be the applicant's.
      const token = await issueToken(trx, userId, 'confirm-email');
      await deps.mailer.queue(trx, fields.email, confirmationMail, { name: fields.name, agency: agency.name, office: office.name, link: `${deps.publicUrl}/register/confirm#token=${token}` });
    });
  } catch (err) {
    // Two requests at once for one email: the unique email lets one through.
    if (err === addressTaken || isUniqueViolation(err, { table: 'users', column: 'email' })) return answerTakenAddress(deps, fields.email, agency.name);
    if (err === tooManyLinks) return { id: randomUUID(), status: 'pending', email: fields.email, submittedAt };
    throw err;
  }
  deps.mailer.deliverSoon();
  return { id: userId, status: 'pending', email: fields.email, submittedAt };
}

/**
 * The applicant opened the mailed link: the request is now the administrator's, who is mailed.
 * A link that is unknown, used, expired or of another kind confirms nothing.
 */
export async function confirmOfficerRequest(deps: OfficersDeps, token: string): Promise<OfficerConfirmation> {
  const confirmed = await deps.db.transaction().execute(async (trx) => {
    const invalid = () => new AppError(400, 'problem.confirmationInvalid');
    const userId = await spendToken(trx, token, 'confirm-email');
    if (!userId) throw invalid();
    await reopenWithHeldRequest(trx, userId, nowIso());
    const row = await repo.findOfficer(trx, userId);
    if (!row || row.status !== 'pending' || row.email_confirmed_at) throw invalid();
    const agency = await findAgency(trx, row.agency_id);
    const [office] = row.requested_office_id ? await officeReferences(trx, row.agency_id, [row.requested_office_id]) : [];
    const now = nowIso();
    await repo.updateOfficer(trx, userId, { email_confirmed_at: now, updated_at: now });
    await recordAudit(trx, {
      actorId: null,
      action: 'officer.email-confirmed',
      subjectType: 'user',
      subjectId: userId,
      agencyId: row.agency_id,
      details: { changes: [{ field: 'emailConfirmed', before: false, after: true }] },
    });
    const link = `${deps.publicUrl}/dashboard/users?status=pending`;
    for (const admin of await repo.activeAdministratorEmails(trx, row.agency_id)) {
      await deps.mailer.queue(
        trx,
        admin.email,
        { subject: 'mail.officerRequest.subject', body: 'mail.officerRequest.body' },
        { name: admin.name, officer: row.name, designation: row.designation, email: row.email, agency: agency?.name ?? '', office: office?.name ?? '', link },
      );
    }
    return { email: row.email, agency: { id: row.agency_id, name: agency?.name ?? '' } };
  });
  deps.mailer.deliverSoon();
  return confirmed;
}

/**
 * A request made again after a rejection, now that its link was opened: the refused account is
 * reopened with what was typed (history kept; signature, offices and the decision cleared).
 */
async function reopenWithHeldRequest(trx: Transaction<Database>, userId: string, at: string): Promise<void> {
  const held = await repo.takeHeldRequestAgain(trx, userId);
  const before = held && (await repo.findOfficer(trx, userId));
  if (!held || !before || (before.status !== 'rejected' && before.status !== 'pending')) return;
  if (!(await moveAccountStatus(trx, userId, before.status, 'pending', at))) return;
  await updateAccount(trx, userId, { name: held.name, mobile: held.mobile, locale: held.locale, updated_at: at });
  await repo.updateOfficer(trx, userId, {
    designation: held.designation,
    requested_office_id: held.requested_office_id,
    requested_at: held.requested_at,
    decided_at: null,
    decided_by: null,
    rejection_reason: null,
    email_confirmed_at: null,
    signature_version_id: null,
    updated_at: at,
  });
  // The cleared signature is no longer in use: the specimen register must not list it after a new approval.
  await endUsePeriod(trx, { purpose: 'officer-signature', subjectId: userId, at });
  await repo.setOfficerOffices(trx, userId, [], null, at);
  const [office] = await officeReferences(trx, before.agency_id, [held.requested_office_id]);
  await recordAudit(trx, {
    actorId: null,
    action: 'officer.requested-again',
    subjectType: 'user',
    subjectId: userId,
    agencyId: before.agency_id,
    officeId: held.requested_office_id,
    details: { changes: [{ field: 'status', before: before.status, after: 'pending' }, { field: 'requestedOffice', before: null, after: office?.code ?? held.requested_office_id }] },
  });
}

export async function isUnconfirmedRequest(db: Pick<Db, 'selectFrom'>, userId: string): Promise<boolean> {
  const row = await repo.findOfficer(db, userId);
  return row !== undefined && row.status === 'pending' && !row.email_confirmed_at && !(await repo.wasEverDecided(db, userId));
}

/**
 * An unconfirmed request that was never decided proves nothing and holds nothing: anyone may have
 * typed the address. It is removed when the address is registered again (as officer or
 * administrator), so nobody can reserve another person's email. True when it was removed.
 */
export async function releaseUnconfirmedRequest(trx: Pick<Db, 'selectFrom' | 'deleteFrom'>, userId: string): Promise<boolean> {
  if (!(await isUnconfirmedRequest(trx, userId))) return false;
  await repo.deleteOfficer(trx, userId);
  return deleteUnusedAccount(trx, userId);
}

export async function listOfficers(deps: OfficersDeps, actor: Actor, query: OfficerListQuery): Promise<OfficerList> {
  const agencyId = agencyOf(actor);
  const [{ ids, total }, counts] = await Promise.all([
    repo.listOfficers(deps.db, { ...query, agencyId }),
    repo.countOfficers(deps.db, { agencyId, officeId: query.officeId, q: query.q }),
  ]);
  const items = await toSummaries(deps.db, agencyId, await repo.findOfficers(deps.db, ids));
  return { items, total, page: query.page, pageSize: query.pageSize, counts };
}

export const officerCounts = (deps: OfficersDeps, actor: Actor): Promise<OfficerCounts> => repo.countOfficers(deps.db, { agencyId: agencyOf(actor) });

/** Office names and codes for User Management's filter and mapping, without addresses or payment details. */
export async function officeChoices(deps: OfficersDeps, actor: Actor): Promise<OfficeChoiceList> {
  return { items: (await officeReferences(deps.db, agencyOf(actor))).map(toOfficerOffice) };
}

export async function getOfficer(deps: OfficersDeps, actor: Actor, userId: string): Promise<Officer> {
  return toOfficer(deps.db, await loadOwnOfficer(deps.db, actor, userId));
}

const decided = (row: repo.OfficerRow) => new AppError(409, 'problem.officerDecided', { status: repo.statusOfAccount[row.status] });

/** Approval opens the account, maps the office the officer asked for (if still active) and mails the set-password link, in one transaction. */
export async function approveOfficer(deps: OfficersDeps, actor: Actor, userId: string): Promise<Officer> {
  await deps.db.transaction().execute(async (trx) => {
    const row = await loadOwnOfficer(trx, actor, userId);
    if (row.status !== 'pending') throw decided(row);
    const now = nowIso();
    if (!(await moveAccountStatus(trx, userId, 'pending', 'active', now))) throw decided(row);
    await repo.updateOfficer(trx, userId, { decided_at: now, decided_by: actor.id, rejection_reason: null, updated_at: now });
    const [requested] = row.requested_office_id ? await officeReferences(trx, row.agency_id, [row.requested_office_id]) : [];
    const mapped = requested?.isActive ? [requested] : [];
    await repo.setOfficerOffices(trx, userId, mapped.map((office) => office.id), actor.id, now);
    const link = await issuePasswordToken(trx, deps.publicUrl, userId, 'activation');
    await deps.mailer.queue(trx, row.email, { subject: 'mail.officerApproved.subject', body: 'mail.officerApproved.body' }, { name: row.name, agency: actor.agencyName ?? '', link, reference: registrationReference(userId) });
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'officer.approved',
      subjectType: 'user',
      subjectId: userId,
      agencyId: row.agency_id,
      officeId: mapped[0]?.id ?? null,
      details: { changes: [{ field: 'status', before: 'pending', after: 'active' }, { field: 'offices', before: [], after: mapped.map((office) => office.code) }] },
    });
  });
  deps.mailer.deliverSoon();
  return reload(deps, userId);
}

export async function rejectOfficer(deps: OfficersDeps, actor: Actor, userId: string, reason: string): Promise<Officer> {
  await deps.db.transaction().execute(async (trx) => {
    const row = await loadOwnOfficer(trx, actor, userId);
    if (row.status !== 'pending') throw decided(row);
    const now = nowIso();
    if (!(await moveAccountStatus(trx, userId, 'pending', 'rejected', now))) throw decided(row);
    await repo.updateOfficer(trx, userId, { decided_at: now, decided_by: actor.id, rejection_reason: reason, updated_at: now });
    await deps.mailer.queue(trx, row.email, { subject: 'mail.officerRejected.subject', body: 'mail.officerRejected.body' }, { name: row.name, agency: actor.agencyName ?? '', reason, reference: registrationReference(userId) });
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'officer.rejected',
      subjectType: 'user',
      subjectId: userId,
      agencyId: row.agency_id,
      details: { changes: [{ field: 'status', before: 'pending', after: 'rejected' }, { field: 'reason', before: null, after: reason }] },
    });
  });
  deps.mailer.deliverSoon();
  return reload(deps, userId);
}

/** The officer's offices become exactly these: active offices of the agency, every one of them checked. */
export async function mapOfficerOffices(deps: OfficersDeps, actor: Actor, userId: string, officeIds: readonly string[]): Promise<Officer> {
  await deps.db.transaction().execute(async (trx) => {
    const row = await loadOwnOfficer(trx, actor, userId);
    if (row.status !== 'active') throw new AppError(409, 'problem.officerNotActive', { action: 'mapping', status: repo.statusOfAccount[row.status] });
    const offices = await officesById(trx, row.agency_id, officeIds);
    const refused = officeIds.map((id, index) => ({ id, index })).filter(({ id }) => !offices.get(id)?.isActive);
    if (refused.length > 0) {
      throw badRequest(refused.map(({ id, index }) => fieldProblem(`officeIds.${index}`, 'problem.officeNotMappable', { id })));
    }
    const before = (await repo.officeIdsOf(trx, [userId])).get(userId) ?? [];
    const beforeOffices = await officesById(trx, row.agency_id, before);
    const now = nowIso();
    await repo.setOfficerOffices(trx, userId, officeIds, actor.id, now);
    await repo.updateOfficer(trx, userId, { updated_at: now });
    const codes = (ids: readonly string[], from: Map<string, OfficerOffice>) => ids.map((id) => from.get(id)?.code ?? id).sort();
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'officer.offices-mapped',
      subjectType: 'user',
      subjectId: userId,
      agencyId: row.agency_id,
      details: { changes: [{ field: 'offices', before: codes(before, beforeOffices), after: codes(officeIds, offices) }] },
    });
    const list = officeIds.map((id) => offices.get(id)!).map((office) => `- ${office.name} (${office.code})`).join('\n');
    await deps.mailer.queue(trx, row.email, { subject: 'mail.officerOffices.subject', body: 'mail.officerOffices.body' }, { name: row.name, agency: actor.agencyName ?? '', offices: list });
  });
  deps.mailer.deliverSoon();
  return reload(deps, userId);
}

/** Recorded as a revocation that is kept; the officer's sessions end at once, so their open page is signed out on its next request. */
export async function deactivateOfficer(deps: OfficersDeps, actor: Actor, userId: string, input: { effectiveDate: string; reason: string }): Promise<Officer> {
  if (userId === actor.id) throw new AppError(409, 'problem.deactivateSelf');
  await deps.db.transaction().execute(async (trx) => {
    const row = await loadOwnOfficer(trx, actor, userId);
    const notActive = (status: string) => new AppError(409, 'problem.officerNotActive', { action: 'deactivation', status });
    if (row.status !== 'active') throw notActive(repo.statusOfAccount[row.status]);
    assertEffectiveDate(input.effectiveDate, row.decided_at ?? row.created_at);
    const at = nowIso();
    const account = { id: userId, email: row.email, name: row.name, agencyId: row.agency_id, agencyName: actor.agencyName ?? '' };
    const contact = `${actor.name} <${actor.email}>`;
    if (!(await deactivateAccount(trx, deps.mailer, { account, ...input, actorId: actor.id, contact, auditAction: 'officer.deactivated', at }))) throw notActive('deactivated');
    await repo.updateOfficer(trx, userId, { updated_at: at });
  });
  deps.mailer.deliverSoon();
  return reload(deps, userId);
}

export async function reactivateOfficer(deps: OfficersDeps, actor: Actor, userId: string): Promise<Officer> {
  await deps.db.transaction().execute(async (trx) => {
    const row = await loadOwnOfficer(trx, actor, userId);
    const at = nowIso();
    const account = { id: userId, email: row.email, name: row.name, agencyId: row.agency_id, agencyName: actor.agencyName ?? '' };
    if (row.status !== 'disabled' || !(await reactivateAccount(trx, deps.mailer, { account, actorId: actor.id, auditAction: 'officer.reactivated', at, publicUrl: deps.publicUrl }))) {
      throw new AppError(409, 'problem.officerNotDeactivated', { status: repo.statusOfAccount[row.status] });
    }
    await repo.updateOfficer(trx, userId, { updated_at: at });
  });
  deps.mailer.deliverSoon();
  return reload(deps, userId);
}

export async function officerHistory(deps: OfficersDeps, actor: Actor, userId: string): Promise<AccountAuditEntry[]> {
  await loadOwnOfficer(deps.db, actor, userId);
  return listAuditEntries(deps.db, 'user', userId);
}

/** What the signed-in officer sees on My Dashboard. */
export async function myOfficerProfile(deps: OfficersDeps, actor: Actor): Promise<OfficerProfile> {
  const row = await loadOwnOfficer(deps.db, actor, actor.id);
  const [summary] = await toSummaries(deps.db, row.agency_id, [row]);
  return {
    id: row.id,
    name: row.name,
    designation: row.designation,
    agency: { id: row.agency_id, name: actor.agencyName ?? '' },
    offices: summary!.offices,
    signature: summary!.signature,
    dsc: summary!.dsc,
  };
}

/**
 * An officer made outside the Register form (demo data, benchmarks, migration of a register of
 * officers): the account, its officer record and offices, in the caller's transaction.
 */
export async function addOfficerAccount(
  trx: Pick<Db, 'selectFrom' | 'insertInto' | 'updateTable' | 'deleteFrom'>,
  officer: { id?: string; agencyId: string; name: string; email: string; mobile: string; designation: string; officeIds: string[]; status: 'pending' | 'active'; passwordHash: string | null; at: string },
): Promise<string> {
  const id = officer.id ?? randomUUID();
  await insertUser(trx, {
    id,
    email: officer.email,
    name: officer.name,
    mobile: officer.mobile,
    role: 'issuing-officer',
    agency_id: officer.agencyId,
    status: officer.status,
    password_hash: officer.passwordHash,
    created_at: officer.at,
    updated_at: officer.at,
  });
  await repo.insertOfficer(trx, {
    user_id: id,
    agency_id: officer.agencyId,
    designation: officer.designation,
    requested_office_id: officer.officeIds[0] ?? null,
    requested_at: officer.at,
    decided_at: officer.status === 'active' ? officer.at : null,
    decided_by: null,
    rejection_reason: null,
    signature_version_id: null,
    email_confirmed_at: officer.at,
    updated_at: officer.at,
  });
  if (officer.status === 'active') await repo.setOfficerOffices(trx, id, officer.officeIds, null, officer.at);
  return id;
}
