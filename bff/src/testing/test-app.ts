import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import pino from 'pino';
import { AgencyInputSchema, type AgencyInput } from '@ecoo/shared/agencies/schemas';
import type { Role } from '@ecoo/shared/http/endpoint';
import { loadConfig, type Config } from '../config.ts';
import { nowIso, type Db } from '../db/connect.ts';
import { openConsole } from '../console.ts';
import { createAgency } from '../agencies/index.ts';
import { hashPassword, insertUser } from '../accounts/index.ts';
import type { DscExpiryNotices } from '../dsc/index.ts';
import { TestClient } from './test-client.ts';
import { freshPostgresUrl, testDatabaseKind } from './test-database.ts';

export interface TestApp {
  baseUrl: string;
  config: Config;
  db: Db;
  dataDir: string;
  /** Every log line the app wrote, as text. */
  logs: string[];
  /** The DSC expiry mailer, for tests that move its clock. */
  dscExpiryNotices: DscExpiryNotices;
  client(): TestClient;
  stop(): Promise<void>;
}

/**
 * The real app over HTTP on port 0, with a freshly migrated SQLite file in a temporary folder.
 * Pass `dataDir` to restart on the same data, `smtpUrl` to deliver mail to a local receiver.
 */
export async function startTestApp(options: { smtpUrl?: string; dataDir?: string; env?: Record<string, string> } = {}): Promise<TestApp> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'ecoo-test-'));
  // Listen first, so links in mail can name the real port.
  const server = http.createServer();
  // fetch keeps sockets between tests; with Node's 5-second default the server may close one just as
  // a slow test (a loaded CI machine) reuses it, and the request fails with ECONNRESET.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const config = loadConfig({
    PUBLIC_URL: baseUrl,
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    PORT: '0',
    DEMO_DATA: 'false',
    // Test files register far more than a person would from one address; the throttle's own test sets a low limit.
    REGISTRATIONS_PER_ADDRESS_PER_HOUR: '10000',
    LOG_LEVEL: 'info',
    ...(options.smtpUrl ? { SMTP_URL: options.smtpUrl } : {}),
    // On PostgreSQL a restart on the same data folder keeps its database too.
    // Work queued by a restarted app is found within a tenth of a second, as a worker would find it.
    JOB_POLL_MS: '100',
    ...(testDatabaseKind === 'postgres'
      ? { DATABASE_URL: (databaseUrls.get(dataDir) ?? databaseUrls.set(dataDir, await freshPostgresUrl()).get(dataDir))!, PAYMENT_KEY_SECRET: testPaymentKeySecret }
      : {}),
    ...options.env,
  });
  const logs: string[] = [];
  const logger = pino({ level: 'info' }, new Writable({ write: (chunk, _enc, done) => void (logs.push(String(chunk)), done()) }));
  const { app, db, close, dscExpiryNotices } = await openConsole(config, logger);
  server.on('request', app);
  return {
    baseUrl,
    config,
    db,
    dataDir,
    logs,
    dscExpiryNotices,
    client: () => new TestClient(baseUrl),
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await close();
    },
  };
}

/** Instances on one PostgreSQL database share one key (a fixed one is fine for throwaway test data). */
export const testPaymentKeySecret = Buffer.alloc(32, 7).toString('base64');

/** The PostgreSQL database of each data folder, so a test that restarts the app finds its data again. */
const databaseUrls = new Map<string, string>();

let agencySequence = 0;

/** An agency of the register, with `domains` recorded. */
export async function addAgency(db: Db, overrides: Partial<AgencyInput> = {}) {
  agencySequence += 1;
  return createAgency(
    db,
    null,
    AgencyInputSchema.parse({
      code: `agency-${agencySequence}-${randomUUID().slice(0, 6)}`,
      name: `Test Agency ${agencySequence}`,
      certifies: 'All products',
      emailDomains: ['agency.gov.in'],
      ...overrides,
    }),
  );
}

export const testPassword = 'correct horse battery staple';

/** An active account with a password, straight into the database. */
export async function addUser(
  db: Db,
  role: Role,
  options: { agencyId?: string | null; email?: string; password?: string; status?: 'active' | 'disabled'; name?: string } = {},
) {
  const id = randomUUID();
  const email = options.email ?? `${role}.${id.slice(0, 8)}@agency.gov.in`;
  const now = nowIso();
  await insertUser(db, {
    id,
    email,
    name: options.name ?? `Test ${role}`,
    mobile: null,
    role,
    agency_id: options.agencyId ?? null,
    status: options.status ?? 'active',
    password_hash: await hashPassword(options.password ?? testPassword),
    created_at: now,
    updated_at: now,
  });
  // An officer is an account and an officer record (designation, offices, signature).
  if (role === 'issuing-officer' && options.agencyId) {
    await db
      .insertInto('officers')
      .values({ user_id: id, agency_id: options.agencyId, designation: 'Assistant Director', requested_office_id: null, requested_at: now, decided_at: now, decided_by: null, rejection_reason: null, signature_version_id: null, email_confirmed_at: now, updated_at: now })
      .execute();
  }
  return { id, email, password: options.password ?? testPassword };
}

/** A client already signed in as a new user of that role. */
export async function signedInAs(app: TestApp, role: Role, agencyId: string | null = null) {
  const user = await addUser(app.db, role, { agencyId });
  const client = app.client();
  const response = await client.signIn(user.email, user.password);
  if (response.status !== 200) throw new Error(`sign-in as ${role} failed: ${response.status} ${await response.text()}`);
  return { client, user };
}
