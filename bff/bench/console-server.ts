import fs from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import pino from 'pino';
import { loadConfig } from '../src/config.ts';
import { openConsole } from '../src/console.ts';
import { seedDemoData } from '../src/demo/index.ts';
import { fillPendingRegistrations } from './pending-registrations.ts';
import { fillOfficers } from './officer-register.ts';
import { addSignInReviewers } from './sign-in-reviewers.ts';
import { sendToBench, serveBench, type ToServer } from './server-process.ts';

// Forked by the bench: the console opened as main.ts opens it, over a fresh data directory and, where
// the environment names one (DATABASE_URL with PAYMENT_KEY_SECRET), a fresh PostgreSQL database;
// WEB_DIST names another SPA build to serve.
const [dataDir = '', pendingTotal = '0', officerTotal = '0', officerAgencyCode = 'eia-mumbai'] = process.argv.slice(2);
const { DATABASE_URL, PAYMENT_KEY_SECRET, IMAGE_WORKERS = '1', WEB_DIST } = process.env;

// DEMO_DATA is the default outside production; it is spelled out because the bench signs in as the demo reviewer.
const config = Object.freeze(
  loadConfig({ DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent', NODE_ENV: 'test', DEMO_DATA: 'true', IMAGE_WORKERS, DATABASE_URL, PAYMENT_KEY_SECRET, WEB_DIST }),
);
const logger = pino({ level: config.logLevel });
const { app, db, files, sealer, close } = await openConsole(config, logger);
if (config.isDemoData) await seedDemoData(db, files, sealer);
const { pending, inserted } = await fillPendingRegistrations(db, files, Number(pendingTotal));
const officerAgency = await db.selectFrom('agencies').select('id').where('code', '=', officerAgencyCode).executeTakeFirstOrThrow();
const { officers } = await fillOfficers(db, officerAgency.id, Number(officerTotal));
await addSignInReviewers(db);

const server = app.listen(config.port, config.host);

/** Profiles only while asked, so a profile shows one load run and not the seeding before it. */
const profiler = new Session();
async function onBenchMessage(message: ToServer): Promise<void> {
  if (message.kind === 'start-profile') {
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.start');
    sendToBench({ kind: 'profiling' });
  } else if (message.kind === 'stop-profile') {
    const { profile } = await profiler.post('Profiler.stop');
    await fs.writeFile(message.file, JSON.stringify(profile));
    profiler.disconnect();
    sendToBench({ kind: 'profiled', file: message.file });
  }
}

serveBench(server, { pending, inserted, officers }, close, (message) => void onBenchMessage(message));
