import { z } from 'zod';
import { defineEndpoints, only } from '../http/endpoint.ts';
import { IdSchema } from '../common/fields.ts';
import { DeactivationSchema } from '../officers/schemas.ts';
import { AdministratorListQuerySchema, AdministratorListSchema, AdministratorSchema } from './schemas.ts';

const byUser = z.object({ userId: IdSchema });
const reviewer = only('dgft-reviewer');

/** The DGFT reviewer's view of every agency's administrators (for example, one who has left the agency). */
export const administratorsApi = defineEndpoints({
  listAdministrators: {
    method: 'get',
    path: '/api/administrators',
    summary: 'Agency administrators of every agency, by agency and status, searched by name or email, paged',
    tag: 'administrators',
    access: reviewer,
    query: AdministratorListQuerySchema,
    responses: { 200: AdministratorListSchema },
  },
  deactivateAdministrator: {
    method: 'post',
    path: '/api/administrators/:userId/deactivation',
    summary: "Deactivate an administrator with an effective date and a reason; their sessions end",
    tag: 'administrators',
    access: reviewer,
    params: byUser,
    body: DeactivationSchema,
    responses: { 200: AdministratorSchema },
    problems: [404, 409],
  },
  reactivateAdministrator: {
    method: 'post',
    path: '/api/administrators/:userId/reactivation',
    summary: 'Reactivate a deactivated administrator; the revocation stays on record',
    tag: 'administrators',
    access: reviewer,
    params: byUser,
    responses: { 200: AdministratorSchema },
    problems: [404, 409],
  },
});
