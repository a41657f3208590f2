import { useId } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { OfficeListQuerySchema, type Office } from '@ecoo/shared/offices/schemas';
import { paths } from '../../../config/paths';
import { t } from '../../../lib/i18n';
import { OfficeBadges } from './office-badges';
import { StampThumbnail } from './stamp-thumbnail';
import { TableWrap } from '../../../components/ui/table-wrap';
import { getOfficesQueryOptions } from '../api/get-offices';
import type { OfficeFilter } from '../api/office-keys';

/** Every office of the agency, whatever its status, one row at most: enough to know whether there are any. */
const anyOffice = OfficeListQuerySchema.parse({ status: 'all', pageSize: 1 });
const isWholeAgency = (filter: OfficeFilter) => filter.status === 'all' && filter.search === '';

/** The two ways offices come in: one by one, or many from a CSV file. */
export function AddOfficeLinks({ addLabel }: { addLabel: string }) {
  return (
    <p>
      <Link className="button button--primary" to={paths.dashboard.newOffice.getHref()}>
        {addLabel}
      </Link>{' '}
      <Link className="button button--secondary" to={paths.dashboard.importOffices.getHref()}>
        {t('offices.import.link')}
      </Link>
    </p>
  );
}

/**
 * An empty list means two different things: the agency has no offices yet (a new administrator: add
 * or import the first), or this search or status hides them (change it). An empty narrowed list
 * asks once, for one row of all offices, which it is.
 */
function OfficesEmpty({ filter }: { filter: OfficeFilter }) {
  const headingId = useId();
  const agencyWide = useQuery({ ...getOfficesQueryOptions(anyOffice), enabled: !isWholeAgency(filter) });
  const hasNone = isWholeAgency(filter) ? filter.page === 1 : agencyWide.data?.total === 0;
  if (!isWholeAgency(filter) && agencyWide.isPending) return null;
  if (hasNone) {
    return (
      <section className="panel" aria-labelledby={headingId}>
        <h2 id={headingId}>{t('offices.none.title')}</h2>
        <p>{t('offices.none.body')}</p>
        <AddOfficeLinks addLabel={t('offices.none.add')} />
      </section>
    );
  }
  return (
    <p className="empty">
      {t('offices.empty')} <Link to={paths.dashboard.offices.getHref({ status: 'all' })}>{t('offices.empty.showAll')}</Link>
    </p>
  );
}

export function OfficesTable({ offices, filter }: { offices: readonly Office[]; filter: OfficeFilter }) {
  const captionId = useId();
  if (offices.length === 0) return <OfficesEmpty filter={filter} />;
  return (
    <TableWrap captionId={captionId}>
      <table className="table">
        <caption id={captionId} className="table__caption">{t('offices.caption', { count: offices.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('offices.column.name')}</th>
            <th scope="col">{t('offices.column.code')}</th>
            <th scope="col">{t('offices.column.city')}</th>
            <th scope="col">{t('offices.column.state')}</th>
            <th scope="col">{t('offices.stamp.column')}</th>
            <th scope="col">{t('offices.column.status')}</th>
          </tr>
        </thead>
        <tbody>
          {offices.map((office) => (
            <tr key={office.id}>
              <th scope="row">
                <Link to={paths.dashboard.office.getHref(office.id)}>{office.name}</Link>
              </th>
              <td>
                <code>{office.code}</code>
              </td>
              <td>{office.city}</td>
              <td>{office.state}</td>
              <td>
                <StampThumbnail office={office} size="list" />
              </td>
              <td>
                <OfficeBadges office={office} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
