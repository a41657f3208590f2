// Starts a local SMTP receiver and then the console itself (bff/src/main.ts, as `npm start` does
// after building the SPA) on a fresh data folder, with SMTP_URL pointing at the receiver. The
// folders and port come from the environment (playwright.config.ts starts one per language).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { SmtpInbox } from '../../bff/src/testing/smtp-inbox.ts';

const setting = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: playwright.config.ts starts the consoles`);
  return value;
};
const port = setting('E2E_PORT');
const mailDir = setting('E2E_MAIL_DIR');
const dataDir = setting('E2E_DATA_DIR');
const webDir = setting('E2E_WEB_DIR');
const repoRoot = path.resolve(import.meta.dirname, '../..');

for (const dir of [mailDir, dataDir, webDir]) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
}
// The SPA as `npm run test:e2e` just built it: other builds in the working tree replace web/dist.
fs.cpSync(path.join(repoRoot, 'web/dist'), webDir, { recursive: true });

const inbox = await SmtpInbox.start();
let written = 0;
setInterval(() => {
  while (written < inbox.mails.length) {
    const mail = inbox.mails[written];
    written += 1;
    fs.writeFileSync(path.join(mailDir, `${String(written).padStart(4, '0')}.json`), JSON.stringify(mail));
  }
}, 50);

const console_ = spawn(process.execPath, ['--import', 'tsx', 'bff/src/main.ts'], {
  cwd: repoRoot,
  stdio: 'inherit',
  env: { ...process.env, PORT: port, HOST: '127.0.0.1', PUBLIC_URL: `http://localhost:${port}`, DATA_DIR: dataDir, WEB_DIST: webDir, SMTP_URL: inbox.url, DEMO_DATA: 'true', LOG_LEVEL: 'warn', NODE_ENV: 'test' },
});

const stop = async () => {
  console_.kill('SIGTERM');
  await inbox.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(webDir, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
console_.on('exit', (code) => process.exit(code ?? 1));
