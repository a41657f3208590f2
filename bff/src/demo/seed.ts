import { randomUUID } from 'node:crypto';
import type { Db } from '../db/connect.ts';
import { nowIso } from '../db/connect.ts';
import type { FileStore } from '../storage/files.ts';
import { AgencyInputSchema } from '@ecoo/shared/agencies/schemas';
import { OfficeCreateSchema } from '@ecoo/shared/offices/schemas';
import type { SecretSealer } from '../secrets/seal.ts';
import { addOffice } from '../offices/index.ts';
import { createAgency } from '../agencies/index.ts';
import { findUserByEmail, hashPassword, insertUser } from '../accounts/index.ts';
import { addOfficerAccount } from '../officers/index.ts';
import { demoAgencies } from './demo-agencies.ts';
import { makeAuthorisationLetterPdf } from './letter-pdf.ts';

/** Demo accounts: the passwords are printed at start and are for the demo data only. */
export const demoAccounts = {
  reviewer: { email: 'reviewer@dgft.gov.in', password: 'Reviewer-demo-2026', name: 'Asha Verma' },
  admin: { email: 'admin.mumbai@eicindia.gov.in', password: 'Admin-demo-2026', name: 'Rahul Deshmukh', agencyCode: 'eia-mumbai' },
  officer: { email: 'officer.mumbai@eicindia.gov.in', password: 'Officer-demo-2026', name: 'Priya Sawant', agencyCode: 'eia-mumbai' },
};

/** An officer's request waiting in the demo administrator's User Management. */
const demoOfficerRequest = { name: 'Anil Patil', email: 'anil.patil@eicindia.gov.in', mobile: '9820045678', designation: 'Assistant Director' };

const demoApplicants = [
  { name: 'Meera Nair', email: 'meera.nair@mpeda.gov.in', mobile: '9847012345', agencyCode: 'mpeda' },
  { name: 'Suresh Iyer', email: 'suresh.iyer@indianspices.com', mobile: '9446023456', agencyCode: 'spices-board' },
  { name: 'Kavita Joshi', email: 'kavita.joshi@texcom.gov.in', mobile: '9820034567', agencyCode: 'textiles-committee' },
];

/** Two offices of the demo administrator's agency, so stamps can be tried at once. */
const demoOffices = [
  {
    name: 'EIA Mumbai Head Office', code: 'EIA-MUM-01', addressLine1: 'Mittal Court, B Wing, 2nd Floor', addressLine2: 'Nariman Point', city: 'Mumbai',
    state: 'Maharashtra', pinCode: '400021', phone: '022 22821234', email: 'mumbai@eicindia.gov.in', gstin: '27AAPFU0939F1ZV',
    merchantId: 'EIAMUM2024PG01', checksumKey: 'demo-Kx7#pQ2v9LmZ', isEWalletEnabled: true,
  },
  {
    name: 'EIA Mumbai, Vashi sub-office', code: 'EIA-MUM-02', addressLine1: 'Plot 7, Sector 19', addressLine2: 'Vashi', city: 'Navi Mumbai',
    state: 'Maharashtra', pinCode: '400703', phone: '022 27890000', email: 'vashi@eicindia.gov.in', gstin: '27AAPFU0939F1ZV',
    merchantId: 'EIAVSH2024PG02', checksumKey: 'demo-Rt4!wB8n2HsY', isEWalletEnabled: false,
  },
];

/** Seeds once, into an empty register; later starts leave what users changed alone. */
export async function seedDemoData(db: Db, files: FileStore, sealer: SecretSealer): Promise<boolean> {
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
  const adminUser = await findUserByEmail(db, admin.email);
  const adminAgencyId = agencyIds.get(admin.agencyCode);
  if (adminUser && adminAgencyId) {
    const actor = { id: adminUser.id, name: adminUser.name, email: adminUser.email, role: adminUser.role, agencyId: adminAgencyId, agencyName: null, locale: null, sessionIdHash: '' };
    const officer = demoAccounts.officer;
    const officerPasswordHash = await hashPassword(officer.password);
    await db.transaction().execute(async (trx) => {
      const officeIds: string[] = [];
      for (const office of demoOffices) officeIds.push((await addOffice(trx, sealer, actor, adminAgencyId, OfficeCreateSchema.parse(office))).id);
      await addOfficerAccount(trx, {
        agencyId: adminAgencyId, name: officer.name, email: officer.email, mobile: '9820011223', designation: 'Deputy Director',
        officeIds: officeIds.slice(0, 1), status: 'active', passwordHash: officerPasswordHash, at: now,
      });
      await addOfficerAccount(trx, { agencyId: adminAgencyId, ...demoOfficerRequest, officeIds: officeIds.slice(1, 2), status: 'pending', passwordHash: null, at: now });
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
