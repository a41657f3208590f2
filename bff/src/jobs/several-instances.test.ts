/**
 * Production's shape, in processes: two BFF instances behind a load balancer and one worker
 * (`npm run worker`), on one PostgreSQL database and one shared files folder, every one of them
 * taking jobs. What one instance does, the other sees (sessions, cached lists, the sign-in
 * throttle); mail goes out once; a stamp job whose
 * holder is killed mid-job is taken over and finishes once.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackgroundJobSchema } from '@ecoo/shared/images/schemas';
import { RegistrationListSchema, RegistrationReceiptSchema, RegistrationSchema } from '@ecoo/shared/registrations/schemas';
import { connectPostgres, type Db } from '../db/connect.ts';
import { SmtpInbox } from '../testing/smtp-inbox.ts';
import { freshPostgresUrl, testDatabaseKind } from '../testing/test-database.ts';
import { addAgency, addUser, testPassword, testPaymentKeySecret } from '../testing/test-app.ts';
import { TestClient } from '../testing/test-client.ts';
import { TestLoadBalancer } from '../testing/load-balancer.ts';
import { startConsoleProcess, type ConsoleProcess } from '../testing/console-process.ts';
import { letterForm, pdfLetter } from '../testing/letters.ts';
import { devPicture } from '../testing/pictures.ts';
import { newOffice, uploadStamp, waitForJob } from '../testing/image-jobs.ts';

const leaseSeconds = 5;

describe.runIf(testDatabaseKind === 'postgres')('two BFF instances and a worker on one PostgreSQL', () => {
  let db: Db;
  let inbox: SmtpInbox;
  let balancer: TestLoadBalancer;
  const processes: Record<'a' | 'b' | 'worker', ConsoleProcess | undefined> = { a: undefined, b: undefined, worker: undefined };
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ecoo-instances-'));

  beforeAll(async () => {
    const databaseUrl = await freshPostgresUrl();
    inbox = await SmtpInbox.start();
    balancer = await TestLoadBalancer.start();
    const shared = {
      DATABASE_URL: databaseUrl,
      FILES_DIR: path.join(root, 'files'),
      PUBLIC_URL: balancer.url,
      SMTP_URL: inbox.url,
      PAYMENT_KEY_SECRET: testPaymentKeySecret,
      IMAGE_WORKERS: '1',
      JOB_LEASE_SECONDS: String(leaseSeconds),
      JOB_POLL_MS: '200',
    };
    // Started together: the instances migrate the empty database at once, as a deploy would.
    [processes.a, processes.b, processes.worker] = await Promise.all([
      startConsoleProcess('bff', { ...shared, DATA_DIR: path.join(root, 'a') }),
      startConsoleProcess('bff', { ...shared, DATA_DIR: path.join(root, 'b') }),
      startConsoleProcess('worker', { ...shared, DATA_DIR: path.join(root, 'worker') }),
    ]);
    db = connectPostgres(databaseUrl);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(Object.values(processes).map((process) => process?.kill()));
    await db?.destroy();
    await balancer?.stop();
    await inbox?.stop();
  });

  const onA = () => balancer.sendTo(processes.a!.port!);
  const onB = () => balancer.sendTo(processes.b!.port!);

  it('a registration made on one instance is activated on the other, which the first then shows, and its mail is sent exactly once', async () => {
    const agency = await addAgency(db);
    const reviewer = await addUser(db, 'dgft-reviewer');
    const email = `meera.nair.${Date.now()}@agency.gov.in`;
    const applicant = new TestClient(balancer.url);
    const reviewerClient = new TestClient(balancer.url);

    onA();
    const fields = { registerAs: 'coo-authorized-agency', agencyId: agency.id, role: 'administrator', name: 'Meera Nair', mobile: '9847012345', email };
    const submitted = await applicant.upload('/api/registrations', letterForm(fields, { bytes: await pdfLetter(), name: 'letter.pdf' }));
    expect(submitted.status).toBe(201);
    const { id } = RegistrationReceiptSchema.parse(await submitted.json());
    expect((await reviewerClient.signIn(reviewer.email, testPassword)).status).toBe(200);
    const pendingOnA = async () => RegistrationListSchema.parse(await (await reviewerClient.get('/api/registrations?status=pending&pageSize=200')).json()).items.map((item) => item.id);
    expect(await pendingOnA()).toContain(id);
    // The letter was stored by instance A; instance B reads it from the shared folder.
    onB();
    expect((await reviewerClient.get(`/api/registrations/${id}/letter`)).status).toBe(200);

    // The session made on A holds on B, and B activates.
    const activated = await reviewerClient.post(`/api/registrations/${id}/activation`);
    expect(activated.status).toBe(200);
    expect(RegistrationSchema.parse(await activated.json()).status).toBe('activated');

    // A's cached list (kept by the tables' change counters) and its own reading follow B's write at once.
    onA();
    expect(await pendingOnA()).not.toContain(id);
    expect(RegistrationSchema.parse(await (await reviewerClient.get(`/api/registrations/${id}`)).json()).status).toBe('activated');

    // Three processes poll for mail; one sends it. Wait beyond a lease and several polls for a second.
    await inbox.waitFor(email, /administrator account .* is active/, 30_000);
    await new Promise((resolve) => setTimeout(resolve, (leaseSeconds + 2) * 1000));
    const toApplicant = inbox.mails.filter((mail) => mail.to.includes(email));
    expect(toApplicant).toHaveLength(1);
    const job = await db.selectFrom('jobs').selectAll().where('kind', '=', 'mail').where('state', '=', 'done').execute();
    expect(job.length).toBeGreaterThan(0);
    expect(job.every((row) => row.attempts === 1)).toBe(true);
  }, 90_000);

  it('counts guesses at a password made on both instances together: the sixth is refused on either', async () => {
    const reviewer = await addUser(db, 'dgft-reviewer');
    const statuses: number[] = [];
    for (let guess = 0; guess < 8; guess += 1) {
      if (guess % 2 === 0) onA();
      else onB();
      statuses.push((await new TestClient(balancer.url).post('/api/session', { email: reviewer.email, password: `wrong guess ${guess}` })).status);
    }
    // Five wrong passwords from one address, spread over two instances, then refusals on both (one address: the balancer's).
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
  }, 60_000);

  it('a stamp job finishes exactly once although the process that claimed it is killed mid-job', async () => {
    const agency = await addAgency(db);
    const admin = await addUser(db, 'agency-admin', { agencyId: agency.id });
    const client = new TestClient(balancer.url);
    onA();
    expect((await client.signIn(admin.email, testPassword)).status).toBe(200);
    const officeId = await newOffice(client);
    // Large enough (16 megapixels) that the job runs for seconds, so its holder can be caught at it.
    const picture = await sharp(devPicture('d009-round-scan')).resize(4000, 4000, { fit: 'fill' }).jpeg({ quality: 85 }).toBuffer();
    const uploaded = await uploadStamp(client, officeId, picture);
    expect(uploaded.status).toBe(202);
    const { id: imageJobId } = BackgroundJobSchema.parse(await uploaded.json());

    let holder: string | null = null;
    const deadline = Date.now() + 30_000;
    while (!holder && Date.now() < deadline) {
      const row = await db.selectFrom('jobs').select(['state', 'holder']).where('id', '=', `background-removal:${imageJobId}`).executeTakeFirstOrThrow();
      expect(row.state).not.toBe('done');
      // Mid-job: claimed, and the handler has begun (on a loaded machine the two are a while apart;
      // stop 22's CI killed the holder between them).
      const image = await db.selectFrom('image_jobs').select('state').where('id', '=', imageJobId).executeTakeFirstOrThrow();
      if (row.state === 'running' && image.state === 'running') holder = row.holder;
      else await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(holder).not.toBeNull();
    const pidOf = (name: string) => Number(name.split(':')[1]);
    const victim = (['a', 'b', 'worker'] as const).find((name) => processes[name]!.child.pid === pidOf(holder!));
    expect(victim).toBeDefined();
    await processes[victim!]!.kill();
    // The killed process answers nothing; the users keep working on a live instance.
    if (victim === 'a') onB();
    if (victim === 'b') onA();
    expect((await db.selectFrom('image_jobs').select('state').where('id', '=', imageJobId).executeTakeFirstOrThrow()).state).toBe('running');

    const done = await waitForJob(client, imageJobId, 90_000);
    expect([done.state, done.failureReason]).toEqual(['done', null]);
    const job = await db.selectFrom('jobs').selectAll().where('id', '=', `background-removal:${imageJobId}`).executeTakeFirstOrThrow();
    expect(job).toMatchObject({ state: 'done', attempts: 2, holder: null });
    const image = await db.selectFrom('image_jobs').select(['attempts', 'state']).where('id', '=', imageJobId).executeTakeFirstOrThrow();
    expect(image).toEqual({ attempts: 2, state: 'done' });
    const results = await db.selectFrom('image_job_results').select('method').where('job_id', '=', imageJobId).execute();
    expect(results.length).toBe(done.candidates.length);
    expect(new Set(results.map((row) => row.method)).size).toBe(results.length);
    // Given time, nobody runs it a third time.
    await new Promise((resolve) => setTimeout(resolve, (leaseSeconds + 1) * 1000));
    expect((await db.selectFrom('jobs').select('attempts').where('id', '=', job.id).executeTakeFirstOrThrow()).attempts).toBe(2);
  }, 180_000);
});
