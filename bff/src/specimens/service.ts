import { randomUUID } from 'node:crypto';
import type { SpecimenCertificate, SpecimenChoices, SpecimenList, SpecimenRequest } from '@ecoo/shared/specimens/schemas';
import type { PageQuery } from '@ecoo/shared/offices/paging';
import type { Db } from '../db/connect.ts';
import type { FileStore } from '../storage/files.ts';
import { agencyOf, todayInIndia, type Actor } from '../accounts/index.ts';
import { recordAudit } from '../audit/record.ts';
import { enqueueJob } from '../jobs/index.ts';
import { activeRegisterToken } from '../specimen-register/index.ts';
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
  const id = randomUUID();
  await deps.db.transaction().execute(async (trx) => {
    const office = await repo.findOffice(trx, input.officeId);
    if (!office || office.agency_id !== agencyId) throw errors.officeNotFound(input.officeId);
    if (office.is_active !== 1) throw errors.officeNotActive(office.code);
    if (!office.stamp_version_id) throw errors.officeHasNoStamp(office.code);
    const officer = await repo.findOfficer(trx, input.officerId, office.id);
    if (!officer || officer.agency_id !== agencyId || officer.status === 'pending' || officer.status === 'rejected') throw errors.officerNotFound(input.officerId);
    if (officer.status !== 'active') throw errors.officerNotActive(officer.name);
    if (!officer.mapped_office_id) throw errors.officerNotMapped(officer.name, office.code);
    if (!officer.signature_version_id) throw errors.officerHasNoSignature(officer.name);
    if (!(await activeRegisterToken(trx, agencyId))) throw errors.noRegisterLink();

    const date = todayInIndia(now);
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
  });
  deps.wakeSpecimens();
  return getSpecimen(deps, actor, id);
}

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
  const [offices, officers, token] = await Promise.all([repo.agencyOffices(deps.db, agencyId), repo.agencyOfficers(deps.db, agencyId), activeRegisterToken(deps.db, agencyId)]);
  return {
    hasRegisterLink: token !== undefined,
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
