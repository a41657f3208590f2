import { randomUUID } from 'node:crypto';
import { SpecimenPrintFieldSchema, type SpecimenCertificate, type SpecimenChoices, type SpecimenList, type SpecimenRequest } from '@ecoo/shared/specimens/schemas';
import type { PageQuery } from '@ecoo/shared/offices/paging';
import type { Db } from '../db/connect.ts';
import type { FileStore } from '../storage/files.ts';
import { agencyOf, todayInIndia, type Actor } from '../accounts/index.ts';
import { recordAudit } from '../audit/record.ts';
import { transactionInTurns } from '../db/portable.ts';
import { enqueueJob } from '../jobs/index.ts';
import { activeRegisterLink } from '../specimen-register/index.ts';
import { unprintableFields } from './layout/printable-text.ts';
import * as errors from './errors.ts';
import * as repo from './repository.ts';

export interface SpecimensDeps {
  db: Db;
  files: FileStore;
  /** Called after a request commits, so this process draws it at once rather than at its next poll. */
  wakeSpecimens: () => void;
}

/** Drawing takes a fraction of a second; three tries cover a full disk or a database away for a moment. */
export const specimenAttempts = 3;

/**
 * Specimens of one agency queued or being drawn at once. Each draw holds the process that runs jobs
 * for a fraction of a second, so a script (or a held-down Enter) must not queue hundreds of them
 * ahead of every other agency's; an administrator needs one or two at a time.
 */
export const maxSpecimensInProgressPerAgency = 3;

export function specimenOf(row: repo.SpecimenRow): SpecimenCertificate {
  return {
    id: row.id,
    office: { id: row.office_id, code: row.office_code, name: row.office_name },
    officer: { id: row.officer_id, name: row.officer_name },
    stampVersion: row.stamp_version,
    signatureVersion: row.signature_version,
    date: row.specimen_date,
    state: row.state,
    failureReason: row.failure_reason,
    requestedBy: row.requester_name,
    requestedAt: row.requested_at,
    finishedAt: row.finished_at,
    byteSize: row.pdf_size,
    unprintableFields: row.unprintable_fields ? SpecimenPrintFieldSchema.array().parse(row.unprintable_fields.split(',')) : [],
    qrLinkRevoked: row.register_link_revoked_at !== null,
  };
}

/**
 * Checks everything a specimen needs, in the order an administrator would mend it, and queues its
 * job with the audit entry in one transaction: a refusal writes nothing (no row, no job, no entry).
 * The stamp and signature versions are fixed here, when asked for: the PDF shows what was in use
 * then, even if another version is accepted before the job runs.
 */
export async function requestSpecimen(deps: SpecimensDeps, actor: Actor, input: SpecimenRequest, now = new Date()): Promise<SpecimenCertificate> {
  const agencyId = agencyOf(actor);
  let id: string = randomUUID();
  // Counted and inserted in turns per agency: two requests at once cannot both see room for one.
  const queued = await transactionInTurns(deps.db, `specimens:${agencyId}`, async (trx) => {
    const office = await repo.findOffice(trx, input.officeId);
    if (!office || office.agency_id !== agencyId) throw errors.officeNotFound(input.officeId);
    if (office.is_active !== 1) throw errors.officeNotActive(office.code);
    if (!office.stamp_version_id) throw errors.officeHasNoStamp(office.code);
    const officer = await repo.findOfficer(trx, input.officerId, office.id);
    if (!officer || officer.agency_id !== agencyId || officer.status === 'pending' || officer.status === 'rejected') throw errors.officerNotFound(input.officerId);
    if (officer.status !== 'active') throw errors.officerNotActive(officer.name);
    if (!officer.mapped_office_id) throw errors.officerNotMapped(officer.name, office.code);
    if (!officer.signature_version_id) throw errors.officerHasNoSignature(officer.name);
    if (!(await activeRegisterLink(trx, agencyId))) throw errors.noRegisterLink();

    const date = todayInIndia(now);
    const inProgress = await repo.specimensInProgress(trx, agencyId);
    // The same specimen asked again while it is drawn (a double click, a retried request): that one answers.
    const same = inProgress.find((row) => row.office_id === office.id && row.officer_id === officer.id && row.stamp_version_id === office.stamp_version_id && row.signature_version_id === officer.signature_version_id && row.specimen_date === date);
    if (same) {
      id = same.id;
      return false;
    }
    if (inProgress.length >= maxSpecimensInProgressPerAgency) throw errors.tooManyInProgress(maxSpecimensInProgressPerAgency);
    await repo.insertSpecimen(trx, {
      id,
      agency_id: agencyId,
      office_id: office.id,
      officer_id: officer.id,
      stamp_version_id: office.stamp_version_id,
      signature_version_id: officer.signature_version_id,
      specimen_date: date,
      requested_by: actor.id,
      requested_at: now.toISOString(),
      state: 'queued',
      failure_reason: null,
      finished_at: null,
      pdf_sha256: null,
      pdf_size: null,
      register_link_id: null,
      // Told at once, so the form can say it; the job writes what it printed.
      unprintable_fields: (await unprintableFields(printedFieldsOf(office, officer))).join(',') || null,
    });
    await enqueueJob(trx, { kind: 'specimen-certificate', subjectId: id, maxAttempts: specimenAttempts });
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'specimen.requested',
      subjectType: 'agency',
      subjectId: agencyId,
      agencyId,
      officeId: office.id,
      officerId: officer.id,
      details: { specimenId: id, stampVersionId: office.stamp_version_id, signatureVersionId: officer.signature_version_id, date },
    });
    return true;
  });
  if (queued) deps.wakeSpecimens();
  return getSpecimen(deps, actor, id);
}

/** The administrator's data a specimen prints, as the job gives it to the layout. */
export const printedFieldsOf = (
  office: { agency_name: string; name: string; address_line1: string; address_line2: string; city: string; state: string; pin_code: string },
  officer: { name: string; designation: string },
) => ({
  agencyName: office.agency_name,
  office: { name: office.name, addressLines: [office.address_line1, office.address_line2, `${office.city}, ${office.state} ${office.pin_code}`].filter(Boolean), city: office.city },
  officer: { name: officer.name, designation: officer.designation },
});

/** Another agency's specimen answers as an unknown one. */
async function ownSpecimen(deps: SpecimensDeps, actor: Actor, id: string): Promise<repo.SpecimenRow> {
  const row = await repo.findSpecimen(deps.db, id);
  if (!row || row.agency_id !== agencyOf(actor)) throw errors.specimenNotFound(id);
  return row;
}

export async function getSpecimen(deps: SpecimensDeps, actor: Actor, id: string): Promise<SpecimenCertificate> {
  return specimenOf(await ownSpecimen(deps, actor, id));
}

export async function listSpecimens(deps: SpecimensDeps, actor: Actor, page: PageQuery): Promise<SpecimenList> {
  const agencyId = agencyOf(actor);
  const [rows, total] = await Promise.all([repo.listSpecimens(deps.db, agencyId, page), repo.countSpecimens(deps.db, agencyId)]);
  return { items: rows.map(specimenOf), total, page: page.page, pageSize: page.pageSize };
}

/** The PDF of a finished specimen, with the name it is saved under: specimen-<office code>-<date>.pdf. */
export async function specimenPdf(deps: SpecimensDeps, actor: Actor, id: string): Promise<{ bytes: Buffer; fileName: string }> {
  const row = await ownSpecimen(deps, actor, id);
  if (row.state !== 'done' || !row.pdf_sha256) throw errors.specimenNotReady(row.state);
  return { bytes: await deps.files.get(row.pdf_sha256), fileName: `specimen-${row.office_code}-${row.specimen_date}.pdf` };
}

export async function specimenChoices(deps: SpecimensDeps, actor: Actor): Promise<SpecimenChoices> {
  const agencyId = agencyOf(actor);
  const [offices, officers, link] = await Promise.all([repo.agencyOffices(deps.db, agencyId), repo.agencyOfficers(deps.db, agencyId), activeRegisterLink(deps.db, agencyId)]);
  return {
    hasRegisterLink: link !== undefined,
    offices: offices.map((office) => ({
      id: office.id,
      code: office.code,
      name: office.name,
      blockers: [...(office.is_active === 1 ? [] : (['inactive'] as const)), ...(office.stamp_version_id ? [] : (['no-stamp'] as const))],
    })),
    officers: officers.map((officer) => ({
      id: officer.id,
      name: officer.name,
      designation: officer.designation,
      officeIds: officer.officeIds,
      blockers: [...(officer.status === 'active' ? [] : (['inactive'] as const)), ...(officer.signature_version_id ? [] : (['no-signature'] as const))],
    })),
  };
}
