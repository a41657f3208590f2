import { http, HttpResponse } from 'msw';
import { AgencyInputSchema, AgencyListSchema, AgencySchema } from '@ecoo/shared/agencies/schemas';
import { csrfProblem, lacksCsrfToken, parseBody, problemResponse } from '../problem-response';

export const eiaMumbai = AgencySchema.parse({
  id: '3f8e1c52-6a43-4f0e-9c1d-2b7a5e9d0a11',
  code: 'eia-mumbai',
  name: 'Export Inspection Agency, Mumbai (Export Inspection Council)',
  certifies: 'All products',
  emailDomains: ['eicindia.gov.in'],
  isDemo: true,
});

export const mpeda = AgencySchema.parse({
  id: '7b2d9e41-0c5f-4a8b-b6e3-91f4c2d8a722',
  code: 'mpeda',
  name: 'Marine Products Export Development Authority (MPEDA)',
  certifies: 'Marine products',
  emailDomains: ['mpeda.gov.in'],
  isDemo: true,
});

export const spicesBoard = AgencySchema.parse({
  id: 'c91a4f27-5d3e-4b6a-8f02-6e1b7d9c3a33',
  code: 'spices-board',
  name: 'Spices Board India',
  certifies: 'Spices and spice products',
  emailDomains: ['indianspices.com', 'spicesboard.gov.in'],
  isDemo: false,
});

export const agencyFixtures = AgencyListSchema.parse({ agencies: [eiaMumbai, mpeda, spicesBoard] }).agencies;

export const newAgencyId = '0d6f3b8a-2e4c-4d1a-9b7e-5c3a1f2e4d44';

export const agenciesHandlers = [
  http.get('/api/agencies', () => HttpResponse.json(AgencyListSchema.parse({ agencies: agencyFixtures }))),
  http.post('/api/agencies', async ({ request }) => {
    if (lacksCsrfToken(request)) return csrfProblem();
    const body = parseBody(AgencyInputSchema, await request.json());
    if ('response' in body) return body.response;
    return HttpResponse.json(AgencySchema.parse({ id: newAgencyId, ...body.data, isDemo: false }), { status: 201 });
  }),
  http.put('/api/agencies/:agencyId', async ({ request, params }) => {
    if (lacksCsrfToken(request)) return csrfProblem();
    const agency = agencyFixtures.find((candidate) => candidate.id === params.agencyId);
    if (!agency) return problemResponse(404, 'problem.agencyNotFound');
    const body = parseBody(AgencyInputSchema, await request.json());
    if ('response' in body) return body.response;
    return HttpResponse.json(AgencySchema.parse({ ...agency, ...body.data }));
  }),
];
