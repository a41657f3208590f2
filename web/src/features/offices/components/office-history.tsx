import { useSearchParams } from 'react-router';
import { paths } from '../../../config/paths';
import { problemMessage } from '../../../lib/form-errors';
import { t } from '../../../lib/i18n';
import { Alert } from '../../../components/ui/alert';
import { Loading } from '../../../components/ui/loading';
import { Pagination } from '../../../components/ui/pagination';
import { catalogueWords, HistoryTable, historyRowCount } from '../../../modules/history/components/history-table';
import { useOfficeAudit } from '../api/get-office-audit';

const actionName = catalogueWords('offices.action.');
/** A field of the office form keeps its label; fields the form does not show (the stamp's version) have their own words. */
const fieldName = catalogueWords('offices.field.', 'offices.historyField.');

/** The history's page is in the address (?historyPage=2), so Back returns to the page read before. */
const historyPageOf = (searchParams: URLSearchParams): number => {
  const page = Number(searchParams.get('historyPage') ?? '1');
  return Number.isInteger(page) && page >= 1 ? page : 1;
};

export function OfficeHistory({ officeId }: { officeId: string }) {
  const [searchParams] = useSearchParams();
  const page = historyPageOf(searchParams);
  const audit = useOfficeAudit(officeId, page);
  const hrefOf = (to: number) => (to > 1 ? `${paths.dashboard.office.getHref(officeId)}?historyPage=${to}` : paths.dashboard.office.getHref(officeId));
  return (
    <section className="section" aria-labelledby="office-history">
      <h2 id="office-history">{t('offices.history')}</h2>
      {audit.isPending ? (
        <Loading />
      ) : audit.isError ? (
        <Alert tone="error">{problemMessage(audit.error)}</Alert>
      ) : (
        <>
          <HistoryTable
            entries={audit.data.entries}
            caption={t('offices.history.caption', { count: historyRowCount(audit.data.entries) })}
            actionName={actionName}
            fieldName={fieldName}
          />
          <Pagination label={t('offices.history.pagination')} page={audit.data.page} pageSize={audit.data.pageSize} total={audit.data.total} hrefOf={hrefOf} keepsScroll />
        </>
      )}
    </section>
  );
}
