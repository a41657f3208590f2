import { DSC_EXPIRY_WARNING_DAYS } from '@ecoo/shared/dsc/schemas';
import type { Db } from '../db/connect.ts';

type Reader = Pick<Db, 'selectFrom'>;

/** Readiness is read for one agency (an administrator) or for all of them (the DGFT reviewer). */
export type ReadinessScope = { agencyId: string } | 'all-agencies';

export interface AgencyOfficeRow {
  agency_id: string;
  agency_name: string;
  /** Null for an agency without any active office. */
  office_id: string | null;
  office_code: string | null;
  office_name: string | null;
  office_city: string | null;
  merchant_id: string | null;
  checksum_key_fingerprint: string | null;
  is_e_wallet_enabled: number | null;
  stamp_version_id: string | null;
}

export interface OfficerCoverageRow {
  office_id: string;
  mapped: number;
  with_signature: number;
  with_dsc: number;
  ready: number;
}

/**
 * Every agency in scope with its active offices, one row each (an agency without one: a row with
 * nulls), by agency and office name. Deactivated offices issue nothing, so they are not checked.
 */
export function agencyOfficeRows(db: Reader, scope: ReadinessScope): Promise<AgencyOfficeRow[]> {
  let query = db
    .selectFrom('agencies')
    .leftJoin('offices', (join) => join.onRef('offices.agency_id', '=', 'agencies.id').on('offices.is_active', '=', 1))
    .select([
      'agencies.id as agency_id',
      'agencies.name as agency_name',
      'offices.id as office_id',
      'offices.code as office_code',
      'offices.name as office_name',
      'offices.city as office_city',
      'offices.merchant_id',
      'offices.checksum_key_fingerprint',
      'offices.is_e_wallet_enabled',
      'offices.stamp_version_id',
    ]);
  if (scope !== 'all-agencies') query = query.where('agencies.id', '=', scope.agencyId);
  return query.orderBy('agencies.name').orderBy('agencies.id').orderBy('offices.name').orderBy('offices.code').execute();
}

/**
 * Per office, its active officers counted in one grouped query (not one per office): all mapped,
 * those with an accepted signature, with an active DSC that has not expired, and with both. An
 * officer has at most one active DSC (a partial unique index), so the join adds no rows.
 */
export async function officerCoverage(db: Reader, scope: ReadinessScope, now: Date): Promise<OfficerCoverageRow[]> {
  const at = now.toISOString();
  let query = db
    .selectFrom('officer_offices')
    .innerJoin('officers', 'officers.user_id', 'officer_offices.officer_id')
    .innerJoin('users', 'users.id', 'officer_offices.officer_id')
    .leftJoin('officer_dscs', (join) =>
      join.onRef('officer_dscs.user_id', '=', 'officer_offices.officer_id').on('officer_dscs.replaced_at', 'is', null).on('officer_dscs.not_after', '>=', at),
    )
    .where('users.status', '=', 'active')
    .select((eb) => {
      const hasSignature = eb('officers.signature_version_id', 'is not', null);
      const hasDsc = eb('officer_dscs.id', 'is not', null);
      const countWhen = (condition: typeof hasSignature) => eb.fn.sum<number>(eb.case().when(condition).then(1).else(0).end());
      return [
        'officer_offices.office_id',
        eb.fn.countAll<number>().as('mapped'),
        countWhen(hasSignature).as('with_signature'),
        countWhen(hasDsc).as('with_dsc'),
        countWhen(eb.and([hasSignature, hasDsc])).as('ready'),
      ];
    })
    .groupBy('officer_offices.office_id');
  if (scope !== 'all-agencies') query = query.where('officers.agency_id', '=', scope.agencyId);
  const rows = await query.execute();
  // PostgreSQL answers counts and sums as strings (bigint, numeric).
  return rows.map((row) => ({ office_id: row.office_id, mapped: Number(row.mapped), with_signature: Number(row.with_signature), with_dsc: Number(row.with_dsc), ready: Number(row.ready) }));
}

/** Officers' requests that wait for an administrator: email confirmed (only then are they the administrator's), not decided. */
export async function pendingRequestCounts(db: Reader, scope: ReadinessScope): Promise<Map<string, number>> {
  let query = db
    .selectFrom('officers')
    .innerJoin('users', 'users.id', 'officers.user_id')
    .where('users.status', '=', 'pending')
    .where('officers.email_confirmed_at', 'is not', null)
    .select(['officers.agency_id', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy('officers.agency_id');
  if (scope !== 'all-agencies') query = query.where('officers.agency_id', '=', scope.agencyId);
  return new Map((await query.execute()).map((row) => [row.agency_id, Number(row.count)]));
}

/**
 * Active officers' DSCs that have not expired and have 30 whole days left or fewer, as the
 * dashboard's list counts them (daysLeft <= 30 is notAfter before now + 31 days).
 */
export async function expiringDscCounts(db: Reader, scope: ReadinessScope, now: Date): Promise<Map<string, number>> {
  const horizon = new Date(now.getTime() + (DSC_EXPIRY_WARNING_DAYS + 1) * 86_400_000).toISOString();
  let query = db
    .selectFrom('officer_dscs')
    .innerJoin('users', 'users.id', 'officer_dscs.user_id')
    .where('officer_dscs.replaced_at', 'is', null)
    .where('users.status', '=', 'active')
    .where('officer_dscs.not_after', '>=', now.toISOString())
    .where('officer_dscs.not_after', '<', horizon)
    .select(['officer_dscs.agency_id', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy('officer_dscs.agency_id');
  if (scope !== 'all-agencies') query = query.where('officer_dscs.agency_id', '=', scope.agencyId);
  return new Map((await query.execute()).map((row) => [row.agency_id, Number(row.count)]));
}
