import fs from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import { currentConsole } from './actions.ts';

export interface DeliveredMail {
  to: string[];
  subject: string;
  text: string;
}

/** Waits for the mail that the local SMTP receiver of the test's console got for `address`. */
export async function mailTo(address: string, subject: RegExp): Promise<DeliveredMail> {
  const mailDir = currentConsole().mailDir;
  let found: DeliveredMail | undefined;
  await expect
    .poll(
      () => {
        const mails = fs.existsSync(mailDir)
          ? fs.readdirSync(mailDir).map((name) => JSON.parse(fs.readFileSync(path.join(mailDir, name), 'utf8')) as DeliveredMail)
          : [];
        found = mails.find((mail) => mail.to.includes(address) && subject.test(mail.subject));
        return Boolean(found);
      },
      { message: `a mail to ${address} matching ${subject}`, timeout: 15_000 },
    )
    .toBe(true);
  return found as DeliveredMail;
}

export function setPasswordPathIn(mail: DeliveredMail): string {
  const match = /https?:\/\/[^/\s]+(\/set-password#token=[A-Za-z0-9_-]+)/.exec(mail.text);
  if (!match?.[1]) throw new Error(`no set-password link in: ${mail.text}`);
  return match[1];
}
