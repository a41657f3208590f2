import { http, HttpResponse } from 'msw';
import {
  maxLetterBytes,
  RegistrationFieldsSchema,
  RegistrationListQuerySchema,
  RegistrationListSchema,
  RegistrationReceiptSchema,
  RegistrationSchema,
  RegistrationSummarySchema,
  RejectionInputSchema,
  OfficerConfirmationInputSchema,
  OfficerConfirmationSchema,
  type Registration,
  type RegistrationSummary,
} from '@ecoo/shared/registrations/schemas';
import { fieldProblem } from '@ecoo/shared/validation/describe-issue';
import { IdSchema } from '@ecoo/shared/common/fields';
import { PublicOfficeListSchema, type PublicOfficeList } from '@ecoo/shared/officers/schemas';
import { readMultipart } from '../multipart';
import { csrfProblem, lacksCsrfToken, parseBody, problemResponse } from '../problem-response';
import { eiaMumbai, mpeda, spicesBoard } from './agencies';

const agencyRef = (agency: { id: string; name: string }) => ({ id: agency.id, name: agency.name });

const summary = (id: string, name: string, email: string, agency: { id: string; name: string }, submittedAt: string): RegistrationSummary =>
  RegistrationSummarySchema.parse({ id, name, email, agency: agencyRef(agency), role: 'administrator', status: 'pending', submittedAt });

export const meeraNair = summary('0a8b6c4d-1e2f-4a3b-8c5d-6e7f8a9b0c01', 'Meera Nair', 'meera.nair@mpeda.gov.in', mpeda, '2026-11-22T07:00:00.000Z');
export const sureshIyer = summary('0a8b6c4d-1e2f-4a3b-8c5d-6e7f8a9b0c02', 'Suresh Iyer', 'suresh.iyer@indianspices.com', spicesBoard, '2026-11-22T08:00:00.000Z');

/** 52 pending registrations: the first page holds 50, the second 2, as the BFF pages them. */
const pending: RegistrationSummary[] = [
  meeraNair,
  sureshIyer,
  ...Array.from({ length: 50 }, (_, index) => {
    const number = String(index + 3).padStart(2, '0');
    return summary(`0a8b6c4d-1e2f-4a3b-8c5d-6e7f8a9b00${number}`, `Applicant ${number}`, `applicant${number}@eicindia.gov.in`, eiaMumbai, `2026-11-22T09:${number}:00.000Z`);
  }),
];

export const pendingPages = {
  1: RegistrationListSchema.parse({ items: pending.slice(0, 50), total: pending.length, page: 1, pageSize: 50 }),
  2: RegistrationListSchema.parse({ items: pending.slice(50), total: pending.length, page: 2, pageSize: 50 }),
};

export const rejectedList = RegistrationListSchema.parse({
  items: [{ ...summary('0a8b6c4d-1e2f-4a3b-8c5d-6e7f8a9b0c99', 'Kavita Joshi', 'kavita.joshi@gmail.com', eiaMumbai, '2026-11-20T07:00:00.000Z'), status: 'rejected' }],
  total: 1,
  page: 1,
  pageSize: 50,
});

/** Meera Nair sent a PDF; Suresh Iyer a PNG. */
export const registrationFixtures: Record<string, Registration> = {
  [meeraNair.id]: RegistrationSchema.parse({
    ...meeraNair,
    mobile: '9847012345',
    letter: { fileName: 'authorisation-letter.pdf', contentType: 'application/pdf', sizeBytes: 48_213, sha256: 'a'.repeat(64) },
    decidedAt: null,
    decidedBy: null,
    rejectionReason: null,
  }),
  [sureshIyer.id]: RegistrationSchema.parse({
    ...sureshIyer,
    mobile: '9446023456',
    letter: { fileName: 'letter-scan.png', contentType: 'image/png', sizeBytes: 1_572_864, sha256: 'b'.repeat(64) },
    decidedAt: null,
    decidedBy: null,
    rejectionReason: null,
  }),
};

export const decidedAt = '2026-11-22T11:30:00.000Z';
export const receiptId = '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c01';

/** The active regional offices an officer may choose at registration: MPEDA has two, the Spices Board none yet. */
export const registrationOffices: Record<string, PublicOfficeList> = {
  [eiaMumbai.id]: PublicOfficeListSchema.parse({
    items: [{ id: '5d1c7a3e-8b2f-4c6d-9e0a-1f2b3c4d5e01', code: 'EIA-MUM-01', name: 'EIA Mumbai Regional Office', city: 'Mumbai', state: 'Maharashtra' }],
  }),
  [mpeda.id]: PublicOfficeListSchema.parse({
    items: [
      { id: '5d1c7a3e-8b2f-4c6d-9e0a-1f2b3c4d5e11', code: 'MPEDA-KOC-01', name: 'MPEDA Head Office', city: 'Kochi', state: 'Kerala' },
      { id: '5d1c7a3e-8b2f-4c6d-9e0a-1f2b3c4d5e12', code: 'MPEDA-VSK-02', name: 'MPEDA Regional Office Visakhapatnam', city: 'Visakhapatnam', state: 'Andhra Pradesh' },
    ],
  }),
  [spicesBoard.id]: PublicOfficeListSchema.parse({ items: [] }),
};

/** The token of the confirmation link mailed to an officer who registered; any other is expired or spent. */
export const validConfirmationToken = 'officer-confirmation-token-0123456789abcdef';
export const officerConfirmation = OfficerConfirmationSchema.parse({ email: 'anil.menon@mpeda.gov.in', agency: agencyRef(mpeda) });

function findPending(id: unknown) {
  const registration = registrationFixtures[String(id)];
  if (!registration) return { response: problemResponse(404, 'problem.registrationNotFound', { id: String(id) }) };
  if (registration.status !== 'pending') return { response: problemResponse(409, 'problem.registrationDecided', { status: registration.status }) };
  return { registration };
}

export const registrationsHandlers = [
  http.post('/api/registrations', async ({ request }) => {
    if (lacksCsrfToken(request)) return csrfProblem();
    const parts = await readMultipart(request);
    const letter = parts.find((part) => part.name === 'letter' && 'file' in part);
    const fields = Object.fromEntries(parts.flatMap((part) => ('value' in part ? [[part.name, part.value]] : [])));
    const body = parseBody(RegistrationFieldsSchema, fields);
    if ('response' in body) return body.response;
    // An officer's request goes to the agency's administrator and carries no letter (Trade Notice 23/2024-25 §3.II).
    if (body.data.role === 'officer') {
      if (letter) return problemResponse(400, 'problem.officerNoLetter');
      return HttpResponse.json(RegistrationReceiptSchema.parse({ id: receiptId, status: 'pending', email: body.data.email, submittedAt: decidedAt }), { status: 201 });
    }
    if (!letter || !('file' in letter)) {
      return problemResponse(400, 'problem.badRequest', {}, [fieldProblem('letter', 'validation.letter.missing')]);
    }
    if (letter.file.size > maxLetterBytes) return problemResponse(413, 'problem.fileTooLarge', { max: '5 MB' });
    return HttpResponse.json(RegistrationReceiptSchema.parse({ id: receiptId, status: 'pending', email: body.data.email, submittedAt: decidedAt }), { status: 201 });
  }),
  http.post('/api/registrations/officer-confirmations', async ({ request }) => {
    if (lacksCsrfToken(request)) return csrfProblem();
    const body = parseBody(OfficerConfirmationInputSchema, await request.json());
    if ('response' in body) return body.response;
    return body.data.token === validConfirmationToken ? HttpResponse.json(officerConfirmation) : problemResponse(400, 'problem.confirmationInvalid');
  }),
  http.get('/api/agencies/:agencyId/registration-offices', ({ params }) => {
    const agencyId = IdSchema.safeParse(params.agencyId);
    const offices = agencyId.success ? registrationOffices[agencyId.data] : undefined;
    return offices ? HttpResponse.json(offices) : problemResponse(404, 'problem.agencyNotFound');
  }),
  http.get('/api/registrations', ({ request }) => {
    const query = parseBody(RegistrationListQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
    if ('response' in query) return query.response;
    const { status, page } = query.data;
    if (status === 'pending' && (page === 1 || page === 2)) return HttpResponse.json(pendingPages[page]);
    if (status === 'rejected' && page === 1) return HttpResponse.json(rejectedList);
    return HttpResponse.json(RegistrationListSchema.parse({ items: [], total: 0, page, pageSize: 50 }));
  }),
  http.get('/api/registrations/:registrationId', ({ params }) => {
    const registration = registrationFixtures[String(params.registrationId)];
    return registration ? HttpResponse.json(registration) : problemResponse(404, 'problem.registrationNotFound', { id: String(params.registrationId) });
  }),
  http.post('/api/registrations/:registrationId/activation', ({ request, params }) => {
    if (lacksCsrfToken(request)) return csrfProblem();
    const found = findPending(params.registrationId);
    if ('response' in found) return found.response;
    return HttpResponse.json(RegistrationSchema.parse({ ...found.registration, status: 'activated', decidedAt, decidedBy: 'Asha Verma' }));
  }),
  http.post('/api/registrations/:registrationId/rejection', async ({ request, params }) => {
    if (lacksCsrfToken(request)) return csrfProblem();
    const found = findPending(params.registrationId);
    if ('response' in found) return found.response;
    const body = parseBody(RejectionInputSchema, await request.json());
    if ('response' in body) return body.response;
    return HttpResponse.json(
      RegistrationSchema.parse({ ...found.registration, status: 'rejected', decidedAt, decidedBy: 'Asha Verma', rejectionReason: body.data.reason }),
    );
  }),
];
