import { http, HttpResponse } from 'msw';
import { AdministratorListQuerySchema, AdministratorListSchema, AdministratorSchema, type Administrator } from '@ecoo/shared/administrators/schemas';
import { DeactivationSchema } from '@ecoo/shared/officers/schemas';
import { csrfProblem, lacksCsrfToken, parseBody, problemResponse } from '../problem-response';
import { sessionUsers } from './accounts';
import { eiaMumbai, mpeda } from './agencies';

const reviewerName = sessionUsers['dgft-reviewer'].name;
export const administratorChangedAt = '2026-06-03T06:30:00.000Z';

export const mumbaiAdministrator = AdministratorSchema.parse({
  id: sessionUsers['agency-admin'].id,
  name: sessionUsers['agency-admin'].name,
  email: sessionUsers['agency-admin'].email,
  agency: { id: eiaMumbai.id, name: eiaMumbai.name },
  status: 'active',
  createdAt: '2026-02-20T05:30:00.000Z',
  // EIA Mumbai has a second active administrator, so DGFT may deactivate this one.
  isLastActive: false,
  revocations: [],
});

/** Left MPEDA; deactivated by DGFT, the revocation on record. */
export const mpedaAdministrator = AdministratorSchema.parse({
  id: 'd29e5a7b-0c1e-4f20-9e8b-9f1b3d5f7a66',
  name: 'Kavita Iyer',
  email: 'kavita.iyer@mpeda.gov.in',
  agency: { id: mpeda.id, name: mpeda.name },
  status: 'deactivated',
  createdAt: '2026-01-12T05:30:00.000Z',
  isLastActive: false,
  revocations: [
    {
      id: 'e3af6b8c-1d2f-4031-8f9c-0a2c4e6a8b77',
      effectiveDate: '2026-04-30',
      reason: 'Retired from MPEDA on 30 April 2026.',
      revokedAt: '2026-05-02T07:00:00.000Z',
      revokedBy: reviewerName,
      reactivatedAt: null,
      reactivatedBy: null,
    },
  ],
});

export const administratorFixtures = [mumbaiAdministrator, mpedaAdministrator];

function administratorOr(params: Record<string, unknown>): { administrator: Administrator } | { response: Response } {
  const administrator = administratorFixtures.find((candidate) => candidate.id === params.userId);
  return administrator ? { administrator } : { response: problemResponse(404, 'problem.administratorNotFound', { id: String(params.userId) }) };
}

export const administratorsHandlers = [
  http.get('/api/administrators', ({ request }) => {
    const query = AdministratorListQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) return problemResponse(400, 'problem.badRequest');
    // Agency and status only, so the filters show different rows; search and paging are the BFF's, tested there.
    const items = administratorFixtures.filter(
      (administrator) => (!query.data.status || administrator.status === query.data.status) && (!query.data.agencyId || administrator.agency.id === query.data.agencyId),
    );
    return HttpResponse.json(AdministratorListSchema.parse({ items, total: items.length, page: query.data.page, pageSize: query.data.pageSize }));
  }),
  http.post('/api/administrators/:userId/deactivation', async ({ request, params }) => {
    if (lacksCsrfToken(request)) return csrfProblem();
    const found = administratorOr(params);
    if ('response' in found) return found.response;
    const body = parseBody(DeactivationSchema, await request.json());
    if ('response' in body) return body.response;
    if (found.administrator.status !== 'active') return problemResponse(409, 'problem.administratorNotActive');
    const revocation = { id: 'f4b07c9d-2e30-4142-9a0d-1b3d5f7b9c88', ...body.data, revokedAt: administratorChangedAt, revokedBy: reviewerName, reactivatedAt: null, reactivatedBy: null };
    return HttpResponse.json(AdministratorSchema.parse({ ...found.administrator, status: 'deactivated', revocations: [revocation, ...found.administrator.revocations] }));
  }),
  http.post('/api/administrators/:userId/reactivation', ({ request, params }) => {
    if (lacksCsrfToken(request)) return csrfProblem();
    const found = administratorOr(params);
    if ('response' in found) return found.response;
    if (found.administrator.status !== 'deactivated') return problemResponse(409, 'problem.administratorNotDeactivated');
    const revocations = found.administrator.revocations.map((revocation, index) =>
      index === 0 ? { ...revocation, reactivatedAt: administratorChangedAt, reactivatedBy: reviewerName } : revocation,
    );
    return HttpResponse.json(AdministratorSchema.parse({ ...found.administrator, status: 'active', revocations }));
  }),
];
