import { expect } from 'vitest';
import { BackgroundJobSchema, type BackgroundJob } from '@ecoo/shared/images/schemas';
import { OfficeSchema } from '@ecoo/shared/offices/schemas';
import type { TestClient } from './test-client.ts';
import { officeInput } from './office-input.ts';

export async function newOffice(admin: TestClient): Promise<string> {
  const response = await admin.post('/api/offices', officeInput());
  expect(response.status).toBe(201);
  return OfficeSchema.parse(await response.json()).id;
}

/** Sends a picture as the SPA does: the one `image` field of a multipart form. */
function uploadImage(client: TestClient, path: string, bytes: Buffer, name: string): Promise<Response> {
  const form = new FormData();
  form.append('image', new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }), name);
  return client.upload(path, form);
}

export const uploadStamp = (client: TestClient, officeId: string, bytes: Buffer, name = 'stamp.jpg') =>
  uploadImage(client, `/api/offices/${officeId}/stamp/uploads`, bytes, name);

export const uploadSignature = (client: TestClient, userId: string, bytes: Buffer, name = 'signature.jpg') =>
  uploadImage(client, `/api/officers/${userId}/signature/uploads`, bytes, name);

export async function waitForJob(client: TestClient, jobId: string, timeoutMs = 60_000): Promise<BackgroundJob> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = BackgroundJobSchema.parse(await (await client.get(`/api/image-jobs/${jobId}`)).json());
    if (job.state === 'done' || job.state === 'failed') return job;
    if (Date.now() > deadline) throw new Error(`job ${jobId} still ${job.state} (${job.step}) after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
