/**
 * Another writer on the SQLite file (the create-reviewer command, an operator's sqlite3 session)
 * makes the console's writes wait, asynchronously: no 500 from a lock met mid-transaction, and the
 * event loop free for every other request meanwhile (issue 13, fault 6).
 */
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OfficeSchema } from '@ecoo/shared/offices/schemas';
import { addAgency, signedInAs, startTestApp, testPassword, type TestApp } from '../testing/test-app.ts';
import type { TestClient } from '../testing/test-client.ts';
import { officeInput } from '../testing/office-input.ts';
import { testDatabaseKind } from '../testing/test-database.ts';

let app: TestApp;
let admin: TestClient;
let adminEmail: string;
let officeId: string;

beforeAll(async () => {
  app = await startTestApp();
  const agency = await addAgency(app.db);
  const signedIn = await signedInAs(app, 'agency-admin', agency.id);
  admin = signedIn.client;
  adminEmail = signedIn.user.email;
  const created = await admin.post('/api/offices', officeInput());
  expect(created.status).toBe(201);
  officeId = OfficeSchema.parse(await created.json()).id;
});
afterAll(() => app?.stop());

/** Holds the write lock from a second connection, as another process would, until released. */
function holdWriteLock(): { release(): void } {
  const other = new SQLite(app.config.databaseFile);
  other.exec('begin immediate');
  return {
    release() {
      other.exec('commit');
      other.close();
    },
  };
}

/** Starts `request`, checks the health endpoint answers while it waits, then frees the lock. */
async function whileLocked(request: () => Promise<Response>): Promise<Response> {
  const lock = holdWriteLock();
  let settled = false;
  const pending = request().finally(() => (settled = true));
  try {
    await new Promise((resolve) => setTimeout(resolve, 300));
    const health = await app.client().get('/api/health');
    expect(health.status).toBe(200);
    // Before: better-sqlite3 waited for the lock synchronously (busy_timeout 5 s) or failed at once.
    expect(settled).toBe(false);
  } finally {
    lock.release();
  }
  return pending;
}

// A second writer on the file is SQLite's problem; PostgreSQL's writers wait row by row.
describe.skipIf(testDatabaseKind === 'postgres')('a write that meets another writer', () => {
  it('waits for it without stalling other requests, then saves (no SQLITE_BUSY 500)', async () => {
    const current = OfficeSchema.parse(await (await admin.get(`/api/offices/${officeId}`)).json());
    const response = await whileLocked(() => admin.put(`/api/offices/${officeId}`, officeInput({ name: `${current.name} (renamed)`, code: current.code })));
    expect(response.status, await response.clone().text()).toBe(200);
    expect(OfficeSchema.parse(await response.json()).name).toBe(`${current.name} (renamed)`);
  });

  it('records a failed sign-in without blocking the event loop', async () => {
    const response = await whileLocked(() => app.client().signIn(adminEmail, `${testPassword} but wrong`));
    expect(response.status).toBe(401);
  });
});
