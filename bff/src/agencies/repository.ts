import type { Agency } from '@ecoo/shared/agencies/schemas';
import type { Db } from '../db/connect.ts';
import type { AgencyTable } from '../db/schema.ts';

type DbOrTrx = Pick<Db, 'selectFrom' | 'insertInto' | 'updateTable' | 'deleteFrom'>;

const agencyRowToAgency = (row: AgencyTable, domains: string[]): Agency => ({
  id: row.id,
  code: row.code,
  name: row.name,
  certifies: row.certifies,
  emailDomains: domains,
  isDemo: row.is_demo === 1,
});

export async function listAgencies(db: DbOrTrx): Promise<Agency[]> {
  const [rows, domains] = await Promise.all([
    db.selectFrom('agencies').selectAll().orderBy('name').execute(),
    db.selectFrom('agency_email_domains').selectAll().orderBy('domain').execute(),
  ]);
  const byAgency = new Map<string, string[]>();
  for (const { agency_id, domain } of domains) byAgency.set(agency_id, [...(byAgency.get(agency_id) ?? []), domain]);
  return rows.map((row) => agencyRowToAgency(row, byAgency.get(row.id) ?? []));
}

export async function findAgency(db: DbOrTrx, id: string): Promise<Agency | undefined> {
  const row = await db.selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const domains = await db.selectFrom('agency_email_domains').select('domain').where('agency_id', '=', id).orderBy('domain').execute();
  return agencyRowToAgency(row, domains.map((d) => d.domain));
}

export const findAgencyIdByCode = async (db: DbOrTrx, code: string) =>
  (await db.selectFrom('agencies').select('id').where('code', '=', code).executeTakeFirst())?.id;

export async function insertAgency(db: DbOrTrx, row: AgencyTable, domains: string[]): Promise<void> {
  await db.insertInto('agencies').values(row).execute();
  await replaceDomains(db, row.id, domains);
}

export async function updateAgency(db: DbOrTrx, id: string, fields: Pick<AgencyTable, 'code' | 'name' | 'certifies' | 'updated_at'>, domains: string[]): Promise<void> {
  await db.updateTable('agencies').set(fields).where('id', '=', id).execute();
  await replaceDomains(db, id, domains);
}

async function replaceDomains(db: DbOrTrx, agencyId: string, domains: string[]): Promise<void> {
  await db.deleteFrom('agency_email_domains').where('agency_id', '=', agencyId).execute();
  if (domains.length) await db.insertInto('agency_email_domains').values(domains.map((domain) => ({ agency_id: agencyId, domain }))).execute();
}
