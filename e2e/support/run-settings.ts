import os from 'node:os';
import path from 'node:path';
import type { Locale } from '../../shared/src/i18n/translate.ts';

/** The first console's port: one of its own, so a console left running on 8080 does not get in the way. */
const firstPort = Number(process.env.E2E_PORT ?? 8188);
/** The SMTP receivers write each delivered mail here as JSON, a folder per console; the tests read them. */
const mailRoot = process.env.E2E_MAIL_DIR ?? path.resolve(import.meta.dirname, '../.run/mail');
/** The consoles' data folders, fresh each run; the DSC journey signs with the demo CA made inside its console's. */
const dataRoot = process.env.E2E_DATA_DIR ?? path.resolve(import.meta.dirname, '../.run/data');
/**
 * Each console serves its own copy of the built SPA, so a build started meanwhile in the working
 * tree cannot break a run. Not under e2e/.run: Express's sendFile refuses a path through a dot folder.
 */
const webRoot = process.env.E2E_WEB_DIR ?? path.join(os.tmpdir(), 'ecoo-e2e-web');

export interface ConsoleSettings {
  locale: Locale;
  /** The browser's locale for the project: Accept-Language, and so the console's first language. */
  browserLocale: string;
  port: number;
  mailDir: string;
  dataDir: string;
  webDir: string;
}

/**
 * One console per language, each with fresh demo data: a journey finds the demo accounts and
 * offices as a first visit does (no DSC registered yet, no office codes taken by the other run),
 * and nothing one language's run keeps on an account reaches the other's.
 */
export const consoles: readonly ConsoleSettings[] = (['en', 'hi'] as const).map((locale, index) => {
  const port = firstPort + index;
  return { locale, browserLocale: `${locale}-IN`, port, mailDir: path.join(mailRoot, String(port)), dataDir: path.join(dataRoot, String(port)), webDir: path.join(webRoot, String(port)) };
});
