import { containsText } from '../db/contains-text.ts';
import type { Office } from '@ecoo/shared/offices/schemas';
import type { Db } from '../db/connect.ts';
import type { OfficeTable } from '../db/schema.ts';

type DbOrTrx = Pick<Db, 'selectFrom' | 'insertInto' | 'updateTable'>;
type OfficeRow = OfficeTable & { e_wallet_changed_by_name: string | null };

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
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const officesWithNames = (db: DbOrTrx) =>
  db
    .selectFrom('offices')
    .leftJoin('users', 'users.id', 'offices.e_wallet_changed_by')
    .selectAll('offices')
    .select('users.name as e_wallet_changed_by_name');

export async function findOffice(db: DbOrTrx, id: string): Promise<OfficeRow | undefined> {
  return officesWithNames(db).where('offices.id', '=', id).executeTakeFirst();
}

const sortColumns = { name: 'offices.name', code: 'offices.code', city: 'offices.city', state: 'offices.state', updatedAt: 'offices.updated_at' } as const;

export async function listOffices(
  db: DbOrTrx,
  agencyId: string,
  filter: { search: string; sort: keyof typeof sortColumns; direction: 'asc' | 'desc'; status: 'active' | 'inactive' | 'all' },
): Promise<OfficeRow[]> {
  let query = officesWithNames(db).where('offices.agency_id', '=', agencyId);
  if (filter.status !== 'all') query = query.where('offices.is_active', '=', filter.status === 'active' ? 1 : 0);
  if (filter.search) {
    const search = filter.search;
    query = query.where((eb) => containsText(eb, ['offices.name', 'offices.code', 'offices.city', 'offices.state', 'offices.pin_code', 'offices.gstin'], search));
  }
  return query.orderBy(sortColumns[filter.sort], filter.direction).orderBy('offices.id').execute();
}

export const officeCodeHolder = async (db: DbOrTrx, agencyId: string, code: string) =>
  (await db.selectFrom('offices').select('id').where('agency_id', '=', agencyId).where('code', '=', code).executeTakeFirst())?.id;

export const insertOffice = (db: DbOrTrx, row: OfficeTable) => db.insertInto('offices').values(row).execute();

export const updateOffice = (db: DbOrTrx, id: string, fields: Partial<Omit<OfficeTable, 'id' | 'agency_id' | 'created_at'>>) =>
  db.updateTable('offices').set(fields).where('id', '=', id).execute();
