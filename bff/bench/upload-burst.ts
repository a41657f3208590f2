import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BackgroundJobSchema, type BackgroundJob } from '@ecoo/shared/images/schemas';
import { demoAccounts } from '../src/demo/index.ts';
import { officeInput } from '../src/testing/office-input.ts';
import { watchProcessMemory, type MemoryPeak } from './process-memory.ts';
import { startServerProcess } from './server-process.ts';
import { generateHeldOutSet } from './held-out/generate-held-out.ts';
import { signInAs } from './bench-session.ts';

export interface UploadBurstFigures {
  uploads: number;
  accepted: number;
  uploadMs: { p50: number; max: number };
  allDoneSeconds: number;
  failed: number;
  memory: MemoryPeak;
  workers: number;
}

const percentile = (values: number[], share: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * share))] ?? 0;

/**
 * Twenty administrators upload a stamp photo at the same moment: how long each upload takes to be
 * answered (it is only stored and queued), how long until every background is removed, and the
 * peak memory of the BFF and of its worker processes meanwhile.
 */
export async function measureUploadBurst(options: { dataDir: string; pictures: string[]; uploads: number; workers: number }): Promise<UploadBurstFigures> {
  process.env.IMAGE_WORKERS = String(options.workers);
  const server = await startServerProcess<{ kind: 'ready'; port: number }>(path.join(import.meta.dirname, 'console-server.ts'), [options.dataDir, '0']);
  try {
    const base = `http://127.0.0.1:${server.ready.port}`;
    const admin = { headers: await signInAs(base, demoAccounts.admin) };
    const officeIds: string[] = [];
    for (let index = 0; index < options.uploads; index += 1) {
      const response = await fetch(`${base}/api/offices`, { method: 'POST', headers: { ...admin.headers, 'content-type': 'application/json' }, body: JSON.stringify(officeInput({ code: `BURST-${index}` })) });
      if (response.status !== 201) throw new Error(`could not add an office: ${response.status} ${await response.text()}`);
      officeIds.push(((await response.json()) as { id: string }).id);
    }
    const memory = watchProcessMemory(server.pid);
    const started = performance.now();
    const answers = await Promise.all(
      officeIds.map(async (officeId, index) => {
        const picture = options.pictures[index % options.pictures.length]!;
        const form = new FormData();
        form.append('image', new Blob([new Uint8Array(fs.readFileSync(picture))], { type: 'image/jpeg' }), path.basename(picture));
        const sent = performance.now();
        const response = await fetch(`${base}/api/offices/${officeId}/stamp/uploads`, { method: 'POST', headers: admin.headers, body: form });
        const ms = performance.now() - sent;
        return { ms, job: response.status === 202 ? BackgroundJobSchema.parse(await response.json()) : null };
      }),
    );
    const jobs = answers.flatMap((answer) => (answer.job ? [answer.job] : []));
    const finished = new Map<string, BackgroundJob>();
    while (finished.size < jobs.length) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      for (const job of jobs) {
        if (finished.has(job.id)) continue;
        const now = BackgroundJobSchema.parse(await (await fetch(`${base}/api/image-jobs/${job.id}`, { headers: admin.headers })).json());
        if (now.state === 'done' || now.state === 'failed') finished.set(job.id, now);
      }
    }
    const allDoneSeconds = (performance.now() - started) / 1000;
    const uploadTimes = answers.map((answer) => answer.ms);
    return {
      uploads: options.uploads,
      accepted: jobs.length,
      uploadMs: { p50: Math.round(percentile(uploadTimes, 0.5)), max: Math.round(Math.max(...uploadTimes)) },
      allDoneSeconds,
      failed: [...finished.values()].filter((job) => job.state === 'failed').length,
      memory: memory.stop(),
      workers: options.workers,
    };
  } finally {
    await server.stop();
  }
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024).toLocaleString('en-GB')} MB`;

/** The bench section: twenty uploads at once from the development pictures, figures printed. */
export async function benchUploadBurst(options: { devDir: string; uploads: number; workers: number }): Promise<void> {
  console.log(`\n4. Twenty administrators upload at once: ${options.uploads} stamp pictures sent together, ${options.workers} background-removal worker(s)`);
  if (!fs.existsSync(options.devDir)) {
    console.log(`   ${options.devDir} not found: pass --bg-dev DIR with the development pictures.`);
    return;
  }
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecoo-burst-'));
  try {
    // The generated held-out scenes include sheets on desks, which load the subject model in a worker.
    const heldOutDir = path.join(workDir, 'held-out');
    const heldOut = (await generateHeldOutSet(heldOutDir)).map((name) => path.join(heldOutDir, `${name}.jpg`));
    const dev = fs.readdirSync(options.devDir).filter((name) => name.endsWith('.jpg')).sort().map((name) => path.join(options.devDir, name));
    const pictures = [...heldOut, ...dev].slice(0, options.uploads);
    console.log(`   Pictures: ${pictures.filter((file) => heldOut.includes(file)).length} generated held-out scenes (desks, shadows, print) and ${pictures.filter((file) => dev.includes(file)).length} development pictures`);
    const figures = await measureUploadBurst({ dataDir: path.join(workDir, 'data'), pictures, uploads: options.uploads, workers: options.workers });
    console.log(`   Answered: ${figures.accepted} of ${figures.uploads} uploads with 202 (stored and queued); upload answer p50 ${figures.uploadMs.p50} ms, slowest ${figures.uploadMs.max} ms`);
    console.log(`   All backgrounds removed ${figures.allDoneSeconds.toFixed(1)} s after the burst (${figures.failed} failed), ${(figures.allDoneSeconds / Math.max(1, figures.accepted)).toFixed(2)} s a picture`);
    console.log(`   Peak resident memory, sampled every 200 ms: BFF ${mb(figures.memory.processBytes)}, workers ${mb(figures.memory.childrenBytes)}, together ${mb(figures.memory.totalBytes)}`);
    console.log('   Memory is bounded by the number of workers, not of uploads: the rest wait in the database queue.');
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}
