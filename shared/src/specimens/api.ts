import { z } from 'zod';
import { IdSchema } from '../common/fields.ts';
import { defineEndpoints, only } from '../http/endpoint.ts';
import { SpecimenCertificateSchema, SpecimenChoicesSchema, SpecimenListQuerySchema, SpecimenListSchema, SpecimenPdfQuerySchema, SpecimenRequestSchema } from './schemas.ts';

const SpecimenParams = z.object({ specimenId: IdSchema });

/** Specimen certificates (issue 16), for the agency's administrator only: their own agency's. */
export const specimensApi = defineEndpoints({
  getSpecimenChoices: {
    method: 'get',
    path: '/api/specimens/choices',
    summary: "The agency's offices and officers, each with what keeps it from a specimen (none: it can be chosen), and whether a register link is active",
    tag: 'specimens',
    access: only('agency-admin'),
    responses: { 200: SpecimenChoicesSchema },
  },
  listSpecimenCertificates: {
    method: 'get',
    path: '/api/specimens',
    summary: "The agency's specimen certificates, newest first, with their state",
    tag: 'specimens',
    access: only('agency-admin'),
    query: SpecimenListQuerySchema,
    responses: { 200: SpecimenListSchema },
  },
  requestSpecimenCertificate: {
    method: 'post',
    path: '/api/specimens',
    summary: "Queues a specimen certificate for an office and an officer mapped to it, with the office's stamp and the officer's signature in use now",
    tag: 'specimens',
    access: only('agency-admin'),
    body: SpecimenRequestSchema,
    responses: { 202: SpecimenCertificateSchema },
    problems: [404, 409],
  },
  getSpecimenCertificate: {
    method: 'get',
    path: '/api/specimens/:specimenId',
    summary: 'One specimen certificate and its state',
    tag: 'specimens',
    access: only('agency-admin'),
    params: SpecimenParams,
    responses: { 200: SpecimenCertificateSchema },
    problems: [404],
  },
  downloadSpecimenCertificate: {
    method: 'get',
    path: '/api/specimens/:specimenId/pdf',
    summary: 'The PDF, to save (attachment) or to show in the page (inline)',
    tag: 'specimens',
    access: only('agency-admin'),
    params: SpecimenParams,
    query: SpecimenPdfQuerySchema,
    responses: { 200: 'binary' },
    problems: [404, 409],
  },
});
