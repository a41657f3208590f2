import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.ts';
import { demoAccounts } from '../src/demo/index.ts';
import { hashPassword, verifyPassword } from '../src/accounts/index.ts';
import { gzipLevel, measureInitialJs, type InitialJs } from './initial-js-size.ts';
import { describeLoad, isAllOk, runLoad, type LoadFigures, type LoadShape } from './http-load.ts';
import { startServerProcess, type FromServer, type ServerProcess } from './server-process.ts';
import { measureConsoleHttp, seeded, sqliteDatabase, type BenchDatabase, type ConsoleHttpFigures } from './console-http.ts';
import { startBenchPostgres, type BenchPostgres } from './bench-postgres.ts';
import { kb, whole } from './numbers.ts';
import { benchBackgroundRemoval } from './background-removal.ts';
import { benchUploadBurst } from './upload-burst.ts';
import { benchDscVerification } from './dsc-verification.ts';
import { measureWeb, printWeb } from './web-performance.ts';

// Prints figures and judges none of them: targets are shown beside the figures, and nothing fails.
// Sections 2 and 4 run on SQLite and on PostgreSQL, in a throwaway cluster this run starts and
// removes (left out, with a line saying so, where PostgreSQL's server binaries are missing).
// Options: --web-dist DIR measures another SPA build; --cpu-prof-dir DIR writes a CPU profile of the
// console server during the pending-list run (open it in Chrome DevTools, Performance tab).
// Background removal: --bg-dev DIR (default ../shared/bg-dev from the repo root), --bg-limit N pictures
// per set (the model alone takes 5-7 s each), --bg-random N random scenes (default 300; 0 leaves them out),
// --bg-model-sample N of them for the model alone (default 24, about 3 minutes), --bg-only to run just that section; --burst-only runs just the
// twenty-uploads-at-once section (--image-workers N for its one-process run, default 1); --dsc-only the DSC verification timing;
// --web-only the web pages in Chromium and Lighthouse (--lighthouse-runs N a page, default 3; 0 leaves Lighthouse out).

const initialJsTargetKb = 200;
const listToBareTarget = 0.5;
const load: LoadShape = { connections: 20, warmupSeconds: 2, seconds: 8 };

const { values: options } = parseArgs({
  options: {
    'cpu-prof-dir': { type: 'string' },
    'web-dist': { type: 'string' },
    'bg-dev': { type: 'string' },
    'bg-limit': { type: 'string', default: '0' },
    'bg-random': { type: 'string', default: '300' },
    'bg-model-sample': { type: 'string', default: '24' },
    'bg-only': { type: 'boolean', default: false },
    'burst-only': { type: 'boolean', default: false },
    'http-only': { type: 'boolean', default: false },
    'dsc-only': { type: 'boolean', default: false },
    'web-only': { type: 'boolean', default: false },
    'lighthouse-runs': { type: 'string', default: '3' },
    'image-workers': { type: 'string', default: '1' },
  },
});
const here = import.meta.dirname;
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

interface Figures {
  initialJs: InitialJs;
  /** Section 2's console figures by database; a database that was not run has none. */
  consoles: Partial<Record<BenchDatabase['name'], ConsoleHttpFigures>>;
  bare?: LoadFigures;
}

const databaseNames: BenchDatabase['name'][] = ['SQLite', 'PostgreSQL'];

function printTable(figures: Figures): void {
  const { initialJs, bare } = figures;
  const http = (run: LoadFigures | undefined) => (run ? `${whole(run.requestsPerSecond)} req/s, p99 ${run.p99Ms} ms` : 'not measured');
  /** A row with one cell a database, from that database's figures. */
  const perDatabase = (cell: (figures: ConsoleHttpFigures) => string) => databaseNames.map((name) => (figures.consoles[name] ? cell(figures.consoles[name]) : 'not run'));
  const ratio = (run: ConsoleHttpFigures) => (bare && bare.requestsPerSecond > 0 ? (run.list.requestsPerSecond / bare.requestsPerSecond).toFixed(2) : 'not measured');
  const rows: string[][] = [
    [
      `Initial JS, gzip -${gzipLevel}${initialJs.kind === 'measured' ? ` (${initialJs.scripts.length} files; no database)` : ''}`,
      initialJs.kind === 'measured' ? kb(initialJs.totalGzipBytes) : 'SPA not built',
      '',
      `< ${initialJsTargetKb} KB`,
    ],
    ['Sign-in, POST /api/session (argon2id)', ...perDatabase((run) => http(run.signIn)), ''],
    [`Pending list, 50 of ${whole(seeded.pendingRegistrations)}`, ...perDatabase((run) => http(run.list)), ''],
    [`User Management list, 50 of ${whole(seeded.officersInAgency)} officers`, ...perDatabase((run) => http(run.officers)), ''],
    ['User Management, active officers named like "desh"', ...perDatabase((run) => http(run.officersSearch)), ''],
    ['User Management, a page not yet cached', ...perDatabase(({ officersColdMs: cold }) => `median ${cold.median.toFixed(1)} ms, slowest of 50 ${cold.slowest.toFixed(1)} ms`), ''],
    ['Bare Express, same JSON from memory (no database)', http(bare), '', ''],
    ['Pending list / bare, req/s', ...perDatabase(ratio), `≥ ${listToBareTarget}`],
  ];
  const header = ['Figure', ...databaseNames, 'Target'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => `  ${cells.map((cell, column) => pad(cell, widths[column]!)).join('   ')}`.trimEnd();
  console.log('\nSummary');
  console.log(line(header));
  console.log(line(widths.map((width) => '-'.repeat(width))));
  for (const row of rows) console.log(line(row));
  console.log(`  ${load.connections} connections, ${load.seconds} s counted after ${load.warmupSeconds} s warm-up; server and autocannon share ${os.cpus().length} cores.`);
  console.log(`  Machine: ${machineLine()}`);
}

/** Sections 1 and 2: the SPA's initial JavaScript, then the console under load on each database, and the bare route once. */
async function benchInitialJsAndHttp(postgres: BenchPostgres | null): Promise<void> {
  const webDist = loadConfig({ NODE_ENV: 'test', ...(options['web-dist'] ? { WEB_DIST: options['web-dist'] } : {}) }).webDist;
  const figures: Figures = { initialJs: await measureInitialJs(webDist), consoles: {} };
  printInitialJs(figures.initialJs);

  console.log(`\n2. HTTP under load on 127.0.0.1: ${load.connections} connections, ${load.warmupSeconds} s warm-up, then ${load.seconds} s counted`);
  console.log(`   The server runs in its own process but shares this machine's ${os.cpus().length} cores with autocannon, which takes a`);
  console.log('   good part of one core: absolute figures are lower than on a server of its own; the ratio between runs holds better.');
  console.log('   The same runs on each database, with the same seeded rows: SQLite (the embedded default), then PostgreSQL');
  console.log('   (a throwaway local cluster, fsync off, over TCP on 127.0.0.1, whose server processes take the same cores).');

  const workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ecoo-bench-'));
  let bareServer: ServerProcess<FromServer & { kind: 'ready' }> | undefined;
  try {
    const verifyMs = await timeOneVerify();
    console.log(`   argon2id (19 MiB, 2 passes) dominates signing in: one verify takes ${verifyMs.toFixed(0)} ms on an idle machine, so ${os.cpus().length} cores`);
    console.log(`   allow at most about ${whole((os.cpus().length * 1000) / verifyMs)} sign-ins/s, whatever the rest of the route or the database costs.`);
    const databases: BenchDatabase[] = [sqliteDatabase];
    if (postgres) {
      const url = await postgres.newDatabase('ecoo_bench_http');
      databases.push({ name: 'PostgreSQL', env: { DATABASE_URL: url, PAYMENT_KEY_SECRET: postgres.paymentKeySecret } });
    } else console.log('\n   PostgreSQL: not run (see above); SQLite only.');
    for (const database of databases) {
      const dataDir = path.join(workDir, `data-${database.name.toLowerCase()}`);
      figures.consoles[database.name] = await measureConsoleHttp(database, { dataDir, load, profileDir: options['cpu-prof-dir'] });
    }

    const bodyFile = path.join(workDir, 'pending-list.json');
    await fs.writeFile(bodyFile, figures.consoles.SQLite!.listBody);
    bareServer = await startServerProcess(path.join(here, 'bare-server.ts'), [bodyFile]);
    console.log('\n   f. Bare Express: GET /bare answers the same JSON (the SQLite run\'s list) from memory (express() with one route, own process)');
    figures.bare = await runLoad({ url: `http://127.0.0.1:${bareServer.ready.port}/bare` }, load);
    console.log(`      ${describeLoad(figures.bare)}`);

    const loadRuns = Object.entries(figures.consoles).flatMap(([database, run]) =>
      Object.entries({ 'sign-in': run.signIn, 'pending list': run.list, 'officers list': run.officers, 'officers search': run.officersSearch }).map(([label, one]) => [`${database} ${label}`, one] as const),
    );
    for (const [name, run] of [...loadRuns, ['bare', figures.bare] as const]) {
      if (!isAllOk(run)) console.log(`   Note: the ${name} run had answers other than 200; its figures do not describe the happy path.`);
    }
  } finally {
    await bareServer?.stop();
    await fs.rm(workDir, { recursive: true, force: true });
  }

  printTable(figures);
}

/** Section 6: the home page and the office list in Chromium (bytes as sent, br and gzip) and in Lighthouse. */
async function benchWeb(): Promise<void> {
  const webDist = loadConfig({ NODE_ENV: 'test', ...(options['web-dist'] ? { WEB_DIST: options['web-dist'] } : {}) }).webDist;
  const workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ecoo-bench-web-'));
  try {
    printWeb(await measureWeb({ dataDir: path.join(workDir, 'data'), webDist, lighthouseRuns: Number(options['lighthouse-runs']) }));
  } finally {
    await fs.rm(workDir, { recursive: true, force: true });
  }
}

const devDir = path.resolve(options['bg-dev'] ?? path.join(here, '../../../shared/bg-dev'));
const only = options['bg-only'] ? 'bg' : options['burst-only'] ? 'burst' : options['http-only'] ? 'http' : options['dsc-only'] ? 'dsc' : options['web-only'] ? 'web' : null;
const shouldRun = (section: 'http' | 'bg' | 'burst' | 'dsc' | 'web') => only === null || only === section;
console.log('eCoO Agency Console benchmark: figures only, nothing is judged');
console.log(`Machine: ${machineLine()}`);
// One throwaway cluster serves sections 2 and 4, each on a database of its own; it is removed at the end, failed or not.
const postgres = shouldRun('http') || shouldRun('burst') ? await startBenchPostgres() : null;
if (postgres && 'missing' in postgres) console.log(`PostgreSQL: ${postgres.missing}; the PostgreSQL runs are left out.`);
else if (postgres) console.log('PostgreSQL: a throwaway cluster for this run, removed at the end.');
const cluster = postgres && !('missing' in postgres) ? postgres : null;
try {
  if (shouldRun('http')) await benchInitialJsAndHttp(cluster);
  if (shouldRun('bg')) await benchBackgroundRemoval({ devDir, limit: Number(options['bg-limit']) || 0, randomCount: Number(options['bg-random']), modelSample: Number(options['bg-model-sample']) });
  if (shouldRun('burst')) await benchUploadBurst({ devDir, uploads: 20, workers: Number(options['image-workers']) || 1, postgres: cluster });
  if (shouldRun('dsc')) await benchDscVerification();
  if (shouldRun('web')) await benchWeb();
} finally {
  cluster?.stop();
}
