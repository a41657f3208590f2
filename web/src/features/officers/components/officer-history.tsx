import type { FieldChange } from '@ecoo/shared/offices/audit';
import { isMessageKey } from '@ecoo/shared/i18n/translate';
import { problemMessage } from '../../../lib/form-errors';
import { formatInstant, t } from '../../../lib/i18n';
import { Alert } from '../../../components/ui/alert';
import { Loading } from '../../../components/ui/loading';
import { useOfficerHistory } from '../api/get-officer-history';

/** The catalogue's words for an action or field the console knows; an unknown one (a newer BFF) as sent. */
function wordsFor(prefix: 'officers.action.' | 'officers.historyField.', name: string): string {
  const key = `${prefix}${name}`;
  return isMessageKey(key) ? t(key) : name;
}

function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return t('officers.history.none');
  if (typeof value === 'boolean') return value ? t('officers.history.yes') : t('officers.history.no');
  if (Array.isArray(value)) return value.map(String).join(', ');
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** One row per changed field; an entry that changed nothing visible still shows its row. */
function rowsOf(changes: readonly FieldChange[]): (FieldChange | null)[] {
  return changes.length > 0 ? [...changes] : [null];
}

export function OfficerHistory({ userId }: { userId: string }) {
  const history = useOfficerHistory(userId);
  return (
    <section className="section" aria-labelledby="officer-history">
      <h2 id="officer-history">{t('officers.history')}</h2>
      {history.isPending ? (
        <Loading />
      ) : history.isError ? (
        <Alert tone="error">{problemMessage(history.error)}</Alert>
      ) : history.data.entries.length === 0 ? (
        <p className="empty">{t('officers.history.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="table__caption">{t('officers.history.caption', { count: history.data.entries.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('officers.history.at')}</th>
                <th scope="col">{t('officers.history.actor')}</th>
                <th scope="col">{t('officers.history.action')}</th>
                <th scope="col">{t('officers.history.field')}</th>
                <th scope="col">{t('officers.history.change')}</th>
              </tr>
            </thead>
            <tbody>
              {history.data.entries.flatMap((entry, entryIndex) =>
                rowsOf(entry.changes).map((change, changeIndex) => (
                  <tr key={`${entryIndex}-${changeIndex}`}>
                    <td className="table__nowrap">
                      <time dateTime={entry.at}>{formatInstant(entry.at)}</time>
                    </td>
                    <td>{entry.actor ?? t('officers.history.unknownActor')}</td>
                    <td>{wordsFor('officers.action.', entry.action)}</td>
                    <td>{change ? wordsFor('officers.historyField.', change.field) : ''}</td>
                    <td>{change ? t('officers.history.change.value', { before: valueText(change.before), after: valueText(change.after) }) : ''}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
