import { translate, type Locale } from '@ecoo/shared/i18n/translate';
import type { ReadinessRow } from '@ecoo/shared/readiness/schemas';
import { gapMessageKeys, readinessColumnKeys } from '@ecoo/shared/readiness/wording';
import { formatCsv } from '@ecoo/shared/text/csv';

/**
 * The reviewer's rows as a spreadsheet in the reviewer's language: the table's columns, yes/no in
 * words, gaps as their sentences. Office and agency names are typed by agencies, so formatCsv
 * neutralises any that a spreadsheet would run as a formula.
 */
export function readinessCsv(rows: readonly ReadinessRow[], locale: Locale): string {
  const yesNo = (value: boolean) => translate(locale, value ? 'readiness.yes' : 'readiness.no');
  const header = readinessColumnKeys.map((key) => translate(locale, key));
  const lines = rows.map((row) => [
    row.agency.name,
    row.office?.code ?? '',
    row.office?.name ?? '',
    row.office?.city ?? '',
    row.office ? yesNo(row.isPaymentParamsSet) : '',
    row.office ? translate(locale, row.isEWalletEnabled ? 'readiness.eWallet.on' : 'readiness.eWallet.off') : '',
    row.office ? yesNo(row.isStampAccepted) : '',
    row.officers.mapped,
    row.officers.withSignature,
    row.officers.withDsc,
    row.officers.ready,
    row.gaps.map((gap) => translate(locale, gapMessageKeys[gap])).join('; '),
    row.agency.pendingOfficerRequests,
    row.agency.expiringDscs,
  ]);
  return formatCsv([header, ...lines]);
}
