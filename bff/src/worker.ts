/**
 * `npm run worker`: background work alone, with no HTTP, for a host of its own. It reads the same
 * environment as the BFF (DATABASE_URL, FILES_DIR, SMTP_URL, IMAGE_WORKERS, JOB_LEASE_SECONDS) and
 * takes jobs from the same queue as every BFF instance: mail delivery, background removal and
 * specimen certificates.
 */
import pino from 'pino';
import { loadConfig } from './config.ts';
import { openStores, startJobs } from './console.ts';

const config = Object.freeze(loadConfig(process.env));
const logger = pino({ level: config.logLevel }).child({ process: 'worker' });
const stores = await openStores(config, logger);
const jobs = startJobs(config, logger, stores);
// The runner's timers do not keep a process alive (a BFF's HTTP server does); without this, a worker
// whose database connections were all cut (a fail-over) would find nothing left to wait for and exit.
const keepAlive = setInterval(() => undefined, 60_000);
logger.info({ holder: jobs.holder, kinds: jobs.kinds, imageWorkers: config.imageWorkers, leaseMs: config.jobLeaseMs }, 'worker is taking jobs');
console.log(`eCoO worker ${jobs.holder} is taking jobs (${jobs.kinds.join(', ') || 'none: set SMTP_URL or IMAGE_WORKERS'})`);

let isStopping = false;
async function stop(signal: string): Promise<void> {
  if (isStopping) return;
  isStopping = true;
  logger.info({ signal }, 'stopping; running jobs go back to the queue');
  clearInterval(keepAlive);
  await jobs.stop();
  stores.mailer.close();
  await stores.db.destroy();
  process.exit(0);
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
process.on('unhandledRejection', (err) => logger.error({ err }, 'unhandled rejection'));
