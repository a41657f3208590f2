import { useId } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { MyReadiness, OfficeReadiness, ReadinessGap } from '@ecoo/shared/readiness/schemas';
import { paths } from '../../../config/paths';
import { problemMessage } from '../../../lib/form-errors';
import { t } from '../../../lib/i18n';
import { Alert } from '../../../components/ui/alert';
import { Loading } from '../../../components/ui/loading';
import { Pagination } from '../../../components/ui/pagination';
import { TableWrap } from '../../../components/ui/table-wrap';
import { GapList, ReadinessFactCells, ReadinessFactHeaders } from '../../../modules/readiness/components/readiness-parts';
import { useMyReadiness } from '../api/get-my-readiness';

const pageSize = 20;

/** The page that closes each gap: the office's own pages, or User Management for its officers. */
function gapHref(office: OfficeReadiness['office'], gap: ReadinessGap): string {
  if (gap === 'payment-parameters') return paths.dashboard.editOffice.getHref(office.id);
  if (gap === 'stamp') return paths.dashboard.officeStamp.getHref(office.id);
  // Mapping is done on an officer's page, so the way in is the list of active officers.
  if (gap === 'officer') return paths.dashboard.users.getHref({ status: 'active' });
  if (gap === 'office') return paths.dashboard.newOffice.getHref();
  return paths.dashboard.users.getHref({ status: 'active', officeId: office.id });
}

function pageOf(searchParams: URLSearchParams): number {
  const page = Number(searchParams.get('readinessPage'));
  return Number.isInteger(page) && page > 1 ? page : 1;
}

function ReadinessTable({ readiness }: { readiness: MyReadiness }) {
  const captionId = useId();
  return (
    <>
      <TableWrap captionId={captionId}>
        <table className="table">
          <caption id={captionId} className="table__caption">
            {t('readiness.caption', { count: readiness.items.length })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('readiness.column.office')}</th>
              <ReadinessFactHeaders />
              <th scope="col">{t('readiness.column.gaps')}</th>
            </tr>
          </thead>
          <tbody>
            {readiness.items.map((item) => (
              <tr key={item.office.id}>
                <th scope="row">
                  <Link to={paths.dashboard.office.getHref(item.office.id)}>{t('dashboard.profile.office', { name: item.office.name, code: item.office.code })}</Link>
                </th>
                <ReadinessFactCells readiness={item} />
                <td>
                  <GapList gaps={item.gaps} hrefOf={(gap) => gapHref(item.office, gap)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <Pagination
        label={t('readiness.pagination')}
        page={readiness.page}
        pageSize={readiness.pageSize}
        total={readiness.total}
        hrefOf={(page) => paths.dashboard.home.getHref({ readinessPage: page })}
        keepsScroll
      />
    </>
  );
}

function ReadinessBody({ readiness }: { readiness: MyReadiness }) {
  const { agency, summary } = readiness;
  return (
    <>
      <ul className="plain-list">
        <li>
          <Link to={paths.dashboard.users.getHref({ status: 'pending' })}>{t('readiness.pendingRequests', { count: agency.pendingOfficerRequests })}</Link>
        </li>
        <li>{t('readiness.expiringDscs', { count: agency.expiringDscs })}</li>
      </ul>
      {summary.offices === 0 ? (
        <p>
          {t('readiness.noOffices')} <Link to={paths.dashboard.newOffice.getHref()}>{t('readiness.addOffice')}</Link>
        </p>
      ) : (
        <>
          <p>{t('readiness.summary', { ready: summary.readyOffices, offices: summary.offices })}</p>
          {readiness.total === 0 ? <p>{t('readiness.allReady')}</p> : <ReadinessTable readiness={readiness} />}
        </>
      )}
    </>
  );
}

/**
 * Issue 16: the administrator's go-live checklist. Only offices with something missing are listed,
 * each gap a link to the page that closes it; the counts say what waits on the administrator.
 */
export function GoLiveReadiness() {
  const [searchParams] = useSearchParams();
  const readiness = useMyReadiness({ gap: 'any', page: pageOf(searchParams), pageSize });
  return (
    <section className="section" aria-labelledby="dashboard-readiness">
      <h2 id="dashboard-readiness">{t('readiness.title')}</h2>
      <p>{t('readiness.intro')}</p>
      {readiness.isPending ? <Loading /> : readiness.isError ? <Alert tone="error">{problemMessage(readiness.error)}</Alert> : <ReadinessBody readiness={readiness.data} />}
    </section>
  );
}
