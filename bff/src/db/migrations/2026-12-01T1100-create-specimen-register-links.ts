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
 * tell. Periods already lived are backfilled by replaying each subject's history in time order:
 * every acceptance (image_versions.accepted_at) and every reinstatement, whose version number the
 * audit trail keeps, ends the period open until then and begins its version's. The trail is read
 * once, here; the register never reads it.
 *
 * Offices keep only is_active, so closures are data of their own too (office_deactivations, written
 * with the deactivation and the reactivation): the register cuts the stamp out of use meanwhile,
 * as account_revocations does for a signature. Closures already lived come from the trail's
 * office.deactivated / office.reactivated entries.
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

  await db.schema
    .createTable('office_deactivations')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('office_id', 'text', (c) => c.notNull().references('offices.id'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('deactivated_at', 'text', (c) => c.notNull())
    .addColumn('deactivated_by', 'text', (c) => c.references('users.id'))
    .addColumn('reactivated_at', 'text')
    .addColumn('reactivated_by', 'text', (c) => c.references('users.id'))
    .execute();
  await db.schema.createIndex('office_deactivations_by_office').ifNotExists().on('office_deactivations').columns(['office_id', 'deactivated_at']).execute();
  // An office is closed once at a time: at most one closure without its reopening.
  await db.schema.createIndex('office_deactivations_one_open').ifNotExists().on('office_deactivations').column('office_id').unique().where(sql.ref('reactivated_at'), 'is', null).execute();

  await backfillUsePeriods(db);
  await backfillOfficeDeactivations(db);
}

interface VersionRow {
  id: string;
  agency_id: string;
  purpose: string;
  subject_id: string;
  version: number;
  accepted_at: string;
}

interface TrailRow {
  action: string;
  subject_id: string;
  agency_id: string | null;
  actor_id: string | null;
  at: string;
  details: string;
}

const purposeOfReinstatement: Record<string, string> = { 'office.stamp-reinstated': 'office-stamp', 'officer.signature-reinstated': 'officer-signature' };

/** The version number a reinstatement entry names: `details.changes[0].after` (stampVersion / signatureVersion). */
function reinstatedVersion(details: string): number | undefined {
  try {
    const after = (JSON.parse(details) as { changes?: Array<{ field?: string; after?: unknown }> }).changes?.find((change) => change.field === 'stampVersion' || change.field === 'signatureVersion')?.after;
    return typeof after === 'number' ? after : undefined;
  } catch {
    return undefined;
  }
}

/** Trail entries of these actions, oldest first (several hundred per agency at most: read once). */
const trailOf = (db: Kysely<any>, actions: readonly string[]): Promise<TrailRow[]> =>
  db.selectFrom('audit_entries').select(['action', 'subject_id', 'agency_id', 'actor_id', 'at', 'details']).where('action', 'in', [...actions]).orderBy('at').orderBy('id').execute();

/**
 * Each subject's history replayed in time order. An acceptance and a reinstatement each end the
 * period open until then and begin their version's (a reinstatement names its version number). A
 * signature cleared when a refused officer requested again (officer.requested-again) ends it with
 * none after. The last open version is checked against the subject's current one; where the two
 * differ (a trail entry missing), the current one is kept open from the last change, and said.
 */
export async function backfillUsePeriods(db: Kysely<any>): Promise<void> {
  const already = await db.selectFrom('image_use_periods').select(sql<number>`count(*)`.as('count')).executeTakeFirstOrThrow();
  if (Number(already.count) > 0) return;
  const versions: VersionRow[] = await db.selectFrom('image_versions').select(['id', 'agency_id', 'purpose', 'subject_id', 'version', 'accepted_at']).execute();
  const stamps: { id: string; version_id: string | null }[] = await db.selectFrom('offices').select(['id', 'stamp_version_id as version_id']).execute();
  const signatures: { id: string; version_id: string | null }[] = await db.selectFrom('officers').select(['user_id as id', 'signature_version_id as version_id']).execute();
  const current = new Map<string, string | null>([...stamps.map((row) => [`office-stamp:${row.id}`, row.version_id] as const), ...signatures.map((row) => [`officer-signature:${row.id}`, row.version_id] as const)]);
  const byNumber = new Map(versions.map((version) => [`${version.purpose}:${version.subject_id}:${version.version}`, version]));

  type Change = { at: string; version: VersionRow | null };
  const history = new Map<string, Change[]>();
  const add = (key: string, change: Change) => history.set(key, [...(history.get(key) ?? []), change]);
  for (const version of versions) add(`${version.purpose}:${version.subject_id}`, { at: version.accepted_at, version });
  for (const entry of await trailOf(db, [...Object.keys(purposeOfReinstatement), 'officer.requested-again'])) {
    if (entry.action === 'officer.requested-again') {
      add(`officer-signature:${entry.subject_id}`, { at: entry.at, version: null });
      continue;
    }
    const key = `${purposeOfReinstatement[entry.action]}:${entry.subject_id}`;
    const number = reinstatedVersion(entry.details);
    const version = number === undefined ? undefined : byNumber.get(`${key}:${number}`);
    if (version) add(key, { at: entry.at, version });
    else console.warn(`specimen register backfill: ${entry.action} of ${entry.subject_id} at ${entry.at} names no version kept; left out`);
  }

  const periods: Record<string, string | null>[] = [];
  for (const [key, changes] of history) {
    changes.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    let open: { version: VersionRow; from: string } | null = null;
    let lastAt = '';
    for (const change of changes) {
      // A request made again before any signature clears nothing.
      if (!open && !change.version) continue;
      if (open && open.from < change.at) periods.push(period(open.version, open.from, change.at));
      open = change.version ? { version: change.version, from: change.at } : null;
      lastAt = change.at;
    }
    const inUse = current.get(key) ?? null;
    if ((open?.version.id ?? null) !== inUse) {
      console.warn(`specimen register backfill: ${key} replays to ${open?.version.id ?? 'none'} but uses ${inUse ?? 'none'}; the one in use is kept open from ${lastAt}`);
      const kept = versions.find((version) => version.id === inUse);
      if (open && open.from < lastAt) periods.push(period(open.version, open.from, lastAt));
      open = kept ? { version: kept, from: lastAt > kept.accepted_at ? lastAt : kept.accepted_at } : null;
    }
    if (open) periods.push(period(open.version, open.from, null));
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

/**
 * Office closures from the trail: each office.deactivated opens one, the next office.reactivated
 * ends it. An office closed now with no closure from the trail (closed before the trail existed) is
 * taken as closed since its last change (updated_at), the latest it can have been closed: its
 * stamp is shown in use too long rather than cut where it was in use.
 */
export async function backfillOfficeDeactivations(db: Kysely<any>): Promise<void> {
  const already = await db.selectFrom('office_deactivations').select(sql<number>`count(*)`.as('count')).executeTakeFirstOrThrow();
  if (Number(already.count) > 0) return;
  const offices: { id: string; agency_id: string; is_active: number; updated_at: string }[] = await db.selectFrom('offices').select(['id', 'agency_id', 'is_active', 'updated_at']).execute();
  const agencyOf = new Map(offices.map((office) => [office.id, office.agency_id]));
  const rows: Record<string, string | null>[] = [];
  const open = new Map<string, Record<string, string | null>>();
  for (const entry of await trailOf(db, ['office.deactivated', 'office.reactivated'])) {
    const agencyId = agencyOf.get(entry.subject_id);
    if (!agencyId) continue;
    const closure = open.get(entry.subject_id);
    if (entry.action === 'office.deactivated' && !closure) {
      const row = { id: randomUUID(), office_id: entry.subject_id, agency_id: agencyId, deactivated_at: entry.at, deactivated_by: entry.actor_id, reactivated_at: null, reactivated_by: null };
      rows.push(row);
      open.set(entry.subject_id, row);
    } else if (entry.action === 'office.reactivated' && closure) {
      closure.reactivated_at = entry.at;
      closure.reactivated_by = entry.actor_id;
      open.delete(entry.subject_id);
    }
  }
  for (const office of offices) {
    const closed = Number(office.is_active) === 0;
    const closure = open.get(office.id);
    if (closed && !closure) rows.push({ id: randomUUID(), office_id: office.id, agency_id: office.agency_id, deactivated_at: office.updated_at, deactivated_by: null, reactivated_at: null, reactivated_by: null });
    // Open now, though the trail ends closed (its reopening not kept): closed until its last change.
    if (!closed && closure) closure.reactivated_at = office.updated_at;
  }
  for (let start = 0; start < rows.length; start += 200) await db.insertInto('office_deactivations').values(rows.slice(start, start + 200)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('office_deactivations').ifExists().execute();
  await db.schema.dropTable('image_use_periods').ifExists().execute();
  await db.schema.dropTable('specimen_register_links').ifExists().execute();
}
