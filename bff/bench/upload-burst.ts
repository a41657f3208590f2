import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { watchProcessMemory, type MemoryPeak } from './process-memory.ts';
import { startServerProcess } from './server-process.ts';
import { generateHeldOutSet } from './held-out/generate-held-out.ts';
import { mb } from './numbers.ts';
import { describeBurst, prepareBurst, sendBurst, type BurstFigures } from './burst-uploads.ts';
import type { BenchPostgres } from './bench-postgres.ts';
import { measureInstancesBurst } from './instances-burst.ts';
import { sqliteDatabase } from './console-http.ts';

/** The embedded default: one console process on SQLite, removing backgrounds in its own `workers` worker processes. */
async function measureOneProcessBurst(options: { dataDir: string; pictures: string[]; uploads: number; workers: number }): Promise<BurstFigures & { memory: MemoryPeak }> {
  const server = await startServerProcess(path.join(import.meta.dirname, 'console-server.ts'), [options.dataDir, '0'], { env: { ...sqliteDatabase.env, IMAGE_WORKERS: String(options.workers) } });
  try {
    const base = `http://127.0.0.1:${server.ready.port}`;
    const prepared = await prepareBurst(base, options.uploads);
    const memory = watchProcessMemory(server.pid);
    const figures = await sendBurst(base, prepared, options.pictures);
    return { ...figures, memory: memory.stop() };
  } finally {
    await server.stop();
  }
}

/** The bench section: twenty uploads at once from the same pictures, on one process and then on two instances with two workers. */
export async function benchUploadBurst(options: { devDir: string; uploads: number; workers: number; postgres: BenchPostgres | null }): Promise<void> {
  console.log(`\n4. Twenty administrators upload at once: ${options.uploads} stamp pictures sent together`);
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
    console.log(`   Pictures: ${pictures.filter((file) => heldOut.includes(file)).length} generated held-out scenes (desks, shadows, print) and ${pictures.filter((file) => dev.includes(file)).length} development pictures, the same in both runs`);

    console.log(`\n   a. One process (the embedded default): one console on SQLite with ${options.workers} background-removal worker(s) of its own`);
    const one = await measureOneProcessBurst({ dataDir: path.join(workDir, 'data'), pictures, uploads: options.uploads, workers: options.workers });
    for (const line of describeBurst(one)) console.log(`      ${line}`);
    console.log(`      Peak resident memory, sampled every 200 ms: BFF ${mb(one.memory.processBytes)}, workers ${mb(one.memory.childrenBytes)}, together ${mb(one.memory.totalBytes)}`);
    console.log('      Memory is bounded by the number of workers, not of uploads: the rest wait in the database queue.');

    console.log('\n   b. Production\'s shape: two BFF instances (IMAGE_WORKERS=0, HTTP only) behind a load balancer that sends each request');
    console.log('      to the next instance in turn, and two `npm run worker` processes (IMAGE_WORKERS=1 each), on one PostgreSQL database and one files folder');
    if (!options.postgres) {
      console.log('      Not run: no PostgreSQL cluster (see the line at the start).');
      return;
    }
    const several = await measureInstancesBurst({ postgres: options.postgres, root: path.join(workDir, 'instances'), pictures, uploads: options.uploads });
    for (const line of describeBurst(several)) console.log(`      ${line}`);
    console.log(`      Peak resident memory, sampled every 200 ms: BFF instances ${several.instanceMemory.map(mb).join(' and ')}; workers (each with its removal process) ${several.workerMemory.map(mb).join(' and ')}`);
    console.log(`      Pictures each worker removed (its 'background removed' log lines): ${several.removedBy.join(' and ')}; jobs run other than exactly once (jobs.attempts ≠ 1): ${several.repeatedJobs}`);
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}
