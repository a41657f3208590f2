import type { Db } from '../db/connect.ts';
import { nowIso } from '../db/connect.ts';
import type { FileStore } from '../storage/files.ts';
import type { JobHandler, JobResult } from '../jobs/index.ts';
import { activeRegisterLink, registerEntryPath } from '../specimen-register/index.ts';
import { unprintableFields } from './layout/printable-text.ts';
import { drawSpecimenCertificate, type SpecimenContent } from './layout/specimen-pdf.ts';
import * as repo from './repository.ts';
import { printedFieldsOf } from './service.ts';

/**
 * Draws a requested specimen. The PDF is written to the file store first and the row marked done
 * after, in the job's own settling transaction: a process killed in between leaves a stored file and
 * a row still running, and the job, taken over when its lease runs out, draws the same bytes again
 * (the request's instant is the file's date), so the store keeps one file and the row gets its key.
 * The row keeps the register link whose token the QR carries, checked still active in that same
 * transaction: a link revoked while the PDF was drawn fails the specimen rather than printing it.
 */
export function specimenCertificateJobs(db: Db, files: FileStore, options: { publicUrl: string }): JobHandler {
  return {
    kind: 'specimen-certificate',
    concurrency: 1,
    backoffMs: (attempts) => 2_000 * attempts,
    async run(job) {
      const specimen = await repo.findSpecimen(db, job.subjectId);
      if (!specimen) return { outcome: 'failed', error: 'the specimen no longer exists' };
      if (specimen.state === 'done') return { outcome: 'done' };
      await repo.markSpecimenRunning(db, specimen.id);
      // The link is read now, not when asked for: one revoked meanwhile must not be printed.
      const link = await activeRegisterLink(db, specimen.agency_id);
      const noLink = { outcome: 'failed', error: 'the agency has no active register link', effect: (trx) => repo.markSpecimen(trx, specimen.id, { state: 'failed', failure_reason: 'no-register-link', finished_at: nowIso() }) } satisfies JobResult;
      if (!link) return noLink;
      const [office, officer] = await Promise.all([repo.findOffice(db, specimen.office_id), repo.findOfficer(db, specimen.officer_id, specimen.office_id)]);
      const [stampPng, signaturePng] = await Promise.all([files.get(specimen.stamp_png_sha256).catch(() => undefined), files.get(specimen.signature_png_sha256).catch(() => undefined)]);
      if (!office || !officer || !stampPng || !signaturePng) {
        return { outcome: 'failed', error: 'the office, the officer or a picture is missing', effect: (trx) => repo.markSpecimen(trx, specimen.id, { state: 'failed', failure_reason: 'image-missing', finished_at: nowIso() }) };
      }
      const printed = printedFieldsOf(office, officer);
      const content: SpecimenContent = {
        ...printed,
        office: { ...printed.office, code: office.code },
        date: specimen.specimen_date,
        stampPng,
        signaturePng,
        registerEntryUrl: `${options.publicUrl}${registerEntryPath(link.token, { officeId: specimen.office_id, officerId: specimen.officer_id, date: specimen.specimen_date })}`,
        requestedAt: specimen.requested_at,
      };
      const pdf = Buffer.from(await drawSpecimenCertificate(content));
      const unprintable = (await unprintableFields(content)).join(',') || null;
      const { key } = await files.put(pdf);
      return {
        outcome: 'done',
        effect: async (trx) => {
          if ((await activeRegisterLink(trx, specimen.agency_id))?.id !== link.id) return noLink.effect(trx);
          await repo.markSpecimen(trx, specimen.id, { state: 'done', pdf_sha256: key, pdf_size: pdf.length, finished_at: nowIso(), failure_reason: null, register_link_id: link.id, unprintable_fields: unprintable });
        },
      };
    },
    onRetry: (trx, job) => repo.markSpecimen(trx, job.subjectId, { state: 'queued' }),
    onRelease: (trx, job) => repo.markSpecimen(trx, job.subjectId, { state: 'queued' }),
    onGiveUp: (trx, job) => repo.markSpecimen(trx, job.subjectId, { state: 'failed', failure_reason: 'internal', finished_at: nowIso() }),
  };
}
