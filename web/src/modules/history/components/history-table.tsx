import { isMessageKey } from '@ecoo/shared/i18n/translate';
import type { FieldChange } from '@ecoo/shared/offices/audit';
import { formatInstant, t } from '../../../lib/i18n';

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

function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return t('history.none');
  if (typeof value === 'boolean') return value ? t('history.yes') : t('history.no');
  if (Array.isArray(value)) return value.map(String).join(', ');
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** One row per changed field; an entry that changed nothing visible still shows its row. */
function rowsOf(changes: readonly FieldChange[]): (FieldChange | null)[] {
  return changes.length > 0 ? [...changes] : [null];
}

/**
 * The change history of one record (an office, an officer), newest first, as the BFF sends it. The
 * caller names the record in the caption and words its own actions and fields.
 */
export function HistoryTable({
  entries,
  caption,
  actionName,
  fieldName,
}: {
  entries: readonly HistoryEntry[];
  caption: string;
  actionName: (action: string) => string;
  fieldName: (field: string) => string;
}) {
  if (entries.length === 0) return <p className="empty">{t('history.empty')}</p>;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="table__caption">{caption}</caption>
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
                <td>{entry.actor ?? t('history.unknownActor')}</td>
                <td>{actionName(entry.action)}</td>
                <td>{change ? fieldName(change.field) : ''}</td>
                <td>{change ? t('history.change.value', { before: valueText(change.before), after: valueText(change.after) }) : ''}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </div>
  );
}
