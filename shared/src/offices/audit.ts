import { z } from 'zod';
import { InstantSchema } from '../common/fields.ts';
import { pageFields, PageQuerySchema } from './paging.ts';

export const FieldChangeSchema = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });
export type FieldChange = z.infer<typeof FieldChangeSchema>;

/**
 * Every field an office's history can name: the audited columns (the key only as its fingerprint,
 * under the name users know) and the stamp's version. The SPA has a label for each.
 */
export const officeHistoryFields = [
  'name', 'code', 'addressLine1', 'addressLine2', 'city', 'state', 'pinCode', 'phone', 'email', 'gstin', 'merchantId',
  'checksumKey (fingerprint)', 'isEWalletEnabled', 'isActive', 'stampVersion',
] as const;
export type OfficeHistoryField = (typeof officeHistoryFields)[number];

export const OfficeAuditEntrySchema = z.object({
  at: InstantSchema,
  actor: z.string().nullable(),
  action: z.string(),
  changes: z.array(FieldChangeSchema),
});
export type OfficeAuditEntry = z.infer<typeof OfficeAuditEntrySchema>;

/** Newest first, a page at a time. */
export const OfficeAuditQuerySchema = PageQuerySchema;
export type OfficeAuditQuery = z.input<typeof OfficeAuditQuerySchema>;
export const OfficeAuditListSchema = z.object({ entries: z.array(OfficeAuditEntrySchema), ...pageFields });
export type OfficeAuditList = z.infer<typeof OfficeAuditListSchema>;
