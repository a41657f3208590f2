import { problemMessage } from '../../../lib/form-errors';
import { t } from '../../../lib/i18n';
import { Alert } from '../../../components/ui/alert';
import { Loading } from '../../../components/ui/loading';
import { catalogueWords, HistoryTable, historyRowCount } from '../../../modules/history/components/history-table';
import { useOfficeAudit } from '../api/get-office-audit';

const actionName = catalogueWords('offices.action.');
/** A field of the office form keeps its label; fields the form does not show (the stamp's version) have their own words. */
const fieldName = catalogueWords('offices.field.', 'offices.historyField.');

export function OfficeHistory({ officeId }: { officeId: string }) {
  const audit = useOfficeAudit(officeId);
  return (
    <section className="section" aria-labelledby="office-history">
      <h2 id="office-history">{t('offices.history')}</h2>
      {audit.isPending ? (
        <Loading />
      ) : audit.isError ? (
        <Alert tone="error">{problemMessage(audit.error)}</Alert>
      ) : (
        <HistoryTable
          entries={audit.data.entries}
          caption={t('offices.history.caption', { count: historyRowCount(audit.data.entries) })}
          actionName={actionName}
          fieldName={fieldName}
        />
      )}
    </section>
  );
}
