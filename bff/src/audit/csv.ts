import type { AuditEntry } from '@ecoo/shared/audit/schemas';
import { auditActionKey, auditColumnKeys } from '@ecoo/shared/audit/wording';
import type { MessageKey } from '@ecoo/shared/i18n/en';
import { translate, type Locale } from '@ecoo/shared/i18n/translate';
import { formatCsv } from '@ecoo/shared/text/csv';

/**
 * The audit trail as a spreadsheet in the reader's language. Office names, reasons and file names
 * are typed by people, so formatCsv neutralises any cell a spreadsheet would run as a formula.
 */
export function auditCsv(entries: readonly AuditEntry[], locale: Locale): string {
  const header = auditColumnKeys.map((key) => translate(locale, key));
  const lines = entries.map((entry) => [
    entry.at,
    entry.actor?.name ?? translate(locale, 'audit.actor.none'),
    entry.actor ? translate(locale, `role.${entry.actor.role}` as MessageKey) : '',
    entry.agency?.name ?? '',
    translate(locale, auditActionKey(entry.event.action)),
    entry.office?.code ?? '',
    entry.office?.name ?? '',
    entry.officer?.name ?? '',
    translate(locale, 'audit.subject', { type: entry.subject.type, id: entry.subject.id }),
    JSON.stringify(entry.event.details),
  ]);
  return formatCsv([header, ...lines]);
}
