import type { z } from 'zod';
import { OfficeCodeSchema, OfficeCreateSchema } from '@ecoo/shared/offices/schemas';
import { indianStateNames } from '@ecoo/shared/offices/indian-states';
import { maxImportRows, officeCsvColumns, type OfficeImportReport, type OfficeImportRow } from '@ecoo/shared/offices/import';
import { parseCsv } from '@ecoo/shared/text/csv';
import { describeIssues, fieldProblem } from '@ecoo/shared/validation/describe-issue';
import { isMessageKey, type MessageParams } from '@ecoo/shared/i18n/translate';
import type { MessageKey } from '@ecoo/shared/i18n/en';
import type { FieldProblem } from '@ecoo/shared/problem';
import { AppError } from '../http/problem.ts';
import { agencyOf, type Actor } from '../accounts/index.ts';
import type { Db } from '../db/connect.ts';
import type { SecretSealer } from '../secrets/seal.ts';
import * as repo from './repository.ts';
import { addOffice, type OfficesDeps } from './service.ts';

type OfficeCreate = z.output<typeof OfficeCreateSchema>;
type DbOrTrx = Parameters<typeof repo.findOffice>[0];

const problem = fieldProblem;

/**
 * The form's words point at its controls ("press Fix", "choose from the list"); a file has none, so
 * the import says to correct the cell in the file instead.
 */
const importWording: Partial<Record<MessageKey, MessageKey>> = {
  'validation.merchantId.chars': 'import.merchantId.chars',
  'validation.checksumKey.chars': 'import.checksumKey.chars',
};
const inImportWords = (found: FieldProblem): FieldProblem => {
  const key = isMessageKey(found.code) ? importWording[found.code] : undefined;
  return key ? problem(found.path, key, found.params as MessageParams | undefined) : found;
};

/** A state as spreadsheets write it (WEST BENGAL, " west  bengal"): case and spacing do not matter. */
const stateKey = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();
const stateByKey = new Map(indianStateNames.map((name) => [stateKey(name), name]));

/** The bytes must be UTF-8 text; a spreadsheet saved as .xlsx or a PDF is named as such. */
function decodeCsv(bytes: Buffer): string {
  const head = bytes.subarray(0, 8).toString('latin1');
  // A code, not words: each catalogue says what the file is in its own language.
  const detected = head.startsWith('PK\x03\x04') ? 'xlsx' : head.startsWith('%PDF') ? 'pdf' : head.startsWith('\xd0\xcf\x11\xe0') ? 'xls' : null;
  if (detected) throw new AppError(415, 'problem.importNotText', { detected });
  if (bytes.includes(0)) throw new AppError(415, 'problem.importNotText', { detected: 'binary' });
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError(415, 'problem.importNotText', { detected: 'notUtf8' });
  }
}

interface Plan {
  report: OfficeImportReport;
  newOffices: OfficeCreate[];
}

/**
 * Reads every row and decides, without writing: new, unchanged (the agency has this code with the
 * same details and the same key, so a re-import changes nothing) or invalid (with each error).
 */
export async function planOfficeImport(db: DbOrTrx, sealer: SecretSealer, agencyId: string, bytes: Buffer): Promise<Plan> {
  const text = decodeCsv(bytes);
  const parsed = parseCsv(text);
  const fileErrors: FieldProblem[] = parsed.unclosedQuoteLine ? [problem('file', 'import.unclosedQuote', { line: parsed.unclosedQuoteLine })] : [];
  const [header = [], ...records] = parsed.rows;
  if (header.length > 0 && header.join(',') !== officeCsvColumns.join(',')) fileErrors.push(problem('file', 'import.header', { expected: officeCsvColumns.join(','), found: header.join(',') }));
  if (records.length === 0) fileErrors.push(problem('file', 'import.empty'));
  if (records.length > maxImportRows) fileErrors.push(problem('file', 'import.tooManyRows', { rows: records.length, max: maxImportRows }));
  if (fileErrors.length) return { report: { isImportable: false, isImported: false, fileErrors, rows: [], counts: { new: 0, unchanged: 0, invalid: 0 } }, newOffices: [] };

  const existing = new Map((await repo.allOfficesOf(db, agencyId)).map((row) => [row.code, row]));
  const firstLineOfCode = new Map<string, number>();
  const rows: OfficeImportRow[] = [];
  const newOffices: OfficeCreate[] = [];
  records.forEach((cells, index) => {
    const line = index + 2;
    const code = cells[1] ?? '';
    if (cells.length !== officeCsvColumns.length) {
      rows.push({ line, code, outcome: 'invalid', errors: [problem('', 'import.columns', { line, found: cells.length, expected: officeCsvColumns.length })] });
      return;
    }
    const record = Object.fromEntries(officeCsvColumns.map((column, i) => [column, cells[i] ?? '']));
    const errors: FieldProblem[] = [];
    const eWallet = /^(yes|true|1)$/i.test(record.isEWalletEnabled ?? '') ? true : /^(no|false|0|)$/i.test(record.isEWalletEnabled ?? '') ? false : null;
    if (eWallet === null) errors.push(problem('isEWalletEnabled', 'import.eWallet'));
    const state = stateByKey.get(stateKey(record.state ?? ''));
    const result = OfficeCreateSchema.safeParse({ ...record, state: state ?? record.state, isEWalletEnabled: eWallet ?? false });
    if (!result.success) {
      errors.push(
        ...describeIssues(result.error.issues).map((found) =>
          found.path === 'state' && !state ? problem('state', 'import.state', { found: record.state ?? '', accepted: indianStateNames.join(', ') }) : inImportWords(found),
        ),
      );
    }
    // Compared as stored (trimmed, upper case): " koc-01" and "KOC-01" are one code, and the second
    // would otherwise pass the dry run and then break the import on the database's unique index.
    const storedCode = OfficeCodeSchema.safeParse(code).data ?? code;
    const first = firstLineOfCode.get(storedCode);
    if (first !== undefined) errors.push(problem('code', 'import.duplicateCode', { code, first }));
    else firstLineOfCode.set(storedCode, line);
    if (errors.length || !result.success) {
      rows.push({ line, code, outcome: 'invalid', errors });
      return;
    }
    const office = result.data;
    const stored = existing.get(office.code);
    if (!stored) {
      rows.push({ line, code, outcome: 'new', errors: [] });
      newOffices.push(office);
    } else if (isSameOffice(stored, office, sealer)) {
      rows.push({ line, code, outcome: 'unchanged', errors: [] });
    } else {
      rows.push({ line, code, outcome: 'invalid', errors: [problem('code', 'import.existsDifferent', { code })] });
    }
  });
  const count = (outcome: OfficeImportRow['outcome']) => rows.filter((row) => row.outcome === outcome).length;
  const counts = { new: count('new'), unchanged: count('unchanged'), invalid: count('invalid') };
  return { report: { isImportable: counts.invalid === 0, isImported: false, fileErrors: [], rows, counts }, newOffices };
}

function isSameOffice(stored: Awaited<ReturnType<typeof repo.findOffice>> & object, office: OfficeCreate, sealer: SecretSealer): boolean {
  return (
    stored.name === office.name &&
    stored.address_line1 === office.addressLine1 &&
    stored.address_line2 === office.addressLine2 &&
    stored.city === office.city &&
    stored.state === office.state &&
    stored.pin_code === office.pinCode &&
    stored.phone === office.phone &&
    stored.email === office.email &&
    stored.gstin === office.gstin &&
    stored.merchant_id === office.merchantId &&
    stored.checksum_key_fingerprint === sealer.fingerprint(office.checksumKey) &&
    (stored.is_e_wallet_enabled === 1) === office.isEWalletEnabled
  );
}

export async function dryRunOfficeImport(deps: OfficesDeps, actor: Actor, bytes: Buffer): Promise<OfficeImportReport> {
  return (await planOfficeImport(deps.db, deps.sealer, agencyOf(actor), bytes)).report;
}

/** All rows or none: the plan is made again inside the transaction that writes it. */
export async function importOffices(deps: OfficesDeps & { db: Db }, actor: Actor, bytes: Buffer): Promise<OfficeImportReport> {
  const agencyId = agencyOf(actor);
  return deps.db.transaction().execute(async (trx) => {
    const { report, newOffices } = await planOfficeImport(trx, deps.sealer, agencyId, bytes);
    if (!report.isImportable) {
      throw new AppError(422, 'problem.importInvalid', { invalid: report.counts.invalid || report.fileErrors.length, total: report.rows.length }, [
        ...report.fileErrors,
        ...report.rows.flatMap((row) => row.errors.map((error) => ({ ...error, path: `line ${row.line}${error.path ? `: ${error.path}` : ''}` }))),
      ]);
    }
    for (const office of newOffices) await addOffice(trx, deps.sealer, actor, agencyId, office);
    return { ...report, isImported: true };
  });
}

export const importFileMissing = () => new AppError(400, 'problem.importFileMissing', {}, [problem('file', 'problem.importFileMissing')]);
