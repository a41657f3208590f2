import { randomUUID } from 'node:crypto';
import { containsText } from '../db/contains-text.ts';
import type { Office } from '@ecoo/shared/offices/schemas';
import { thumbnailsOf } from '@ecoo/shared/images/renditions';
import type { Db } from '../db/connect.ts';
import type { Database, OfficeTable } from '../db/schema.ts';
import type { SelectQueryBuilder } from 'kysely';

type DbOrTrx = Pick<Db, 'selectFrom' | 'insertInto' | 'updateTable'>;
type OfficeRow = OfficeTable & { e_wallet_changed_by_name: string | null; stamp_png_sha256: string | null };

export const officeRowToOffice = (row: OfficeRow): Office => ({
  id: row.id,
  agencyId: row.agency_id,
  name: row.name,
  code: row.code,
  addressLine1: row.address_line1,
  addressLine2: row.address_line2,
  city: row.city,
  state: row.state,
  pinCode: row.pin_code,
  phone: row.phone,
  email: row.email,
  gstin: row.gstin,
  merchantId: row.merchant_id,
  checksumKeyFingerprint: row.checksum_key_fingerprint,
  isEWalletEnabled: row.is_e_wallet_enabled === 1,
  eWalletChangedAt: row.e_wallet_changed_at,
  eWalletChangedBy: row.e_wallet_changed_by_name,
  isActive: row.is_active === 1,
  stampVersionId: row.stamp_version_id,
  stampThumbnails: row.stamp_version_id && row.stamp_png_sha256 ? thumbnailsOf(row.stamp_version_id, row.stamp_png_sha256) : null,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const officesWithNames = (db: DbOrTrx) =>
  db
    .selectFrom('offices')
    .leftJoin('users', 'users.id', 'offices.e_wallet_changed_by')
    // The stamp's hash makes its thumbnail URLs; a read of the images feature's table, as officers do for signatures.
    .leftJoin('image_versions', 'image_versions.id', 'offices.stamp_version_id')
    .selectAll('offices')
    .select(['users.name as e_wallet_changed_by_name', 'image_versions.png_sha256 as stamp_png_sha256']);

export async function findOffice(db: DbOrTrx, id: string): Promise<OfficeRow | undefined> {
  return officesWithNames(db).where('offices.id', '=', id).executeTakeFirst();
}

const sortColumns = { name: 'offices.name', code: 'offices.code', city: 'offices.city', state: 'offices.state', updatedAt: 'offices.updated_at' } as const;

export interface OfficeListFilter {
  search: string;
  sort: keyof typeof sortColumns;
  direction: 'asc' | 'desc';
  status: 'active' | 'inactive' | 'all';
  page: number;
  pageSize: number;
}

/** One page of the agency's offices under the filter, and how many there are on every page. */
export async function listOffices(db: DbOrTrx, agencyId: string, filter: OfficeListFilter): Promise<{ rows: OfficeRow[]; total: number }> {
  const filtered = <Q extends SelectQueryBuilder<Database, 'offices', object>>(query: Q): Q => {
    let narrowed = query.where('offices.agency_id', '=', agencyId);
    if (filter.status !== 'all') narrowed = narrowed.where('offices.is_active', '=', filter.status === 'active' ? 1 : 0);
    if (filter.search) {
      const search = filter.search;
      narrowed = narrowed.where((eb) => containsText(eb, ['offices.name', 'offices.code', 'offices.city', 'offices.state', 'offices.pin_code', 'offices.gstin'], search));
    }
    return narrowed as Q;
  };
  const rows = await filtered(officesWithNames(db))
    .orderBy(sortColumns[filter.sort], filter.direction)
    .orderBy('offices.id')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  const { total } = await filtered(db.selectFrom('offices').select((eb) => eb.fn.countAll<number>().as('total'))).executeTakeFirstOrThrow();
  return { rows, total: Number(total) };
}

/** Every office of the agency, active or not, by code: what an import compares its rows with. */
export const allOfficesOf = (db: DbOrTrx, agencyId: string): Promise<OfficeRow[]> =>
  officesWithNames(db).where('offices.agency_id', '=', agencyId).orderBy('offices.code').execute();

export const officeCodeHolder = async (db: DbOrTrx, agencyId: string, code: string) =>
  (await db.selectFrom('offices').select('id').where('agency_id', '=', agencyId).where('code', '=', code).executeTakeFirst())?.id;

export const insertOffice = (db: DbOrTrx, row: OfficeTable) => db.insertInto('offices').values(row).execute();

export const updateOffice = (db: DbOrTrx, id: string, fields: Partial<Omit<OfficeTable, 'id' | 'agency_id' | 'created_at'>>) =>
  db.updateTable('offices').set(fields).where('id', '=', id).execute();

/** The office is closed from now: its stamp stops being in use for the specimen register until it opens again. */
export async function beginOfficeDeactivation(db: DbOrTrx, closure: { officeId: string; agencyId: string; by: string; at: string }): Promise<void> {
  await db
    .insertInto('office_deactivations')
    .values({ id: randomUUID(), office_id: closure.officeId, agency_id: closure.agencyId, deactivated_at: closure.at, deactivated_by: closure.by, reactivated_at: null, reactivated_by: null })
    .execute();
}

/** The office is open again: its closure ends now (none open, as for an office closed before closures were kept, changes nothing). */
export async function endOfficeDeactivation(db: DbOrTrx, officeId: string, by: string, at: string): Promise<void> {
  await db.updateTable('office_deactivations').set({ reactivated_at: at, reactivated_by: by }).where('office_id', '=', officeId).where('reactivated_at', 'is', null).execute();
}
