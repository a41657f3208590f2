import { useId } from 'react';
import { isMessageKey } from '@ecoo/shared/i18n/translate';
import type { FieldChange } from '@ecoo/shared/offices/audit';
import { formatDate, formatInstant, t } from '../../../lib/i18n';
import { TableWrap } from '../../../components/ui/table-wrap';

/** One audit entry as the BFF sends it for an office or an account: who did what when, and each field it changed. */
export interface HistoryEntry {
  at: string;
  actor: string | null;
  action: string;
  changes: readonly FieldChange[];
}

/**
 * The catalogue's words for an action or field name, under the first of the prefixes that has it
 * (`offices.action.`); a name the console does not know (from a newer BFF) stays as sent.
 */
export function catalogueWords(...prefixes: readonly string[]): (name: string) => string {
  return (name) => {
    for (const prefix of prefixes) {
      const key = `${prefix}${name}`;
      if (isMessageKey(key)) return t(key);
    }
    return name;
  };
}

const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A value as people read it: dates and times written out, yes or no, lists joined; the caller words its own values first (a status). */
function valueText(value: unknown, field: string, valueName: HistoryValueName | undefined): string {
  const named = valueName?.(field, value);
  if (named !== undefined) return named;
  if (value === null || value === undefined || value === '') return t('history.none');
  if (typeof value === 'boolean') return value ? t('history.yes') : t('history.no');
  if (Array.isArray(value)) return value.map((item) => valueText(item, field, valueName)).join(', ');
  if (typeof value !== 'string') return JSON.stringify(value);
  if (isoInstant.test(value)) return formatInstant(value);
  return formatDate(value);
}

/** One row per changed field; an entry that changed nothing visible still shows its row. */
function rowsOf(changes: readonly FieldChange[]): (FieldChange | null)[] {
  return changes.length > 0 ? [...changes] : [null];
}

/** The rows the table shows (one per changed field, at least one per entry), for a caption that counts what is seen. */
export function historyRowCount(entries: readonly HistoryEntry[]): number {
  return entries.reduce((count, entry) => count + rowsOf(entry.changes).length, 0);
}

/** The caller's words for one value of one field (a status), or undefined to leave it to the table. */
export type HistoryValueName = (field: string, value: unknown) => string | undefined;

/**
 * The change history of one record (an office, an officer), newest first, as the BFF sends it. The
 * caller names the record in the caption (counting `historyRowCount` rows) and words its own
 * actions, fields, values and who acted when the entry names no one.
 */
export function HistoryTable({
  entries,
  caption,
  actionName,
  fieldName,
  valueName,
  actorName,
}: {
  entries: readonly HistoryEntry[];
  caption: string;
  actionName: (action: string) => string;
  fieldName: (field: string) => string;
  valueName?: HistoryValueName;
  /** Who acted when `actor` is null (the person themselves, on a public form); undefined says "Unknown". */
  actorName?: (entry: HistoryEntry) => string | undefined;
}) {
  const captionId = useId();
  if (entries.length === 0) return <p className="empty">{t('history.empty')}</p>;
  return (
    <TableWrap captionId={captionId}>
      <table className="table">
        <caption id={captionId} className="table__caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('history.at')}</th>
            <th scope="col">{t('history.actor')}</th>
            <th scope="col">{t('history.action')}</th>
            <th scope="col">{t('history.field')}</th>
            <th scope="col">{t('history.change')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.flatMap((entry, entryIndex) =>
            rowsOf(entry.changes).map((change, changeIndex) => (
              <tr key={`${entryIndex}-${changeIndex}`}>
                <td className="table__nowrap">
                  <time dateTime={entry.at}>{formatInstant(entry.at)}</time>
                </td>
                <td>{entry.actor ?? actorName?.(entry) ?? t('history.unknownActor')}</td>
                <td>{actionName(entry.action)}</td>
                <td>{change ? fieldName(change.field) : ''}</td>
                <td>{change ? t('history.change.value', { before: valueText(change.before, change.field, valueName), after: valueText(change.after, change.field, valueName) }) : ''}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </TableWrap>
  );
}
