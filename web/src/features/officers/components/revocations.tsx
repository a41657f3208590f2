import { useId } from 'react';
import type { Revocation } from '@ecoo/shared/officers/schemas';
import { formatDate, formatInstant, t } from '../../../lib/i18n';
import { TableWrap } from '../../../components/ui/table-wrap';

/** Every deactivation stays on record, reactivated or not: it decides whose certificates are whose. */
export function Revocations({ revocations }: { revocations: readonly Revocation[] }) {
  const captionId = useId();
  if (revocations.length === 0) return <p>{t('officers.revocations.none')}</p>;
  return (
    <TableWrap captionId={captionId}>
      <table className="table">
        <caption id={captionId} className="table__caption">{t('officers.revocations.caption', { count: revocations.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('officers.revocations.effectiveDate')}</th>
            <th scope="col">{t('officers.revocations.reason')}</th>
            <th scope="col">{t('officers.revocations.revoked')}</th>
            <th scope="col">{t('officers.revocations.reactivated')}</th>
          </tr>
        </thead>
        <tbody>
          {revocations.map((revocation) => (
            <tr key={revocation.id}>
              <th scope="row" className="table__nowrap">
                <time dateTime={revocation.effectiveDate}>{formatDate(revocation.effectiveDate)}</time>
              </th>
              <td>{revocation.reason}</td>
              <td>{t('officers.revocations.by', { by: revocation.revokedBy, at: formatInstant(revocation.revokedAt) })}</td>
              <td>
                {revocation.reactivatedAt
                  ? t('officers.revocations.by', { by: revocation.reactivatedBy ?? t('officers.history.unknownActor'), at: formatInstant(revocation.reactivatedAt) })
                  : t('officers.revocations.notReactivated')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
