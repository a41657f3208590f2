import { z } from 'zod';
import { IdSchema, InstantSchema } from '../common/fields.ts';

/**
 * The specimen register (issue 16): the stamps of an agency's offices and the signatures of its
 * officers, each with when it was in use, for partner customs who compare them with a certificate
 * of origin. Days are India Standard Time calendar days: a certificate prints a date, not a time.
 */

/** The link the administrator shares with customs; the token is the capability, so only they see it. */
export const RegisterLinkSchema = z.object({
  id: IdSchema,
  token: z.string(),
  createdAt: InstantSchema,
  createdBy: z.string(),
});
export type RegisterLink = z.infer<typeof RegisterLinkSchema>;

/** The agency's link that is not revoked, or none (then customs have no way in). */
export const MyRegisterLinkSchema = z.object({ link: RegisterLinkSchema.nullable() });
export type MyRegisterLink = z.infer<typeof MyRegisterLinkSchema>;

/** A calendar day as printed on a certificate, YYYY-MM-DD. */
export const RegisterDaySchema = z.iso.date('validation.registerDate');

export const RegisterQuerySchema = z.strictObject({
  date: RegisterDaySchema.optional(),
  office: IdSchema.optional(),
  officer: IdSchema.optional(),
});
export type RegisterQuery = z.infer<typeof RegisterQuerySchema>;

/** Why a period of use ended: another version took over, or the officer or the office was deactivated. */
export const periodEndReasons = ['replaced', 'officer-deactivated', 'office-deactivated'] as const;
/** Why a period began: the version was accepted, reinstated, or its officer approved (a signature accepted while the request waited) or reactivated, or its office reactivated. */
export const periodStartReasons = ['accepted', 'reinstated', 'officer-approved', 'officer-reactivated', 'office-reactivated'] as const;

/** One stretch of time a version was the image in use. `until` null: still in use. */
export const UsePeriodSchema = z.object({
  versionId: IdSchema,
  version: z.number().int().positive(),
  from: InstantSchema,
  until: InstantSchema.nullable(),
  began: z.enum(periodStartReasons),
  ended: z.enum(periodEndReasons).nullable(),
  /** Whether the period overlaps the day asked for (false when no day was asked). */
  isInUseOnDate: z.boolean(),
  /** The picture, at the register's two sizes, through this register link only. */
  image: z.object({ preview: z.string(), list: z.string(), width: z.number().int().positive(), height: z.number().int().positive() }),
});
export type UsePeriod = z.infer<typeof UsePeriodSchema>;

export const RegisterOfficeSchema = z.object({
  id: IdSchema,
  code: z.string(),
  name: z.string(),
  city: z.string(),
  /** Newest first. */
  stamps: z.array(UsePeriodSchema),
});
export type RegisterOffice = z.infer<typeof RegisterOfficeSchema>;

export const RegisterOfficerSchema = z.object({
  id: IdSchema,
  name: z.string(),
  designation: z.string(),
  /** Newest first. */
  signatures: z.array(UsePeriodSchema),
});
export type RegisterOfficer = z.infer<typeof RegisterOfficerSchema>;

export const SpecimenRegisterSchema = z.object({
  agency: z.object({ name: z.string(), code: z.string() }),
  /** The day asked for, or null. */
  date: RegisterDaySchema.nullable(),
  offices: z.array(RegisterOfficeSchema),
  officers: z.array(RegisterOfficerSchema),
});
export type SpecimenRegister = z.infer<typeof SpecimenRegisterSchema>;

export const registerRenditions = ['preview', 'list'] as const;
