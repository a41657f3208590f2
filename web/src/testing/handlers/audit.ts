import { http, HttpResponse } from 'msw';
import { AuditEntrySchema, AuditListQuerySchema, AuditListSchema, type AuditEntry } from '@ecoo/shared/audit/schemas';
import { problemResponse } from '../problem-response';
import { sessionUsers } from './accounts';
import { eiaMumbai } from './agencies';
import { activeOfficer } from './officers';
import { kochiOffice, mumbaiOffice } from './offices';

const admin = sessionUsers['agency-admin'];
const agency = { id: eiaMumbai.id, name: eiaMumbai.name };
const officeRef = (office: typeof mumbaiOffice) => ({ id: office.id, code: office.code, name: office.name });

/** EIA Mumbai's trail, newest first: Kochi's stamp accepted, its e-wallet enabled, and an officer approved. */
export const auditEntries: AuditEntry[] = [
  {
    id: 'a0d1e2f3-0000-4000-8000-000000000001',
    at: '2026-11-30T10:15:00.000Z',
    actor: { id: admin.id, name: admin.name, role: 'agency-admin' },
    agency,
    subject: { type: 'office', id: kochiOffice.id },
    office: officeRef(kochiOffice),
    officer: null,
    event: { action: 'office.stamp-accepted', details: { changes: [{ field: 'stampVersion', before: null, after: 1 }] } },
  },
  {
    id: 'a0d1e2f3-0000-4000-8000-000000000002',
    at: '2026-11-29T09:00:00.000Z',
    actor: { id: admin.id, name: admin.name, role: 'agency-admin' },
    agency,
    subject: { type: 'office', id: mumbaiOffice.id },
    office: officeRef(mumbaiOffice),
    officer: null,
    event: { action: 'office.e-wallet-enabled', details: { changes: [{ field: 'isEWalletEnabled', before: false, after: true }] } },
  },
  {
    id: 'a0d1e2f3-0000-4000-8000-000000000003',
    at: '2026-11-28T08:30:00.000Z',
    actor: null,
    agency,
    subject: { type: 'user', id: activeOfficer.id },
    office: null,
    officer: { id: activeOfficer.id, name: activeOfficer.name },
    event: { action: 'officer.email-confirmed', details: { changes: [{ field: 'emailConfirmed', before: false, after: true }] } },
  },
].map((entry) => AuditEntrySchema.parse(entry));

/** The action and agency filters as the BFF applies them (tested there), so the page's filter shows different entries. */
export const auditHandlers = [
  http.get('/api/audit', ({ request }) => {
    const query = AuditListQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) return problemResponse(400, 'problem.badRequest');
    const { action, agencyId } = query.data;
    const entries = auditEntries.filter((entry) => (!action || entry.event.action === action) && (!agencyId || entry.agency?.id === agencyId));
    return HttpResponse.json(AuditListSchema.parse({ entries, total: entries.length, page: query.data.page, pageSize: query.data.pageSize }));
  }),
];
