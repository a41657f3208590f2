import path from 'node:path';
import { connectPostgres } from '../src/db/connect.ts';
import { startConsoleProcess, type ConsoleProcess } from '../src/testing/console-process.ts';
import { TestLoadBalancer } from '../src/testing/load-balancer.ts';
import { watchProcessesMemory } from './process-memory.ts';
import { prepareBurst, sendBurst, type BurstFigures } from './burst-uploads.ts';
import type { BenchPostgres } from './bench-postgres.ts';

export interface InstancesBurstFigures extends BurstFigures {
  /** Peak resident memory of each BFF instance, in bytes. */
  instanceMemory: number[];
  /** Peak resident memory of each worker with its removal process, in bytes. */
  workerMemory: number[];
  /** Pictures each worker removed, from its own log. */
  removedBy: number[];
  /** Background-removal jobs claimed more or fewer times than once (jobs.attempts ≠ 1). */
  repeatedJobs: number;
}

const removedLine = /"msg":"background removed"/g;
const countRemoved = (worker: ConsoleProcess) => worker.output.join('').match(removedLine)?.length ?? 0;

/**
 * The burst on production's shape: two BFF instances that only answer HTTP, behind a load balancer
 * that alternates between them, and two workers that remove the backgrounds, all on one PostgreSQL
 * database and one files folder.
 */
export async function measureInstancesBurst(options: { postgres: BenchPostgres; root: string; pictures: string[]; uploads: number }): Promise<InstancesBurstFigures> {
  const databaseUrl = await options.postgres.newDatabase('ecoo_bench_burst');
  const balancer = await TestLoadBalancer.start();
  const shared = { DATABASE_URL: databaseUrl, PAYMENT_KEY_SECRET: options.postgres.paymentKeySecret, FILES_DIR: path.join(options.root, 'files'), PUBLIC_URL: balancer.url };
  const processes: ConsoleProcess[] = [];
  const start = async (entry: 'bff' | 'worker', name: string, env: Record<string, string>) => {
    const started = await startConsoleProcess(entry, { ...shared, DATA_DIR: path.join(options.root, name), ...env });
    processes.push(started);
    return started;
  };
  try {
    // Instance A alone first: it migrates the empty database and seeds the demo agency and its
    // administrator. Seeding looks for an agency and then inserts, so two seeding at once would both insert.
    const a = await start('bff', 'a', { IMAGE_WORKERS: '0', DEMO_DATA: 'true' });
    // The workers log each picture at info: the jobs table forgets its holder once a job is done.
    const [b, ...workers] = await Promise.all([
      start('bff', 'b', { IMAGE_WORKERS: '0' }),
      start('worker', 'worker-1', { IMAGE_WORKERS: '1', LOG_LEVEL: 'info' }),
      start('worker', 'worker-2', { IMAGE_WORKERS: '1', LOG_LEVEL: 'info' }),
    ]);
    const instances = [a, b!];
    balancer.roundRobin(instances.map((instance) => instance.port!));

    const prepared = await prepareBurst(balancer.url, options.uploads);
    const memory = watchProcessesMemory([...instances, ...workers].map((member) => member.child.pid!));
    const figures = await sendBurst(balancer.url, prepared, options.pictures);
    const peaks = memory.stop();

    // A worker logs a picture just before its result is committed; give the pipe a moment to bring the last lines.
    const deadline = Date.now() + 5_000;
    while (workers.reduce((sum, worker) => sum + countRemoved(worker), 0) < figures.accepted - figures.failed && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const db = connectPostgres(databaseUrl);
    try {
      const { repeated } = await db
        .selectFrom('jobs')
        .select((eb) => eb.fn.countAll<number>().as('repeated'))
        .where('kind', '=', 'background-removal')
        .where('attempts', '!=', 1)
        .executeTakeFirstOrThrow();
      return {
        ...figures,
        instanceMemory: peaks.slice(0, instances.length).map((peak) => peak.processBytes),
        workerMemory: peaks.slice(instances.length).map((peak) => peak.totalBytes),
        removedBy: workers.map(countRemoved),
        repeatedJobs: Number(repeated),
      };
    } finally {
      await db.destroy();
    }
  } finally {
    await Promise.all(processes.map((member) => member.kill()));
    await balancer.stop();
  }
}
