import fs from 'node:fs/promises';
import path from 'node:path';
import { demoAccounts } from '../src/demo/index.ts';
import { describeLoad, runLoad, type LoadFigures, type LoadShape } from './http-load.ts';
import { startServerProcess } from './server-process.ts';
import { openSession, signInAs, signInRequest } from './bench-session.ts';
import { kb, percentile, whole } from './numbers.ts';
import { signInReviewers } from './sign-in-reviewers.ts';

/** What section 2 seeds on each database: the same rows on both (fixed seeds). */
export const seeded = { pendingRegistrations: 1_000, officersInAgency: 1_000 };
const listPath = '/api/registrations?status=pending&page=1&pageSize=50';
const officersPath = '/api/officers?page=1&pageSize=50';
const officersSearchPath = '/api/officers?status=active&q=desh&page=1&pageSize=50';

/** A database for the console: the embedded SQLite file, or PostgreSQL through these variables. */
export interface BenchDatabase {
  name: 'SQLite' | 'PostgreSQL';
  /** DATABASE_URL and PAYMENT_KEY_SECRET for the console server's environment. */
  env: Record<string, string | undefined>;
}

/** Both unset: a DATABASE_URL in the shell that runs the bench must not turn a SQLite run into a PostgreSQL one. */
export const sqliteDatabase: BenchDatabase = { name: 'SQLite', env: { DATABASE_URL: undefined, PAYMENT_KEY_SECRET: undefined } };

export interface ConsoleHttpFigures {
  signIn: LoadFigures;
  list: LoadFigures;
  officers: LoadFigures;
  officersSearch: LoadFigures;
  officersColdMs: { median: number; slowest: number };
  /** One pending-list answer, which the bare route then serves from memory. */
  listBody: string;
}

type ConsoleReady = { kind: 'ready'; port: number; pending: number; inserted: number; officers: number };

/**
 * Section 2's console runs on one database: a console server of its own (seeded as above), signed
 * in as the demo reviewer and administrator, under the same load on either database.
 */
export async function measureConsoleHttp(database: BenchDatabase, options: { dataDir: string; load: LoadShape; profileDir?: string | undefined }): Promise<ConsoleHttpFigures> {
  const { load } = options;
  const server = await startServerProcess<ConsoleReady>(
    path.join(import.meta.dirname, 'console-server.ts'),
    [options.dataDir, String(seeded.pendingRegistrations), String(seeded.officersInAgency)],
    { env: database.env },
  );
  try {
    const base = `http://127.0.0.1:${server.ready.port}`;
    const { pending, inserted } = server.ready;
    console.log(`\n   On ${database.name}: ${whole(pending)} pending registrations (${whole(pending - inserted)} from the demo seed, ${whole(inserted)} inserted), ${whole(server.ready.officers)} officers in the agency.`);

    console.log(`   a. Signing in: POST /api/session, valid credentials of ${signInReviewers.length} reviewers in turn, a new session each time`);
    const csrf = await openSession(base);
    const signIn = await runLoad({ ...signInRequest(base, csrf, signInReviewers[0]!), bodies: signInReviewers.map((account) => signInRequest(base, csrf, account).body) }, load);
    console.log(`      ${describeLoad(signIn)}`);

    const reviewer = await signInAs(base, demoAccounts.reviewer);
    const listBody = await sampleAnswer(base, listPath, reviewer);
    const { items, total } = JSON.parse(listBody) as { items: unknown[]; total: number };
    console.log(`   b. Pending list: GET ${listPath}, signed in as the reviewer`);
    console.log(`      One response: ${items.length} items of ${whole(total)}, ${kb(Buffer.byteLength(listBody))} of JSON`);
    if (options.profileDir) await server.ask({ kind: 'start-profile' }, 'profiling');
    const list = await runLoad({ url: `${base}${listPath}`, headers: reviewer }, load);
    console.log(`      ${describeLoad(list)}`);
    if (options.profileDir) {
      await fs.mkdir(options.profileDir, { recursive: true });
      const target = path.resolve(options.profileDir, `pending-list-${database.name.toLowerCase()}.cpuprofile`);
      const { file } = await server.ask({ kind: 'stop-profile', file: target }, 'profiled');
      console.log(`      CPU profile of the server during this run (warm-up included): ${file}`);
    }

    const admin = await signInAs(base, demoAccounts.admin);
    const officersRun = async (letter: string, label: string, url: string) => {
      const page = JSON.parse(await sampleAnswer(base, url, admin)) as { items: unknown[]; total: number };
      console.log(`   ${letter}. ${label}: GET ${url}, signed in as the demo administrator`);
      console.log(`      One response: ${page.items.length} items of ${whole(page.total)}`);
      const figures = await runLoad({ url: `${base}${url}`, headers: admin }, load);
      console.log(`      ${describeLoad(figures)}`);
      return figures;
    };
    const officers = await officersRun('c', 'User Management list', officersPath);
    const officersSearch = await officersRun('d', 'User Management, filtered by status and searched', officersSearchPath);

    // The cache answers repeats; a page nobody asked for since the last change is computed. Distinct
    // searches one after another, each a miss, show what that costs.
    const coldMs: number[] = [];
    for (let index = 0; index < 50; index += 1) {
      const started = performance.now();
      const cold = await fetch(`${base}/api/officers?page=${1 + (index % 5)}&pageSize=50&q=${'aeiou'[index % 5]}${index}`, { headers: admin });
      await cold.arrayBuffer();
      coldMs.push(performance.now() - started);
    }
    const officersColdMs = { median: percentile(coldMs, 0.5), slowest: Math.max(...coldMs) };
    console.log(`   e. User Management, pages not yet cached: 50 distinct searches one after another, median ${officersColdMs.median.toFixed(1)} ms, slowest ${officersColdMs.slowest.toFixed(1)} ms`);
    return { signIn, list, officers, officersSearch, officersColdMs, listBody };
  } finally {
    await server.stop();
  }
}

/** One answer of `url`, which must be 200: a load run of errors would measure the wrong thing. */
async function sampleAnswer(base: string, url: string, headers: Record<string, string>): Promise<string> {
  const response = await fetch(`${base}${url}`, { headers });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}: ${body}`);
  return body;
}
