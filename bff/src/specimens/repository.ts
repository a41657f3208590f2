import type { Kysely } from 'kysely';
import type { Database, SpecimenCertificateTable } from '../db/schema.ts';

type Reader = Pick<Kysely<Database>, 'selectFrom'>;
type Writer = Pick<Kysely<Database>, 'insertInto' | 'updateTable'>;

export const findOffice = (db: Reader, officeId: string) =>
  db
    .selectFrom('offices')
    .innerJoin('agencies', 'agencies.id', 'offices.agency_id')
    .select(['offices.id', 'offices.agency_id', 'offices.code', 'offices.name', 'offices.address_line1', 'offices.address_line2', 'offices.city', 'offices.state', 'offices.pin_code', 'offices.is_active', 'offices.stamp_version_id', 'agencies.name as agency_name'])
    .where('offices.id', '=', officeId)
    .executeTakeFirst();

/** An issuing officer with whether they are mapped to `officeId`. Requests (pending, rejected) are officers too, not active ones. */
export const findOfficer = (db: Reader, officerId: string, officeId: string) =>
  db
    .selectFrom('users')
    .innerJoin('officers', 'officers.user_id', 'users.id')
    .leftJoin('officer_offices', (join) => join.onRef('officer_offices.officer_id', '=', 'users.id').on('officer_offices.office_id', '=', officeId))
    .select(['users.id', 'users.name', 'users.status', 'users.agency_id', 'officers.designation', 'officers.signature_version_id', 'officer_offices.office_id as mapped_office_id'])
    .where('users.id', '=', officerId)
    .where('users.role', '=', 'issuing-officer')
    .executeTakeFirst();

export async function insertSpecimen(db: Writer, row: SpecimenCertificateTable): Promise<void> {
  await db.insertInto('specimen_certificates').values(row).execute();
}

/** The agency's specimens queued or being drawn, with what makes two requests the same specimen. */
export const specimensInProgress = (db: Reader, agencyId: string) =>
  db
    .selectFrom('specimen_certificates')
    .select(['id', 'office_id', 'officer_id', 'stamp_version_id', 'signature_version_id', 'specimen_date'])
    .where('agency_id', '=', agencyId)
    .where('state', 'in', ['queued', 'running'])
    .execute();

export async function markSpecimen(db: Writer, id: string, values: Partial<Pick<SpecimenCertificateTable, 'state' | 'failure_reason' | 'finished_at' | 'pdf_sha256' | 'pdf_size' | 'register_link_id' | 'unprintable_fields'>>): Promise<void> {
  await db.updateTable('specimen_certificates').set(values).where('id', '=', id).execute();
}

/**
 * Running, only from queued (or running, a job taken over): a holder that lost its lease and wakes
 * after the new holder finished must not set a done or failed specimen back to running for good.
 */
export async function markSpecimenRunning(db: Writer, id: string): Promise<void> {
  await db.updateTable('specimen_certificates').set({ state: 'running' }).where('id', '=', id).where('state', 'in', ['queued', 'running']).execute();
}

/** A specimen as lists and the job read it: with its office, officer, requester and the two versions' numbers and files. */
const specimenRows = (db: Reader) =>
  db
    .selectFrom('specimen_certificates as s')
    .innerJoin('offices', 'offices.id', 's.office_id')
    .innerJoin('users as officer', 'officer.id', 's.officer_id')
    .innerJoin('users as requester', 'requester.id', 's.requested_by')
    .innerJoin('image_versions as stamp', 'stamp.id', 's.stamp_version_id')
    .innerJoin('image_versions as signature', 'signature.id', 's.signature_version_id')
    .leftJoin('specimen_register_links as link', 'link.id', 's.register_link_id')
    .selectAll('s')
    .select([
      'offices.code as office_code',
      'offices.name as office_name',
      'officer.name as officer_name',
      'requester.name as requester_name',
      'stamp.version as stamp_version',
      'stamp.png_sha256 as stamp_png_sha256',
      'signature.version as signature_version',
      'signature.png_sha256 as signature_png_sha256',
      'link.revoked_at as register_link_revoked_at',
    ]);

export type SpecimenRow = NonNullable<Awaited<ReturnType<typeof findSpecimen>>>;

export const findSpecimen = (db: Reader, id: string) => specimenRows(db).where('s.id', '=', id).executeTakeFirst();

export const listSpecimens = (db: Reader, agencyId: string, page: { page: number; pageSize: number }) =>
  specimenRows(db)
    .where('s.agency_id', '=', agencyId)
    .orderBy('s.requested_at', 'desc')
    .orderBy('s.id')
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute();

export async function countSpecimens(db: Reader, agencyId: string): Promise<number> {
  const { total } = await db.selectFrom('specimen_certificates').select((eb) => eb.fn.countAll<number>().as('total')).where('agency_id', '=', agencyId).executeTakeFirstOrThrow();
  return Number(total);
}

/** Every office of the agency, deactivated ones too: the page says why those cannot be chosen. */
export const agencyOffices = (db: Reader, agencyId: string) =>
  db.selectFrom('offices').select(['id', 'code', 'name', 'is_active', 'stamp_version_id']).where('agency_id', '=', agencyId).orderBy('name').orderBy('code').execute();

/** The agency's officers (approved once: active or deactivated), with the offices each is mapped to. */
export async function agencyOfficers(db: Reader, agencyId: string) {
  const [officers, mappings] = await Promise.all([
    db
      .selectFrom('users')
      .innerJoin('officers', 'officers.user_id', 'users.id')
      .select(['users.id', 'users.name', 'users.status', 'officers.designation', 'officers.signature_version_id'])
      .where('users.agency_id', '=', agencyId)
      .where('users.role', '=', 'issuing-officer')
      .where('users.status', 'in', ['active', 'disabled'])
      .orderBy('users.name')
      .orderBy('users.id')
      .execute(),
    db.selectFrom('officer_offices').innerJoin('officers', 'officers.user_id', 'officer_offices.officer_id').select(['officer_offices.officer_id', 'officer_offices.office_id']).where('officers.agency_id', '=', agencyId).execute(),
  ]);
  return officers.map((officer) => ({ ...officer, officeIds: mappings.filter((mapping) => mapping.officer_id === officer.id).map((mapping) => mapping.office_id) }));
}
