import { afterEach, describe, expect, it } from 'vitest';
import { BackgroundJobSchema } from '@ecoo/shared/images/schemas';
import { addAgency, signedInAs, startTestApp, type TestApp } from '../testing/test-app.ts';
import { devPicture } from '../testing/pictures.ts';
import { newOffice, uploadStamp, waitForJob } from '../testing/image-jobs.ts';

let running: TestApp[] = [];
afterEach(async () => {
  await Promise.all(running.map((app) => app.stop()));
  running = [];
});

async function start(options: { dataDir?: string; workers: number }): Promise<TestApp> {
  const app = await startTestApp({ ...(options.dataDir ? { dataDir: options.dataDir } : {}), env: { IMAGE_WORKERS: String(options.workers) } });
  running.push(app);
  return app;
}

async function stop(app: TestApp): Promise<void> {
  running = running.filter((other) => other !== app);
  await app.stop();
}

/** An administrator with an office, and a stamp upload queued for it. */
async function uploadOn(app: TestApp) {
  const { client, user } = await signedInAs(app, 'agency-admin', (await addAgency(app.db)).id);
  const officeId = await newOffice(client);
  const job = BackgroundJobSchema.parse(await (await uploadStamp(client, officeId, devPicture('d009-round-scan'))).json());
  return { user, job };
}

async function signInAgain(app: TestApp, user: { email: string; password: string }) {
  const client = app.client();
  expect((await client.signIn(user.email, user.password)).status).toBe(200);
  return client;
}

describe('background-removal jobs survive a restart of the BFF', () => {
  it('a job stopped mid-run, its worker killed with the BFF, is run again after the restart and finishes', async () => {
    const first = await start({ workers: 1 });
    const { user, job } = await uploadOn(first);
    const client = first.client();
    await client.signIn(user.email, user.password);
    // Wait until a worker has taken it, then stop everything mid-run.
    for (let state = job.state; state !== 'running'; ) {
      state = BackgroundJobSchema.parse(await (await client.get(`/api/image-jobs/${job.id}`)).json()).state;
      expect(state).not.toBe('done');
    }
    await stop(first);

    const second = await start({ dataDir: first.dataDir, workers: 1 });
    const done = await waitForJob(await signInAgain(second, user), job.id);
    expect(done.state).toBe('done');
    expect(done.candidates.length).toBeGreaterThan(0);
    const row = await second.db.selectFrom('image_jobs').select(['attempts']).where('id', '=', job.id).executeTakeFirstOrThrow();
    expect(row.attempts).toBe(2);
  });

  it('a job still queued when the BFF stops is run by the next start', async () => {
    const first = await start({ workers: 0 });
    const { user, job } = await uploadOn(first);
    expect(job.state).toBe('queued');
    await stop(first);

    const second = await start({ dataDir: first.dataDir, workers: 1 });
    expect((await waitForJob(await signInAgain(second, user), job.id)).state).toBe('done');
  });
});
