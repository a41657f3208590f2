/**
 * The audit entry is written in the change's own transaction (issue 16), so a process killed between
 * two changes, or in the middle of one, leaves no change without its entry and no entry without its
 * change. Four administrators' sessions rename their offices as fast as the console answers, the
 * console is killed with SIGKILL while they do, and the data is read again after a restart: each
 * office's name says how many renames landed, and that is how many entries it has, one for each
 * name up to the one it has now.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OfficeSchema } from '@ecoo/shared/offices/schemas';
import { FieldChangeSchema } from '@ecoo/shared/offices/audit';
import { addAgency, addUser, startTestApp, testPassword, testPaymentKeySecret, type TestApp } from '../testing/test-app.ts';
import { TestClient } from '../testing/test-client.ts';
import { startConsoleProcess, type ConsoleProcess } from '../testing/console-process.ts';
import { officeInput } from '../testing/office-input.ts';

let app: TestApp | undefined;
let instance: ConsoleProcess | undefined;

afterAll(async () => {
  await instance?.kill();
  await app?.stop();
});

const renamed = (index: number, round: number) => `Kill test office ${index} rename ${round}`;

describe('the audit trail and a kill between two changes', () => {
  it('after SIGKILL mid-stream, every office has exactly one entry per rename that landed, each naming one of the names it had', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecoo-audit-kill-'));
    app = await startTestApp({ dataDir });
    const agencyId = (await addAgency(app.db, { name: 'Kill Test Agency' })).id;
    const admin = await addUser(app.db, 'agency-admin', { agencyId });
    const setup = app.client();
    expect((await setup.signIn(admin.email, testPassword)).status).toBe(200);
    const offices: { id: string; input: ReturnType<typeof officeInput> }[] = [];
    for (let index = 0; index < 4; index += 1) {
      const input = officeInput({ name: renamed(index, 0) });
      const response = await setup.post('/api/offices', input);
      expect(response.status).toBe(201);
      offices.push({ id: OfficeSchema.parse(await response.json()).id, input });
    }
    const databaseUrl = app.config.databaseUrl;
    await app.stop();
    app = undefined;

    instance = await startConsoleProcess('bff', {
      DATA_DIR: dataDir,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl, PAYMENT_KEY_SECRET: testPaymentKeySecret } : {}),
    });
    const baseUrl = `http://127.0.0.1:${instance.port}`;
    let isKilled = false;
    const streams = offices.map(async ({ id, input }, index) => {
      const client = new TestClient(baseUrl);
      expect((await client.signIn(admin.email, testPassword)).status).toBe(200);
      const { checksumKey: _kept, ...details } = input;
      let round = 1;
      while (!isKilled) {
        const answer = await client.put(`/api/offices/${id}`, { ...details, name: renamed(index, round) }).catch(() => undefined);
        if (!answer) return;
        // On PostgreSQL a transaction that loses a serialisation race answers 409 and changes
        // nothing (the invariant below holds for it too); the same rename is sent again.
        expect([200, 409]).toContain(answer.status);
        if (answer.status === 200) round += 1;
      }
    });
    // Long enough for every stream to land several renames, short of any stream finishing.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    isKilled = true;
    await instance.kill();
    await Promise.all(streams);

    app = await startTestApp({ dataDir });
    let renames = 0;
    for (const [index, { id }] of offices.entries()) {
      const office = await app.db.selectFrom('offices').select('name').where('id', '=', id).executeTakeFirstOrThrow();
      const round = Number(/rename (\d+)$/.exec(office.name)?.[1]);
      const entries = await app.db.selectFrom('audit_entries').select(['action', 'details', 'at']).where('office_id', '=', id).where('action', '=', 'office.updated').orderBy('at').execute();
      expect(entries, `office ${index} is at rename ${round}`).toHaveLength(round);
      const names = entries.map((entry) => FieldChangeSchema.array().parse((JSON.parse(entry.details) as { changes: unknown }).changes).find((change) => change.field === 'name')?.after);
      // Compared as a set: two renames within one millisecond share their `at`.
      expect(new Set(names)).toEqual(new Set(Array.from({ length: round }, (_, step) => renamed(index, step + 1))));
      renames += round;
    }
    expect(renames, 'the kill came after some renames had landed').toBeGreaterThan(4);
  }, 180_000);
});
