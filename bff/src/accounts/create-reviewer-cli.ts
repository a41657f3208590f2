import { parseArgs } from 'node:util';
import pino from 'pino';
import { EmailSchema, PersonNameSchema } from '@ecoo/shared/common/fields';
import { loadConfig } from '../config.ts';
import { connectDatabase } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { Mailer } from '../mail/mailer.ts';
import { AppError } from '../http/problem.ts';
import { createReviewer } from './service.ts';

const usage = 'Usage: npm run create-reviewer -- --email reviewer@dgft.gov.in --name "Full Name"';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' } } });
  const email = EmailSchema.safeParse(values.email ?? '');
  const name = PersonNameSchema.safeParse(values.name ?? '');
  if (!email.success || !name.success) {
    console.error(`Give the reviewer's official email and name.\n${usage}`);
    process.exitCode = 2;
    return;
  }
  const config = loadConfig(process.env);
  const db = connectDatabase(config);
  try {
    await migrateToLatest(db);
    const mailer = new Mailer(db, pino({ level: 'silent' }), { smtpUrl: null, from: config.mailFrom });
    const link = await createReviewer({ db, mailer, publicUrl: config.publicUrl }, { email: email.data, name: name.data });
    console.log(`Created DGFT reviewer ${email.data}.\nSet the password within 24 hours with this single-use link:\n${link}`);
  } catch (err) {
    if (err instanceof AppError) {
      console.error(err.message);
      process.exitCode = 1;
    } else throw err;
  } finally {
    await db.destroy();
  }
}

await main();
