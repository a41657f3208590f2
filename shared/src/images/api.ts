import { z } from 'zod';
import { defineEndpoints, only } from '../http/endpoint.ts';
import { IdSchema } from '../common/fields.ts';
import {
  AcceptResultSchema,
  BackgroundJobSchema,
  backgroundMethods,
  ImageVersionSchema,
  imageRenditionNames,
  imageUploadLimits,
  SubjectImagesSchema,
  resultMaps,
  RetryJobSchema,
} from './schemas.ts';

const admin = only('agency-admin');
const jobById = z.object({ jobId: IdSchema });
const imageFile = (what: string) => ({
  image: {
    description: `Scan or photo of the ${what}: JPEG, PNG or WebP, at most 15 MB and ${imageUploadLimits.maxMegapixels} megapixels`,
    maxBytes: imageUploadLimits.maxBytes,
  },
});

/**
 * Stamp images (Trade Notice 23/2024-25 §3.I: Office Management), officers' signature images (User
 * Management) and the background-removal jobs behind them. Jobs, results and versions are addressed by their own ids; the BFF checks that each
 * belongs to the administrator's agency.
 */
export const imagesApi = defineEndpoints({
  getOfficeStamp: {
    method: 'get',
    path: '/api/offices/:officeId/stamp',
    summary: "An office's current stamp image, its accepted versions and the latest upload's job",
    tag: 'images',
    access: admin,
    params: z.object({ officeId: IdSchema }),
    responses: { 200: SubjectImagesSchema },
    problems: [404],
  },
  uploadOfficeStamp: {
    method: 'post',
    path: '/api/offices/:officeId/stamp/uploads',
    summary: 'Upload a scan or photo of the stamp; its background is removed in the background',
    tag: 'images',
    access: admin,
    params: z.object({ officeId: IdSchema }),
    files: imageFile('stamp impression'),
    responses: { 202: BackgroundJobSchema },
    problems: [404, 413, 415, 503],
  },
  getOfficerSignature: {
    method: 'get',
    path: '/api/officers/:userId/signature',
    summary: "An issuing officer's current signature image, its accepted versions and the latest upload's job",
    tag: 'images',
    access: admin,
    params: z.object({ userId: IdSchema }),
    responses: { 200: SubjectImagesSchema },
    problems: [404],
  },
  uploadOfficerSignature: {
    method: 'post',
    path: '/api/officers/:userId/signature/uploads',
    summary: "Upload a scan or photo of an issuing officer's signature; its background is removed in the background",
    tag: 'images',
    access: admin,
    params: z.object({ userId: IdSchema }),
    files: imageFile('signature on white paper'),
    responses: { 202: BackgroundJobSchema },
    problems: [404, 413, 415, 503],
  },
  getImageJob: {
    method: 'get',
    path: '/api/image-jobs/:jobId',
    summary: 'Progress of a background-removal job: queued, removing background, done or failed with a reason',
    tag: 'images',
    access: admin,
    params: jobById,
    responses: { 200: BackgroundJobSchema },
    problems: [404],
  },
  retryImageJob: {
    method: 'post',
    path: '/api/image-jobs/:jobId/retries',
    summary: 'Remove the background of the same upload again, with other settings',
    tag: 'images',
    access: admin,
    params: jobById,
    body: RetryJobSchema,
    responses: { 202: BackgroundJobSchema },
    problems: [404, 409, 503],
  },
  getImageJobOriginal: {
    method: 'get',
    path: '/api/image-jobs/:jobId/original',
    summary: 'The uploaded picture, upright and at preview size, to show beside the result',
    tag: 'images',
    access: admin,
    params: jobById,
    responses: { 200: 'binary' },
    problems: [404, 409],
  },
  getImageJobMap: {
    method: 'get',
    path: '/api/image-jobs/:jobId/results/:method/:map',
    summary: "A result's ink colour or ink strength at preview size (PNG), for the live sensitivity preview",
    tag: 'images',
    access: admin,
    params: jobById.extend({ method: z.enum(backgroundMethods), map: z.enum(resultMaps) }),
    responses: { 200: 'binary' },
    problems: [404, 409],
  },
  acceptImageJob: {
    method: 'post',
    path: '/api/image-jobs/:jobId/acceptance',
    summary: 'Accept one result at a sensitivity: it becomes the new current version',
    tag: 'images',
    access: admin,
    params: jobById,
    body: AcceptResultSchema,
    responses: { 201: ImageVersionSchema },
    problems: [404, 409, 422, 503],
  },
  reinstateImageVersion: {
    method: 'post',
    path: '/api/image-versions/:versionId/reinstatement',
    summary: 'Use an earlier accepted version again: it becomes the current one (nothing is deleted)',
    tag: 'images',
    access: admin,
    params: z.object({ versionId: IdSchema }),
    responses: { 200: ImageVersionSchema },
    problems: [404, 409],
  },
  getImageVersionPng: {
    method: 'get',
    path: '/api/image-versions/:versionId/png',
    summary: 'An accepted version as the transparent PNG certificates print',
    tag: 'images',
    access: admin,
    params: z.object({ versionId: IdSchema }),
    responses: { 200: 'binary' },
    problems: [404],
  },
  getImageVersionRendition: {
    method: 'get',
    path: '/api/image-versions/:versionId/renditions/:sha256/:rendition',
    summary:
      "A small WebP of an accepted version, for thumbnails. Its URL holds the SHA-256 of the version's PNG, so it is answered as immutable (private: signatures stay out of shared caches); each request is still authorised like the PNG",
    tag: 'images',
    access: admin,
    params: z.object({ versionId: IdSchema, sha256: z.string().regex(/^[0-9a-f]{64}$/), rendition: z.enum(imageRenditionNames) }),
    responses: { 200: 'binary' },
    problems: [404],
  },
});
