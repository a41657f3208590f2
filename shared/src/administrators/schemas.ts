import { z } from 'zod';
import { IdSchema, InstantSchema } from '../common/fields.ts';
import { RevocationSchema } from '../officers/schemas.ts';

export const administratorStatuses = ['active', 'deactivated'] as const;
export const AdministratorStatusSchema = z.enum(administratorStatuses);
export type AdministratorStatus = z.infer<typeof AdministratorStatusSchema>;

/** An agency administrator as the DGFT reviewer sees them. */
export const AdministratorSchema = z.object({
  id: IdSchema,
  name: z.string(),
  email: z.string(),
  agency: z.object({ id: IdSchema, name: z.string() }),
  status: AdministratorStatusSchema,
  createdAt: InstantSchema,
  /** The agency's only active administrator: DGFT cannot deactivate them until another is activated. */
  isLastActive: z.boolean(),
  revocations: z.array(RevocationSchema),
});
export type Administrator = z.infer<typeof AdministratorSchema>;

export const AdministratorListQuerySchema = z.strictObject({
  agencyId: IdSchema.optional(),
  status: AdministratorStatusSchema.optional(),
  q: z.string().trim().max(100, 'validation.tooLong').optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type AdministratorListQuery = z.input<typeof AdministratorListQuerySchema>;

export const AdministratorListSchema = z.object({
  items: z.array(AdministratorSchema),
  total: z.number().int().nonnegative(),
  page: z.number().int().positive(),
  pageSize: z.number().int().positive(),
});
export type AdministratorList = z.infer<typeof AdministratorListSchema>;
