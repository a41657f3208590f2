import { z } from 'zod';
import { FieldProblemSchema } from '../problem.ts';

/** The columns of the office CSV, in this order, with this header line. */
export const officeCsvColumns = [
  'name', 'code', 'addressLine1', 'addressLine2', 'city', 'state', 'pinCode', 'phone', 'email', 'gstin', 'merchantId', 'checksumKey', 'isEWalletEnabled',
] as const;

export type OfficeCsvColumn = (typeof officeCsvColumns)[number];

export const maxImportBytes = 1024 * 1024;
export const maxImportRows = 2000;

export const OfficeImportRowSchema = z.object({
  /** The line of the file, counting the header as line 1. */
  line: z.number().int().positive(),
  code: z.string(),
  /** new: would be added; unchanged: the agency has this office with the same details (re-import); invalid: see errors. */
  outcome: z.enum(['new', 'unchanged', 'invalid']),
  errors: z.array(FieldProblemSchema),
});
export type OfficeImportRow = z.infer<typeof OfficeImportRowSchema>;

export const OfficeImportReportSchema = z.object({
  /** Whether the import would go through (dry run) or went through (import): all rows or none. */
  isImportable: z.boolean(),
  isImported: z.boolean(),
  /** What is wrong with the file as a whole (path "file"), with a catalogue code and params like any field problem. */
  fileErrors: z.array(FieldProblemSchema),
  rows: z.array(OfficeImportRowSchema),
  counts: z.object({ new: z.number().int(), unchanged: z.number().int(), invalid: z.number().int() }),
});
export type OfficeImportReport = z.infer<typeof OfficeImportReportSchema>;
