import { z } from 'zod';
import { IdSchema, InstantSchema } from '../common/fields.ts';
import { roles } from '../http/endpoint.ts';
import { FieldChangeSchema } from '../offices/audit.ts';
import { PageQuerySchema, pageFields } from '../offices/paging.ts';

/**
 * A secret as the audit trail keeps it: the first 16 hex digits of its SHA-256, enough to tell two
 * apart and to match a leaked link to its entry, never enough to use it.
 */
export const SecretFingerprintSchema = z.string().regex(/^sha256:[0-9a-f]{16}$/);

/** Field by field, before and after (an office's checksum key only by its fingerprint). */
const changes = z.strictObject({ changes: z.array(FieldChangeSchema) });
const agencyFacts = z.record(z.string(), z.unknown());
const imageUpload = z.strictObject({ jobId: IdSchema, fileName: z.string(), originalSha256: z.string() });
const imageRetry = z.strictObject({ jobId: IdSchema, retriedJobId: IdSchema, useModel: z.enum(['auto', 'always']) });
/** A specimen register link by its fingerprint: the token itself opens the register, so it never enters the trail. */
const registerLink = z.strictObject({ linkId: IdSchema, tokenFingerprint: SecretFingerprintSchema });
const event = <A extends string, D extends z.ZodType>(action: A, details: D) => z.strictObject({ action: z.literal(action), details });

/**
 * The one vocabulary of the audit trail (issue 16): every state-changing action of every role, each
 * with the schema of its details. The BFF parses every entry against it before writing it, and the
 * SPA has a name for each in both languages.
 */
export const AuditEventSchema = z.discriminatedUnion('action', [
  event('agency.created', z.strictObject({ after: agencyFacts })),
  event('agency.updated', z.strictObject({ before: agencyFacts, after: agencyFacts })),
  event('registration.submitted', z.strictObject({ email: z.string(), letterSha256: z.string() })),
  event('registration.activated', z.strictObject({ userId: IdSchema })),
  event('registration.rejected', z.strictObject({ reason: z.string() })),
  event('reviewer.created', z.strictObject({ email: z.string() })),
  event('password.reset-link-issued', z.strictObject({ linkFingerprint: SecretFingerprintSchema })),
  event('password.set', z.strictObject({ linkFingerprint: SecretFingerprintSchema.optional() })),
  event('administrator.deactivated', changes),
  event('administrator.reactivated', changes),
  event('office.created', changes),
  event('office.updated', changes),
  event('office.e-wallet-enabled', changes),
  event('office.e-wallet-disabled', changes),
  event('office.deactivated', changes),
  event('office.reactivated', changes),
  event('office.stamp-uploaded', imageUpload),
  event('office.stamp-retried', imageRetry),
  event('office.stamp-accepted', changes),
  event('office.stamp-reinstated', changes),
  event('officer.requested', changes),
  event('officer.requested-again', changes),
  event('officer.email-confirmed', changes),
  event('officer.approved', changes),
  event('officer.rejected', changes),
  event('officer.offices-mapped', changes),
  event('officer.deactivated', changes),
  event('officer.reactivated', changes),
  event('officer.signature-uploaded', imageUpload),
  event('officer.signature-retried', imageRetry),
  event('officer.signature-accepted', changes),
  event('officer.signature-reinstated', changes),
  event('specimen.requested', z.strictObject({ specimenId: IdSchema, stampVersionId: IdSchema, signatureVersionId: IdSchema, date: z.iso.date() })),
  event('specimen-register.link-created', registerLink),
  event('specimen-register.link-revoked', registerLink),
  event('dsc.registered', z.strictObject({
    holder: z.string(),
    issuer: z.string(),
    serialNumber: z.string(),
    fingerprintSha256: z.string(),
    notAfter: InstantSchema,
    isDemo: z.boolean(),
  })),
]);
export type AuditEvent = z.infer<typeof AuditEventSchema>;
export type AuditAction = AuditEvent['action'];
export const auditActions = AuditEventSchema.options.map((option) => option.shape.action.value) as [AuditAction, ...AuditAction[]];
export const AuditActionSchema = z.enum(auditActions);

export const auditSubjectTypes = ['agency', 'registration', 'user', 'office'] as const;
export const AuditSubjectTypeSchema = z.enum(auditSubjectTypes);
export type AuditSubjectType = z.infer<typeof AuditSubjectTypeSchema>;

const named = z.object({ id: IdSchema, name: z.string() });

export const AuditEntrySchema = z.object({
  id: IdSchema,
  at: InstantSchema,
  /** Null for what nobody signed in did: a registration submitted, an officer's email confirmed, the first reviewer made. */
  actor: named.extend({ role: z.enum(roles) }).nullable(),
  agency: named.nullable(),
  subject: z.object({ type: AuditSubjectTypeSchema, id: IdSchema }),
  office: named.extend({ code: z.string() }).nullable(),
  officer: named.nullable(),
  event: AuditEventSchema,
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

const DaySchema = z.iso.date();

/**
 * The filters of the audit trail: words found in the actor's or the officer's name or email, the
 * office's code or name; one action; days from and to (inclusive, UTC). `agencyId` is the
 * reviewer's only: an administrator always sees their own agency.
 */
export const AuditFilterSchema = z.strictObject({
  agencyId: IdSchema.optional(),
  actor: z.string().trim().max(100).optional(),
  action: AuditActionSchema.optional(),
  office: z.string().trim().max(100).optional(),
  officer: z.string().trim().max(100).optional(),
  from: DaySchema.optional(),
  to: DaySchema.optional(),
});
export type AuditFilter = z.output<typeof AuditFilterSchema>;

export const AuditListQuerySchema = AuditFilterSchema.extend(PageQuerySchema.shape);
export type AuditListQuery = z.input<typeof AuditListQuerySchema>;

export const AuditListSchema = z.object({ entries: z.array(AuditEntrySchema), ...pageFields });
export type AuditList = z.infer<typeof AuditListSchema>;
