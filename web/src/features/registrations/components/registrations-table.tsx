import { useId } from 'react';
import { Link } from 'react-router';
import type { RegistrationList, RegistrationStatus } from '@ecoo/shared/registrations/schemas';
import { paths } from '../../../config/paths';
import { formatInstant, t } from '../../../lib/i18n';
import { TableWrap } from '../../../components/ui/table-wrap';

export function RegistrationsTable({ list, status }: { list: RegistrationList; status: RegistrationStatus }) {
  const captionId = useId();
  if (list.items.length === 0) return <p className="empty">{t('registrations.empty')}</p>;
  return (
    <TableWrap captionId={captionId}>
      <table className="table">
        <caption id={captionId} className="table__caption">{t('registrations.caption', { status: t(`registrations.status.${status}`), total: list.total })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('registrations.column.submittedAt')}</th>
            <th scope="col">{t('registrations.column.name')}</th>
            <th scope="col">{t('registrations.column.email')}</th>
            <th scope="col">{t('registrations.column.agency')}</th>
            <th scope="col">{t('registrations.column.status')}</th>
            <th scope="col">{t('registrations.column.action')}</th>
          </tr>
        </thead>
        <tbody>
          {list.items.map((registration) => (
            <tr key={registration.id}>
              <td className="table__nowrap">
                <time dateTime={registration.submittedAt}>{formatInstant(registration.submittedAt)}</time>
              </td>
              <th scope="row">{registration.name}</th>
              <td className="table__email">{registration.email}</td>
              <td>{registration.agency.name}</td>
              <td>
                <span className={`status status--${registration.status}`}>{t(`registrations.status.${registration.status}`)}</span>
              </td>
              <td>
                <Link to={paths.review.registration.getHref(registration.id)}>
                  <span aria-hidden="true">{t('registrations.openShort')}</span>
                  <span className="visually-hidden">{t('registrations.open', { name: registration.name })}</span>
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
