import path from 'node:path';

/** A port of its own, so a console left running on 8080 does not get in the way. */
export const e2ePort = Number(process.env.E2E_PORT ?? 8188);
/** The SMTP receiver writes each delivered mail here as JSON; the tests read them. */
export const e2eMailDir = process.env.E2E_MAIL_DIR ?? path.resolve(import.meta.dirname, '../.run/mail');
/** The console's data folder: fresh each run; the DSC journey signs with the demo CA made inside it. */
export const e2eDataDir = process.env.E2E_DATA_DIR ?? path.resolve(import.meta.dirname, '../.run/data');
