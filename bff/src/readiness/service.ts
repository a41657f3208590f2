import type { z } from 'zod';
import type {
  AgencyReadiness,
  MyReadiness,
  MyReadinessQuerySchema,
  OfficeReadiness,
  ReadinessFilter,
  ReadinessList,
  ReadinessListQuerySchema,
  ReadinessRow,
} from '@ecoo/shared/readiness/schemas';
import type { Db } from '../db/connect.ts';
import { agencyOf, type Actor } from '../accounts/index.ts';
import { gapsOf, matchesGapFilter } from './gaps.ts';
import * as repo from './repository.ts';

export interface ReadinessDeps {
  db: Db;
  /** The clock; DSCs expire against it. */
  now?: () => Date;
}

const noOfficers: OfficeReadiness['officers'] = { mapped: 0, withSignature: 0, withDsc: 0, ready: 0 };

/**
 * Every row in scope from four grouped queries, whatever the number of agencies and offices (125
 * agencies with several offices each are one read each, not one per office), then put together here.
 */
async function readinessRows(deps: ReadinessDeps, scope: repo.ReadinessScope): Promise<ReadinessRow[]> {
  const now = deps.now?.() ?? new Date();
  const [offices, coverage, pending, expiring] = await Promise.all([
    repo.agencyOfficeRows(deps.db, scope),
    repo.officerCoverage(deps.db, scope, now),
    repo.pendingRequestCounts(deps.db, scope),
    repo.expiringDscCounts(deps.db, scope, now),
  ]);
  const coverageByOffice = new Map(coverage.map((row) => [row.office_id, row]));
  return offices.map((row) => {
    const agency: AgencyReadiness = { id: row.agency_id, name: row.agency_name, pendingOfficerRequests: pending.get(row.agency_id) ?? 0, expiringDscs: expiring.get(row.agency_id) ?? 0 };
    if (row.office_id === null) return { agency, office: null, isPaymentParamsSet: false, isEWalletEnabled: false, isStampAccepted: false, officers: noOfficers, gaps: ['office'] };
    const counts = coverageByOffice.get(row.office_id);
    const officers = counts ? { mapped: counts.mapped, withSignature: counts.with_signature, withDsc: counts.with_dsc, ready: counts.ready } : noOfficers;
    const facts = { isPaymentParamsSet: Boolean(row.merchant_id) && Boolean(row.checksum_key_fingerprint), isEWalletEnabled: row.is_e_wallet_enabled === 1, isStampAccepted: row.stamp_version_id !== null };
    return {
      agency,
      office: { id: row.office_id, code: row.office_code ?? '', name: row.office_name ?? '', city: row.office_city ?? '' },
      ...facts,
      officers,
      gaps: gapsOf(facts, officers),
    };
  });
}

const summaryOf = (rows: readonly ReadinessRow[]) => {
  const offices = rows.filter((row) => row.office !== null);
  return { offices: offices.length, readyOffices: offices.filter((row) => row.gaps.length === 0).length };
};

const pageOf = <T>(items: readonly T[], page: { page: number; pageSize: number }) => items.slice((page.page - 1) * page.pageSize, page.page * page.pageSize);

/** The administrator's own agency only, whatever they ask: the scope comes from their account. */
export async function getMyReadiness(deps: ReadinessDeps, actor: Actor, query: z.output<typeof MyReadinessQuerySchema>): Promise<MyReadiness> {
  const rows = await readinessRows(deps, { agencyId: agencyOf(actor) });
  const offices = rows.filter((row): row is ReadinessRow & { office: OfficeReadiness['office'] } => row.office !== null);
  const matching = offices.filter((row) => matchesGapFilter(row.gaps, query.gap));
  const agency = rows[0]?.agency;
  // An administrator's agency is in the register for good (agencies are never deleted).
  if (!agency) throw new Error(`agency ${agencyOf(actor)} of administrator ${actor.id} is not in the register`);
  return {
    agency,
    items: pageOf(matching, query).map(({ agency: _agency, ...office }) => office),
    summary: summaryOf(rows),
    total: matching.length,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** The DGFT reviewer's rows under the filter: the summary follows the agency, the list also the gap. */
export async function filteredReadiness(deps: ReadinessDeps, filter: ReadinessFilter): Promise<{ rows: ReadinessRow[]; summary: ReadinessList['summary'] }> {
  const rows = await readinessRows(deps, filter.agencyId ? { agencyId: filter.agencyId } : 'all-agencies');
  return { rows: rows.filter((row) => matchesGapFilter(row.gaps, filter.gap)), summary: summaryOf(rows) };
}

export async function listReadiness(deps: ReadinessDeps, query: z.output<typeof ReadinessListQuerySchema>): Promise<ReadinessList> {
  const { rows, summary } = await filteredReadiness(deps, query);
  return { items: pageOf(rows, query), summary, total: rows.length, page: query.page, pageSize: query.pageSize };
}
