import { z } from 'zod';
import { IdSchema } from '../common/fields.ts';
import { defineEndpoints, only, publicAccess } from '../http/endpoint.ts';
import { MyRegisterLinkSchema, RegisterLinkSchema, RegisterQuerySchema, SpecimenRegisterSchema, registerRenditions } from './schemas.ts';

/**
 * Any text up to 200 characters is taken as a token: a malformed one answers 404 like an unknown or
 * revoked one, so the answer never tells a guess apart from a link that once worked. A longer one,
 * or an address that does not decode (%E0%A4), answers 400 before any lookup: real tokens are 43
 * base64url characters, so this tells nothing about any link.
 */
const TokenParams = z.object({ token: z.string().max(200) });

/** The specimen register (issue 16): the administrator's link, and the register customs open with it. */
export const specimenRegisterApi = defineEndpoints({
  getMyRegisterLink: {
    method: 'get',
    path: '/api/specimen-register/link',
    summary: "The agency's register link that is not revoked, to copy it again, or none",
    tag: 'specimen-register',
    access: only('agency-admin'),
    responses: { 200: MyRegisterLinkSchema },
  },
  createRegisterLink: {
    method: 'post',
    path: '/api/specimen-register/links',
    summary: 'A new register link for the agency; refused while one is active (revoke it first)',
    tag: 'specimen-register',
    access: only('agency-admin'),
    responses: { 201: RegisterLinkSchema },
    problems: [409],
  },
  revokeRegisterLink: {
    method: 'delete',
    path: '/api/specimen-register/links/:linkId',
    summary: 'Revokes the link: from now on it answers 404 everywhere; it stays on record, revoked',
    tag: 'specimen-register',
    access: only('agency-admin'),
    params: z.object({ linkId: IdSchema }),
    responses: { 204: null },
    problems: [404],
  },
  getSpecimenRegister: {
    method: 'get',
    path: '/api/register/:token',
    summary: "An agency's stamps and signatures with when each was in use, marked for the day asked (India Standard Time), without signing in",
    tag: 'specimen-register',
    access: publicAccess,
    params: TokenParams,
    query: RegisterQuerySchema,
    responses: { 200: SpecimenRegisterSchema },
    problems: [404],
  },
  getSpecimenRegisterImage: {
    method: 'get',
    path: '/api/register/:token/images/:versionId/:size',
    summary: "A stamp or signature the link's register lists, as WebP; any other version answers 404",
    tag: 'specimen-register',
    access: publicAccess,
    params: TokenParams.extend({ versionId: z.string().max(100), size: z.enum(registerRenditions) }),
    responses: { 200: 'binary' },
    problems: [404],
  },
});
