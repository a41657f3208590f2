import type { z } from 'zod';
import { AuditEventSchema, type AuditEntry, type AuditFilter, type AuditList, type AuditListQuerySchema } from '@ecoo/shared/audit/schemas';
import type { Db } from '../db/connect.ts';
import { agencyOf, type Actor } from '../accounts/index.ts';
import { countTrailRows, listTrailRows, type TrailRow, type TrailScope } from './trail.ts';

export interface AuditDeps {
  db: Db;
}

/** The CSV holds at most this many entries; a narrower filter (dates) gets the rest. */
export const exportLimit = 10_000;

/** An administrator's agency whatever the query asks (the scope comes from the account); the reviewer's choice otherwise. */
const scopeOf = (actor: Actor): TrailScope => (actor.role === 'dgft-reviewer' ? 'all-agencies' : { agencyId: agencyOf(actor) });

export function trailRowToEntry(row: TrailRow): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    actor: row.actor_id ? { id: row.actor_id, name: row.actor_name ?? '', role: (row.actor_role ?? 'agency-admin') as NonNullable<AuditEntry['actor']>['role'] } : null,
    agency: row.agency_id ? { id: row.agency_id, name: row.agency_name ?? '' } : null,
    subject: { type: row.subject_type as AuditEntry['subject']['type'], id: row.subject_id },
    office: row.office_id ? { id: row.office_id, code: row.office_code ?? '', name: row.office_name ?? '' } : null,
    officer: row.officer_id ? { id: row.officer_id, name: row.officer_name ?? '' } : null,
    event: AuditEventSchema.parse({ action: row.action, details: JSON.parse(row.details) }),
  };
}

export async function listAuditTrail(deps: AuditDeps, actor: Actor, query: z.output<typeof AuditListQuerySchema>): Promise<AuditList> {
  const scope = scopeOf(actor);
  const [rows, total] = await Promise.all([
    listTrailRows(deps.db, scope, query, { limit: query.pageSize, offset: (query.page - 1) * query.pageSize }),
    countTrailRows(deps.db, scope, query),
  ]);
  return { entries: rows.map(trailRowToEntry), total, page: query.page, pageSize: query.pageSize };
}

export async function exportAuditTrail(deps: AuditDeps, actor: Actor, filter: AuditFilter): Promise<AuditEntry[]> {
  const rows = await listTrailRows(deps.db, scopeOf(actor), filter, { limit: exportLimit, offset: 0 });
  return rows.map(trailRowToEntry);
}
