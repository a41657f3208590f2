import { useEffect, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { AdministratorListQuerySchema } from '@ecoo/shared/administrators/schemas';
import { paths } from '../../../config/paths';
import { problemMessage } from '../../../lib/form-errors';
import { t } from '../../../lib/i18n';
import { Alert } from '../../../components/ui/alert';
import { Loading } from '../../../components/ui/loading';
import { PageHeading } from '../../../components/ui/page-heading';
import type { AdministratorFilter } from '../api/administrator-keys';
import { useAdministrators } from '../api/get-administrators';
import { useAgencies } from '../api/get-agencies';
import { AdministratorsFilter } from '../components/administrators-filter';
import { AdministratorsPagination } from '../components/administrators-pagination';
import { AdministratorsTable, type AdministratorChange } from '../components/administrators-table';

/** The address bar holds agency, status, search and page; one that does not parse shows every administrator. */
function filterOf(searchParams: URLSearchParams): AdministratorFilter {
  const parsed = AdministratorListQuerySchema.safeParse(Object.fromEntries(searchParams));
  return parsed.success ? parsed.data : AdministratorListQuerySchema.parse({});
}

/** The DGFT reviewer's list of every agency's administrators, to deactivate one who has left the agency. */
export function AdministratorsPage() {
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const filter = filterOf(searchParams);
  const administrators = useAdministrators(filter);
  const agencies = useAgencies();
  const [change, setChange] = useState<AdministratorChange | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (change) noticeRef.current?.focus();
  }, [change]);

  /** Started just after the submit event, so React does not treat the search form as a form action. */
  function showList(next: AdministratorFilter) {
    setChange(null);
    void Promise.resolve().then(() => navigate(paths.review.administrators.getHref(next)));
  }

  return (
    <>
      <PageHeading help="reviewer#administrators">{t('administrators.title')}</PageHeading>
      <p className="lead">{t('administrators.intro')}</p>
      {agencies.isError && <Alert tone="error">{problemMessage(agencies.error)}</Alert>}
      <AdministratorsFilter key={searchParams.toString()} filter={filter} agencies={agencies.data ?? []} onApply={showList} />
      {change && (
        <Alert ref={noticeRef} tone="success">
          {t(change.kind === 'deactivated' ? 'administrators.deactivated' : 'administrators.reactivated', { name: change.name })}
        </Alert>
      )}
      {administrators.isPending ? (
        <Loading />
      ) : administrators.isError ? (
        <Alert tone="error">{problemMessage(administrators.error)}</Alert>
      ) : (
        <>
          <p>{t('administrators.total', { total: administrators.data.total })}</p>
          <AdministratorsTable administrators={administrators.data.items} onChanged={setChange} />
          <AdministratorsPagination filter={filter} total={administrators.data.total} />
        </>
      )}
    </>
  );
}
