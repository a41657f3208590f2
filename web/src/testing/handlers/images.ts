import { http, HttpResponse } from 'msw';
import { AcceptResultSchema, BackgroundJobSchema, ImageVersionSchema, SubjectImagesSchema, RetryJobSchema, type BackgroundJob } from '@ecoo/shared/images/schemas';
import { thumbnailsOf } from '@ecoo/shared/images/renditions';
import { csrfProblem, lacksCsrfToken, parseBody, problemResponse } from '../problem-response';
import { readMultipart } from '../multipart';
import { sessionUsers } from './accounts';
import { mumbaiOffice } from './offices';
import { activeOfficer } from './officers';

const at = '2026-11-20T06:00:00.000Z';
export const uploadedJobId = '5a7c9e11-3b5d-4f70-8a92-b4c6d8e0f123';
export const retriedJobId = '5a7c9e11-3b5d-4f70-8a92-b4c6d8e0f124';

const stampVersionId = (version: number) => (mumbaiOffice.stampVersionId && version === 2 ? mumbaiOffice.stampVersionId : `c1f0a7e2-5b3d-4e8f-9a6b-2d4c8e1f3a6${version}`);

export const stampVersions = [2, 1].map((version) =>
  ImageVersionSchema.parse({
    id: stampVersionId(version),
    purpose: 'office-stamp',
    subjectId: mumbaiOffice.id,
    version,
    width: 420,
    height: 410,
    method: 'ink',
    sensitivity: 50,
    jobId: `9d1e3f50-7a2b-4c6d-8e0f-1a3b5c7d9e0${version}`,
    acceptedAt: at,
    acceptedBy: sessionUsers['agency-admin'].name,
    isCurrent: version === 2,
    thumbnails: thumbnailsOf(stampVersionId(version), String(version).repeat(64)),
  }),
);

/** The active officer's signature in use, version 1 (the officer answer names only its id). */
export const signatureVersion = ImageVersionSchema.parse({
  id: activeOfficer.signature.versionId,
  purpose: 'officer-signature',
  subjectId: activeOfficer.id,
  version: 1,
  width: 600,
  height: 220,
  method: 'ink',
  sensitivity: 50,
  jobId: '9d1e3f50-7a2b-4c6d-8e0f-1a3b5c7d9e11',
  acceptedAt: '2026-04-12T06:00:00.000Z',
  acceptedBy: 'Rahul Deshmukh',
  isCurrent: true,
  thumbnails: thumbnailsOf(activeOfficer.signature.versionId!, 'c'.repeat(64)),
});

const job = (overrides: Partial<BackgroundJob>): BackgroundJob =>
  BackgroundJobSchema.parse({
    id: uploadedJobId,
    uploadId: '7e9a1c33-5d7f-4a91-8b24-d6e8f0a2c456',
    purpose: 'office-stamp',
    subjectId: mumbaiOffice.id,
    fileName: 'stamp.jpg',
    useModel: 'auto',
    state: 'queued',
    step: null,
    jobsAhead: 2,
    failureReason: null,
    queuedAt: at,
    startedAt: null,
    finishedAt: null,
    chosenMethod: null,
    candidates: [],
    acceptedVersionId: null,
    ...overrides,
  });

const candidate = (method: 'ink' | 'ink-on-sheet') => ({ method, width: 1200, height: 900, previewWidth: 1200, previewHeight: 900 });

/** The job as it moves on with each poll: queued (2 ahead), running (extracting ink), done with two results. */
export const jobStages: BackgroundJob[] = [
  job({}),
  job({ state: 'running', step: 'extracting-ink', jobsAhead: null, startedAt: at }),
  job({ state: 'done', jobsAhead: null, startedAt: at, finishedAt: at, chosenMethod: 'ink', candidates: [candidate('ink'), candidate('ink-on-sheet')] }),
];

export function imagesHandlers(stages: BackgroundJob[] = jobStages) {
  let polls = 0;
  // As in the BFF, an accepted job says so from then on (the review then leaves the page).
  let acceptedVersionId: string | null = null;
  return [
    http.get('/api/offices/:officeId/stamp', ({ params }) =>
      HttpResponse.json(
        SubjectImagesSchema.parse(
          params.officeId === mumbaiOffice.id ? { current: stampVersions[0], versions: stampVersions, latestJob: null } : { current: null, versions: [], latestJob: null },
        ),
      ),
    ),
    http.post('/api/offices/:officeId/stamp/uploads', async ({ request }) => {
      if (lacksCsrfToken(request)) return csrfProblem();
      const parts = await readMultipart(request);
      if (!parts.some((part) => part.name === 'image' && 'file' in part)) return problemResponse(400, 'problem.imageMissing');
      polls = 0;
      acceptedVersionId = null;
      return HttpResponse.json(stages[0], { status: 202 });
    }),
    http.get('/api/image-jobs/:jobId', ({ params }) => {
      if (params.jobId === retriedJobId) return HttpResponse.json(job({ id: retriedJobId, useModel: 'always' }));
      polls += 1;
      return HttpResponse.json({ ...stages[Math.min(polls, stages.length - 1)], acceptedVersionId });
    }),
    http.post('/api/image-jobs/:jobId/retries', async ({ request }) => {
      if (lacksCsrfToken(request)) return csrfProblem();
      const body = parseBody(RetryJobSchema, await request.json());
      if ('response' in body) return body.response;
      return HttpResponse.json(job({ id: retriedJobId, useModel: body.data.useModel }), { status: 202 });
    }),
    http.post('/api/image-jobs/:jobId/acceptance', async ({ request, params }) => {
      if (lacksCsrfToken(request)) return csrfProblem();
      const body = parseBody(AcceptResultSchema, await request.json());
      if ('response' in body) return body.response;
      const version = { ...stampVersions[0]!, id: 'c1f0a7e2-5b3d-4e8f-9a6b-2d4c8e1f3a63', version: 3, jobId: String(params.jobId), ...body.data };
      acceptedVersionId = version.id;
      return HttpResponse.json(ImageVersionSchema.parse(version), { status: 201 });
    }),
    http.post('/api/image-versions/:versionId/reinstatement', ({ request, params }) => {
      if (lacksCsrfToken(request)) return csrfProblem();
      const version = stampVersions.find((candidate) => candidate.id === params.versionId);
      if (!version) return problemResponse(404, 'problem.imageVersionNotFound', { id: String(params.versionId) });
      if (version.isCurrent) return problemResponse(409, 'problem.imageVersionCurrent', { version: version.version });
      return HttpResponse.json(ImageVersionSchema.parse({ ...version, isCurrent: true }));
    }),
  ];
}

