import { z } from 'zod';
import { IdSchema, InstantSchema } from '../common/fields.ts';

/**
 * What an officer signs: this exact ASCII text, no line break after it. The prefix says what the
 * bytes are for, so a signature over them cannot pass for anything else; the rest is 256 random bits.
 */
export const DSC_CHALLENGE_PREFIX = 'eCoO-DSC-challenge:';
export const DscChallengeTextSchema = z
  .string()
  .trim()
  .regex(/^eCoO-DSC-challenge:[A-Za-z0-9_-]{43}$/, 'validation.dscChallenge');

export const DscChallengeSchema = z.object({
  challenge: DscChallengeTextSchema,
  issuedAt: InstantSchema,
  expiresAt: InstantSchema,
});
export type DscChallenge = z.infer<typeof DscChallengeSchema>;

/** The multipart text field of a registration; the files are `signature` (.p7s) and, optionally, `certificate`. */
export const DscRegistrationSchema = z.strictObject({ challenge: DscChallengeTextSchema });
export type DscRegistration = z.input<typeof DscRegistrationSchema>;

/**
 * Controller of Certifying Authorities policies, matched exactly: Class 3 always; Class 2 and the
 * organisational document signer only where the console is configured to accept them.
 */
export const dscClasses = ['class-3', 'class-2', 'document-signer'] as const;
export const DscClassSchema = z.enum(dscClasses);
export type DscClass = z.infer<typeof DscClassSchema>;

export const DscRecordSchema = z.object({
  id: IdSchema,
  holderName: z.string(),
  subject: z.string(),
  issuer: z.string(),
  issuerName: z.string(),
  classes: z.array(DscClassSchema),
  policies: z.array(z.string()),
  serialNumber: z.string(),
  notBefore: InstantSchema,
  notAfter: InstantSchema,
  fingerprintSha256: z.string(),
  keyAlgorithm: z.string(),
  registeredAt: InstantSchema,
  /** When a newer DSC took its place; null for the active one. */
  replacedAt: InstantSchema.nullable(),
  /** Issued by the console's demo certification authority: never a real token. */
  isDemo: z.boolean(),
  /** The certificate's holder name is not the officer's name: shown to the administrator, not refused. */
  holderDiffersFromOfficer: z.boolean(),
  /** Whole days until notAfter (negative once expired). */
  daysLeft: z.number().int(),
});
export type DscRecord = z.infer<typeof DscRecordSchema>;

export const DscOverviewSchema = z.object({
  officer: z.object({ id: IdSchema, name: z.string() }),
  active: DscRecordSchema.nullable(),
  /** Earlier DSCs of this officer, newest first. */
  history: z.array(DscRecordSchema),
});
export type DscOverview = z.infer<typeof DscOverviewSchema>;

/** An officer's DSC at a glance, for lists and dashboards. */
export const DscStateSchema = z.enum(['none', 'active', 'expiring', 'expired']);
export type DscState = z.infer<typeof DscStateSchema>;
export const DscStatusSchema = z.object({ state: DscStateSchema, notAfter: InstantSchema.nullable(), daysLeft: z.number().int().nullable() });
export type DscStatus = z.infer<typeof DscStatusSchema>;

/** Days before expiry from which a DSC is flagged on the dashboards and its officer is mailed (again at 7). */
export const DSC_EXPIRY_WARNING_DAYS = 30;

export const ExpiringDscListSchema = z.object({
  items: z.array(
    z.object({
      officerId: IdSchema,
      officerName: z.string(),
      holderName: z.string(),
      notAfter: InstantSchema,
      daysLeft: z.number().int(),
    }),
  ),
});
export type ExpiringDscList = z.infer<typeof ExpiringDscListSchema>;
