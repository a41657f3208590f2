import { problemMessage } from '../../../lib/form-errors';
import { t } from '../../../lib/i18n';
import { Alert } from '../../../components/ui/alert';
import { Loading } from '../../../components/ui/loading';
import { catalogueWords, HistoryTable } from '../../../modules/history/components/history-table';
import { useOfficerHistory } from '../api/get-officer-history';

const actionName = catalogueWords('officers.action.');
const fieldName = catalogueWords('officers.historyField.');

export function OfficerHistory({ userId }: { userId: string }) {
  const history = useOfficerHistory(userId);
  return (
    <section className="section" aria-labelledby="officer-history">
      <h2 id="officer-history">{t('officers.history')}</h2>
      {history.isPending ? (
        <Loading />
      ) : history.isError ? (
        <Alert tone="error">{problemMessage(history.error)}</Alert>
      ) : (
        <HistoryTable
          entries={history.data.entries}
          caption={t('officers.history.caption', { count: history.data.entries.length })}
          actionName={actionName}
          fieldName={fieldName}
        />
      )}
    </section>
  );
}
