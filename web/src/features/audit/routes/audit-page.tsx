import { useNavigate, useSearchParams } from 'react-router';
import { AuditListQuerySchema, type AuditFilter } from '@ecoo/shared/audit/schemas';
import { auditApi } from '@ecoo/shared/audit/api';
import { paths } from '../../../config/paths';
import { urlOf } from '../../../lib/api-client';
import { useActor } from '../../../lib/auth';
import { problemMessage } from '../../../lib/form-errors';
import { t } from '../../../lib/i18n';
import { Alert } from '../../../components/ui/alert';
import { Loading } from '../../../components/ui/loading';
import { PageHeading } from '../../../components/ui/page-heading';
import { Pagination } from '../../../components/ui/pagination';
import { useAuditAgencies } from '../api/get-agencies';
import { useAuditEntries } from '../api/get-audit-entries';
import { AuditFilterForm } from '../components/audit-filter';
import { AuditTable } from '../components/audit-table';

/** The address bar holds the filters and the page; one that does not parse shows every entry. */
function queryOf(searchParams: URLSearchParams) {
  const parsed = AuditListQuerySchema.safeParse(Object.fromEntries(searchParams));
  return parsed.success ? parsed.data : AuditListQuerySchema.parse({});
}

/**
 * Issue 16: the audit trail, for the administrator (their agency's, under My Dashboard) and the DGFT
 * reviewer (every agency's). The BFF decides the scope from the account, whatever the address says.
 */
export function AuditPage() {
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const isReviewer = useActor()?.role === 'dgft-reviewer';
  const place = isReviewer ? paths.review.audit : paths.dashboard.audit;
  const { page, pageSize, ...filter } = queryOf(searchParams);
  const entries = useAuditEntries({ ...filter, page, pageSize });
  const agencies = useAuditAgencies(isReviewer);

  /** Started just after the submit event, so React does not treat the search form as a form action. */
  function showEntries(next: AuditFilter) {
    void Promise.resolve().then(() => navigate(place.getHref(next)));
  }

  return (
    <>
      <PageHeading>{t('audit.title')}</PageHeading>
      <p className="lead">{t(isReviewer ? 'audit.intro.all' : 'audit.intro.agency')}</p>
      {agencies.isError && <Alert tone="error">{problemMessage(agencies.error)}</Alert>}
      <AuditFilterForm key={searchParams.toString()} filter={filter} agencies={isReviewer ? (agencies.data ?? []) : undefined} onApply={showEntries} />
      {entries.isPending ? (
        <Loading />
      ) : entries.isError ? (
        <Alert tone="error">{problemMessage(entries.error)}</Alert>
      ) : (
        <>
          <p>
            {t('audit.total', { total: entries.data.total })}{' '}
            {entries.data.total > 0 && (
              // A plain link: the browser downloads the file the BFF names, with the session cookie.
              <a href={urlOf(auditApi.exportAuditEntries, { query: filter })} download>
                {t('audit.export')}
              </a>
            )}
          </p>
          <AuditTable entries={entries.data.entries} />
          <Pagination label={t('audit.pagination')} page={page} pageSize={pageSize} total={entries.data.total} hrefOf={(next) => place.getHref({ ...filter, page: next, pageSize })} />
        </>
      )}
    </>
  );
}
