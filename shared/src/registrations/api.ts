import { z } from 'zod';
import { defineEndpoints, only, publicAccess } from '../http/endpoint.ts';
import { IdSchema } from '../common/fields.ts';
import {
  maxLetterBytes,
  RegistrationFieldsSchema,
  RegistrationListQuerySchema,
  RegistrationListSchema,
  RegistrationReceiptSchema,
  RegistrationSchema,
  RejectionInputSchema,
  OfficerConfirmationInputSchema,
  OfficerConfirmationSchema,
} from './schemas.ts';

const byId = z.object({ registrationId: IdSchema });

export const registrationsApi = defineEndpoints({
  submitRegistration: {
    method: 'post',
    path: '/api/registrations',
    summary: 'Register as an agency administrator (authorisation letter attached, decided by DGFT) or as an issuing officer of a regional office (decided by the agency administrator)',
    tag: 'registrations',
    access: publicAccess,
    body: RegistrationFieldsSchema,
    files: { letter: { description: 'Administrators only: authorisation letter on the agency letterhead: PDF, JPEG or PNG, at most 5 MB', maxBytes: maxLetterBytes } },
    responses: { 201: RegistrationReceiptSchema },
    problems: [409, 413, 415, 429],
  },
  confirmOfficerRequest: {
    method: 'post',
    path: '/api/registrations/officer-confirmations',
    summary: "Confirm an officer's email with the mailed link; only then does the request reach the agency's administrator",
    tag: 'registrations',
    access: publicAccess,
    body: OfficerConfirmationInputSchema,
    responses: { 200: OfficerConfirmationSchema },
  },
  listRegistrations: {
    method: 'get',
    path: '/api/registrations',
    summary: 'Registrations by status, oldest first',
    tag: 'registrations',
    access: only('dgft-reviewer'),
    query: RegistrationListQuerySchema,
    responses: { 200: RegistrationListSchema },
  },
  getRegistration: {
    method: 'get',
    path: '/api/registrations/:registrationId',
    summary: 'One registration with its letter and decision',
    tag: 'registrations',
    access: only('dgft-reviewer'),
    params: byId,
    responses: { 200: RegistrationSchema },
    problems: [404],
  },
  getRegistrationLetter: {
    method: 'get',
    path: '/api/registrations/:registrationId/letter',
    summary: 'The authorisation letter as uploaded',
    tag: 'registrations',
    access: only('dgft-reviewer'),
    params: byId,
    responses: { 200: 'binary' },
    problems: [404],
  },
  activateRegistration: {
    method: 'post',
    path: '/api/registrations/:registrationId/activation',
    summary: 'Activate: creates the administrator account and emails a set-password link',
    tag: 'registrations',
    access: only('dgft-reviewer'),
    params: byId,
    responses: { 200: RegistrationSchema },
    problems: [404, 409],
  },
  rejectRegistration: {
    method: 'post',
    path: '/api/registrations/:registrationId/rejection',
    summary: 'Reject with a reason that is emailed to the applicant',
    tag: 'registrations',
    access: only('dgft-reviewer'),
    params: byId,
    body: RejectionInputSchema,
    responses: { 200: RegistrationSchema },
    problems: [404, 409],
  },
});
