import type { AuditFilter } from '@ecoo/shared/audit/schemas';
import type { Db } from '../db/connect.ts';
import { containsText } from '../db/contains-text.ts';

export type TrailScope = { agencyId: string } | 'all-agencies';

export interface TrailRow {
  id: string;
  at: string;
  action: string;
  details: string;
  subject_type: string;
  subject_id: string;
  actor_id: string | null;
  actor_role: string | null;
  actor_name: string | null;
  agency_id: string | null;
  agency_name: string | null;
  office_id: string | null;
  office_code: string | null;
  office_name: string | null;
  officer_id: string | null;
  officer_name: string | null;
}

/** The entries in scope under the filters, with the names they point to; only ever read, never changed. */
function trailQuery(db: Pick<Db, 'selectFrom'>, scope: TrailScope, filter: AuditFilter) {
  let query = db
    .selectFrom('audit_entries as entry')
    .leftJoin('users as actor', 'actor.id', 'entry.actor_id')
    .leftJoin('agencies as agency', 'agency.id', 'entry.agency_id')
    .leftJoin('offices as office', 'office.id', 'entry.office_id')
    .leftJoin('users as officer', 'officer.id', 'entry.officer_id');
  const agencyId = scope === 'all-agencies' ? filter.agencyId : scope.agencyId;
  if (agencyId) query = query.where('entry.agency_id', '=', agencyId);
  if (filter.action) query = query.where('entry.action', '=', filter.action);
  const { actor, office, officer } = filter;
  if (actor) query = query.where((eb) => containsText(eb, ['actor.name', 'actor.email'], actor));
  if (office) query = query.where((eb) => containsText(eb, ['office.code', 'office.name'], office));
  if (officer) query = query.where((eb) => containsText(eb, ['officer.name', 'officer.email'], officer));
  // Days are UTC and inclusive: `at` is an ISO instant, so string order is time order.
  if (filter.from) query = query.where('entry.at', '>=', `${filter.from}T00:00:00.000Z`);
  if (filter.to) query = query.where('entry.at', '<', new Date(Date.parse(`${filter.to}T00:00:00.000Z`) + 86_400_000).toISOString());
  return query;
}

export async function listTrailRows(db: Pick<Db, 'selectFrom'>, scope: TrailScope, filter: AuditFilter, page: { limit: number; offset: number }): Promise<TrailRow[]> {
  return trailQuery(db, scope, filter)
    .select([
      'entry.id', 'entry.at', 'entry.action', 'entry.details', 'entry.subject_type', 'entry.subject_id', 'entry.actor_id', 'entry.actor_role',
      'actor.name as actor_name', 'entry.agency_id', 'agency.name as agency_name', 'entry.office_id', 'office.code as office_code',
      'office.name as office_name', 'entry.officer_id', 'officer.name as officer_name',
    ])
    .orderBy('entry.at', 'desc')
    .orderBy('entry.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function countTrailRows(db: Pick<Db, 'selectFrom'>, scope: TrailScope, filter: AuditFilter): Promise<number> {
  const { total } = await trailQuery(db, scope, filter).select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  return Number(total);
}
