import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { AcceptResultSchema, BackgroundJob, ImagePurpose, ImageRendition, ImageVersion, SubjectImages } from '@ecoo/shared/images/schemas';
import type { Db } from '../db/connect.ts';
import { nowIso } from '../db/connect.ts';
import type { FileStore } from '../storage/files.ts';
import { AppError } from '../http/problem.ts';
import { agencyOf, type Actor } from '../accounts/index.ts';
import { ImageRefusal, imageLimits, inspectImage } from './intake/decode-image.ts';
import { enqueueJob } from '../jobs/index.ts';
import { recordAudit } from '../audit/record.ts';
import { isUniqueViolation, transactionInTurns } from '../db/portable.ts';
import { maxAttempts as backgroundRemovalAttempts } from './jobs/job-runner.ts';
import { renderAttempts } from './jobs/accept-render.ts';
import * as repo from './repository.ts';
import { beginUsePeriod } from './use-periods.ts';
import type { ImageSubjects } from './subjects.ts';
import type { RenditionStore } from './renditions.ts';

export interface ImagesDeps {
  db: Db;
  files: FileStore;
  /** Tell this process's job runner that background removal, or a render, was queued. */
  wakeRunner: () => void;
  wakeRenderer: () => void;
  /** Where each kind of image hangs: office stamps, officer signatures. */
  subjects: ImageSubjects;
  /** Thumbnails of accepted versions, made on first request and kept. */
  renditions: RenditionStore;
}

/** Queued or running jobs one agency may have; twenty administrators at once stay well inside it. */
export const maxUnfinishedJobsPerAgency = 40;

type AcceptResult = z.output<typeof AcceptResultSchema>;
interface Upload {
  bytes: Buffer;
  originalName: string;
}

const jobNotFound = (id: string) => new AppError(404, 'problem.imageJobNotFound', { id });
const versionNotFound = (id: string) => new AppError(404, 'problem.imageVersionNotFound', { id });

/** The refusal of an upload, in words that say what to do. */
function refusalProblem(refusal: ImageRefusal): AppError {
  switch (refusal.reason) {
    case 'not-an-image':
      return new AppError(415, 'problem.imageType', { detected: refusal.details.detected ?? 'other' });
    case 'too-large':
      return new AppError(413, 'problem.fileTooLarge', { max: `${imageLimits.maxBytes / 1024 / 1024} MB` });
    case 'too-many-pixels':
      return new AppError(400, 'problem.imageTooManyPixels', { megapixels: refusal.details.megapixels ?? '> 40' });
    case 'truncated':
      return new AppError(400, 'problem.imageTruncated', { format: refusal.details.format ?? 'picture' });
    case 'corrupt':
      return new AppError(400, 'problem.imageCorrupt', { format: refusal.details.format ?? 'picture', offset: refusal.details.offset ?? 0 });
    case 'unreadable':
      return new AppError(400, 'problem.imageUnreadable');
  }
}

async function loadOwnJob(db: Db, actor: Actor, jobId: string): Promise<repo.JobRow> {
  const job = await repo.findJob(db, jobId);
  // Another agency's job answers as an unknown one, so the answer does not tell that it exists.
  if (!job || job.agency_id !== agencyOf(actor)) throw jobNotFound(jobId);
  return job;
}

async function toJob(db: Db, row: repo.JobRow): Promise<BackgroundJob> {
  const [results, ahead] = await Promise.all([repo.resultsOf(db, row.id), row.state === 'queued' ? repo.jobsAhead(db, row) : null]);
  return repo.jobRowToJob(row, results, ahead);
}

export async function getJob(deps: ImagesDeps, actor: Actor, jobId: string): Promise<BackgroundJob> {
  return toJob(deps.db, await loadOwnJob(deps.db, actor, jobId));
}

/** Called inside the transaction that queues, so simultaneous uploads cannot all pass at the limit. */
async function assertQueueRoom(db: Parameters<typeof repo.unfinishedJobCount>[0], agencyId: string): Promise<void> {
  const count = await repo.unfinishedJobCount(db, agencyId);
  if (count >= maxUnfinishedJobsPerAgency) throw new AppError(503, 'problem.imageQueueFull', { count }, undefined, { 'Retry-After': '60' });
}

/**
 * Keeps the upload as received and queues its background removal. Only the header is read here
 * (type, pixel count): decoding happens in a worker, so a burst of uploads costs no decoding memory.
 */
async function queueUpload(deps: ImagesDeps, actor: Actor, target: { purpose: ImagePurpose; subjectId: string; agencyId: string }, upload: Upload): Promise<BackgroundJob> {
  let header: Awaited<ReturnType<typeof inspectImage>>;
  try {
    header = await inspectImage(upload.bytes);
  } catch (error) {
    if (error instanceof ImageRefusal) throw refusalProblem(error);
    throw error;
  }
  // Checked before the file is written, and again in the transaction for uploads that race.
  await assertQueueRoom(deps.db, target.agencyId);
  const { key } = await deps.files.put(upload.bytes);
  const uploadId = randomUUID();
  const jobId = randomUUID();
  const now = nowIso();
  await transactionInTurns(deps.db, `image-queue:${target.agencyId}`, async (trx) => {
    await assertQueueRoom(trx, target.agencyId);
    await trx
      .insertInto('image_uploads')
      .values({
        id: uploadId,
        agency_id: target.agencyId,
        purpose: target.purpose,
        subject_id: target.subjectId,
        file_name: upload.originalName,
        content_type: header.type,
        byte_size: upload.bytes.length,
        width: header.width,
        height: header.height,
        original_sha256: key,
        uploaded_by: actor.id,
        uploaded_at: now,
      })
      .execute();
    await insertQueuedJob(trx, { jobId, uploadId, agencyId: target.agencyId, useModel: 'auto', now });
    await recordAudit(trx, {
      ...auditTargets[target.purpose](target.subjectId, 'uploaded'),
      actorId: actor.id,
      agencyId: target.agencyId,
      details: { jobId, fileName: upload.originalName, originalSha256: key },
    });
  });
  deps.wakeRunner();
  return getJob(deps, actor, jobId);
}

/** The image job users see, and the background-removal job that runs it, in the caller's transaction. */
async function insertQueuedJob(db: Db, job: { jobId: string; uploadId: string; agencyId: string; useModel: 'auto' | 'always'; now: string }) {
  await db
    .insertInto('image_jobs')
    .values({
      id: job.jobId,
      upload_id: job.uploadId,
      agency_id: job.agencyId,
      use_model: job.useModel,
      state: 'queued',
      step: null,
      attempts: 0,
      failure_reason: null,
      queued_at: job.now,
      started_at: null,
      finished_at: null,
      chosen_method: null,
      original_preview_sha256: null,
      accepted_version_id: null,
    })
    .execute();
  await enqueueJob(db, { kind: 'background-removal', subjectId: job.jobId, maxAttempts: backgroundRemovalAttempts });
}

/** The audit trail's action and subject for a picture of each purpose: the office's stamp, the officer's signature. */
const auditTargets = {
  'office-stamp': <H extends 'uploaded' | 'retried'>(officeId: string, how: H) => ({ action: `office.stamp-${how}` as `office.stamp-${H}`, subjectType: 'office' as const, subjectId: officeId }),
  'officer-signature': <H extends 'uploaded' | 'retried'>(userId: string, how: H) => ({ action: `officer.signature-${how}` as `officer.signature-${H}`, subjectType: 'user' as const, subjectId: userId }),
} satisfies Record<ImagePurpose, unknown>;

/** A stamp for an office or a signature for an officer of the administrator's own agency. */
export async function uploadImage(deps: ImagesDeps, actor: Actor, purpose: ImagePurpose, subjectId: string, upload: Upload): Promise<BackgroundJob> {
  const subject = await deps.subjects[purpose].load(deps.db, actor, subjectId);
  return queueUpload(deps, actor, { purpose, subjectId: subject.id, agencyId: subject.agencyId }, upload);
}

/** The same upload again, as a new job: earlier results stay as they were. Only a finished job is retried. */
export async function retryJob(deps: ImagesDeps, actor: Actor, jobId: string, useModel: 'auto' | 'always'): Promise<BackgroundJob> {
  const job = await loadOwnJob(deps.db, actor, jobId);
  if (job.state === 'queued' || job.state === 'running') throw new AppError(409, 'problem.imageJobNotDone');
  const newJobId = randomUUID();
  await transactionInTurns(deps.db, `image-queue:${job.agency_id}`, async (trx) => {
    // The officer may have left the agency since the upload; the subject decides, not the old job.
    await deps.subjects[job.purpose].load(trx, actor, job.subject_id);
    await assertQueueRoom(trx, job.agency_id);
    await insertQueuedJob(trx, { jobId: newJobId, uploadId: job.upload_id, agencyId: job.agency_id, useModel, now: nowIso() });
    await recordAudit(trx, {
      ...auditTargets[job.purpose](job.subject_id, 'retried'),
      actorId: actor.id,
      agencyId: job.agency_id,
      details: { jobId: newJobId, retriedJobId: job.id, useModel },
    });
  });
  deps.wakeRunner();
  return getJob(deps, actor, newJobId);
}

function assertDone(job: repo.JobRow): void {
  if (job.state === 'failed') throw new AppError(409, 'problem.imageJobFailed');
  if (job.state !== 'done') throw new AppError(409, 'problem.imageJobNotDone');
}

export async function readOriginalPreview(deps: ImagesDeps, actor: Actor, jobId: string): Promise<Buffer> {
  const job = await loadOwnJob(deps.db, actor, jobId);
  assertDone(job);
  return deps.files.get(job.original_preview_sha256!);
}

async function loadResult(deps: ImagesDeps, job: repo.JobRow, method: string) {
  assertDone(job);
  const result = (await repo.resultsOf(deps.db, job.id)).find((row) => row.method === method);
  if (!result) throw new AppError(404, 'problem.imageResultMissing', { method });
  return result;
}

export async function readResultMap(deps: ImagesDeps, actor: Actor, jobId: string, method: string, map: 'colour' | 'strength'): Promise<Buffer> {
  const result = await loadResult(deps, await loadOwnJob(deps.db, actor, jobId), method);
  return deps.files.get(map === 'colour' ? result.preview_colour_sha256 : result.preview_strength_sha256);
}

const renderPollMs = 100;
/** How long an Accept waits for its render before answering "still being prepared" (the render goes on). */
const renderWaitMs = 60_000;

/** Unfinished renders one agency may have; an administrator prepares one picture at a time. */
const maxQueuedRendersPerAgency = 10;

const findLiveRender = async (db: Db, jobId: string, choice: AcceptResult) =>
  (await db.selectFrom('image_renders').select('id').where('job_id', '=', jobId).where('method', '=', choice.method).where('sensitivity', '=', choice.sensitivity).where('state', '!=', 'failed').executeTakeFirst())?.id;

/**
 * Queues the render of a choice, one at a time per picture and a few per agency, so one
 * administrator's Accepts (or a script's) cannot hold the renders of every other agency.
 */
async function queueRender(deps: ImagesDeps, job: repo.JobRow, choice: AcceptResult): Promise<string> {
  let renderId: string = randomUUID();
  try {
    renderId = await transactionInTurns(deps.db, `image-renders:${job.agency_id}`, async (trx) => {
      const unfinished = await trx
        .selectFrom('image_renders')
        .innerJoin('image_jobs', 'image_jobs.id', 'image_renders.job_id')
        .select(['image_renders.id', 'image_renders.job_id', 'image_renders.method', 'image_renders.sensitivity'])
        .where('image_jobs.agency_id', '=', job.agency_id)
        .where('image_renders.state', '=', 'queued')
        .execute();
      const ofThisPicture = unfinished.find((render) => render.job_id === job.id);
      if (ofThisPicture?.method === choice.method && ofThisPicture.sensitivity === choice.sensitivity) return ofThisPicture.id;
      if (ofThisPicture) throw new AppError(409, 'problem.imageRenderBusy');
      if (unfinished.length >= maxQueuedRendersPerAgency) throw new AppError(503, 'problem.imageRenderPending', {}, undefined, { 'Retry-After': '30' });
      await trx.insertInto('image_renders').values({ id: renderId, job_id: job.id, method: choice.method, sensitivity: choice.sensitivity, state: 'queued', png_sha256: null, width: null, height: null, requested_at: nowIso() }).execute();
      await enqueueJob(trx, { kind: 'accept-render', subjectId: renderId, maxAttempts: renderAttempts });
      return renderId;
    });
  } catch (error) {
    // The same choice queued by a simultaneous Accept (a double click): wait for that one.
    const queuedMeanwhile = isUniqueViolation(error) ? await findLiveRender(deps.db, job.id, choice) : undefined;
    if (queuedMeanwhile) return queuedMeanwhile;
    throw error;
  }
  deps.wakeRenderer();
  return renderId;
}

/**
 * The full-size PNG of one result at one sensitivity, rendered by an accept-render job in whichever
 * process removes backgrounds. A render asked for before (the same job, method and sensitivity) is
 * used again, so an Accept repeated after a timeout or a lost connection renders nothing twice.
 */
async function renderForAccept(deps: ImagesDeps, job: repo.JobRow, choice: AcceptResult): Promise<{ png_sha256: string; width: number; height: number } | 'no-ink'> {
  const renderId = (await findLiveRender(deps.db, job.id, choice)) ?? (await queueRender(deps, job, choice));
  for (const deadline = Date.now() + renderWaitMs; ; ) {
    const render = await deps.db.selectFrom('image_renders').select(['state', 'png_sha256', 'width', 'height']).where('id', '=', renderId).executeTakeFirstOrThrow();
    if (render.state === 'no-ink') return 'no-ink';
    if (render.state === 'done') return { png_sha256: render.png_sha256!, width: render.width!, height: render.height! };
    if (render.state === 'failed') throw new AppError(503, 'problem.imageRenderFailed', {}, undefined, { 'Retry-After': '10' });
    if (Date.now() > deadline) throw new AppError(503, 'problem.imageRenderPending', {}, undefined, { 'Retry-After': '30' });
    await new Promise((resolve) => setTimeout(resolve, renderPollMs));
  }
}

/**
 * Makes one result the subject's new current image: a numbered version, never changed afterwards.
 * One version per job (a unique key), so accepting twice answers 409 and adds nothing.
 */
export async function acceptResult(deps: ImagesDeps, actor: Actor, jobId: string, choice: AcceptResult): Promise<ImageVersion> {
  const job = await loadOwnJob(deps.db, actor, jobId);
  const alreadyAccepted = async (versionId: string) => {
    const version = await repo.findVersion(deps.db, versionId);
    return new AppError(409, 'problem.imageJobAccepted', { version: version?.version ?? '?' });
  };
  if (job.accepted_version_id) throw await alreadyAccepted(job.accepted_version_id);
  await loadResult(deps, job, choice.method);
  const rendered = await renderForAccept(deps, job, choice);
  if (rendered === 'no-ink') throw new AppError(422, 'problem.imageNoInk', { sensitivity: choice.sensitivity });
  const versionId = randomUUID();
  const won = await deps.db
    .transaction()
    .execute(async (trx) => {
      const fresh = await repo.findJob(trx, jobId);
      if (fresh?.accepted_version_id) return { acceptedBefore: fresh.accepted_version_id };
      const version = await repo.nextVersionNumber(trx, job.purpose, job.subject_id);
      const now = nowIso();
      await trx
        .insertInto('image_versions')
        .values({
          id: versionId,
          agency_id: job.agency_id,
          purpose: job.purpose,
          subject_id: job.subject_id,
          version,
          job_id: job.id,
          method: choice.method,
          sensitivity: choice.sensitivity,
          png_sha256: rendered.png_sha256,
          width: rendered.width,
          height: rendered.height,
          accepted_by: actor.id,
          accepted_at: now,
        })
        .execute();
      await trx.updateTable('image_jobs').set({ accepted_version_id: versionId }).where('id', '=', job.id).execute();
      const subject = await deps.subjects[job.purpose].load(trx, actor, job.subject_id);
      const previousVersion = subject.currentVersionId ? ((await repo.findVersion(trx, subject.currentVersionId))?.version ?? null) : null;
      await deps.subjects[job.purpose].makeCurrent(trx, actor, { subject, versionId, version, previousVersion, at: now, how: 'accepted' });
      await beginUsePeriod(trx, { agencyId: job.agency_id, purpose: job.purpose, subjectId: job.subject_id, versionId, at: now });
      return { acceptedBefore: null };
    })
    .catch(async (error: unknown) => {
      // Another Accept of this job wrote its version first (one version per job is a unique key).
      if (!isUniqueViolation(error, { table: 'image_versions', column: 'job_id' })) throw error;
      return { acceptedBefore: (await repo.findJob(deps.db, jobId))?.accepted_version_id ?? 'unknown' };
    });
  if (won.acceptedBefore) throw await alreadyAccepted(won.acceptedBefore);
  const row = await repo.findVersion(deps.db, versionId);
  return repo.versionRowToVersion(row!, versionId);
}

export async function getSubjectImages(deps: ImagesDeps, actor: Actor, purpose: ImagePurpose, subjectId: string): Promise<SubjectImages> {
  const subject = await deps.subjects[purpose].load(deps.db, actor, subjectId);
  const [versions, latest] = await Promise.all([repo.versionsOf(deps.db, purpose, subject.id), repo.latestJobFor(deps.db, purpose, subject.id)]);
  const mapped = versions.map((row) => repo.versionRowToVersion(row, subject.currentVersionId));
  return {
    current: mapped.find((version) => version.isCurrent) ?? null,
    versions: mapped,
    latestJob: latest ? await toJob(deps.db, latest) : null,
  };
}

/** An earlier version becomes current again, as after a mistaken accept; every version stays as it was. */
export async function reinstateVersion(deps: ImagesDeps, actor: Actor, versionId: string): Promise<ImageVersion> {
  await deps.db.transaction().execute(async (trx) => {
    const version = await repo.findVersion(trx, versionId);
    if (!version || version.agency_id !== agencyOf(actor)) throw versionNotFound(versionId);
    const subject = await deps.subjects[version.purpose].load(trx, actor, version.subject_id);
    if (subject.currentVersionId === version.id) throw new AppError(409, 'problem.imageVersionCurrent', { version: version.version });
    const previousVersion = subject.currentVersionId ? ((await repo.findVersion(trx, subject.currentVersionId))?.version ?? null) : null;
    const at = nowIso();
    await deps.subjects[version.purpose].makeCurrent(trx, actor, { subject, versionId, version: version.version, previousVersion, at, how: 'reinstated' });
    await beginUsePeriod(trx, { agencyId: version.agency_id, purpose: version.purpose, subjectId: version.subject_id, versionId, at });
  });
  return repo.versionRowToVersion((await repo.findVersion(deps.db, versionId))!, versionId);
}

export async function readVersionPng(deps: ImagesDeps, actor: Actor, versionId: string): Promise<Buffer> {
  const version = await repo.findVersion(deps.db, versionId);
  if (!version || version.agency_id !== agencyOf(actor)) throw versionNotFound(versionId);
  return deps.files.get(version.png_sha256);
}

/**
 * A thumbnail of an accepted version, authorised exactly as its PNG: the administrator's own agency
 * (the route checks the role). Another agency's version, or a hash that is not this version's PNG,
 * answers as an unknown one, so a leaked URL shows nothing to anyone else. The tag names the
 * rendition for If-None-Match; reading it is left to the caller, who may not need the bytes.
 */
export async function findVersionRendition(
  deps: ImagesDeps,
  actor: Actor,
  target: { versionId: string; sha256: string; rendition: ImageRendition },
): Promise<{ tag: string; read: () => Promise<Buffer> }> {
  const version = await repo.findVersion(deps.db, target.versionId);
  if (!version || version.agency_id !== agencyOf(actor) || version.png_sha256 !== target.sha256) throw versionNotFound(target.versionId);
  return {
    tag: `"${target.sha256}.${target.rendition}"`,
    read: () => deps.renditions.get(version.png_sha256, target.rendition, () => deps.files.get(version.png_sha256)),
  };
}
