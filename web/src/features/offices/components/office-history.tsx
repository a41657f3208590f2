import type { FieldChange } from '@ecoo/shared/offices/audit';
import { isMessageKey } from '@ecoo/shared/i18n/translate';
import { problemMessage } from '../../../lib/form-errors';
import { formatInstant, t } from '../../../lib/i18n';
import { Alert } from '../../../components/ui/alert';
import { Loading } from '../../../components/ui/loading';
import { useOfficeAudit } from '../api/get-office-audit';

/** The catalogue's words for an action or field the console knows; an unknown one (a newer BFF) as sent. */
function wordsFor(prefix: 'offices.action.' | 'offices.field.' | 'offices.historyField.', name: string): string | undefined {
  const key = `${prefix}${name}`;
  return isMessageKey(key) ? t(key) : undefined;
}

const fieldName = (field: string) => wordsFor('offices.field.', field) ?? wordsFor('offices.historyField.', field) ?? field;

function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return t('offices.history.none');
  if (typeof value === 'boolean') return value ? t('offices.history.yes') : t('offices.history.no');
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** One row per changed field; an entry that changed nothing visible still shows its row. */
function rowsOf(changes: readonly FieldChange[]): (FieldChange | null)[] {
  return changes.length > 0 ? [...changes] : [null];
}

export function OfficeHistory({ officeId }: { officeId: string }) {
  const audit = useOfficeAudit(officeId);
  return (
    <section className="section" aria-labelledby="office-history">
      <h2 id="office-history">{t('offices.history')}</h2>
      {audit.isPending ? (
        <Loading />
      ) : audit.isError ? (
        <Alert tone="error">{problemMessage(audit.error)}</Alert>
      ) : audit.data.entries.length === 0 ? (
        <p className="empty">{t('offices.history.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="table__caption">{t('offices.history.caption', { count: audit.data.entries.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('offices.history.at')}</th>
                <th scope="col">{t('offices.history.actor')}</th>
                <th scope="col">{t('offices.history.action')}</th>
                <th scope="col">{t('offices.history.field')}</th>
                <th scope="col">{t('offices.history.change')}</th>
              </tr>
            </thead>
            <tbody>
              {audit.data.entries.flatMap((entry, entryIndex) =>
                rowsOf(entry.changes).map((change, changeIndex) => (
                  <tr key={`${entryIndex}-${changeIndex}`}>
                    <td className="table__nowrap">
                      <time dateTime={entry.at}>{formatInstant(entry.at)}</time>
                    </td>
                    <td>{entry.actor ?? t('offices.history.unknownActor')}</td>
                    <td>{wordsFor('offices.action.', entry.action) ?? entry.action}</td>
                    <td>{change ? fieldName(change.field) : ''}</td>
                    <td>{change ? t('offices.history.change.value', { before: valueText(change.before), after: valueText(change.after) }) : ''}</td>
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
