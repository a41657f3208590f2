// Starts a local SMTP receiver and then the console itself (bff/src/main.ts, as `npm start` does
// after building the SPA) on a fresh data folder, with SMTP_URL pointing at the receiver.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { SmtpInbox } from '../../bff/src/testing/smtp-inbox.ts';
import { e2eDataDir, e2eMailDir, e2ePort } from './run-settings.ts';

fs.rmSync(e2eMailDir, { recursive: true, force: true });
fs.mkdirSync(e2eMailDir, { recursive: true });
fs.rmSync(e2eDataDir, { recursive: true, force: true });
fs.mkdirSync(e2eDataDir, { recursive: true });
const dataDir = e2eDataDir;

const inbox = await SmtpInbox.start();
let written = 0;
setInterval(() => {
  while (written < inbox.mails.length) {
    const mail = inbox.mails[written];
    written += 1;
    fs.writeFileSync(path.join(e2eMailDir, `${String(written).padStart(4, '0')}.json`), JSON.stringify(mail));
  }
}, 50);

const repoRoot = path.resolve(import.meta.dirname, '../..');
const console_ = spawn(process.execPath, ['--import', 'tsx', 'bff/src/main.ts'], {
  cwd: repoRoot,
  stdio: 'inherit',
  env: { ...process.env, PORT: String(e2ePort), HOST: '127.0.0.1', PUBLIC_URL: `http://localhost:${e2ePort}`, DATA_DIR: dataDir, SMTP_URL: inbox.url, DEMO_DATA: 'true', LOG_LEVEL: 'warn', NODE_ENV: 'test' },
});

const stop = async () => {
  console_.kill('SIGTERM');
  await inbox.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
console_.on('exit', (code) => process.exit(code ?? 1));
