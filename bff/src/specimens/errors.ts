import { fieldProblem } from '@ecoo/shared/validation/describe-issue';
import type { MessageKey } from '@ecoo/shared/i18n/en';
import type { MessageParams } from '@ecoo/shared/i18n/translate';
import { AppError } from '../http/problem.ts';

/** A refusal about one field of the request, named on that field as well, so the form can show it there. */
const onField = (status: number, field: 'officeId' | 'officerId', code: MessageKey, params: MessageParams) => new AppError(status, code, params, [fieldProblem(field, code, params)]);

/** Another agency's office answers as an unknown one: the answer tells nothing of other agencies. */
export const officeNotFound = (id: string) => onField(404, 'officeId', 'problem.officeNotFound', { id });
export const officeNotActive = (code: string) => onField(409, 'officeId', 'problem.specimenOfficeNotActive', { code });
export const officeHasNoStamp = (code: string) => onField(409, 'officeId', 'problem.specimenOfficeHasNoStamp', { code });
export const officerNotFound = (id: string) => onField(404, 'officerId', 'problem.officerNotFound', { id });
export const officerNotActive = (name: string) => onField(409, 'officerId', 'problem.specimenOfficerNotActive', { name });
export const officerNotMapped = (name: string, code: string) => onField(409, 'officerId', 'problem.specimenOfficerNotMapped', { name, code });
export const officerHasNoSignature = (name: string) => onField(409, 'officerId', 'problem.specimenOfficerHasNoSignature', { name });
export const noRegisterLink = () => new AppError(409, 'problem.specimenNoRegisterLink');
/** 429: the agency's specimens in progress are at the bound; nothing was written. */
export const tooManyInProgress = (limit: number) => new AppError(429, 'problem.specimenTooManyInProgress', { limit }, undefined, { 'Retry-After': '10' });
export const specimenNotFound = (id: string) => new AppError(404, 'problem.specimenNotFound', { id });
export const specimenNotReady = (state: string) => new AppError(409, 'problem.specimenNotReady', { state });
