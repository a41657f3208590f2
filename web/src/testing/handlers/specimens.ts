import { http, HttpResponse } from 'msw';
import { SpecimenCertificateSchema, SpecimenChoicesSchema, SpecimenListQuerySchema, SpecimenListSchema, SpecimenPdfQuerySchema, SpecimenRequestSchema, type SpecimenCertificate } from '@ecoo/shared/specimens/schemas';
import { parseBody, problemResponse } from '../problem-response';
import { activeOfficer, deactivatedOfficer } from './officers';
import { delhiOffice, kochiOffice, mumbaiOffice } from './offices';
import { sessionUsers } from './accounts';

/** Mumbai can carry a specimen; Kochi has no stamp; Delhi is deactivated. Priya Nair signs for Mumbai and Kochi; Suresh Menon is deactivated, without a signature. */
export const specimenChoices = SpecimenChoicesSchema.parse({
  hasRegisterLink: true,
  offices: [
    { id: mumbaiOffice.id, code: mumbaiOffice.code, name: mumbaiOffice.name, blockers: [] },
    { id: kochiOffice.id, code: kochiOffice.code, name: kochiOffice.name, blockers: ['no-stamp'] },
    { id: delhiOffice.id, code: delhiOffice.code, name: delhiOffice.name, blockers: ['inactive'] },
  ],
  officers: [
    { id: activeOfficer.id, name: activeOfficer.name, designation: activeOfficer.designation, officeIds: [mumbaiOffice.id, kochiOffice.id], blockers: [] },
    { id: deactivatedOfficer.id, name: deactivatedOfficer.name, designation: deactivatedOfficer.designation, officeIds: [kochiOffice.id], blockers: ['inactive', 'no-signature'] },
  ],
});

const mumbaiSpecimen = (id: string, fields: Partial<SpecimenCertificate>): SpecimenCertificate =>
  SpecimenCertificateSchema.parse({
    id,
    office: { id: mumbaiOffice.id, code: mumbaiOffice.code, name: mumbaiOffice.name },
    officer: { id: activeOfficer.id, name: activeOfficer.name },
    stampVersion: 1,
    signatureVersion: 1,
    date: '2026-11-30',
    state: 'done',
    failureReason: null,
    requestedBy: sessionUsers['agency-admin'].name,
    requestedAt: '2026-11-30T06:00:00.000Z',
    finishedAt: '2026-11-30T06:00:01.000Z',
    byteSize: 41_000,
    unprintableFields: [],
    qrLinkRevoked: false,
    ...fields,
  });

/** One ready to preview and download, and an older one whose register link was revoked before it was drawn. */
export const doneSpecimen = mumbaiSpecimen('6a1f3c5e-7b9d-4e2f-8a4c-1d3f5b7e9a10', {});
/** Ready, but its QR carries a link revoked since, and the officer's name was written in Devanagari. */
export const revokedLinkSpecimen = mumbaiSpecimen('6a1f3c5e-7b9d-4e2f-8a4c-1d3f5b7e9a13', {
  date: '2026-11-28',
  requestedAt: '2026-11-28T06:00:00.000Z',
  finishedAt: '2026-11-28T06:00:01.000Z',
  qrLinkRevoked: true,
  unprintableFields: ['officerName', 'officeAddress'],
});
export const failedSpecimen = mumbaiSpecimen('6a1f3c5e-7b9d-4e2f-8a4c-1d3f5b7e9a11', {
  date: '2026-11-29',
  state: 'failed',
  failureReason: 'no-register-link',
  requestedAt: '2026-11-29T06:00:00.000Z',
  finishedAt: '2026-11-29T06:00:01.000Z',
  byteSize: null,
});
export const specimenFixtures = [doneSpecimen, failedSpecimen, revokedLinkSpecimen];

/** A queued specimen for what was asked: the answer of a request. */
export const queuedSpecimen = mumbaiSpecimen('6a1f3c5e-7b9d-4e2f-8a4c-1d3f5b7e9a12', { date: '2026-12-01', state: 'queued', requestedAt: '2026-12-01T05:00:00.000Z', finishedAt: null, byteSize: null });

export const specimenList = (items: SpecimenCertificate[]) => SpecimenListSchema.parse({ items, total: items.length, page: 1, pageSize: 20 });

export const specimensHandlers = [
  http.get('/api/specimens/choices', () => HttpResponse.json(specimenChoices)),
  http.get('/api/specimens', ({ request }) => {
    const query = SpecimenListQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) return problemResponse(400, 'problem.badRequest');
    return HttpResponse.json(SpecimenListSchema.parse({ items: specimenFixtures, total: specimenFixtures.length, page: query.data.page, pageSize: query.data.pageSize }));
  }),
  http.post('/api/specimens', async ({ request }) => {
    const parsed = parseBody(SpecimenRequestSchema, await request.json());
    if ('response' in parsed) return parsed.response;
    return HttpResponse.json(SpecimenCertificateSchema.parse({ ...queuedSpecimen, office: { ...queuedSpecimen.office, id: parsed.data.officeId }, officer: { ...queuedSpecimen.officer, id: parsed.data.officerId } }), { status: 202 });
  }),
  http.get('/api/specimens/:specimenId/pdf', ({ params, request }) => {
    const query = SpecimenPdfQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) return problemResponse(400, 'problem.badRequest');
    if (!specimenFixtures.some((specimen) => specimen.id === params.specimenId)) return problemResponse(404, 'problem.specimenNotFound', { id: String(params.specimenId) });
    return new HttpResponse('%PDF-1.7\n%%EOF\n', { headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `${query.data.disposition}; filename="specimen-${mumbaiOffice.code}-2026-11-30.pdf"` } });
  }),
];
