import { z } from 'zod';
import { EmailSchema, IdSchema, InstantSchema, tidyMobile } from '../common/fields.ts';
import { ImageThumbnailsSchema } from '../images/schemas.ts';
import { gstStateCodeOf, indianStateNames } from './indian-states.ts';
import { gstinPattern, hasValidGstinCheck } from './gstin.ts';
import { ChecksumKeySchema, MerchantIdSchema } from './payment-params.ts';
import { lineTextSchema } from '../validation/line-text.ts';
import { pageFields, PageQuerySchema } from './paging.ts';

/** India Post PIN codes: six digits, the first (the postal zone) 1 to 9; "682 025" is stored as 682025. */
export const PinCodeSchema = z
  .string()
  .trim()
  .transform((pin) => pin.replace(/^(\d{3})[ -](\d{3})$/, '$1$2'))
  .pipe(z.string().regex(/^[1-9][0-9]{5}$/, 'validation.pinCode'));

/**
 * A mobile, stored as its 10 digits however it was grouped or prefixed (+91, 0), or a landline with
 * its STD code (0, then 10 digits), kept as typed. A trunk 0 before 6, 7 or 8 is a landline's STD
 * code (0612 Patna, 0712 Nagpur, 080 Bengaluru); no STD code starts with 9.
 */
export const PhoneSchema = z
  .string()
  .trim()
  .transform((phone) => (/^0[6-8]/.test(phone) ? phone : tidyMobile(phone)))
  .pipe(
    z
      .string()
      .regex(/^(?:[6-9][0-9]{9}|0[1-9][0-9]{1,3}[ -]?[0-9]{6,8})$/, 'validation.phone')
      .refine((phone) => !phone.startsWith('0') || phone.replace(/\D/g, '').length === 11, 'validation.phone'),
  );

/** Letters, digits and hyphens, stored in capitals: "eia-koc-02" is EIA-KOC-02. */
export const OfficeCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9-]{1,19}$/, 'validation.officeCode');

export const IndianStateSchema = z.enum(indianStateNames, 'validation.state');

const officeFields = {
  name: lineTextSchema(3, 200),
  code: OfficeCodeSchema,
  addressLine1: lineTextSchema(3, 200),
  addressLine2: lineTextSchema(0, 200).default(''),
  city: lineTextSchema(2, 100),
  state: IndianStateSchema,
  pinCode: PinCodeSchema,
  phone: PhoneSchema,
  email: EmailSchema,
  gstin: z.string().regex(gstinPattern, 'validation.gstin.format').refine(hasValidGstinCheck, 'validation.gstin.check'),
  merchantId: MerchantIdSchema,
  isEWalletEnabled: z.boolean(),
};

/** The GSTIN's first two digits are the GST code of the state the office is registered in. */
const gstinMatchesState = (office: { gstin: string; state: string }) =>
  !gstinPattern.test(office.gstin) || office.gstin.slice(0, 2) === gstStateCodeOf(office.state);
const gstinStateIssue = { path: ['gstin'], message: 'validation.gstin.state' };

export const OfficeCreateSchema = z.strictObject({ ...officeFields, checksumKey: ChecksumKeySchema }).refine(gstinMatchesState, gstinStateIssue);
export type OfficeCreate = z.input<typeof OfficeCreateSchema>;

/** On edit the key is replaced only when a new one is typed; leaving it out keeps the stored key. */
export const OfficeUpdateSchema = z.strictObject({ ...officeFields, checksumKey: ChecksumKeySchema.optional() }).refine(gstinMatchesState, gstinStateIssue);
export type OfficeUpdate = z.input<typeof OfficeUpdateSchema>;

export const OfficeSchema = z.object({
  id: IdSchema,
  agencyId: IdSchema,
  name: z.string(),
  code: z.string(),
  addressLine1: z.string(),
  addressLine2: z.string(),
  city: z.string(),
  state: z.string(),
  pinCode: z.string(),
  phone: z.string(),
  email: z.string(),
  gstin: z.string(),
  merchantId: z.string(),
  /** Never the key: its first 8 hex digits of HMAC-SHA-256, to compare with the gateway's record. */
  checksumKeyFingerprint: z.string().nullable(),
  isEWalletEnabled: z.boolean(),
  eWalletChangedAt: InstantSchema.nullable(),
  eWalletChangedBy: z.string().nullable(),
  isActive: z.boolean(),
  /** The stamp image certificates use now; null until one is accepted. */
  stampVersionId: IdSchema.nullable(),
  /** Small renditions of that stamp for lists and pages; the full PNG is for the stamp's own review. */
  stampThumbnails: ImageThumbnailsSchema.nullable(),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
});
export type Office = z.infer<typeof OfficeSchema>;

export const officeSortKeys = ['name', 'code', 'city', 'state', 'updatedAt'] as const;

export const OfficeListQuerySchema = PageQuerySchema.extend({
  search: z.string().trim().max(100).default(''),
  sort: z.enum(officeSortKeys).default('name'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  status: z.enum(['active', 'inactive', 'all']).default('active'),
});
export type OfficeListQuery = z.input<typeof OfficeListQuerySchema>;

export const OfficeListSchema = z.object({ offices: z.array(OfficeSchema), ...pageFields });
export type OfficeList = z.infer<typeof OfficeListSchema>;
