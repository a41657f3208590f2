import type { Express } from 'express';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import { connectDatabase, type Db } from './db/connect.ts';
import { migrateToLatest } from './db/migrate.ts';
import { LocalDiskFileStore, type FileStore } from './storage/files.ts';
import { Mailer } from './mail/mailer.ts';
import { createApp } from './app.ts';
import { SecretSealer, loadMasterKey } from './secrets/seal.ts';
import { acceptRenderJobs, backgroundRemovalJobs } from './images/index.ts';
import { JobRunner, deleteFinishedJobs } from './jobs/index.ts';
import { specimenCertificateJobs } from './specimens/index.ts';
import { DscExpiryNotices, TrustStore, ensureDemoCa } from './dsc/index.ts';
import { demoAccounts } from './demo/index.ts';
import { sweepPasswordResetRequests } from './accounts/index.ts';
import { cleanUpRegistrations } from './registrations/index.ts';

export interface Console {
  app: Express;
  db: Db;
  files: FileStore;
  mailer: Mailer;
  sealer: SecretSealer;
  dscExpiryNotices: DscExpiryNotices;
  jobs: JobRunner;
  /** Stops background removal and mail delivery and closes the database; the caller closes its HTTP server first. */
  close(): Promise<void>;
}

/** The database (migrated), the file store and the mailer: what the BFF and `npm run worker` share. */
export async function openStores(config: Config, logger: Logger): Promise<{ db: Db; files: FileStore; mailer: Mailer }> {
  const db = connectDatabase(config);
  await migrateToLatest(db);
  const files = new LocalDiskFileStore(config.filesDir);
  const mailer = new Mailer(db, logger, { smtpUrl: config.smtpUrl, from: config.mailFrom });
  return { db, files, mailer };
}

/** Runs this process's share of the background jobs: mail delivery, specimen certificates, and background removal where IMAGE_WORKERS > 0. */
export function startJobs(config: Config, logger: Logger, stores: { db: Db; files: FileStore; mailer: Mailer }): JobRunner {
  const { db, files, mailer } = stores;
  const handlers = [
    mailer.jobHandler(),
    backgroundRemovalJobs(db, files, logger, { size: config.imageWorkers, jobTimeoutMs: config.imageJobTimeoutMs, idleMs: config.imageWorkerIdleMs }),
    acceptRenderJobs(db, files, { enabled: config.imageWorkers > 0 }),
    specimenCertificateJobs(db, files, { publicUrl: config.publicUrl }),
  ];
  const jobs = new JobRunner(db, logger, { leaseMs: config.jobLeaseMs, pollMs: config.jobPollMs }, handlers);
  mailer.wakeDelivery = () => jobs.wake('mail');
  jobs.start();
  return jobs;
}

/** Opens the stores and the jobs, and builds the app on them: main.ts, tests and benchmarks alike. */
export async function openConsole(config: Config, logger: Logger): Promise<Console> {
  const { db, files, mailer } = await openStores(config, logger);
  const sealer = new SecretSealer(loadMasterKey(config.paymentKeySecret, config.dataDir));
  const jobs = startJobs(config, logger, { db, files, mailer });
  if (config.dsc.demoCaDir && (await ensureDemoCa(config.dsc.demoCaDir, [demoAccounts.officer]))) logger.info({ dir: config.dsc.demoCaDir }, 'demo certification authority made (trusted only with demo data on)');
  const dscTrust = new TrustStore(config.dsc, logger);
  const dscExpiryNotices = new DscExpiryNotices(db, mailer, logger, config.publicUrl);
  dscExpiryNotices.start();
  // Housekeeping that must not wait for a request: reset links a crash left unsent, old rows, and
  // what registrations leave that nobody will decide or confirm (each step idempotent).
  const housekeeping = setInterval(() => {
    sweepPasswordResetRequests({ db, mailer, publicUrl: config.publicUrl }).catch((err) => logger.error({ err }, 'password reset sweep failed'));
    cleanUpRegistrations({ db, files, letterRetentionDays: config.registrationLetterRetentionDays }).catch((err) => logger.error({ err }, 'registration cleanup failed'));
    deleteFinishedJobs(db, 30 * 24 * 60 * 60_000).catch((err) => logger.error({ err }, 'finished-jobs cleanup failed'));
  }, 60_000);
  housekeeping.unref();
  const app = createApp({ config, db, files, mailer, logger, sealer, dscTrust, wakeJobs: (kind) => jobs.wake(kind) });
  return {
    app,
    db,
    files,
    mailer,
    sealer,
    dscExpiryNotices,
    jobs,
    async close() {
      clearInterval(housekeeping);
      dscExpiryNotices.stop();
      await jobs.stop();
      mailer.close();
      await db.destroy();
    },
  };
}
