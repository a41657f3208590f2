import fs from 'node:fs';
import path from 'node:path';
import { BackgroundJobSchema, type BackgroundJob } from '@ecoo/shared/images/schemas';
import { demoAccounts } from '../src/demo/index.ts';
import { officeInput } from '../src/testing/office-input.ts';
import { signInAs } from './bench-session.ts';
import { percentile } from './numbers.ts';

// The burst itself, the same whatever answers it: one console process or instances behind a load balancer.

export interface BurstFigures {
  uploads: number;
  accepted: number;
  /** Status → how many uploads were answered so instead of 202, and the problem codes they named. */
  refused: Record<string, { count: number; codes: string[] }>;
  uploadMs: { p50: number; max: number };
  allDoneSeconds: number;
  failed: number;
  /** Looks at a job's state answered other than 200 (tried again). */
  unansweredPolls: number;
}

/** The demo administrator, signed in, with one new office a picture to upload to. */
export interface PreparedBurst {
  headers: Record<string, string>;
  officeIds: string[];
}

/** Signs in as the demo administrator at `base` and adds `uploads` offices; done before the clock starts. */
export async function prepareBurst(base: string, uploads: number): Promise<PreparedBurst> {
  const headers = await signInAs(base, demoAccounts.admin);
  const officeIds: string[] = [];
  for (let index = 0; index < uploads; index += 1) {
    const response = await fetch(`${base}/api/offices`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(officeInput({ code: `BURST-${index}` })) });
    if (response.status !== 201) throw new Error(`could not add an office: ${response.status} ${await response.text()}`);
    officeIds.push(((await response.json()) as { id: string }).id);
  }
  return { headers, officeIds };
}

/**
 * Uploads a stamp picture to every office at the same moment: how long each upload takes to be
 * answered (it is only stored and queued), and how long until every background is removed.
 */
export async function sendBurst(base: string, { headers, officeIds }: PreparedBurst, pictures: string[]): Promise<BurstFigures> {
  const started = performance.now();
  const answers = await Promise.all(
    officeIds.map(async (officeId, index) => {
      const picture = pictures[index % pictures.length]!;
      const form = new FormData();
      form.append('image', new Blob([new Uint8Array(fs.readFileSync(picture))], { type: 'image/jpeg' }), path.basename(picture));
      const sent = performance.now();
      const response = await fetch(`${base}/api/offices/${officeId}/stamp/uploads`, { method: 'POST', headers, body: form });
      const ms = performance.now() - sent;
      const body = await response.text();
      return { ms, status: response.status, body, job: response.status === 202 ? BackgroundJobSchema.parse(JSON.parse(body)) : null };
    }),
  );
  const refused: BurstFigures['refused'] = {};
  for (const { status, body } of answers.filter((answer) => !answer.job)) {
    const seen = (refused[status] ??= { count: 0, codes: [] });
    seen.count += 1;
    const code = problemCode(body);
    if (!seen.codes.includes(code)) seen.codes.push(code);
  }
  const jobs = answers.flatMap((answer) => (answer.job ? [answer.job] : []));
  const finished = new Map<string, BackgroundJob>();
  let unansweredPolls = 0;
  while (finished.size < jobs.length) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    for (const job of jobs) {
      if (finished.has(job.id)) continue;
      const response = await fetch(`${base}/api/image-jobs/${job.id}`, { headers });
      // A look that went wrong is looked again next round; the count is printed, not hidden.
      if (response.status !== 200) {
        unansweredPolls += 1;
        await response.arrayBuffer();
        continue;
      }
      const now = BackgroundJobSchema.parse(await response.json());
      if (now.state === 'done' || now.state === 'failed') finished.set(job.id, now);
    }
  }
  const uploadTimes = answers.map((answer) => answer.ms);
  return {
    uploads: officeIds.length,
    accepted: jobs.length,
    refused,
    unansweredPolls,
    uploadMs: { p50: Math.round(percentile(uploadTimes, 0.5)), max: Math.round(Math.max(...uploadTimes)) },
    allDoneSeconds: (performance.now() - started) / 1000,
    failed: [...finished.values()].filter((job) => job.state === 'failed').length,
  };
}

/** The problem's code (problem.concurrentChange), or the start of a body that is not a problem. */
function problemCode(body: string): string {
  try {
    return String((JSON.parse(body) as { code?: unknown }).code);
  } catch {
    return body.slice(0, 80);
  }
}

export function describeBurst(figures: BurstFigures): string[] {
  const refused = Object.entries(figures.refused).map(([status, { count, codes }]) => `${count} × ${status} (${codes.join(', ')})`);
  return [
    `Answered: ${figures.accepted} of ${figures.uploads} uploads with 202 (stored and queued); upload answer p50 ${figures.uploadMs.p50} ms, slowest ${figures.uploadMs.max} ms`,
    ...refused.map((line) => `Not accepted: ${line}`),
    `All backgrounds removed ${figures.allDoneSeconds.toFixed(1)} s after the burst (${figures.failed} failed), ${(figures.allDoneSeconds / Math.max(1, figures.accepted)).toFixed(2)} s a picture`,
    ...(figures.unansweredPolls ? [`${figures.unansweredPolls} looks at a job's state were answered other than 200 and made again`] : []),
  ];
}
