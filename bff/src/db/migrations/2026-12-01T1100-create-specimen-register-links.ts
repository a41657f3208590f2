import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';

/**
 * The specimen register (issue 16). Partner customs reach an agency's register through a link the
 * administrator shares and can revoke: one active link per agency (a partial unique index), the
 * token kept so the administrator can copy it again and the specimen certificate's QR can carry it.
 *
 * The register tells which stamp and signature were in use on a day, so each version's periods of
 * use are data of their own (image_use_periods), written with every accept and reinstatement: a
 * reinstated version is in use again although a later version exists, so version order alone cannot
 * tell. Periods already lived are backfilled: each version from its acceptance to the next
 * acceptance, and the version in use now open from its acceptance, or, when it was reinstated, from
 * the subject's latest reinstatement in the trail (its time only; the register never reads the trail).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('specimen_register_links')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_by', 'text', (c) => c.references('users.id'))
    .addColumn('revoked_at', 'text')
    .execute();
  // At most one active link per agency, whatever the timing of two administrators' clicks.
  await db.schema.createIndex('specimen_register_links_one_active').ifNotExists().on('specimen_register_links').column('agency_id').unique().where(sql.ref('revoked_at'), 'is', null).execute();

  await db.schema
    .createTable('image_use_periods')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('version_id', 'text', (c) => c.notNull().references('image_versions.id'))
    .addColumn('began_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .execute();
  await db.schema.createIndex('image_use_periods_by_agency').ifNotExists().on('image_use_periods').columns(['agency_id', 'purpose', 'subject_id', 'began_at']).execute();
  // One version in use per subject at a time: two accepts at once cannot both leave a period open.
  await db.schema.createIndex('image_use_periods_one_open').ifNotExists().on('image_use_periods').columns(['purpose', 'subject_id']).unique().where(sql.ref('ended_at'), 'is', null).execute();

  await backfillUsePeriods(db);
}

interface VersionRow {
  id: string;
  agency_id: string;
  purpose: string;
  subject_id: string;
  accepted_at: string;
}

async function backfillUsePeriods(db: Kysely<any>): Promise<void> {
  const already = await db.selectFrom('image_use_periods').select(sql<number>`count(*)`.as('count')).executeTakeFirstOrThrow();
  if (Number(already.count) > 0) return;
  const versions: VersionRow[] = await db.selectFrom('image_versions').select(['id', 'agency_id', 'purpose', 'subject_id', 'accepted_at']).orderBy('purpose').orderBy('subject_id').orderBy('version').execute();
  const stamps: { id: string; version_id: string }[] = await db.selectFrom('offices').select(['id', 'stamp_version_id as version_id']).where('stamp_version_id', 'is not', null).execute();
  const signatures: { id: string; version_id: string }[] = await db.selectFrom('officers').select(['user_id as id', 'signature_version_id as version_id']).where('signature_version_id', 'is not', null).execute();
  const current = new Map<string, string>([...stamps.map((row) => [`office-stamp:${row.id}`, row.version_id] as const), ...signatures.map((row) => [`officer-signature:${row.id}`, row.version_id] as const)]);
  const reinstatedAt = new Map<string, string>();
  const reinstatements: { action: string; subject_id: string; at: string }[] = await db
    .selectFrom('audit_entries')
    .select(['action', 'subject_id', 'at'])
    .where('action', 'in', ['office.stamp-reinstated', 'officer.signature-reinstated'])
    .orderBy('at')
    .execute();
  for (const entry of reinstatements) reinstatedAt.set(`${entry.action === 'office.stamp-reinstated' ? 'office-stamp' : 'officer-signature'}:${entry.subject_id}`, entry.at);

  const bySubject = new Map<string, VersionRow[]>();
  for (const version of versions) {
    const key = `${version.purpose}:${version.subject_id}`;
    bySubject.set(key, [...(bySubject.get(key) ?? []), version]);
  }
  const periods: Record<string, string | null>[] = [];
  for (const [key, list] of bySubject) {
    const inUse = current.get(key);
    list.forEach((version, index) => {
      const next = list[index + 1];
      const isNewest = !next;
      // The newest version stays open only if it is the one in use; otherwise it ended at the reinstatement.
      const latestReinstatement = reinstatedAt.get(key);
      const reinstated = latestReinstatement && latestReinstatement > version.accepted_at ? latestReinstatement : version.accepted_at;
      const until = next ? next.accepted_at : version.id === inUse ? null : reinstated;
      if (until === null || until > version.accepted_at) periods.push(period(version, version.accepted_at, until));
      if (isNewest && inUse && inUse !== version.id) {
        const again = list.find((candidate) => candidate.id === inUse);
        if (again) periods.push(period(again, reinstated, null));
      }
    });
  }
  for (let start = 0; start < periods.length; start += 200) await db.insertInto('image_use_periods').values(periods.slice(start, start + 200)).execute();
}

const period = (version: VersionRow, began: string, ended: string | null) => ({
  id: randomUUID(),
  agency_id: version.agency_id,
  purpose: version.purpose,
  subject_id: version.subject_id,
  version_id: version.id,
  began_at: began,
  ended_at: ended,
});

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('image_use_periods').ifExists().execute();
  await db.schema.dropTable('specimen_register_links').ifExists().execute();
}
