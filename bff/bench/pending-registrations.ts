import { randomUUID } from 'node:crypto';
import type { Db } from '../src/db/connect.ts';
import type { RegistrationTable } from '../src/db/schema.ts';
import type { FileStore } from '../src/storage/files.ts';
import { listAgencies } from '../src/agencies/index.ts';
import { makeAuthorisationLetterPdf } from '../src/demo/index.ts';

const firstNames = ['Aarav', 'Ananya', 'Arjun', 'Deepa', 'Farhan', 'Gurpreet', 'Harish', 'Ishita', 'Jyoti', 'Karthik', 'Lakshmi', 'Manoj', 'Nandini', 'Pooja', 'Rajesh', 'Sanjay', 'Shalini', 'Tanvir', 'Usha', 'Vikram'];
const surnames = ['Banerjee', 'Chatterjee', 'Desai', 'Fernandes', 'Gupta', 'Iyer', 'Kulkarni', 'Menon', 'Mukherjee', 'Naidu', 'Patel', 'Pillai', 'Rao', 'Reddy', 'Sharma', 'Singh', 'Thomas', 'Varma'];
const letterFileNames = ['authorisation-letter.pdf', 'Authorisation Letter (signed).pdf', 'eCoO_admin_authorisation.pdf', 'letter-on-letterhead.pdf'];

/** Same rows on every run, so two runs of the bench read the same table. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Tops the register up to `total` pending registrations, in one transaction. Each applicant writes
 * from a domain of the agency they chose, as the service demands; all rows point at one stored PDF.
 */
export async function fillPendingRegistrations(db: Db, files: FileStore, total: number): Promise<{ pending: number; inserted: number }> {
  const existing = await countPending(db);
  const agencies = await listAgencies(db);
  const letter = await makeAuthorisationLetterPdf('Export Inspection Council of India', 'Benchmark Applicant');
  const { key } = await files.put(letter);
  const random = seededRandom(23_2024);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const now = Date.now();
  const rows: RegistrationTable[] = [];
  for (let index = 0; index < total - existing; index += 1) {
    const agency = pick(agencies);
    const [first, last] = [pick(firstNames), pick(surnames)];
    rows.push({
      id: randomUUID(),
      register_as: 'coo-authorized-agency',
      role: 'administrator',
      agency_id: agency.id,
      name: `${first} ${last}`,
      mobile: `${pick(['6', '7', '8', '9'])}${String(Math.floor(random() * 1e9)).padStart(9, '0')}`,
      // The index keeps emails unique: the database allows one pending registration per email.
      email: `${first.toLowerCase()}.${last.toLowerCase()}${index + 1}@${pick(agency.emailDomains)}`,
      status: 'pending',
      letter_sha256: key,
      letter_content_type: 'application/pdf',
      letter_file_name: pick(letterFileNames),
      letter_size: letter.length,
      submitted_at: new Date(now - Math.floor(random() * 45 * 24 * 3_600_000)).toISOString(),
      decided_at: null,
      decided_by: null,
      rejection_reason: null,
      user_id: null,
    });
  }
  await db.transaction().execute(async (trx) => {
    // 17 columns a row: 200 rows keep each statement well under SQLite's bound-parameter limit.
    for (let start = 0; start < rows.length; start += 200) await trx.insertInto('registrations').values(rows.slice(start, start + 200)).execute();
  });
  return { pending: await countPending(db), inserted: rows.length };
}

async function countPending(db: Db): Promise<number> {
  const row = await db.selectFrom('registrations').select((eb) => eb.fn.countAll<number>().as('count')).where('status', '=', 'pending').executeTakeFirstOrThrow();
  return Number(row.count);
}
