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

export async function uploadStamp(client: TestClient, officeId: string, bytes: Buffer, name = 'stamp.jpg'): Promise<Response> {
  const form = new FormData();
  form.append('image', new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }), name);
  return client.upload(`/api/offices/${officeId}/stamp/uploads`, form);
}

export async function waitForJob(client: TestClient, jobId: string, timeoutMs = 60_000): Promise<BackgroundJob> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = BackgroundJobSchema.parse(await (await client.get(`/api/image-jobs/${jobId}`)).json());
    if (job.state === 'done' || job.state === 'failed') return job;
    if (Date.now() > deadline) throw new Error(`job ${jobId} still ${job.state} (${job.step}) after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
