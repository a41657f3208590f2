import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Request } from 'playwright-core';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { BackgroundJobSchema, type BackgroundJob } from '@ecoo/shared/images/schemas';
import { demoAccounts } from '../src/demo/index.ts';
import { bgDevDir } from '../src/testing/pictures.ts';
import { officeInput } from '../src/testing/office-input.ts';
import { signInAs } from './bench-session.ts';
import { startServerProcess } from './server-process.ts';
import { kb } from './numbers.ts';

// Section 6: what a browser downloads and what Lighthouse makes of the console's pages, against a
// console server of its own (demo data) serving the built SPA, in Debian's Chromium.

export const chromiumPath = process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const chromiumArgs = ['--no-sandbox', '--disable-gpu'];
export const webTargets = { firstVisitJsKb: 100, performance: 95, accessibility: 100 };
/** Stamps of these development pictures, one an office (round and rectangular, scanned and photographed). */
const stampPictures = ['d027-round-photo', 'd009-round-scan', 'd013-rect-scan', 'd003-rect-photo'];
const officesWithStamps = stampPictures.length;

type Encoding = 'br' | 'gzip';
const acceptEncoding: Record<Encoding, string> = { br: 'gzip, deflate, br, zstd', gzip: 'gzip' };

interface Transfer {
  url: string;
  resourceType: string;
  contentEncoding: string;
  /** The body as it came over the wire (compressed), without headers. */
  bodyBytes: number;
  headerBytes: number;
}

export interface PageBytes {
  transfers: Transfer[];
  /** Body bytes by resource type: document, script, stylesheet, font, image, fetch, … */
  byType: Record<string, number>;
  js: number;
  /** HTML, JavaScript, CSS and fonts: what the page needs before it can show anything of its own. */
  htmlJsCssFonts: number;
  all: number;
}

export interface LighthouseFigures {
  /** Scores 0–100 of each run, by category. */
  scores: Record<'performance' | 'accessibility' | 'best-practices', number[]>;
  metrics: Record<string, string>;
  /** Audits that did not pass in the last run, with their ids: the concrete problems. */
  problems: { category: string; id: string; title: string; displayValue: string; items: string[] }[];
  /** Lighthouse's measure of this machine's CPU (about 1,000 and up for a desktop); its throttling multiplies what it sees. */
  benchmarkIndex: number;
}

export interface WebFigures {
  home: Record<Encoding, PageBytes>;
  offices: Record<Encoding, PageBytes>;
  lighthouse: { home: LighthouseFigures; offices: LighthouseFigures } | { skipped: string };
}

/** Everything the page asked for until the network was quiet, with each response's encoded size. */
async function loadPage(browser: Browser, url: string, encoding: Encoding, cookies: { name: string; value: string }[]): Promise<PageBytes> {
  // A fresh context is an empty cache: a first visit.
  const context = await browser.newContext({ extraHTTPHeaders: { 'Accept-Encoding': acceptEncoding[encoding] } });
  // On the origin: a cookie given the page's URL would get its folder as path, and /api would not see it.
  if (cookies.length > 0) await context.addCookies(cookies.map((cookie) => ({ ...cookie, url: new URL(url).origin })));
  const page = await context.newPage();
  const finished: Request[] = [];
  page.on('requestfinished', (request) => finished.push(request));
  try {
    const response = await page.goto(url, { waitUntil: 'networkidle' });
    if (!response?.ok()) throw new Error(`${url} answered ${response?.status()}`);
    const transfers: Transfer[] = [];
    for (const request of finished) {
      const answer = await request.response();
      const sizes = await request.sizes();
      transfers.push({
        url: new URL(request.url()).pathname + new URL(request.url()).search,
        resourceType: request.resourceType(),
        contentEncoding: (await answer?.headerValue('content-encoding')) ?? 'none',
        bodyBytes: sizes.responseBodySize,
        headerBytes: sizes.responseHeadersSize,
      });
    }
    const byType: Record<string, number> = {};
    for (const transfer of transfers) byType[transfer.resourceType] = (byType[transfer.resourceType] ?? 0) + transfer.bodyBytes;
    const sum = (types: string[]) => types.reduce((total, type) => total + (byType[type] ?? 0), 0);
    return { transfers, byType, js: sum(['script']), htmlJsCssFonts: sum(['document', 'script', 'stylesheet', 'font']), all: sum(Object.keys(byType)) };
  } finally {
    await context.close();
  }
}

/** The demo administrator's agency gets four offices (the seed makes two), each with an accepted stamp. */
async function addStampedOffices(base: string, headers: Record<string, string>): Promise<void> {
  const listed = (await (await fetch(`${base}/api/offices?page=1&pageSize=50`, { headers })).json()) as { offices: { id: string }[] };
  const officeIds = listed.offices.map((office) => office.id);
  for (let index = officeIds.length; index < officesWithStamps; index += 1) {
    const response = await fetch(`${base}/api/offices`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(officeInput({ code: `WEB-${index}` })) });
    if (response.status !== 201) throw new Error(`could not add an office: ${response.status} ${await response.text()}`);
    officeIds.push(((await response.json()) as { id: string }).id);
  }
  for (const [index, officeId] of officeIds.slice(0, officesWithStamps).entries()) {
    const name = `${stampPictures[index]!}.jpg`;
    const form = new FormData();
    form.append('image', new Blob([new Uint8Array(fs.readFileSync(path.join(bgDevDir, name)))], { type: 'image/jpeg' }), name);
    const uploaded = await fetch(`${base}/api/offices/${officeId}/stamp/uploads`, { method: 'POST', headers, body: form });
    if (uploaded.status !== 202) throw new Error(`stamp upload answered ${uploaded.status}: ${await uploaded.text()}`);
    const job = await finishedJob(base, headers, BackgroundJobSchema.parse(await uploaded.json()).id);
    if (job.state !== 'done' || !job.chosenMethod) throw new Error(`background removal of ${name} ended ${job.state} (${job.failureReason})`);
    const accepted = await fetch(`${base}/api/image-jobs/${job.id}/acceptance`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ method: job.chosenMethod, sensitivity: 50 }),
    });
    if (accepted.status !== 201) throw new Error(`accepting ${name} answered ${accepted.status}: ${await accepted.text()}`);
  }
}

async function finishedJob(base: string, headers: Record<string, string>, jobId: string): Promise<BackgroundJob> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const job = BackgroundJobSchema.parse(await (await fetch(`${base}/api/image-jobs/${jobId}`, { headers })).json());
    if (job.state === 'done' || job.state === 'failed') return job;
    if (Date.now() > deadline) throw new Error(`job ${jobId} still ${job.state} after 2 minutes`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const cookiePairs = (header: string) =>
  header.split(';').map((pair) => {
    const [name = '', ...value] = pair.trim().split('=');
    return { name, value: value.join('=') };
  });

const categoryIds = ['performance', 'accessibility', 'best-practices'] as const;
const metricIds = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'];

/** Lighthouse's default run (mobile, simulated slow 4G and a 4× slower CPU), `runs` times, in a Chromium of its own each. */
async function runLighthouse(url: string, runs: number, cookie?: string): Promise<LighthouseFigures> {
  const figures: LighthouseFigures = { scores: { performance: [], accessibility: [], 'best-practices': [] }, metrics: {}, problems: [], benchmarkIndex: 0 };
  for (let run = 0; run < runs; run += 1) {
    const chrome = await chromeLauncher.launch({ chromePath: chromiumPath, chromeFlags: ['--headless=new', ...chromiumArgs] });
    try {
      const result = await lighthouse(url, { port: chrome.port, logLevel: 'error', onlyCategories: [...categoryIds], ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}) });
      if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
      const { lhr } = result;
      if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      for (const category of categoryIds) figures.scores[category].push(Math.round((lhr.categories[category]?.score ?? 0) * 100));
      figures.benchmarkIndex = lhr.environment.benchmarkIndex;
      figures.metrics = Object.fromEntries(metricIds.map((id) => [id, lhr.audits[id]?.displayValue ?? '?']));
      figures.problems = categoryIds.flatMap((category) =>
        (lhr.categories[category]?.auditRefs ?? []).flatMap(({ id }) => {
          const audit = lhr.audits[id];
          const counts = audit && audit.score !== null && audit.score < 0.9 && !['informative', 'notApplicable', 'manual'].includes(audit.scoreDisplayMode);
          return counts && !metricIds.includes(id) ? [{ category, id, title: audit.title, displayValue: audit.displayValue ?? '', items: detailItems(audit.details) }] : [];
        }),
      );
    } finally {
      chrome.kill();
    }
  }
  return figures;
}

/** What an audit points at (a URL, an element, an issue), the first few, so a problem can be found without the report. */
function detailItems(details: unknown): string[] {
  const items = (details as { items?: unknown[] } | undefined)?.items ?? [];
  return items.slice(0, 4).flatMap((item) => {
    const one = item as { url?: unknown; node?: { selector?: string; snippet?: string }; issueType?: unknown; subItems?: { items?: unknown[] } };
    if (typeof one.url === 'string') return [one.url.replace(/^https?:\/\/[^/]+/, '')];
    if (one.node?.snippet) return [`${one.node.selector ?? ''} ${one.node.snippet}`.trim().slice(0, 160)];
    if (typeof one.issueType === 'string') return [`${one.issueType}: ${JSON.stringify(one.subItems?.items ?? []).slice(0, 160)}`];
    return [];
  });
}

/** Section 6: one console server (demo data, the SPA from `webDist`), four stamped offices, then Chromium and Lighthouse. */
export async function measureWeb(options: { dataDir: string; webDist: string; lighthouseRuns: number }): Promise<WebFigures> {
  const server = await startServerProcess<{ kind: 'ready'; port: number }>(path.join(import.meta.dirname, 'console-server.ts'), [options.dataDir, '0', '0'], { env: { WEB_DIST: options.webDist } });
  // localhost, not 127.0.0.1: the console answers only at PUBLIC_URL's host, and in development any loopback name.
  const base = `http://localhost:${server.ready.port}`;
  let browser: Browser | undefined;
  try {
    const admin = await signInAs(base, demoAccounts.admin);
    await addStampedOffices(base, admin);
    const officesUrl = `${base}/dashboard/offices`;
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    const home = { br: await loadPage(browser, `${base}/`, 'br', []), gzip: await loadPage(browser, `${base}/`, 'gzip', []) };
    const offices = { br: await loadPage(browser, officesUrl, 'br', cookiePairs(admin.cookie)), gzip: await loadPage(browser, officesUrl, 'gzip', cookiePairs(admin.cookie)) };
    await browser.close();
    browser = undefined;
    const lighthouseFigures =
      options.lighthouseRuns > 0
        ? { home: await runLighthouse(`${base}/`, options.lighthouseRuns), offices: await runLighthouse(officesUrl, options.lighthouseRuns, admin.cookie) }
        : { skipped: '--lighthouse-runs 0' };
    return { home, offices, lighthouse: lighthouseFigures };
  } finally {
    await browser?.close();
    await server.stop();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

export function printWeb(figures: WebFigures): void {
  const line = (text: string) => console.log(`   ${text}`);
  const describe = (label: string, pages: Record<Encoding, PageBytes>, jsTarget: boolean) => {
    line(`${label}:`);
    for (const encoding of ['br', 'gzip'] as const) {
      const page = pages[encoding];
      const encodings = [...new Set(page.transfers.filter((transfer) => transfer.bodyBytes > 1024 && transfer.resourceType !== 'image').map((transfer) => transfer.contentEncoding))].join('/');
      const types = Object.entries(page.byType).map(([type, bytes]) => `${type} ${kb(bytes)}`).join(', ');
      line(
        `  Accept-Encoding ${acceptEncoding[encoding].padEnd(24)} JS ${kb(page.js).padStart(9)}${jsTarget ? `  (target < ${webTargets.firstVisitJsKb} KB)` : ''}; HTML+JS+CSS+fonts ${kb(page.htmlJsCssFonts)}; all ${kb(page.all)} in ${page.transfers.length} requests (sent as ${encodings})`,
      );
      line(`    ${types}`);
    }
    for (const transfer of pages.br.transfers) line(`    ${transfer.resourceType.padEnd(10)} ${kb(transfer.bodyBytes).padStart(9)} br / ${kb(pages.gzip.transfers.find((other) => other.url === transfer.url)?.bodyBytes ?? 0).padStart(9)} gzip  ${transfer.url}`);
  };
  console.log('\n6. The web pages in Chromium, as a first visit (empty cache), against a console server with demo data');
  line('Bytes are response bodies as sent (compressed where the console compresses), headers left out; "all" includes the API answers and images.');
  describe('Home page, signed out', figures.home, true);
  describe(`Office list, signed in as the demo administrator, ${officesWithStamps} offices with accepted stamps`, figures.offices, false);
  if ('skipped' in figures.lighthouse) {
    line(`Lighthouse: skipped (${figures.lighthouse.skipped})`);
    return;
  }
  const runs = figures.lighthouse.home.scores.performance.length;
  line(`Lighthouse (mobile defaults: simulated slow 4G, 4× CPU slowdown), ${runs} run${runs === 1 ? '' : 's'} a page, median (range):`);
  for (const [label, one] of [['Home page', figures.lighthouse.home], ['Office list', figures.lighthouse.offices]] as const) {
    const score = (values: number[]) => `${median(values)}${values.length > 1 ? ` (${Math.min(...values)}–${Math.max(...values)})` : ''}`;
    line(
      `  ${label.padEnd(12)} performance ${score(one.scores.performance)} (target ≥ ${webTargets.performance}), accessibility ${score(one.scores.accessibility)} (target ${webTargets.accessibility}), best practices ${score(one.scores['best-practices'])}`,
    );
    line(`    last run (CPU benchmark index ${Math.round(one.benchmarkIndex)}): ${Object.entries(one.metrics).map(([id, value]) => `${id} ${value}`).join(', ')}`);
    for (const problem of one.problems) {
      line(`    not passed (${problem.category}): ${problem.id}: ${problem.title}${problem.displayValue ? `, ${problem.displayValue}` : ''}`);
      for (const item of problem.items) line(`      ${item}`);
    }
  }
}
