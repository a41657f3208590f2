import { defineEndpoints, only } from '../http/endpoint.ts';
import { AuditFilterSchema, AuditListQuerySchema, AuditListSchema } from './schemas.ts';

/**
 * The audit trail (issue 16): who changed what, newest first. An administrator sees their own
 * agency's entries whatever the query says; the DGFT reviewer sees every agency's. Nothing here
 * changes an entry: the trail is append-only, down to the database.
 */
export const auditApi = defineEndpoints({
  listAuditEntries: {
    method: 'get',
    path: '/api/audit',
    summary: "The audit trail's entries under the filters, newest first, paged: the administrator's own agency, or every agency for the reviewer",
    tag: 'audit',
    access: only('agency-admin', 'dgft-reviewer'),
    query: AuditListQuerySchema,
    responses: { 200: AuditListSchema },
  },
  exportAuditEntries: {
    method: 'get',
    path: '/api/audit/export',
    summary: 'The same entries under the same filters as a CSV file (UTF-8 with BOM; cells that a spreadsheet would run as a formula are neutralised)',
    tag: 'audit',
    access: only('agency-admin', 'dgft-reviewer'),
    query: AuditFilterSchema,
    responses: { 200: 'binary' },
  },
});
