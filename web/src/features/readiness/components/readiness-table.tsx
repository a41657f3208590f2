import { useId } from 'react';
import type { ReadinessRow } from '@ecoo/shared/readiness/schemas';
import { t } from '../../../lib/i18n';
import { TableWrap } from '../../../components/ui/table-wrap';
import { GapList, ReadinessFactCells, ReadinessFactHeaders } from '../../../modules/readiness/components/readiness-parts';

/** One row per active office with its agency, or one for an agency that has none; the agency's counts on each of its rows. */
export function ReadinessTable({ rows }: { rows: readonly ReadinessRow[] }) {
  const captionId = useId();
  if (rows.length === 0) return <p className="empty">{t('readiness.empty')}</p>;
  return (
    <TableWrap captionId={captionId}>
      <table className="table">
        <caption id={captionId} className="table__caption">
          {t('readiness.review.caption', { count: rows.length })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('readiness.column.agency')}</th>
            <th scope="col">{t('readiness.column.office')}</th>
            <ReadinessFactHeaders />
            <th scope="col">{t('readiness.column.gaps')}</th>
            <th scope="col">{t('readiness.column.pendingRequests')}</th>
            <th scope="col">{t('readiness.column.expiringDscs')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.office?.id ?? row.agency.id}>
              <td>{row.agency.name}</td>
              <th scope="row">{row.office ? t('dashboard.profile.office', { name: row.office.name, code: row.office.code }) : t('readiness.office.none')}</th>
              {row.office ? <ReadinessFactCells readiness={row} /> : <td colSpan={4} />}
              <td>
                <GapList gaps={row.gaps} />
              </td>
              <td>{row.agency.pendingOfficerRequests}</td>
              <td>{row.agency.expiringDscs}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
