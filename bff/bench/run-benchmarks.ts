import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.ts';
import { demoAccounts } from '../src/demo/index.ts';
import { hashPassword, verifyPassword } from '../src/accounts/index.ts';
import { gzipLevel, measureInitialJs, type InitialJs } from './initial-js-size.ts';
import { runLoad, type LoadFigures, type LoadShape } from './http-load.ts';
import { startServerProcess, type FromServer, type ServerProcess } from './server-process.ts';
import { openSession, signInAs, signInRequest } from './bench-session.ts';
import { benchBackgroundRemoval } from './background-removal.ts';
import { benchUploadBurst } from './upload-burst.ts';
import { benchDscVerification } from './dsc-verification.ts';

// Prints figures and judges none of them: targets are shown beside the figures, and nothing fails.
// Options: --web-dist DIR measures another SPA build; --cpu-prof-dir DIR writes a CPU profile of the
// console server during the pending-list run (open it in Chrome DevTools, Performance tab).
// Background removal: --bg-dev DIR (default ../shared/bg-dev from the repo root), --bg-limit N pictures
// per set (the model alone takes 5-7 s each), --bg-only to run just that section; --burst-only runs just the
// twenty-uploads-at-once section (--image-workers N, default 1); --dsc-only the DSC verification timing.

const initialJsTargetKb = 200;
const listToBareTarget = 0.5;
const pendingRegistrations = 1_000;
const listPath = '/api/registrations?status=pending&page=1&pageSize=50';
const officersInAgency = 1_000;
const officersPath = '/api/officers?page=1&pageSize=50';
const officersSearchPath = '/api/officers?status=active&q=desh&page=1&pageSize=50';
const load: LoadShape = { connections: 20, warmupSeconds: 2, seconds: 8 };

const { values: options } = parseArgs({
  options: {
    'cpu-prof-dir': { type: 'string' },
    'web-dist': { type: 'string' },
    'bg-dev': { type: 'string' },
    'bg-limit': { type: 'string', default: '0' },
    'bg-only': { type: 'boolean', default: false },
    'burst-only': { type: 'boolean', default: false },
    'http-only': { type: 'boolean', default: false },
    'dsc-only': { type: 'boolean', default: false },
    'image-workers': { type: 'string', default: '1' },
  },
});
const here = import.meta.dirname;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const whole = (value: number) => Math.round(value).toLocaleString('en-GB');
const pad = (text: string, width: number) => text.padEnd(width);

function machineLine(): string {
  const cpus = os.cpus();
  return `${cpus.length} CPUs (${cpus[0]?.model.trim() ?? 'unknown model'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}, ${process.platform} ${process.arch}`;
}

function printInitialJs(initialJs: InitialJs): void {
  console.log(`\n1. Initial JavaScript of the SPA: gzip level ${gzipLevel} (node:zlib), 1 KB = 1,024 bytes`);
  if (initialJs.kind === 'not-built') {
    console.log(`   ${initialJs.indexFile} not found: build the SPA first (the root \`npm run bench\` does).`);
    return;
  }
  console.log('   Every <script type="module" src> and <link rel="modulepreload" href> in index.html; lazy route chunks are not counted.');
  const width = Math.max(10, ...[...initialJs.scripts, ...initialJs.uncounted].map(({ url }) => url.length));
  for (const script of initialJs.scripts) console.log(`   ${pad(script.url, width)}  ${kb(script.rawBytes).padStart(10)} raw  ${kb(script.gzipBytes).padStart(9)} gzip`);
  for (const { url, reason } of initialJs.uncounted) console.log(`   ${pad(url, width)}  not counted: ${reason}`);
  console.log(`   ${pad('Total', width)}  ${' '.repeat(14)}  ${kb(initialJs.totalGzipBytes).padStart(9)} gzip   target < ${initialJsTargetKb} KB`);
}

function describeLoad(figures: LoadFigures): string {
  const statuses = Object.entries(figures.statuses)
    .map(([code, count]) => `${whole(count)} × ${code}`)
    .join(', ');
  const problems = [figures.errors ? `${whole(figures.errors)} errors` : '', figures.timeouts ? `${whole(figures.timeouts)} timeouts` : ''].filter(Boolean);
  return `${whole(figures.requestsPerSecond)} req/s average, p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms (${statuses || 'no responses'}${problems.length ? `; ${problems.join(', ')}` : ''})`;
}

const isAllOk = (figures: LoadFigures) => Object.keys(figures.statuses).every((code) => code === '200') && !figures.errors && !figures.timeouts;

/** One argon2id verify with nothing else running: the floor under every sign-in. */
async function timeOneVerify(): Promise<number> {
  const passwordHash = await hashPassword(demoAccounts.reviewer.password);
  const times: number[] = [];
  for (let run = 0; run < 5; run += 1) {
    const started = performance.now();
    await verifyPassword(passwordHash, demoAccounts.reviewer.password);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[2]!;
}

const reviewerSignIn = (base: string, csrf: { cookie: string; token: string }) => signInRequest(base, csrf, demoAccounts.reviewer);

interface Figures {
  initialJs: InitialJs;
  signIn?: LoadFigures;
  list?: LoadFigures;
  bare?: LoadFigures;
  officers?: LoadFigures;
  officersSearch?: LoadFigures;
  officersColdMs?: { median: number; p99: number };
}

function printTable(figures: Figures): void {
  const { initialJs, signIn, list, bare } = figures;
  const http = (run: LoadFigures | undefined) => (run ? `${whole(run.requestsPerSecond)} req/s, p99 ${run.p99Ms} ms` : 'not measured');
  const ratio = list && bare && bare.requestsPerSecond > 0 ? (list.requestsPerSecond / bare.requestsPerSecond).toFixed(2) : 'not measured';
  const rows: [string, string, string][] = [
    [
      `Initial JS, gzip -${gzipLevel}${initialJs.kind === 'measured' ? ` (${initialJs.scripts.length} files)` : ''}`,
      initialJs.kind === 'measured' ? kb(initialJs.totalGzipBytes) : 'SPA not built',
      `< ${initialJsTargetKb} KB`,
    ],
    ['Sign-in, POST /api/session (argon2id)', http(signIn), ''],
    [`Pending list, 50 of ${whole(pendingRegistrations)}`, http(list), ''],
    [`User Management list, 50 of ${whole(officersInAgency)} officers`, http(figures.officers), ''],
    ['User Management, active officers named like "desh"', http(figures.officersSearch), ''],
    ['User Management, a page not yet cached', figures.officersColdMs ? `median ${figures.officersColdMs.median.toFixed(1)} ms, slowest of 50 ${figures.officersColdMs.p99.toFixed(1)} ms` : 'not measured', ''],
    ['Bare Express, same JSON from memory', http(bare), ''],
    ['Pending list / bare, req/s', ratio, `≥ ${listToBareTarget}`],
  ];
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column]!.length), ['Figure', 'Measured', 'Target'][column]!.length));
  const line = (cells: string[]) => `  ${cells.map((cell, column) => pad(cell, widths[column]!)).join('   ')}`.trimEnd();
  console.log('\nSummary');
  console.log(line(['Figure', 'Measured', 'Target']));
  console.log(line(widths.map((width) => '-'.repeat(width))));
  for (const row of rows) console.log(line(row));
  console.log(`  ${load.connections} connections, ${load.seconds} s counted after ${load.warmupSeconds} s warm-up; server and autocannon share ${os.cpus().length} cores.`);
  console.log(`  Machine: ${machineLine()}`);
}

async function main(): Promise<void> {
  console.log('eCoO Agency Console benchmark: figures only, nothing is judged');
  console.log(`Machine: ${machineLine()}`);

  const webDist = loadConfig({ NODE_ENV: 'test', ...(options['web-dist'] ? { WEB_DIST: options['web-dist'] } : {}) }).webDist;
  const figures: Figures = { initialJs: await measureInitialJs(webDist) };
  printInitialJs(figures.initialJs);

  console.log(`\n2. HTTP under load on 127.0.0.1: ${load.connections} connections, ${load.warmupSeconds} s warm-up, then ${load.seconds} s counted`);
  console.log(`   The server runs in its own process but shares this machine's ${os.cpus().length} cores with autocannon, which takes a`);
  console.log('   good part of one core: absolute figures are lower than on a server of its own; the ratio between runs holds better.');

  const workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ecoo-bench-'));
  const servers: ServerProcess<FromServer & { kind: 'ready' }>[] = [];
  try {
    const verifyMs = await timeOneVerify();
    type ConsoleReady = { kind: 'ready'; port: number; pending: number; inserted: number; officers: number };
    const consoleServer = await startServerProcess<ConsoleReady>(path.join(here, 'console-server.ts'), [
      path.join(workDir, 'data'),
      String(pendingRegistrations),
      String(officersInAgency),
    ]);
    servers.push(consoleServer);
    const base = `http://127.0.0.1:${consoleServer.ready.port}`;
    const { pending, inserted } = consoleServer.ready;
    console.log(`   Fresh data directory ${workDir}; ${whole(pending)} pending registrations (${whole(pending - inserted)} from the demo seed, ${whole(inserted)} inserted).`);

    console.log('\n   a. Signing in: POST /api/session, valid credentials of the demo reviewer, a new session each time');
    figures.signIn = await runLoad(reviewerSignIn(base, await openSession(base)), load);
    console.log(`      ${describeLoad(figures.signIn)}`);
    console.log(`      argon2id (19 MiB, 2 passes) dominates: one verify takes ${verifyMs.toFixed(0)} ms on an idle machine, so ${os.cpus().length} cores`);
    console.log(`      allow at most about ${whole((os.cpus().length * 1000) / verifyMs)} sign-ins/s, whatever the rest of the route costs.`);

    const { cookie } = await signInAs(base, demoAccounts.reviewer);
    const sample = await fetch(`${base}${listPath}`, { headers: { cookie } });
    const body = await sample.text();
    if (sample.status !== 200) throw new Error(`GET ${listPath} answered ${sample.status}: ${body}`);
    const { items, total } = JSON.parse(body) as { items: unknown[]; total: number };
    console.log(`\n   b. Pending list: GET ${listPath}, signed in as the reviewer`);
    console.log(`      One response: ${items.length} items of ${whole(total)}, ${kb(Buffer.byteLength(body))} of JSON`);
    const profileDir = options['cpu-prof-dir'];
    if (profileDir) await consoleServer.ask({ kind: 'start-profile' }, 'profiling');
    figures.list = await runLoad({ url: `${base}${listPath}`, headers: { cookie } }, load);
    console.log(`      ${describeLoad(figures.list)}`);
    if (profileDir) {
      await fs.mkdir(profileDir, { recursive: true });
      const { file } = await consoleServer.ask({ kind: 'stop-profile', file: path.resolve(profileDir, 'pending-list.cpuprofile') }, 'profiled');
      console.log(`      CPU profile of the server during this run (warm-up included): ${file}`);
    }

    const adminHeaders = await signInAs(base, demoAccounts.admin);
    for (const [key, officersUrl, label] of [
      ['officers', officersPath, 'User Management list'],
      ['officersSearch', officersSearchPath, 'User Management, filtered by status and searched'],
    ] as const) {
      const officersSample = await fetch(`${base}${officersUrl}`, { headers: adminHeaders });
      const officersBody = await officersSample.text();
      if (officersSample.status !== 200) throw new Error(`GET ${officersUrl} answered ${officersSample.status}: ${officersBody}`);
      const page = JSON.parse(officersBody) as { items: unknown[]; total: number };
      console.log(`\n   ${key === 'officers' ? 'd' : 'e'}. ${label}: GET ${officersUrl}, signed in as the demo administrator (${whole(consoleServer.ready.officers)} officers in the agency)`);
      console.log(`      One response: ${page.items.length} items of ${whole(page.total)}, ${kb(Buffer.byteLength(officersBody))} of JSON`);
      figures[key] = await runLoad({ url: `${base}${officersUrl}`, headers: adminHeaders }, load);
      console.log(`      ${describeLoad(figures[key]!)}`);
    }
    // The cache answers repeats; a page nobody asked for since the last change is computed. Distinct
    // searches one after another, each a miss, show what that costs.
    const coldMs: number[] = [];
    for (let index = 0; index < 50; index += 1) {
      const started = performance.now();
      const cold = await fetch(`${base}/api/officers?page=${1 + (index % 5)}&pageSize=50&q=${'aeiou'[index % 5]}${index}`, { headers: adminHeaders });
      await cold.arrayBuffer();
      coldMs.push(performance.now() - started);
    }
    coldMs.sort((a, b) => a - b);
    figures.officersColdMs = { median: coldMs[25]!, p99: coldMs[49]! };
    console.log(`\n   f. User Management, pages not yet cached: 50 distinct searches one after another, median ${coldMs[25]!.toFixed(1)} ms, slowest ${coldMs[49]!.toFixed(1)} ms`);
    await consoleServer.stop();

    const bodyFile = path.join(workDir, 'pending-list.json');
    await fs.writeFile(bodyFile, body);
    const bareServer = await startServerProcess(path.join(here, 'bare-server.ts'), [bodyFile]);
    servers.push(bareServer);
    console.log('\n   c. Bare Express: GET /bare answers the same JSON from memory (express() with one route, own process)');
    figures.bare = await runLoad({ url: `http://127.0.0.1:${bareServer.ready.port}/bare` }, load);
    console.log(`      ${describeLoad(figures.bare)}`);
    await bareServer.stop();

    for (const [name, run] of Object.entries({ 'sign-in': figures.signIn, 'pending list': figures.list, bare: figures.bare, 'officers list': figures.officers, 'officers search': figures.officersSearch })) {
      if (run && !isAllOk(run)) console.log(`   Note: the ${name} run had answers other than 200; its figures do not describe the happy path.`);
    }
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    await fs.rm(workDir, { recursive: true, force: true });
  }

  printTable(figures);
}

const devDir = path.resolve(options['bg-dev'] ?? path.join(here, '../../../shared/bg-dev'));
const only = options['bg-only'] ? 'bg' : options['burst-only'] ? 'burst' : options['http-only'] ? 'http' : options['dsc-only'] ? 'dsc' : null;
if (only === null || only === 'http') await main();
if (only === null || only === 'bg') await benchBackgroundRemoval({ devDir, limit: Number(options['bg-limit']) || 0 });
if (only === null || only === 'burst') await benchUploadBurst({ devDir, uploads: 20, workers: Number(options['image-workers']) || 1 });
if (only === null || only === 'dsc') await benchDscVerification();
