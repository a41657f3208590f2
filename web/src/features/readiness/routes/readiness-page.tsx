import { useNavigate, useSearchParams } from 'react-router';
import { ReadinessListQuerySchema, type ReadinessFilter } from '@ecoo/shared/readiness/schemas';
import { readinessApi } from '@ecoo/shared/readiness/api';
import { paths } from '../../../config/paths';
import { urlOf } from '../../../lib/api-client';
import { problemMessage } from '../../../lib/form-errors';
import { t } from '../../../lib/i18n';
import { Alert } from '../../../components/ui/alert';
import { Loading } from '../../../components/ui/loading';
import { PageHeading } from '../../../components/ui/page-heading';
import { Pagination } from '../../../components/ui/pagination';
import { useAgencies } from '../api/get-agencies';
import { useReadiness } from '../api/get-readiness';
import { ReadinessFilterForm } from '../components/readiness-filter';
import { ReadinessTable } from '../components/readiness-table';

/** The address bar holds agency, gap and page; one that does not parse shows every office. */
function queryOf(searchParams: URLSearchParams) {
  const parsed = ReadinessListQuerySchema.safeParse(Object.fromEntries(searchParams));
  return parsed.success ? parsed.data : ReadinessListQuerySchema.parse({});
}

/** Issue 16: the DGFT reviewer's view of every agency's go-live readiness, filtered, and exported as the same rows. */
export function ReadinessPage() {
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const query = queryOf(searchParams);
  const filter: ReadinessFilter = { agencyId: query.agencyId, gap: query.gap };
  const readiness = useReadiness(query);
  const agencies = useAgencies();

  /** Started just after the submit event, so React does not treat the search form as a form action. */
  function showList(next: ReadinessFilter) {
    void Promise.resolve().then(() => navigate(paths.review.readiness.getHref(next)));
  }

  return (
    <>
      <PageHeading>{t('readiness.review.title')}</PageHeading>
      <p className="lead">{t('readiness.review.intro')}</p>
      {agencies.isError && <Alert tone="error">{problemMessage(agencies.error)}</Alert>}
      <ReadinessFilterForm key={searchParams.toString()} filter={filter} agencies={agencies.data ?? []} onApply={showList} />
      {readiness.isPending ? (
        <Loading />
      ) : readiness.isError ? (
        <Alert tone="error">{problemMessage(readiness.error)}</Alert>
      ) : (
        <>
          <p>{t('readiness.summary', { ready: readiness.data.summary.readyOffices, offices: readiness.data.summary.offices })}</p>
          <p>
            {t('readiness.review.total', { total: readiness.data.total })}{' '}
            {readiness.data.total > 0 && (
              // A plain link: the browser downloads the file the BFF names, with the session cookie.
              <a href={urlOf(readinessApi.exportReadiness, { query: { agencyId: filter.agencyId, gap: filter.gap } })} download>
                {t('readiness.export')}
              </a>
            )}
          </p>
          <ReadinessTable rows={readiness.data.items} />
          <Pagination
            label={t('readiness.review.pagination')}
            page={query.page}
            pageSize={query.pageSize}
            total={readiness.data.total}
            hrefOf={(page) => paths.review.readiness.getHref({ ...filter, page, pageSize: query.pageSize })}
          />
        </>
      )}
    </>
  );
}
