import { z } from 'zod';
import { defineEndpoints, only } from '../http/endpoint.ts';
import { IdSchema } from '../common/fields.ts';
import { DscChallengeSchema, DscOverviewSchema, DscRecordSchema, DscRegistrationSchema, ExpiringDscListSchema } from './schemas.ts';

const officer = only('issuing-officer');
const admin = only('agency-admin');

/** Trade Notice 23/2024-25 §3.II.iii: My Dashboard → Register Digital Signature Certificate. */
export const dscApi = defineEndpoints({
  issueDscChallenge: {
    method: 'post',
    path: '/api/me/dsc/challenges',
    summary: 'A one-time challenge (256 random bits, valid 10 minutes, bound to this session) for the officer to sign with their DSC',
    tag: 'dsc',
    access: officer,
    responses: { 201: DscChallengeSchema },
    problems: [429],
  },
  registerDsc: {
    method: 'post',
    path: '/api/me/dsc',
    summary: 'Register the DSC that signed the challenge: a detached CMS/PKCS#7 signature (.p7s), and the certificate where the signature does not carry it',
    tag: 'dsc',
    access: officer,
    body: DscRegistrationSchema,
    files: {
      signature: { description: 'Detached CMS/PKCS#7 signature over the exact challenge text (.p7s, DER or PEM)', maxBytes: 64 * 1024, tooLarge: 'problem.dsc.fileTooLarge' },
      certificate: { description: 'The signing certificate (.cer, DER or PEM), where the signature does not include it', maxBytes: 16 * 1024, tooLarge: 'problem.dsc.fileTooLarge' },
    },
    responses: { 201: DscRecordSchema },
    problems: [409, 422, 503],
  },
  getMyDsc: {
    method: 'get',
    path: '/api/me/dsc',
    summary: "The signed-in officer's active DSC and the ones it replaced",
    tag: 'dsc',
    access: officer,
    responses: { 200: DscOverviewSchema },
  },
  getOfficerDsc: {
    method: 'get',
    path: '/api/officers/:userId/dsc',
    summary: "An officer's active DSC and history, with a flag where the holder name differs from the officer's",
    tag: 'dsc',
    access: admin,
    params: z.object({ userId: IdSchema }),
    responses: { 200: DscOverviewSchema },
    problems: [404],
  },
  listExpiringDscs: {
    method: 'get',
    path: '/api/dsc/expiring',
    summary: "The agency's officers whose active DSC expires within 30 days or has expired",
    tag: 'dsc',
    access: admin,
    responses: { 200: ExpiringDscListSchema },
  },
});
