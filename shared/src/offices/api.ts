import { z } from 'zod';
import { defineEndpoints, only } from '../http/endpoint.ts';
import { IdSchema } from '../common/fields.ts';
import { OfficeAuditListSchema, OfficeAuditQuerySchema } from './audit.ts';
import { maxImportBytes, maxImportRows, officeCsvColumns, OfficeImportReportSchema } from './import.ts';
import { OfficeCreateSchema, OfficeListQuerySchema, OfficeListSchema, OfficeSchema, OfficeUpdateSchema } from './schemas.ts';

const byId = z.object({ officeId: IdSchema });
const admin = only('agency-admin');

/** Trade Notice 23/2024-25 §3.I.ii–v: My Dashboard → Office Management, for the agency's administrator. */
export const officesApi = defineEndpoints({
  listOffices: {
    method: 'get',
    path: '/api/offices',
    summary: "The agency's regional offices, with e-wallet, payment-parameter and stamp status, a page at a time",
    tag: 'offices',
    access: admin,
    query: OfficeListQuerySchema,
    responses: { 200: OfficeListSchema },
  },
  createOffice: {
    method: 'post',
    path: '/api/offices',
    summary: 'Add a regional office with its payment-gateway parameters',
    tag: 'offices',
    access: admin,
    body: OfficeCreateSchema,
    responses: { 201: OfficeSchema },
    problems: [409],
  },
  getOffice: {
    method: 'get',
    path: '/api/offices/:officeId',
    summary: 'One office of the agency (the Checksum key only as its fingerprint)',
    tag: 'offices',
    access: admin,
    params: byId,
    responses: { 200: OfficeSchema },
    problems: [404],
  },
  updateOffice: {
    method: 'put',
    path: '/api/offices/:officeId',
    summary: "Edit an office; the Checksum key is replaced only when a new one is sent",
    tag: 'offices',
    access: admin,
    params: byId,
    body: OfficeUpdateSchema,
    responses: { 200: OfficeSchema },
    problems: [404, 409],
  },
  setOfficeEWallet: {
    method: 'put',
    path: '/api/offices/:officeId/e-wallet',
    summary: 'Enable or disable the e-wallet of an office (who and when are recorded)',
    tag: 'offices',
    access: admin,
    params: byId,
    body: z.strictObject({ isEnabled: z.boolean() }),
    responses: { 200: OfficeSchema },
    problems: [404],
  },
  setOfficeActive: {
    method: 'put',
    path: '/api/offices/:officeId/status',
    summary: 'Deactivate or reactivate an office; offices are never deleted',
    tag: 'offices',
    access: admin,
    params: byId,
    body: z.strictObject({ isActive: z.boolean() }),
    responses: { 200: OfficeSchema },
    problems: [404],
  },
  dryRunOfficeImport: {
    method: 'post',
    path: '/api/offices/import-dry-runs',
    summary: 'Check a CSV of offices row by row without changing anything',
    tag: 'offices',
    access: admin,
    body: z.strictObject({}),
    files: { file: { description: `CSV, UTF-8, header ${officeCsvColumns.join(',')}; at most 1 MB and ${maxImportRows} rows`, maxBytes: maxImportBytes } },
    responses: { 200: OfficeImportReportSchema },
    problems: [413, 415],
  },
  importOffices: {
    method: 'post',
    path: '/api/offices/imports',
    summary: 'Import a CSV of offices: all rows or none; rows already imported with the same details change nothing',
    tag: 'offices',
    access: admin,
    body: z.strictObject({}),
    files: { file: { description: 'The same CSV as for the dry run', maxBytes: maxImportBytes } },
    responses: { 200: OfficeImportReportSchema },
    problems: [413, 415, 422],
  },
  listOfficeAudit: {
    method: 'get',
    path: '/api/offices/:officeId/audit',
    summary: 'Every change to an office, newest first, a page at a time: who, when, which fields, old and new values (keys as fingerprints)',
    tag: 'offices',
    access: admin,
    params: byId,
    query: OfficeAuditQuerySchema,
    responses: { 200: OfficeAuditListSchema },
    problems: [404],
  },
});
