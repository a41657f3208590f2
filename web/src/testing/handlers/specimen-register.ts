import { http, HttpResponse } from 'msw';
import { MyRegisterLinkSchema, RegisterLinkSchema, RegisterQuerySchema, SpecimenRegisterSchema, type RegisterOffice, type UsePeriod } from '@ecoo/shared/specimen-register/schemas';
import type { Office } from '@ecoo/shared/offices/schemas';
import { problemResponse } from '../problem-response';
import { sessionUsers } from './accounts';
import { eiaMumbai } from './agencies';
import { activeOfficer } from './officers';
import { kochiOffice, mumbaiOffice } from './offices';

/** The token of EIA Mumbai's active register link; any other token is unknown or revoked. */
export const registerToken = 'kP3vX9qL2mN8rT5wY7zA1bC4dE6fG0hJ2kL5nQ8sU1w';

export const mumbaiRegisterLink = RegisterLinkSchema.parse({
  id: '7a1c3e5f-2b4d-4c6e-8f0a-9b1d3f5a7c90',
  token: registerToken,
  createdAt: '2026-11-20T04:30:00.000Z',
  createdBy: sessionUsers['agency-admin'].name,
});

const imageOf = (versionId: string) => ({
  preview: `/api/register/${registerToken}/images/${versionId}/preview`,
  list: `/api/register/${registerToken}/images/${versionId}/list`,
  width: 640,
  height: 640,
});
const signatureVersionId = 'e2a4c6d8-0f1b-4d3e-8a5c-7e9f1b3d5a21';
const period = (fields: Omit<UsePeriod, 'image'>): UsePeriod => ({ ...fields, image: imageOf(fields.versionId) });
const registerOffice = (office: Office, stamps: UsePeriod[]): RegisterOffice => ({ id: office.id, code: office.code, name: office.name, city: office.city, stamps });

/**
 * EIA Mumbai's register as the BFF answers for 12 March 2026: Mumbai's stamp was replaced that day
 * (both in use), Kochi's was in use; the officer's signature was in use, after a reactivation.
 */
export const mumbaiRegister = SpecimenRegisterSchema.parse({
  agency: { name: eiaMumbai.name, code: eiaMumbai.code },
  date: '2026-03-12',
  offices: [
    registerOffice(mumbaiOffice, [
      period({ versionId: 'b1c2d3e4-0000-4000-8000-000000000002', version: 2, from: '2026-03-12T08:00:00.000Z', until: null, began: 'accepted', ended: null, isInUseOnDate: true }),
      period({ versionId: 'b1c2d3e4-0000-4000-8000-000000000001', version: 1, from: '2026-01-05T05:00:00.000Z', until: '2026-03-12T08:00:00.000Z', began: 'accepted', ended: 'replaced', isInUseOnDate: true }),
    ]),
    // Closed for a while: the same stamp in use again from the office's reactivation.
    registerOffice(kochiOffice, [
      period({ versionId: 'b1c2d3e4-0000-4000-8000-000000000003', version: 1, from: '2026-02-01T05:00:00.000Z', until: null, began: 'office-reactivated', ended: null, isInUseOnDate: true }),
      period({ versionId: 'b1c2d3e4-0000-4000-8000-000000000003', version: 1, from: '2026-01-02T05:00:00.000Z', until: '2026-01-20T05:00:00.000Z', began: 'accepted', ended: 'office-deactivated', isInUseOnDate: false }),
    ]),
  ],
  officers: [
    {
      id: activeOfficer.id,
      name: activeOfficer.name,
      designation: activeOfficer.designation ?? 'Deputy Director',
      signatures: [
        period({ versionId: signatureVersionId, version: 1, from: '2026-03-01T05:00:00.000Z', until: null, began: 'officer-reactivated', ended: null, isInUseOnDate: true }),
        period({ versionId: signatureVersionId, version: 1, from: '2026-01-10T05:00:00.000Z', until: '2026-02-20T05:00:00.000Z', began: 'accepted', ended: 'officer-deactivated', isInUseOnDate: false }),
      ],
    },
  ],
});

export const specimenRegisterHandlers = [
  http.get('/api/specimen-register/link', () => HttpResponse.json(MyRegisterLinkSchema.parse({ link: mumbaiRegisterLink }))),
  http.post('/api/specimen-register/links', () => HttpResponse.json(RegisterLinkSchema.parse(mumbaiRegisterLink), { status: 201 })),
  http.delete('/api/specimen-register/links/:linkId', ({ params }) =>
    params.linkId === mumbaiRegisterLink.id ? new HttpResponse(null, { status: 204 }) : problemResponse(404, 'problem.registerLinkUnknown', { id: String(params.linkId) }),
  ),
  http.get('/api/register/:token', ({ params, request }) => {
    if (params.token !== registerToken) return problemResponse(404, 'problem.registerLinkNotFound');
    const query = RegisterQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) return problemResponse(400, 'problem.badRequest');
    return HttpResponse.json(SpecimenRegisterSchema.parse({ ...mumbaiRegister, date: query.data.date ?? null }));
  }),
  http.get('/api/register/:token/images/:versionId/:size', ({ params }) =>
    params.token === registerToken ? new HttpResponse(new Uint8Array([82, 73, 70, 70]), { headers: { 'Content-Type': 'image/webp' } }) : problemResponse(404, 'problem.registerLinkNotFound'),
  ),
];
