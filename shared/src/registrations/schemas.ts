import { z } from 'zod';
import { EmailSchema, IdSchema, InstantSchema, MobileSchema, PersonNameSchema } from '../common/fields.ts';
import { multiLineTextSchema } from '../validation/line-text.ts';

export const registrationStatuses = ['pending', 'activated', 'rejected'] as const;
export const RegistrationStatusSchema = z.enum(registrationStatuses);
export type RegistrationStatus = z.infer<typeof RegistrationStatusSchema>;

/** Trade Notice 23/2024-25 §3.I.i: Register → 'Register User As' → 'CoO Authorized Agency' → agency → role. */
export const AdministratorRegistrationFieldsSchema = z.strictObject({
  registerAs: z.literal('coo-authorized-agency', 'validation.registerAs'),
  agencyId: z.string().min(1, 'validation.agency').pipe(z.uuid('validation.agency')),
  role: z.literal('administrator', 'validation.role'),
  name: z.string().trim().pipe(PersonNameSchema),
  mobile: z.string().trim().pipe(MobileSchema),
  email: EmailSchema,
});
export type AdministratorRegistrationFields = z.input<typeof AdministratorRegistrationFieldsSchema>;

/** One line of letters, digits and ordinary punctuation: it is shown to administrators and put into their mail. */
export const DesignationSchema = z
  .string('validation.designation')
  .trim()
  .min(2, 'validation.designation')
  .max(100, 'validation.tooLong')
  .regex(/^[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N} .,'()&/-]*$/u, 'validation.designation');

/** Trade Notice 23/2024-25 §3.II: Register → CoO Authorized Agency → agency → regional office → role Officer. */
export const OfficerRegistrationFieldsSchema = z.strictObject({
  registerAs: z.literal('coo-authorized-agency', 'validation.registerAs'),
  agencyId: z.string().min(1, 'validation.agency').pipe(z.uuid('validation.agency')),
  role: z.literal('officer', 'validation.role'),
  officeId: z.string('validation.office').min(1, 'validation.office').pipe(z.uuid('validation.office')),
  name: z.string().trim().pipe(PersonNameSchema),
  designation: DesignationSchema,
  mobile: z.string().trim().pipe(MobileSchema),
  email: EmailSchema,
});
export type OfficerRegistrationFields = z.input<typeof OfficerRegistrationFieldsSchema>;

/**
 * One public Register form and route for both roles: administrators attach the authorisation letter
 * and are decided by DGFT; officers choose their regional office and are decided by the agency's
 * administrator (User Management).
 */
export const RegistrationFieldsSchema = z.discriminatedUnion('role', [AdministratorRegistrationFieldsSchema, OfficerRegistrationFieldsSchema], { error: 'validation.role' });
export type RegistrationFields = z.input<typeof RegistrationFieldsSchema>;
export const registrationRoles = ['administrator', 'officer'] as const;

/**
 * An officer's request reaches the administrator only once its email is confirmed with the link
 * mailed to it: nobody can file requests in another person's name and hold their address.
 */
export const OfficerConfirmationInputSchema = z.strictObject({ token: z.string().min(20).max(200) });
export type OfficerConfirmationInput = z.infer<typeof OfficerConfirmationInputSchema>;
export const OfficerConfirmationSchema = z.object({ email: z.string(), agency: z.object({ id: IdSchema, name: z.string() }) });
export type OfficerConfirmation = z.infer<typeof OfficerConfirmationSchema>;

export const letterContentTypes = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const maxLetterBytes = 5 * 1024 * 1024;

export const LetterSchema = z.object({
  fileName: z.string(),
  contentType: z.enum(letterContentTypes),
  sizeBytes: z.number().int().positive(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type Letter = z.infer<typeof LetterSchema>;

export const RegistrationSummarySchema = z.object({
  id: IdSchema,
  name: z.string(),
  email: z.string(),
  agency: z.object({ id: IdSchema, name: z.string() }),
  role: z.literal('administrator'),
  status: RegistrationStatusSchema,
  submittedAt: InstantSchema,
});
export type RegistrationSummary = z.infer<typeof RegistrationSummarySchema>;

export const RegistrationSchema = RegistrationSummarySchema.extend({
  mobile: z.string(),
  letter: LetterSchema,
  decidedAt: InstantSchema.nullable(),
  decidedBy: z.string().nullable(),
  rejectionReason: z.string().nullable(),
});
export type Registration = z.infer<typeof RegistrationSchema>;

export const RegistrationReceiptSchema = z.object({ id: IdSchema, status: z.literal('pending'), email: z.string(), submittedAt: InstantSchema });
export type RegistrationReceipt = z.infer<typeof RegistrationReceiptSchema>;

export const RegistrationListQuerySchema = z.strictObject({
  status: RegistrationStatusSchema.default('pending'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type RegistrationListQuery = z.input<typeof RegistrationListQuerySchema>;

export const RegistrationListSchema = z.object({
  items: z.array(RegistrationSummarySchema),
  total: z.number().int().nonnegative(),
  page: z.number().int().positive(),
  pageSize: z.number().int().positive(),
});
export type RegistrationList = z.infer<typeof RegistrationListSchema>;

/** Mailed to the applicant and shown on the review page: lines of visible text. */
export const RejectionInputSchema = z.strictObject({ reason: multiLineTextSchema(10, 1000, 'validation.reason') });
export type RejectionInput = z.input<typeof RejectionInputSchema>;
