import { z } from 'zod';
import { IdSchema } from '../common/fields.ts';
import { PageQuerySchema, pageFields } from '../offices/paging.ts';

/**
 * What keeps an office from issuing on the platform (issue 16), in the order an administrator
 * closes them. `office` is an agency with no active office at all (the DGFT reviewer's view);
 * `officer`, `signature` and `dsc` are about the officers mapped to the office: it needs one active
 * officer with both an accepted signature and a registered, unexpired DSC.
 */
export const readinessGaps = ['office', 'payment-parameters', 'stamp', 'officer', 'signature', 'dsc'] as const;
export const ReadinessGapSchema = z.enum(readinessGaps);
export type ReadinessGap = z.infer<typeof ReadinessGapSchema>;

/** A list filter: every office, those with any gap, those ready (none), or those with one gap. */
export const readinessGapFilters = ['all', 'any', 'none', ...readinessGaps] as const;
export const ReadinessGapFilterSchema = z.enum(readinessGapFilters);
export type ReadinessGapFilter = z.infer<typeof ReadinessGapFilterSchema>;

export const AgencyReadinessSchema = z.object({
  id: IdSchema,
  name: z.string(),
  /** Officers' requests whose email is confirmed and that wait for the administrator. */
  pendingOfficerRequests: z.number().int().nonnegative(),
  /** Active officers' DSCs that have not expired but expire within 30 days. */
  expiringDscs: z.number().int().nonnegative(),
});
export type AgencyReadiness = z.infer<typeof AgencyReadinessSchema>;

export const OfficeReadinessSchema = z.object({
  office: z.object({ id: IdSchema, code: z.string(), name: z.string(), city: z.string() }),
  isPaymentParamsSet: z.boolean(),
  isEWalletEnabled: z.boolean(),
  isStampAccepted: z.boolean(),
  /** Active officers mapped to the office: all, those with an accepted signature, with an unexpired DSC, and with both. */
  officers: z.object({
    mapped: z.number().int().nonnegative(),
    withSignature: z.number().int().nonnegative(),
    withDsc: z.number().int().nonnegative(),
    ready: z.number().int().nonnegative(),
  }),
  gaps: z.array(ReadinessGapSchema),
});
export type OfficeReadiness = z.infer<typeof OfficeReadinessSchema>;

const summaryFields = {
  /** Under the agency filter, before the gap filter: active offices and those with no gap. */
  summary: z.object({ offices: z.number().int().nonnegative(), readyOffices: z.number().int().nonnegative() }),
};

/** The administrator's checklist on My Dashboard: their own agency only. */
export const MyReadinessQuerySchema = PageQuerySchema.extend({ gap: ReadinessGapFilterSchema.default('any') });
export type MyReadinessQuery = z.input<typeof MyReadinessQuerySchema>;

export const MyReadinessSchema = z.object({ agency: AgencyReadinessSchema, items: z.array(OfficeReadinessSchema), ...summaryFields, ...pageFields });
export type MyReadiness = z.infer<typeof MyReadinessSchema>;

/** One row of the reviewer's view: an office with its agency, or an agency that has no active office (office null). */
export const ReadinessRowSchema = OfficeReadinessSchema.extend({
  agency: AgencyReadinessSchema,
  office: OfficeReadinessSchema.shape.office.nullable(),
});
export type ReadinessRow = z.infer<typeof ReadinessRowSchema>;

export const ReadinessFilterSchema = z.strictObject({
  agencyId: IdSchema.optional(),
  gap: ReadinessGapFilterSchema.default('all'),
});
export type ReadinessFilter = z.output<typeof ReadinessFilterSchema>;

export const ReadinessListQuerySchema = ReadinessFilterSchema.extend(PageQuerySchema.shape);
export type ReadinessListQuery = z.input<typeof ReadinessListQuerySchema>;

export const ReadinessListSchema = z.object({ items: z.array(ReadinessRowSchema), ...summaryFields, ...pageFields });
export type ReadinessList = z.infer<typeof ReadinessListSchema>;
