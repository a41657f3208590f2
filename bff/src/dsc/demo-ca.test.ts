/**
 * The demo certification authority: made once under DATA_DIR, whole or not at all; `npm run
 * demo-sign` signs a challenge that the console accepts while demo data is on, and only then.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DscChallengeSchema, DscRecordSchema } from '@ecoo/shared/dsc/schemas';
import { addAgency, signedInAs, startTestApp, type TestApp } from '../testing/test-app.ts';
import type { TestClient } from '../testing/test-client.ts';
import { demoHolderFiles, ensureDemoCa } from './index.ts';

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, '../../..');
const holder = { email: 'officer.mumbai@eicindia.gov.in', name: 'Priya Sawant' };

describe('ensureDemoCa', () => {
  it('makes the root and the holder key once, keeps them on the next start, and finishes a CA a kill left half-made', async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ecoo-demo-ca-')), 'demo-pki');
    // What a kill between key generation and the final rename leaves: a staging folder, no CA.
    fs.mkdirSync(`${dir}.partial-999999`, { recursive: true });
    fs.writeFileSync(`${dir}.partial-999999/demo-root-ca.pem`, 'half');
    expect(await ensureDemoCa(dir, [holder])).toBe(true);
    const root = fs.readFileSync(path.join(dir, 'demo-root-ca.pem'), 'utf8');
    expect(root).toMatch(/^-----BEGIN CERTIFICATE-----/);
    const files = demoHolderFiles(dir, holder.email);
    expect(fs.statSync(files.key).mode & 0o077).toBe(0);
    expect(fs.readFileSync(files.certificate, 'utf8')).toMatch(/BEGIN CERTIFICATE/);

    expect(await ensureDemoCa(dir, [holder])).toBe(false);
    expect(fs.readFileSync(path.join(dir, 'demo-root-ca.pem'), 'utf8')).toBe(root);
  });
});

describe('npm run demo-sign', () => {
  let app: TestApp;
  let agencyId: string;

  beforeAll(async () => {
    app = await startTestApp({ env: { DEMO_DATA: 'true' } });
    agencyId = (await addAgency(app.db, { name: 'Demo Sign Agency', emailDomains: ['demosign.gov.in'] })).id;
  });
  afterAll(async () => app?.stop());

  async function challengeFor(client: TestClient) {
    const response = await client.post('/api/me/dsc/challenges', {});
    expect(response.status).toBe(201);
    return DscChallengeSchema.parse(await response.json()).challenge;
  }

  async function demoSign(challenge: string, dataDir: string) {
    const out = path.join(dataDir, `signed-${Date.now()}.p7s`);
    const { stdout } = await run('npm', ['run', '--silent', 'demo-sign', '--', '--out', out, challenge], { cwd: repoRoot, env: { ...process.env, DATA_DIR: dataDir, DEMO_DATA: 'true' } });
    expect(stdout).toContain(out);
    return fs.readFileSync(out);
  }

  const upload = (client: TestClient, challenge: string, signature: Buffer) => {
    const form = new FormData();
    form.set('challenge', challenge);
    form.set('signature', new Blob([new Uint8Array(signature)]), 'challenge.p7s');
    return client.upload('/api/me/dsc', form);
  };

  it("writes a .p7s the console accepts as the demo officer's DSC, marked demo; with demo data off the same proof is untrusted", async () => {
    const { client } = await signedInAs(app, 'issuing-officer', agencyId);
    const challenge = await challengeFor(client);
    const signature = await demoSign(challenge, app.dataDir);
    const response = await upload(client, challenge, signature);
    expect(response.status, await response.clone().text()).toBe(201);
    const record = DscRecordSchema.parse(await response.json());
    expect(record).toMatchObject({ holderName: 'Priya Sawant', isDemo: true, classes: ['class-3', 'class-2'], keyAlgorithm: 'RSA 2048' });
    expect(record.daysLeft).toBeGreaterThan(700);

    // The same data folder without demo data: the demo root is no longer trusted, and another
    // root of the very same name (a second demo CA's) does not stand in for it.
    const lookAlike = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ecoo-look-alike-')), 'pki');
    await ensureDemoCa(lookAlike, []);
    const roots = fs.mkdtempSync(path.join(os.tmpdir(), 'ecoo-roots-'));
    fs.copyFileSync(path.join(lookAlike, 'demo-root-ca.pem'), path.join(roots, 'cca-root.pem'));
    await app.stop();
    app = await startTestApp({ dataDir: app.dataDir, env: { TRUST_ROOTS_DIR: roots } });
    const { client: other } = await signedInAs(app, 'issuing-officer', agencyId);
    const next = await challengeFor(other);
    const refused = await upload(other, next, await demoSign(next, app.dataDir));
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { code: string }).code).toBe('problem.dsc.untrustedChain');
  });

  it('refuses anything but a challenge, and says how to use it', async () => {
    await expect(run('npm', ['run', '--silent', 'demo-sign', '--', 'not-a-challenge'], { cwd: repoRoot, env: { ...process.env, DATA_DIR: app.dataDir } })).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('usage: npm run demo-sign'),
    });
  });
});
