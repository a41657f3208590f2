import { http, HttpResponse } from 'msw';
import { officesApi } from '@ecoo/shared/offices/api';
import { OfficeAuditListSchema } from '@ecoo/shared/offices/audit';
import { OfficeCreateSchema, OfficeListQuerySchema, OfficeListSchema, OfficeSchema, OfficeUpdateSchema, type Office } from '@ecoo/shared/offices/schemas';
import { csrfProblem, lacksCsrfToken, parseBody, problemResponse } from '../problem-response';
import { thumbnailsOf } from '@ecoo/shared/images/renditions';
import { sessionUsers } from './accounts';
import { eiaMumbai } from './agencies';

const adminName = sessionUsers['agency-admin'].name;

export const mumbaiOffice = OfficeSchema.parse({
  id: '1e4b7c20-8a3d-4f5e-9b6c-0d2e4f6a8b10',
  agencyId: eiaMumbai.id,
  name: 'EIA Mumbai Head Office',
  code: 'EIA-MUM-01',
  addressLine1: 'Mittal Court, B Wing, 2nd Floor',
  addressLine2: 'Nariman Point',
  city: 'Mumbai',
  state: 'Maharashtra',
  pinCode: '400021',
  phone: '022 22821234',
  email: 'mumbai@eicindia.gov.in',
  gstin: '27AAPFU0939F1ZV',
  merchantId: 'EIAMUM2024PG01',
  checksumKeyFingerprint: '3F9A-12C4',
  isEWalletEnabled: true,
  eWalletChangedAt: '2026-03-14T05:30:00.000Z',
  eWalletChangedBy: adminName,
  isActive: true,
  stampVersionId: 'c1f0a7e2-5b3d-4e8f-9a6b-2d4c8e1f3a50',
  stampThumbnails: thumbnailsOf('c1f0a7e2-5b3d-4e8f-9a6b-2d4c8e1f3a50', 'a'.repeat(64)),
  createdAt: '2026-03-01T04:30:00.000Z',
  updatedAt: '2026-03-14T05:30:00.000Z',
});

/** Added with a Merchant ID but no Checksum key yet, and no stamp: the list flags both. */
export const kochiOffice = OfficeSchema.parse({
  id: '2f5c8d31-9b4e-4a6f-8c7d-1e3f5a7b9c21',
  agencyId: eiaMumbai.id,
  name: 'EIA Kochi Sub-Office',
  code: 'EIA-KOC-02',
  addressLine1: 'Willingdon Island, Harbour Road',
  addressLine2: '',
  city: 'Kochi',
  state: 'Kerala',
  pinCode: '682003',
  phone: '9847012345',
  email: 'kochi@eicindia.gov.in',
  gstin: '32AAAGE1234K1ZW',
  merchantId: 'EIAKOC2024PG02',
  checksumKeyFingerprint: null,
  isEWalletEnabled: false,
  eWalletChangedAt: null,
  eWalletChangedBy: null,
  isActive: true,
  stampVersionId: null,
  stampThumbnails: null,
  createdAt: '2026-04-02T06:00:00.000Z',
  updatedAt: '2026-04-02T06:00:00.000Z',
});

export const delhiOffice = OfficeSchema.parse({
  id: '3a6d9e42-0c5f-4b7a-9d8e-2f4a6b8c0d32',
  agencyId: eiaMumbai.id,
  name: 'EIA Delhi Sub-Office',
  code: 'EIA-DEL-03',
  addressLine1: 'NDMC Building, Connaught Place',
  addressLine2: '',
  city: 'New Delhi',
  state: 'Delhi',
  pinCode: '110001',
  phone: '011 23456789',
  email: 'delhi@eicindia.gov.in',
  gstin: '07AAAGE1234K2ZO',
  merchantId: 'EIADEL2024PG03',
  checksumKeyFingerprint: '7B21-0E9D',
  isEWalletEnabled: false,
  eWalletChangedAt: null,
  eWalletChangedBy: null,
  isActive: false,
  stampVersionId: 'c1f0a7e2-5b3d-4e8f-9a6b-2d4c8e1f3a51',
  stampThumbnails: thumbnailsOf('c1f0a7e2-5b3d-4e8f-9a6b-2d4c8e1f3a51', 'b'.repeat(64)),
  createdAt: '2026-02-10T06:00:00.000Z',
  updatedAt: '2026-05-20T09:15:00.000Z',
});

export const officeFixtures = OfficeListSchema.parse({ offices: [mumbaiOffice, kochiOffice, delhiOffice], total: 3, page: 1, pageSize: 50 }).offices;

/** An office of another agency: the BFF answers 404, as for an unknown one. */
export const otherAgencyOfficeId = '4b7e0f53-1d6a-4c8b-8e9f-3a5b7c9d1e43';
export const newOfficeId = '5c8f1a64-2e7b-4d9c-9f0a-4b6c8d0e2f54';
export const newKeyFingerprint = 'C0DE-5EED';
const changedAt = '2026-06-01T06:30:00.000Z';

export const mumbaiAudit = OfficeAuditListSchema.parse({
  total: 2,
  page: 1,
  pageSize: 50,
  entries: [
    {
      at: '2026-03-14T05:30:00.000Z',
      actor: adminName,
      action: 'office.e-wallet-enabled',
      changes: [{ field: 'isEWalletEnabled', before: false, after: true }],
    },
    {
      at: '2026-03-01T04:30:00.000Z',
      actor: adminName,
      action: 'office.created',
      changes: [
        { field: 'code', before: null, after: 'EIA-MUM-01' },
        { field: 'checksumKey (fingerprint)', before: null, after: '3F9A-12C4' },
      ],
    },
  ],
});

export const noHistory = OfficeAuditListSchema.parse({ entries: [], total: 0, page: 1, pageSize: 50 });

/** A fixed office for each request, found in the fixtures; 404 for an unknown id and for the other agency's alike, as the BFF answers. */
function officeOr(params: Record<string, unknown>): { office: Office } | { response: Response } {
  if (params.officeId === otherAgencyOfficeId) return { response: problemResponse(404, 'problem.officeNotFound', { id: otherAgencyOfficeId }) };
  const office = officeFixtures.find((candidate) => candidate.id === params.officeId);
  return office ? { office } : { response: problemResponse(404, 'problem.officeNotFound', { id: String(params.officeId) }) };
}

export const officesHandlers = [
  http.get('/api/offices', ({ request }) => {
    const query = OfficeListQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) return problemResponse(400, 'problem.badRequest');
    // Only the status filter, so each status shows different rows; searching and sorting are the BFF's, tested there.
    const offices = officeFixtures.filter((office) => query.data.status === 'all' || office.isActive === (query.data.status === 'active'));
    return HttpResponse.json(OfficeListSchema.parse({ offices, total: offices.length, page: query.data.page, pageSize: query.data.pageSize }));
  }),
  http.post('/api/offices', async ({ request }) => {
    if (lacksCsrfToken(request)) return csrfProblem();
    const body = parseBody(OfficeCreateSchema, await request.json());
    if ('response' in body) return body.response;
    const { checksumKey: _key, ...fields } = body.data;
    const office = { ...fields, id: newOfficeId, agencyId: eiaMumbai.id, checksumKeyFingerprint: newKeyFingerprint, isActive: true, stampVersionId: null, stampThumbnails: null };
    return HttpResponse.json(
      OfficeSchema.parse({ ...office, eWalletChangedAt: null, eWalletChangedBy: null, createdAt: changedAt, updatedAt: changedAt }),
      { status: 201 },
    );
  }),
  http.get('/api/offices/:officeId', ({ params }) => {
    const found = officeOr(params);
    return 'response' in found ? found.response : HttpResponse.json(found.office);
  }),
  http.put('/api/offices/:officeId', async ({ request, params }) => {
    if (lacksCsrfToken(request)) return csrfProblem();
    const found = officeOr(params);
    if ('response' in found) return found.response;
    const body = parseBody(OfficeUpdateSchema, await request.json());
    if ('response' in body) return body.response;
    const { checksumKey, ...fields } = body.data;
    const fingerprint = checksumKey === undefined ? found.office.checksumKeyFingerprint : newKeyFingerprint;
    return HttpResponse.json(OfficeSchema.parse({ ...found.office, ...fields, checksumKeyFingerprint: fingerprint, updatedAt: changedAt }));
  }),
  http.put('/api/offices/:officeId/e-wallet', async ({ request, params }) => {
    if (lacksCsrfToken(request)) return csrfProblem();
    const found = officeOr(params);
    if ('response' in found) return found.response;
    const body = parseBody(officesApi.setOfficeEWallet.body, await request.json());
    if ('response' in body) return body.response;
    const { isEnabled } = body.data;
    return HttpResponse.json(OfficeSchema.parse({ ...found.office, isEWalletEnabled: isEnabled, eWalletChangedAt: changedAt, eWalletChangedBy: adminName, updatedAt: changedAt }));
  }),
  http.put('/api/offices/:officeId/status', async ({ request, params }) => {
    if (lacksCsrfToken(request)) return csrfProblem();
    const found = officeOr(params);
    if ('response' in found) return found.response;
    const body = parseBody(officesApi.setOfficeActive.body, await request.json());
    if ('response' in body) return body.response;
    const { isActive } = body.data;
    return HttpResponse.json(OfficeSchema.parse({ ...found.office, isActive, updatedAt: changedAt }));
  }),
  http.get('/api/offices/:officeId/audit', ({ params }) => {
    const found = officeOr(params);
    if ('response' in found) return found.response;
    return HttpResponse.json(found.office.id === mumbaiOffice.id ? mumbaiAudit : noHistory);
  }),
];
