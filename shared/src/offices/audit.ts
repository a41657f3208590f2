import { z } from 'zod';
import { InstantSchema } from '../common/fields.ts';

export const FieldChangeSchema = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });
export type FieldChange = z.infer<typeof FieldChangeSchema>;

export const OfficeAuditEntrySchema = z.object({
  at: InstantSchema,
  actor: z.string().nullable(),
  action: z.string(),
  changes: z.array(FieldChangeSchema),
});
export type OfficeAuditEntry = z.infer<typeof OfficeAuditEntrySchema>;

export const OfficeAuditListSchema = z.object({ entries: z.array(OfficeAuditEntrySchema) });
export type OfficeAuditList = z.infer<typeof OfficeAuditListSchema>;
