import { defineEndpoints, only } from '../http/endpoint.ts';
import { MyReadinessQuerySchema, MyReadinessSchema, ReadinessFilterSchema, ReadinessListQuerySchema, ReadinessListSchema } from './schemas.ts';

/**
 * Go-live readiness (issue 16): before an agency issues on eCoO 2.0, DGFT asks it to set up
 * offices, payment parameters, stamps, officers' signatures and DSCs. The administrator sees what
 * is still missing on My Dashboard; the DGFT reviewer sees every agency's offices at once.
 */
export const readinessApi = defineEndpoints({
  getMyReadiness: {
    method: 'get',
    path: '/api/readiness',
    summary: "The agency's active offices with what each still lacks to issue, and the officer requests and DSC expiries that need the administrator",
    tag: 'readiness',
    access: only('agency-admin'),
    query: MyReadinessQuerySchema,
    responses: { 200: MyReadinessSchema },
  },
  listReadiness: {
    method: 'get',
    path: '/api/readiness/offices',
    summary: 'Every agency\'s active offices (and agencies without one) with what each still lacks, by agency and gap, paged',
    tag: 'readiness',
    access: only('dgft-reviewer'),
    query: ReadinessListQuerySchema,
    responses: { 200: ReadinessListSchema },
  },
  exportReadiness: {
    method: 'get',
    path: '/api/readiness/offices/export',
    summary: 'The same rows under the same filter as a CSV file (UTF-8 with BOM; cells that a spreadsheet would run as a formula are neutralised)',
    tag: 'readiness',
    access: only('dgft-reviewer'),
    query: ReadinessFilterSchema,
    responses: { 200: 'binary' },
  },
});
