import { z } from 'zod';
import { defineEndpoints, only, publicAccess } from '../http/endpoint.ts';
import { IdSchema } from '../common/fields.ts';
import { AgencyInputSchema, AgencyListSchema, AgencySchema } from './schemas.ts';

export const agenciesApi = defineEndpoints({
  listAgencies: {
    method: 'get',
    path: '/api/agencies',
    summary: "DGFT's register of issuing agencies with their recorded email domains",
    tag: 'agencies',
    access: publicAccess,
    responses: { 200: AgencyListSchema },
  },
  createAgency: {
    method: 'post',
    path: '/api/agencies',
    summary: 'Add an issuing agency to the register',
    tag: 'agencies',
    access: only('dgft-reviewer'),
    body: AgencyInputSchema,
    responses: { 201: AgencySchema },
    problems: [409],
  },
  updateAgency: {
    method: 'put',
    path: '/api/agencies/:agencyId',
    summary: "Edit an issuing agency's name, scope and email domains",
    tag: 'agencies',
    access: only('dgft-reviewer'),
    params: z.object({ agencyId: IdSchema }),
    body: AgencyInputSchema,
    responses: { 200: AgencySchema },
    problems: [404, 409],
  },
});
