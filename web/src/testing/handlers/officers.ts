import { http, HttpResponse } from 'msw';
import {
  AccountAuditListSchema,
  DeactivationSchema,
  OfficeChoiceListSchema,
  OfficeMappingSchema,
  OfficerCountsSchema,
  OfficerListQuerySchema,
  OfficerListSchema,
  OfficerProfileSchema,
  OfficerRejectionSchema,
  OfficerSchema,
  type Officer,
  type OfficerOffice,
} from '@ecoo/shared/officers/schemas';
import { SubjectImagesSchema } from '@ecoo/shared/images/schemas';
import { csrfProblem, lacksCsrfToken, parseBody, problemResponse } from '../problem-response';
import { sessionUsers } from './accounts';
import { eiaMumbai } from './agencies';
import { kochiOffice, mumbaiOffice, officeFixtures } from './offices';

const adminName = sessionUsers['agency-admin'].name;
/** The time the mock BFF stamps on every change. */
export const officerChangedAt = '2026-06-02T06:30:00.000Z';

const asOfficerOffice = (office: { id: string; code: string; name: string; isActive: boolean }): OfficerOffice => ({
  id: office.id,
  code: office.code,
  name: office.name,
  isActive: office.isActive,
});

/** Waiting for the administrator: asked for the Mumbai office at registration. */
export const pendingOfficer = OfficerSchema.parse({
  id: '8d4f0b26-5e7a-4c9d-9f3b-4a6c8e0f2a11',
  name: 'Anil Kulkarni',
  email: 'anil.kulkarni@eicindia.gov.in',
  designation: 'Assistant Director',
  status: 'pending',
  offices: [],
  signature: { versionId: null, version: null },
  requestedAt: '2026-05-28T04:45:00.000Z',
  mobile: '9820012345',
  requestedOffice: asOfficerOffice(mumbaiOffice),
  decidedAt: null,
  decidedBy: null,
  rejectionReason: null,
  revocations: [],
  dsc: { state: 'none', notAfter: null, daysLeft: null },
});

/** The signed-in issuing officer of the session fixtures, mapped to two offices, with a signature and a DSC expiring in 21 days. */
export const activeOfficer = OfficerSchema.parse({
  id: sessionUsers['issuing-officer'].id,
  name: sessionUsers['issuing-officer'].name,
  email: sessionUsers['issuing-officer'].email,
  designation: 'Deputy Director',
  status: 'active',
  offices: [asOfficerOffice(mumbaiOffice), asOfficerOffice(kochiOffice)],
  signature: { versionId: 'e2a4c6d8-0f1b-4d3e-8a5c-7e9f1b3d5a21', version: 1 },
  requestedAt: '2026-04-10T05:00:00.000Z',
  mobile: '9847098470',
  requestedOffice: asOfficerOffice(mumbaiOffice),
  decidedAt: '2026-04-11T06:00:00.000Z',
  decidedBy: adminName,
  rejectionReason: null,
  revocations: [],
  dsc: { state: 'expiring', notAfter: '2026-06-23T18:29:59.000Z', daysLeft: 21 },
});

/** Left the agency last month; the deactivation stays on record. */
export const deactivatedOfficer = OfficerSchema.parse({
  id: '9e5a1c37-6f8b-4dae-8a4c-5b7d9f1a3b22',
  name: 'Suresh Menon',
  email: 'suresh.menon@eicindia.gov.in',
  designation: 'Technical Officer',
  status: 'deactivated',
  offices: [asOfficerOffice(kochiOffice)],
  signature: { versionId: null, version: null },
  requestedAt: '2026-03-02T05:00:00.000Z',
  mobile: '9895012345',
  requestedOffice: asOfficerOffice(kochiOffice),
  decidedAt: '2026-03-03T05:00:00.000Z',
  decidedBy: adminName,
  rejectionReason: null,
  revocations: [
    {
      id: 'af6b2d48-7a9c-4ebf-9b5d-6c8e0a2b4c33',
      effectiveDate: '2026-05-15',
      reason: 'Transferred to the Chennai office of another department.',
      revokedAt: '2026-05-16T09:00:00.000Z',
      revokedBy: adminName,
      reactivatedAt: null,
      reactivatedBy: null,
    },
  ],
  dsc: { state: 'expired', notAfter: '2026-05-20T18:29:59.000Z', daysLeft: -13 },
});

export const officerFixtures = [pendingOfficer, activeOfficer, deactivatedOfficer];

/** What the signed-in issuing officer (Priya Nair) sees of her own account on My Dashboard. */
export const myOfficerProfile = OfficerProfileSchema.parse({
  id: activeOfficer.id,
  name: activeOfficer.name,
  designation: activeOfficer.designation,
  agency: { id: eiaMumbai.id, name: eiaMumbai.name },
  offices: activeOfficer.offices,
  signature: activeOfficer.signature,
  dsc: activeOfficer.dsc,
});

export const officerCounts = OfficerCountsSchema.parse({ pending: 1, active: 1, deactivated: 1, rejected: 0 });

/** An officer of another agency: the BFF answers 404, as for an unknown id. */
export const otherAgencyOfficerId = 'b07c3e59-8bad-4fc0-8c6e-7d9f1b3c5d44';

/** As the BFF records them: the officer's own steps, before they can sign in, name no actor. */
export const pendingOfficerHistory = AccountAuditListSchema.parse({
  entries: [
    {
      at: '2026-05-28T05:00:00.000Z',
      actor: null,
      action: 'officer.email-confirmed',
      changes: [{ field: 'emailConfirmed', before: false, after: true }],
    },
    {
      at: pendingOfficer.requestedAt,
      actor: null,
      action: 'officer.requested',
      changes: [
        { field: 'status', before: null, after: 'pending' },
        { field: 'requestedOffice', before: null, after: mumbaiOffice.code },
      ],
    },
  ],
});

function officerOr(params: Record<string, unknown>): { officer: Officer } | { response: Response } {
  // Another agency's officer answers as an unknown one does: the BFF does not tell that they exist.
  if (params.userId === otherAgencyOfficerId) return { response: problemResponse(404, 'problem.officerNotFound', { id: otherAgencyOfficerId }) };
  const officer = officerFixtures.find((candidate) => candidate.id === params.userId);
  return officer ? { officer } : { response: problemResponse(404, 'problem.officerNotFound', { id: String(params.userId) }) };
}

const answer = (officer: Officer) => HttpResponse.json(OfficerSchema.parse(officer));

/** A change to one officer: CSRF checked, the officer found, then `change` (which may refuse). */
function change(path: string, update: (officer: Officer, body: unknown) => Response) {
  return http.post(path, async ({ request, params }) => {
    if (lacksCsrfToken(request)) return csrfProblem();
    const found = officerOr(params);
    if ('response' in found) return found.response;
    const text = await request.text();
    return update(found.officer, text === '' ? undefined : JSON.parse(text));
  });
}

export const officersHandlers = [
  http.get('/api/officers', ({ request }) => {
    const query = OfficerListQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) return problemResponse(400, 'problem.badRequest');
    // Only the status filter, so each tab shows different rows; office, search and paging are the BFF's, tested there.
    const items = officerFixtures.filter((officer) => !query.data.status || officer.status === query.data.status);
    return HttpResponse.json(OfficerListSchema.parse({ items, total: items.length, page: query.data.page, pageSize: query.data.pageSize, counts: officerCounts }));
  }),
  http.get('/api/officers/counts', () => HttpResponse.json(officerCounts)),
  // Before /api/officers/:userId, which would take "office-choices" for an id.
  http.get('/api/officers/office-choices', () => HttpResponse.json(OfficeChoiceListSchema.parse({ items: officeFixtures.map(asOfficerOffice) }))),
  http.get('/api/me/officer-profile', () => HttpResponse.json(myOfficerProfile)),
  http.get('/api/officers/:userId', ({ params }) => {
    const found = officerOr(params);
    return 'response' in found ? found.response : answer(found.officer);
  }),
  http.get('/api/officers/:userId/audit', ({ params }) => {
    const found = officerOr(params);
    if ('response' in found) return found.response;
    return HttpResponse.json(found.officer.id === pendingOfficer.id ? pendingOfficerHistory : AccountAuditListSchema.parse({ entries: [] }));
  }),
  http.get('/api/officers/:userId/signature', ({ params }) => {
    const found = officerOr(params);
    if ('response' in found) return found.response;
    return HttpResponse.json(SubjectImagesSchema.parse({ current: null, versions: [], latestJob: null }));
  }),
  change('/api/officers/:userId/approval', (officer) => {
    if (officer.status !== 'pending') return problemResponse(409, 'problem.officerDecided', { status: officer.status === 'rejected' ? 'rejected' : 'approved' });
    return answer({ ...officer, status: 'active', offices: officer.requestedOffice ? [officer.requestedOffice] : [], decidedAt: officerChangedAt, decidedBy: adminName });
  }),
  change('/api/officers/:userId/rejection', (officer, json) => {
    const body = parseBody(OfficerRejectionSchema, json);
    if ('response' in body) return body.response;
    if (officer.status !== 'pending') return problemResponse(409, 'problem.officerDecided', { status: officer.status === 'rejected' ? 'rejected' : 'approved' });
    return answer({ ...officer, status: 'rejected', decidedAt: officerChangedAt, decidedBy: adminName, rejectionReason: body.data.reason });
  }),
  change('/api/officers/:userId/deactivation', (officer, json) => {
    const body = parseBody(DeactivationSchema, json);
    if ('response' in body) return body.response;
    if (officer.status !== 'active') return problemResponse(409, 'problem.officerNotActive', { action: 'deactivation', status: officer.status });
    const revocation = { id: 'c18d4f6a-9b0d-4e1f-8d7a-8e0a2c4e6f55', ...body.data, revokedAt: officerChangedAt, revokedBy: adminName, reactivatedAt: null, reactivatedBy: null };
    return answer({ ...officer, status: 'deactivated', revocations: [revocation, ...officer.revocations] });
  }),
  change('/api/officers/:userId/reactivation', (officer) => {
    if (officer.status !== 'deactivated') return problemResponse(409, 'problem.officerNotDeactivated', { status: officer.status });
    const revocations = officer.revocations.map((revocation, index) => (index === 0 ? { ...revocation, reactivatedAt: officerChangedAt, reactivatedBy: adminName } : revocation));
    return answer({ ...officer, status: 'active', revocations });
  }),
  http.put('/api/officers/:userId/offices', async ({ request, params }) => {
    if (lacksCsrfToken(request)) return csrfProblem();
    const found = officerOr(params);
    if ('response' in found) return found.response;
    const body = parseBody(OfficeMappingSchema, await request.json());
    if ('response' in body) return body.response;
    const offices = body.data.officeIds.map((id) => officeFixtures.find((office) => office.id === id));
    const refused = body.data.officeIds.find((id, index) => !offices[index]?.isActive);
    if (refused) return problemResponse(409, 'problem.officeNotMappable', { id: refused });
    return answer({ ...found.officer, offices: offices.flatMap((office) => (office ? [asOfficerOffice(office)] : [])) });
  }),
];
