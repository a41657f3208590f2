import { useId } from 'react';
import { Link } from 'react-router';
import type { Office } from '@ecoo/shared/offices/schemas';
import { paths } from '../../../config/paths';
import { t } from '../../../lib/i18n';
import { OfficeBadges } from './office-badges';
import { StampThumbnail } from './stamp-thumbnail';
import { TableWrap } from '../../../components/ui/table-wrap';

export function OfficesTable({ offices }: { offices: readonly Office[] }) {
  const captionId = useId();
  if (offices.length === 0) return <p className="empty">{t('offices.empty')}</p>;
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
