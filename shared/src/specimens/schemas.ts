import { z } from 'zod';
import { IdSchema, InstantSchema } from '../common/fields.ts';
import { PageQuerySchema, pageFields } from '../offices/paging.ts';

/**
 * Specimen certificates (issue 16): a PDF laid out like a certificate of origin, marked SPECIMEN,
 * with an office's stamp and an officer's signature as they are in use, for the administrator to see
 * them as an exporter's certificate will show them. Drawn by a background job.
 */
export const specimenStates = ['queued', 'running', 'done', 'failed'] as const;
export const SpecimenStateSchema = z.enum(specimenStates);
export type SpecimenState = z.infer<typeof SpecimenStateSchema>;

/** Why a job could not draw the specimen: the register link was revoked meanwhile, a picture is gone, or anything else. */
export const specimenFailureReasons = ['no-register-link', 'image-missing', 'internal'] as const;
export const SpecimenFailureReasonSchema = z.enum(specimenFailureReasons);

/** Fields of the administrator's data a specimen prints; one the PDF fonts cannot print as written is named on the specimen. */
export const specimenPrintFields = ['agencyName', 'officeName', 'officeAddress', 'officerName', 'officerDesignation'] as const;
export const SpecimenPrintFieldSchema = z.enum(specimenPrintFields);
export type SpecimenPrintField = z.infer<typeof SpecimenPrintFieldSchema>;

export const SpecimenCertificateSchema = z.object({
  id: IdSchema,
  office: z.object({ id: IdSchema, code: z.string(), name: z.string() }),
  officer: z.object({ id: IdSchema, name: z.string() }),
  /** The version numbers of the stamp and signature the specimen carries. */
  stampVersion: z.number().int().positive(),
  signatureVersion: z.number().int().positive(),
  /** The day the specimen shows (India Standard Time), YYYY-MM-DD. */
  date: z.iso.date(),
  state: SpecimenStateSchema,
  failureReason: SpecimenFailureReasonSchema.nullable(),
  requestedBy: z.string(),
  requestedAt: InstantSchema,
  finishedAt: InstantSchema.nullable(),
  /** The PDF's size once done. */
  byteSize: z.number().int().positive().nullable(),
  /** Fields printed transliterated or with characters left out (the certificate's fonts have only Latin letters). */
  unprintableFields: z.array(SpecimenPrintFieldSchema),
  /** The register link its QR carries was revoked: the QR opens "This register link is not valid". */
  qrLinkRevoked: z.boolean(),
});
export type SpecimenCertificate = z.infer<typeof SpecimenCertificateSchema>;

export const SpecimenListQuerySchema = PageQuerySchema;
export const SpecimenListSchema = z.object({ items: z.array(SpecimenCertificateSchema), ...pageFields });
export type SpecimenList = z.infer<typeof SpecimenListSchema>;

export const SpecimenRequestSchema = z.strictObject({ officeId: IdSchema, officerId: IdSchema });
export type SpecimenRequest = z.infer<typeof SpecimenRequestSchema>;

/** Why an office cannot carry a specimen. */
export const officeBlockers = ['inactive', 'no-stamp'] as const;
/** Why an officer cannot sign one (mapping is to the office chosen, so the SPA checks it against `officeIds`). */
export const officerBlockers = ['inactive', 'no-signature'] as const;

/**
 * What the administrator may choose from, and why the rest cannot be chosen: every office and
 * officer of the agency, each with what keeps it out (none: it can be chosen).
 */
export const SpecimenChoicesSchema = z.object({
  hasRegisterLink: z.boolean(),
  offices: z.array(z.object({ id: IdSchema, code: z.string(), name: z.string(), blockers: z.array(z.enum(officeBlockers)) })),
  officers: z.array(z.object({ id: IdSchema, name: z.string(), designation: z.string(), officeIds: z.array(IdSchema), blockers: z.array(z.enum(officerBlockers)) })),
});
export type SpecimenChoices = z.infer<typeof SpecimenChoicesSchema>;

/** `inline` for the preview in the page, `attachment` (the default) to save the file. */
export const SpecimenPdfQuerySchema = z.strictObject({ disposition: z.enum(['inline', 'attachment']).default('attachment') });
