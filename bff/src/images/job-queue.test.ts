import { afterEach, describe, expect, it } from 'vitest';
import { BackgroundJobSchema, ImageVersionSchema } from '@ecoo/shared/images/schemas';
import sharp from 'sharp';
import { ProblemSchema } from '@ecoo/shared/problem';
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
      await new Promise((resolve) => setTimeout(resolve, 20));
      state = BackgroundJobSchema.parse(await (await client.get(`/api/image-jobs/${job.id}`)).json()).state;
      expect(state).not.toBe('done');
    }
    await stop(first);

    const second = await start({ dataDir: first.dataDir, workers: 1 });
    const done = await waitForJob(await signInAgain(second, user), job.id);
    expect(done.state).toBe('done');
    expect(done.candidates.length).toBeGreaterThan(0);
    const row = await second.db.selectFrom('image_jobs').select(['attempts']).where('id', '=', job.id).executeTakeFirstOrThrow();
    // Given back by the stop, the attempt it cut short is not counted.
    expect(row.attempts).toBe(1);
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

describe('the queue under load', () => {
  it('runs every job when more are queued than there are workers', async () => {
    const first = await start({ workers: 0 });
    const { client, user } = await signedInAs(first, 'agency-admin', (await addAgency(first.db)).id);
    const pictures = ['d009-round-scan', 'd013-rect-scan', 'd006-signature-scan', 'd003-rect-photo'];
    const jobs = [];
    for (const picture of pictures) {
      const officeId = await newOffice(client);
      jobs.push(BackgroundJobSchema.parse(await (await uploadStamp(client, officeId, devPicture(picture))).json()));
    }
    expect(jobs.map((job) => job.jobsAhead)).toEqual([0, 1, 2, 3]);
    await stop(first);

    const second = await start({ dataDir: first.dataDir, workers: 1 });
    const again = await signInAgain(second, user);
    const finished = [];
    for (const job of jobs) finished.push(await waitForJob(again, job.id, 120_000));
    expect(finished.map((job) => [job.state, job.failureReason])).toEqual(pictures.map(() => ['done', null]));
  }, 180_000);

  it('takes twenty uploads of one agency sent at the same moment, none refused (on PostgreSQL several once lost their race with 409)', async () => {
    const app = await start({ workers: 0 });
    const { client } = await signedInAs(app, 'agency-admin', (await addAgency(app.db)).id);
    const officeId = await newOffice(client);
    const tiny = await sharp({ create: { width: 32, height: 32, channels: 3, background: '#ffffff' } }).jpeg().toBuffer();
    const statuses = await Promise.all(Array.from({ length: 20 }, () => uploadStamp(client, officeId, tiny).then((response) => response.status)));
    expect(statuses).toEqual(Array(20).fill(202));
    expect((await app.db.selectFrom('jobs').select('id').where('kind', '=', 'background-removal').execute()).length).toBe(20);
  });

  it("never lets simultaneous uploads past the bound of 40 waiting pictures", async () => {
    const app = await start({ workers: 0 });
    const { client } = await signedInAs(app, 'agency-admin', (await addAgency(app.db)).id);
    const officeId = await newOffice(client);
    const tiny = await sharp({ create: { width: 32, height: 32, channels: 3, background: '#ffffff' } }).jpeg().toBuffer();
    const statuses = await Promise.all(Array.from({ length: 50 }, () => uploadStamp(client, officeId, tiny).then((response) => response.status)));
    expect(statuses.filter((status) => status === 202)).toHaveLength(40);
    expect(statuses.filter((status) => status === 503)).toHaveLength(10);
    expect((await app.db.selectFrom('image_uploads').select('id').execute()).length).toBe(40);
  });

  it("refuses an agency's upload once 40 of its pictures are waiting, and stores nothing for it", async () => {
    const app = await start({ workers: 0 });
    const { client } = await signedInAs(app, 'agency-admin', (await addAgency(app.db)).id);
    const officeId = await newOffice(client);
    const tiny = await sharp({ create: { width: 32, height: 32, channels: 3, background: '#ffffff' } }).jpeg().toBuffer();
    for (let index = 0; index < 40; index += 1) expect((await uploadStamp(client, officeId, tiny)).status).toBe(202);
    const uploads = async () => (await app.db.selectFrom('image_uploads').select('id').execute()).length;
    expect(await uploads()).toBe(40);
    const refused = await uploadStamp(client, officeId, tiny);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('60');
    expect(ProblemSchema.parse(await refused.json()).detail).toContain('already has 40 pictures waiting');
    expect(await uploads()).toBe(40);
  });
});

describe('the full-size render on accept is a job', () => {
  it('is rendered by a process that removes backgrounds when the BFF that accepts does not (IMAGE_WORKERS=0)', async () => {
    const front = await start({ workers: 0 });
    const { client } = await signedInAs(front, 'agency-admin', (await addAgency(front.db)).id);
    const officeId = await newOffice(client);
    const uploaded = BackgroundJobSchema.parse(await (await uploadStamp(client, officeId, devPicture('d009-round-scan'))).json());
    // A second console on the same database and files: the worker host.
    const worker = await start({ dataDir: front.dataDir, workers: 1 });
    const done = await waitForJob(client, uploaded.id);
    const accepted = await client.post(`/api/image-jobs/${done.id}/acceptance`, { method: done.chosenMethod, sensitivity: 50 });
    expect(accepted.status).toBe(201);
    expect(ImageVersionSchema.parse(await accepted.json())).toMatchObject({ version: 1, isCurrent: true });
    const jobs = await worker.db.selectFrom('jobs').select(['kind', 'state', 'attempts']).orderBy('kind').execute();
    expect(jobs).toEqual([
      { kind: 'accept-render', state: 'done', attempts: 1 },
      { kind: 'background-removal', state: 'done', attempts: 1 },
    ]);
  });

  it('is made once per result and sensitivity: an Accept repeated after "no ink" renders nothing again', async () => {
    const app = await start({ workers: 1 });
    const { client } = await signedInAs(app, 'agency-admin', (await addAgency(app.db)).id);
    const officeId = await newOffice(client);
    // A sheet with one faint grey mark (6 % absorption, near the noise floor): some ink at sensitivity
    // 60, none at the lowest. (A 10 % mark is read as a pale stamp, solid at every sensitivity.)
    const faint = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#ffffff' } })
      .composite([{ input: Buffer.from('<svg width="400" height="300"><circle cx="200" cy="150" r="60" fill="none" stroke="#f0f0f5" stroke-width="6"/></svg>') }])
      .jpeg({ quality: 95 })
      .toBuffer();
    const done = await waitForJob(client, BackgroundJobSchema.parse(await (await uploadStamp(client, officeId, faint)).json()).id);
    const renders = () => app.db.selectFrom('image_renders').select(['sensitivity', 'state']).orderBy('requested_at').execute();
    for (let round = 0; round < 2; round += 1) {
      const refused = await client.post(`/api/image-jobs/${done.id}/acceptance`, { method: done.chosenMethod, sensitivity: 0 });
      expect(refused.status).toBe(422);
      expect(((await refused.json()) as { code: string }).code).toBe('problem.imageNoInk');
    }
    expect(await renders()).toEqual([{ sensitivity: 0, state: 'no-ink' }]);
    expect((await client.post(`/api/image-jobs/${done.id}/acceptance`, { method: done.chosenMethod, sensitivity: 60 })).status).toBe(201);
    expect(await renders()).toEqual([
      { sensitivity: 0, state: 'no-ink' },
      { sensitivity: 60, state: 'done' },
    ]);
    expect((await app.db.selectFrom('jobs').select('id').where('kind', '=', 'accept-render').execute()).length).toBe(2);
  });
});
