import { useNavigate, useSearchParams } from 'react-router';
import { OfficeListQuerySchema } from '@ecoo/shared/offices/schemas';
import { BackLink } from '../../../components/ui/back-link';
import { paths } from '../../../config/paths';
import { problemMessage } from '../../../lib/form-errors';
import { t } from '../../../lib/i18n';
import { Alert } from '../../../components/ui/alert';
import { Loading } from '../../../components/ui/loading';
import { Pagination } from '../../../components/ui/pagination';
import { PageHeading } from '../../../components/ui/page-heading';
import { useOffices } from '../api/get-offices';
import type { OfficeFilter } from '../api/office-keys';
import { OfficeListFilter } from '../components/office-list-filter';
import { AddOfficeLinks, OfficesTable } from '../components/offices-table';

/** The address bar holds search, sort, status and page; one that does not parse shows the first page of active offices by name. */
function filterOf(searchParams: URLSearchParams): OfficeFilter {
  const parsed = OfficeListQuerySchema.safeParse(Object.fromEntries(searchParams));
  return parsed.success ? parsed.data : OfficeListQuerySchema.parse({});
}

export function OfficesPage() {
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const filter = filterOf(searchParams);
  const offices = useOffices(filter);

  /**
   * A navigation started inside the submit event runs as a transition, and React 19 then treats the
   * form as a pending form action (it builds a FormData of it). The search needs none of that, so
   * the navigation starts just after the event.
   */
  function showList(next: OfficeFilter) {
    void Promise.resolve().then(() => navigate(paths.dashboard.offices.getHref(next)));
  }

  return (
    <>
      <BackLink to={paths.dashboard.home.getHref()}>{t('nav.myDashboard')}</BackLink>
      <PageHeading help="administrator#offices">{t('offices.title')}</PageHeading>
      <p className="lead">{t('offices.intro')}</p>
      <AddOfficeLinks addLabel={t('offices.add')} />
      {/* Keyed by the address, so Back also resets what the boxes show. */}
      <OfficeListFilter key={searchParams.toString()} filter={filter} onApply={(next) => showList(next)} />
      {offices.isPending ? (
        <Loading />
      ) : offices.isError ? (
        <Alert tone="error">{problemMessage(offices.error)}</Alert>
      ) : (
        <>
          <OfficesTable offices={offices.data.offices} filter={filter} />
          <Pagination
            label={t('offices.pagination')}
            page={filter.page}
            pageSize={filter.pageSize}
            total={offices.data.total}
            hrefOf={(page) => paths.dashboard.offices.getHref({ ...filter, page })}
          />
        </>
      )}
    </>
  );
}
