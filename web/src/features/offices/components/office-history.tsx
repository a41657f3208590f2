import { useSearchParams } from 'react-router';
import { paths } from '../../../config/paths';
import { problemMessage } from '../../../lib/form-errors';
import { t, type MessageKey } from '../../../lib/i18n';
import { Alert } from '../../../components/ui/alert';
import { Loading } from '../../../components/ui/loading';
import { Pagination } from '../../../components/ui/pagination';
import type { OfficeHistoryField } from '@ecoo/shared/offices/audit';
import { catalogueWords, HistoryTable, historyRowCount } from '../../../modules/history/components/history-table';
import { useOfficeAudit } from '../api/get-office-audit';
import { officeFieldLabel } from './office-field-labels';

const actionName = catalogueWords('offices.action.');

/** Every field the history can name, by its label in the reader's language (the form's, where the form shows it). */
export const officeHistoryFieldLabel: Record<OfficeHistoryField, MessageKey> = {
  ...officeFieldLabel,
  'checksumKey (fingerprint)': 'offices.historyField.checksumKey (fingerprint)',
  isEWalletEnabled: 'offices.historyField.isEWalletEnabled',
  isActive: 'offices.historyField.isActive',
  stampVersion: 'offices.historyField.stampVersion',
};
/** A field a newer BFF records that this console does not know yet stays as sent. */
const fieldName = (field: string) => (Object.hasOwn(officeHistoryFieldLabel, field) ? t(officeHistoryFieldLabel[field as OfficeHistoryField]) : field);

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
            caption={t('offices.history.caption', { changes: audit.data.entries.length, rows: historyRowCount(audit.data.entries) })}
            actionName={actionName}
            fieldName={fieldName}
          />
          <Pagination label={t('offices.history.pagination')} page={audit.data.page} pageSize={audit.data.pageSize} total={audit.data.total} hrefOf={hrefOf} keepsScroll />
        </>
      )}
    </section>
  );
}
