import { randomUUID } from 'node:crypto';
import type { Db } from '../db/connect.ts';
import { nowIso } from '../db/connect.ts';
import type { FileStore } from '../storage/files.ts';
import { AgencyInputSchema } from '@ecoo/shared/agencies/schemas';
import { createAgency } from '../agencies/service.ts';
import { findUserByEmail, insertUser } from '../accounts/repository.ts';
import { hashPassword } from '../accounts/passwords.ts';
import { demoAgencies } from './demo-agencies.ts';
import { makeAuthorisationLetterPdf } from './letter-pdf.ts';

/** Demo accounts: the passwords are printed at start and are for the demo data only. */
export const demoAccounts = {
  reviewer: { email: 'reviewer@dgft.gov.in', password: 'Reviewer-demo-2026', name: 'Asha Verma' },
  admin: { email: 'admin.mumbai@eicindia.gov.in', password: 'Admin-demo-2026', name: 'Rahul Deshmukh', agencyCode: 'eia-mumbai' },
};

const demoApplicants = [
  { name: 'Meera Nair', email: 'meera.nair@mpeda.gov.in', mobile: '9847012345', agencyCode: 'mpeda' },
  { name: 'Suresh Iyer', email: 'suresh.iyer@indianspices.com', mobile: '9446023456', agencyCode: 'spices-board' },
  { name: 'Kavita Joshi', email: 'kavita.joshi@texcom.gov.in', mobile: '9820034567', agencyCode: 'textiles-committee' },
];

/** Seeds once, into an empty register; later starts leave what users changed alone. */
export async function seedDemoData(db: Db, files: FileStore): Promise<boolean> {
  const existing = await db.selectFrom('agencies').select('id').limit(1).executeTakeFirst();
  if (existing) return false;
  const agencyIds = new Map<string, string>();
  for (const input of demoAgencies) {
    const agency = await createAgency(db, null, AgencyInputSchema.parse(input), { isDemo: true });
    agencyIds.set(agency.code, agency.id);
  }
  const now = nowIso();
  const { reviewer, admin } = demoAccounts;
  if (!(await findUserByEmail(db, reviewer.email))) {
    await insertUser(db, {
      id: randomUUID(), email: reviewer.email, name: reviewer.name, mobile: null, role: 'dgft-reviewer', agency_id: null,
      status: 'active', password_hash: await hashPassword(reviewer.password), created_at: now, updated_at: now,
    });
  }
  if (!(await findUserByEmail(db, admin.email))) {
    await insertUser(db, {
      id: randomUUID(), email: admin.email, name: admin.name, mobile: '9820098765', role: 'agency-admin',
      agency_id: agencyIds.get(admin.agencyCode) ?? null, status: 'active', password_hash: await hashPassword(admin.password),
      created_at: now, updated_at: now,
    });
  }
  for (const [index, applicant] of demoApplicants.entries()) {
    const agencyId = agencyIds.get(applicant.agencyCode);
    if (!agencyId) continue;
    const agencyName = demoAgencies.find((agency) => agency.code === applicant.agencyCode)?.name ?? applicant.agencyCode;
    const letter = await makeAuthorisationLetterPdf(agencyName, applicant.name);
    const { key } = await files.put(letter);
    await db.insertInto('registrations').values({
      id: randomUUID(), register_as: 'coo-authorized-agency', role: 'administrator', agency_id: agencyId, name: applicant.name,
      mobile: applicant.mobile, email: applicant.email, status: 'pending', letter_sha256: key, letter_content_type: 'application/pdf',
      letter_file_name: 'authorisation-letter.pdf', letter_size: letter.length, submitted_at: new Date(Date.now() - (3 - index) * 3_600_000).toISOString(),
      decided_at: null, decided_by: null, rejection_reason: null, user_id: null,
    }).execute();
  }
  return true;
}
