import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { loadConfig } from './config.ts';
import { openConsole } from './console.ts';
import { deleteOldRegistrationAttempts } from './registrations/index.ts';
import { seedDemoData, demoAccounts } from './demo/index.ts';
import { deleteIdleSessions, sessionPolicy } from './accounts/index.ts';

const config = Object.freeze(loadConfig(process.env));
const logger = pino({ level: config.logLevel });
const { app, db, files, sealer, close } = await openConsole(config, logger);
if (config.isDemoData) await seedDemoData(db, files, sealer);

const sweeper = setInterval(() => {
  const now = Date.now();
  deleteIdleSessions(db, new Date(now - sessionPolicy.idleMs).toISOString(), new Date(now).toISOString()).catch((err) => logger.error({ err }, 'session sweep failed'));
  deleteOldRegistrationAttempts(db, now).catch((err) => logger.error({ err }, 'registration attempts sweep failed'));
}, 10 * 60_000);
sweeper.unref();

const server = app.listen(config.port, config.host, () => {
  const { port } = server.address() as AddressInfo;
  const url = config.publicUrl.replace(`:${config.port}`, `:${port}`);
  const lines = [`eCoO Agency Console is up on ${url} (data in ${config.dataDir})`];
  if (config.isDemoData) {
    const { reviewer, admin, officer } = demoAccounts;
    lines.push(
      'Demo data is loaded. Sign in as:',
      `  DGFT reviewer:         ${reviewer.email} / ${reviewer.password}`,
      `  Agency administrator:  ${admin.email} / ${admin.password}`,
      `  Issuing officer:       ${officer.email} / ${officer.password}`,
      `Or register a new administrator or officer at ${url}/register`,
    );
  }
  if (config.isDevOutbox) lines.push(`No SMTP_URL set: mail is kept at ${url}/dev/outbox`);
  console.log(lines.join('\n'));
});

let isStopping = false;
async function stop(signal: string): Promise<void> {
  if (isStopping) return;
  isStopping = true;
  logger.info({ signal }, 'stopping');
  server.closeIdleConnections();
  await new Promise((resolve) => server.close(resolve));
  clearInterval(sweeper);
  await close();
  process.exit(0);
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
process.on('unhandledRejection', (err) => logger.error({ err }, 'unhandled rejection'));
