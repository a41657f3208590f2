import { useEffect, useRef, useState, type Ref } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { OfficerListQuerySchema } from '@ecoo/shared/officers/schemas';
import { BackLink } from '../../../components/ui/back-link';
import { paths } from '../../../config/paths';
import { problemMessage } from '../../../lib/form-errors';
import { t } from '../../../lib/i18n';
import { Alert } from '../../../components/ui/alert';
import { Loading } from '../../../components/ui/loading';
import { PageHeading } from '../../../components/ui/page-heading';
import { useOfficeChoices } from '../api/get-office-choices';
import { useOfficers } from '../api/get-officers';
import type { OfficerFilter } from '../api/officer-keys';
import { OfficerListFilter } from '../components/officer-list-filter';
import { OfficersPagination } from '../components/officers-pagination';
import { OfficerStatusTabs } from '../components/officer-status-tabs';
import { OfficersTable } from '../components/officers-table';

/** The address bar holds status, office, search and page; one that does not parse shows every officer. */
function filterOf(searchParams: URLSearchParams): OfficerFilter {
  const parsed = OfficerListQuerySchema.safeParse(Object.fromEntries(searchParams));
  return parsed.success ? parsed.data : OfficerListQuerySchema.parse({});
}

/** Trade Notice 23/2024-25 §3.I.viii and §3.II.i: My Dashboard → User Management, where officers' requests wait. */
export function OfficersPage() {
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const filter = filterOf(searchParams);
  const officers = useOfficers(filter);
  const offices = useOfficeChoices();
  const href = paths.dashboard.users.getHref(filter);
  // The search asked for, until its result is on screen: then focus goes to the count, which a screen reader reads out.
  const [focusFor, setFocusFor] = useState<string | null>(null);
  const resultsRef = useRef<HTMLElement>(null);
  const isSettled = focusFor === href && !officers.isFetching && officers.data !== undefined;
  useEffect(() => {
    if (!isSettled) return;
    resultsRef.current?.focus();
    setFocusFor(null);
  }, [isSettled]);

  /** Started just after the submit event, as on the offices list, so React does not treat the search form as a form action. */
  function showList(next: OfficerFilter) {
    const nextHref = paths.dashboard.users.getHref(next);
    setFocusFor(nextHref);
    void Promise.resolve().then(() => navigate(nextHref));
  }

  const pages = officers.data ? Math.max(1, Math.ceil(officers.data.total / filter.pageSize)) : 1;

  return (
    <>
      <BackLink to={paths.dashboard.home.getHref()}>{t('nav.myDashboard')}</BackLink>
      <PageHeading help="administrator#users">{t('nav.userManagement')}</PageHeading>
      <p className="lead">{t('officers.intro')}</p>
      {offices.isError && <Alert tone="error">{problemMessage(offices.error)}</Alert>}
      {/* Keyed by the address, so Back also resets what the boxes show. */}
      <OfficerListFilter key={searchParams.toString()} filter={filter} offices={offices.data ?? []} onApply={showList} />
      <OfficerStatusTabs filter={filter} counts={officers.data?.counts} />
      {officers.isPending ? (
        <Loading />
      ) : officers.isError ? (
        <Alert tone="error">{problemMessage(officers.error)}</Alert>
      ) : (
        filter.page > pages && officers.data.items.length === 0 ? (
          <p className="empty" ref={resultsRef as Ref<HTMLParagraphElement>} tabIndex={-1}>
            {t('officers.noSuchPage', { page: filter.page, pages })} <Link to={paths.dashboard.users.getHref({ ...filter, page: 1 })}>{t('officers.firstPage')}</Link>
          </p>
        ) : (
          <>
            <OfficersTable list={officers.data} resultsRef={resultsRef} />
            <OfficersPagination filter={filter} total={officers.data.total} />
          </>
        )
      )}
    </>
  );
}
