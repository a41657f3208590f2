import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackgroundJobSchema, ImageVersionSchema } from '@ecoo/shared/images/schemas';
import { ProblemSchema } from '@ecoo/shared/problem';
import { todayInIndia } from '../accounts/index.ts';
import { addAgency, addUser, signedInAs, startTestApp, type TestApp } from '../testing/test-app.ts';
import type { TestClient } from '../testing/test-client.ts';
import { devPicture } from '../testing/pictures.ts';
import { newOffice, uploadSignature, uploadStamp, waitForJob } from '../testing/image-jobs.ts';
import { officeInput } from '../testing/office-input.ts';

// Issue 13, fault 13: another agency's record must be refused exactly as an unknown id is (same status,
// catalogue key and words), or the answer tells that the record exists.
let app: TestApp;
let outsider: TestClient;
let ids: { officeId: string; officerId: string; jobId: string; method: string; versionId: string };

beforeAll(async () => {
  app = await startTestApp({ env: { IMAGE_WORKERS: '1' } });
  const agencyId = (await addAgency(app.db)).id;
  const owner = (await signedInAs(app, 'agency-admin', agencyId)).client;
  outsider = (await signedInAs(app, 'agency-admin', (await addAgency(app.db)).id)).client;
  const officeId = await newOffice(owner);
  const officerId = (await addUser(app.db, 'issuing-officer', { agencyId })).id;
  const job = await waitForJob(owner, BackgroundJobSchema.parse(await (await uploadStamp(owner, officeId, devPicture('d009-round-scan'))).json()).id);
  const accepted = await owner.post(`/api/image-jobs/${job.id}/acceptance`, { method: job.chosenMethod, sensitivity: 50 });
  const versionId = ImageVersionSchema.parse(await accepted.json()).id;
  ids = { officeId, officerId, jobId: job.id, method: job.chosenMethod ?? 'classical', versionId };
});
afterAll(() => app.stop());

type Attempt = (client: TestClient, id: string) => Promise<Response>;

/** Every route that loads a record of an agency by its id, with a valid body, so only the id decides the answer. */
const routes: [string, keyof typeof ids, Attempt][] = [
  ['GET /api/offices/:id', 'officeId', (c, id) => c.get(`/api/offices/${id}`)],
  ['PUT /api/offices/:id', 'officeId', (c, id) => c.put(`/api/offices/${id}`, officeInput())],
  ['PUT /api/offices/:id/e-wallet', 'officeId', (c, id) => c.put(`/api/offices/${id}/e-wallet`, { isEnabled: true })],
  ['PUT /api/offices/:id/status', 'officeId', (c, id) => c.put(`/api/offices/${id}/status`, { isActive: false })],
  ['GET /api/offices/:id/audit', 'officeId', (c, id) => c.get(`/api/offices/${id}/audit`)],
  ['GET /api/offices/:id/stamp', 'officeId', (c, id) => c.get(`/api/offices/${id}/stamp`)],
  ['POST /api/offices/:id/stamp/uploads', 'officeId', (c, id) => uploadStamp(c, id, devPicture('d009-round-scan'))],
  ['GET /api/officers/:id', 'officerId', (c, id) => c.get(`/api/officers/${id}`)],
  ['GET /api/officers/:id/audit', 'officerId', (c, id) => c.get(`/api/officers/${id}/audit`)],
  ['POST /api/officers/:id/approval', 'officerId', (c, id) => c.post(`/api/officers/${id}/approval`)],
  ['POST /api/officers/:id/rejection', 'officerId', (c, id) => c.post(`/api/officers/${id}/rejection`, { reason: 'Not one of ours at all.' })],
  ['POST /api/officers/:id/deactivation', 'officerId', (c, id) => c.post(`/api/officers/${id}/deactivation`, { effectiveDate: todayInIndia(), reason: 'Not one of ours at all.' })],
  ['POST /api/officers/:id/reactivation', 'officerId', (c, id) => c.post(`/api/officers/${id}/reactivation`)],
  ['GET /api/officers/:id/signature', 'officerId', (c, id) => c.get(`/api/officers/${id}/signature`)],
  ['POST /api/officers/:id/signature/uploads', 'officerId', (c, id) => uploadSignature(c, id, devPicture('d006-signature-scan'))],
  ['GET /api/image-jobs/:id', 'jobId', (c, id) => c.get(`/api/image-jobs/${id}`)],
  ['GET /api/image-jobs/:id/original', 'jobId', (c, id) => c.get(`/api/image-jobs/${id}/original`)],
  ['GET /api/image-jobs/:id/results/:method/strength', 'jobId', (c, id) => c.get(`/api/image-jobs/${id}/results/${ids.method}/strength`)],
  ['POST /api/image-jobs/:id/retries', 'jobId', (c, id) => c.post(`/api/image-jobs/${id}/retries`, { useModel: 'auto' })],
  ['POST /api/image-jobs/:id/acceptance', 'jobId', (c, id) => c.post(`/api/image-jobs/${id}/acceptance`, { method: ids.method, sensitivity: 50 })],
  ['POST /api/image-versions/:id/reinstatement', 'versionId', (c, id) => c.post(`/api/image-versions/${id}/reinstatement`)],
  ['GET /api/image-versions/:id/png', 'versionId', (c, id) => c.get(`/api/image-versions/${id}/png`)],
];

async function answerShape(response: Response, id: string) {
  const problem = ProblemSchema.parse(await response.json());
  return { status: response.status, code: problem.code, title: problem.title, detail: problem.detail.replaceAll(id, '<id>') };
}

const counts = async () =>
  Object.fromEntries(
    await Promise.all(
      (['offices', 'officers', 'image_uploads', 'image_jobs', 'image_versions', 'audit_entries'] as const).map(async (table) => [
        table,
        Number((await app.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
      ]),
    ),
  );

describe("another agency's records (issue 13, fault 13)", () => {
  it.each(routes)("%s answers another agency's id exactly as an unknown id: 404, same key, same words", async (_name, kind, attempt) => {
    const unknownId = randomUUID();
    const foreign = await answerShape(await attempt(outsider, ids[kind]), ids[kind]);
    const unknown = await answerShape(await attempt(outsider, unknownId), unknownId);
    expect(foreign.status).toBe(404);
    expect(foreign).toEqual(unknown);
  });

  it("changes nothing of the other agency's records", async () => {
    const before = await counts();
    for (const [, kind, attempt] of routes) await attempt(outsider, ids[kind]);
    expect(await counts()).toEqual(before);
  });
});
