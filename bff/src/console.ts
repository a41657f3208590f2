import path from 'node:path';
import type { Express } from 'express';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import { connectDatabase, type Db } from './db/connect.ts';
import { migrateToLatest } from './db/migrate.ts';
import { LocalDiskFileStore, type FileStore } from './storage/files.ts';
import { Mailer } from './mail/mailer.ts';
import { createApp } from './app.ts';
import { SecretSealer, loadMasterKey } from './secrets/seal.ts';
import { ImageJobRunner } from './images/index.ts';
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
  /** Stops background removal and mail delivery and closes the database; the caller closes its HTTP server first. */
  close(): Promise<void>;
}

/** Opens the database (migrating it), the file store and the mailer, and builds the app on them: main.ts, tests and benchmarks alike. */
export async function openConsole(config: Config, logger: Logger, options: { mailIntervalMs?: number } = {}): Promise<Console> {
  const db = connectDatabase(config);
  await migrateToLatest(db);
  const files = new LocalDiskFileStore(path.join(config.dataDir, 'files'));
  const mailer = new Mailer(db, logger, { smtpUrl: config.smtpUrl, from: config.mailFrom });
  mailer.start(options.mailIntervalMs);
  const sealer = new SecretSealer(loadMasterKey(config.paymentKeySecret, config.dataDir));
  const imageJobs = new ImageJobRunner(db, files, logger, { size: config.imageWorkers, jobTimeoutMs: config.imageJobTimeoutMs, pollMs: 5_000 });
  await imageJobs.start();
  if (config.dsc.demoCaDir && (await ensureDemoCa(config.dsc.demoCaDir, [demoAccounts.officer]))) logger.info({ dir: config.dsc.demoCaDir }, 'demo certification authority made (trusted only with demo data on)');
  const dscTrust = new TrustStore(config.dsc, logger);
  const dscExpiryNotices = new DscExpiryNotices(db, mailer, logger, config.publicUrl);
  dscExpiryNotices.start();
  // Housekeeping that must not wait for a request: reset links a crash left unsent, old rows, and
  // what registrations leave that nobody will decide or confirm (each step idempotent).
  const housekeeping = setInterval(() => {
    sweepPasswordResetRequests({ db, mailer, publicUrl: config.publicUrl }).catch((err) => logger.error({ err }, 'password reset sweep failed'));
    cleanUpRegistrations({ db, files, letterRetentionDays: config.registrationLetterRetentionDays }).catch((err) => logger.error({ err }, 'registration cleanup failed'));
  }, 60_000);
  housekeeping.unref();
  const app = createApp({ config, db, files, mailer, logger, sealer, dscTrust, wakeImageRunner: () => imageJobs.wake() });
  return {
    app,
    db,
    files,
    mailer,
    sealer,
    dscExpiryNotices,
    async close() {
      clearInterval(housekeeping);
      dscExpiryNotices.stop();
      await imageJobs.stop();
      await mailer.stop();
      await db.destroy();
    },
  };
}
