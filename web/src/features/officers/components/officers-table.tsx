import { useId, type Ref } from 'react';
import { Link } from 'react-router';
import type { OfficerList } from '@ecoo/shared/officers/schemas';
import { paths } from '../../../config/paths';
import { t } from '../../../lib/i18n';
import { DscStateBadge } from '../../../modules/dsc/components/dsc-state-badge';
import { OfficerOffices } from './officer-offices';
import { OfficerStatusBadge } from './officer-status-badge';
import { SignatureStatus } from './signature-status';
import { TableWrap } from '../../../components/ui/table-wrap';

/** `resultsRef` is the caption (or the "no officers" line), where focus goes after a new search. */
export function OfficersTable({ list, resultsRef }: { list: OfficerList; resultsRef?: Ref<HTMLElement> }) {
  const captionId = useId();
  if (list.items.length === 0)
    return (
      <p className="empty" ref={resultsRef as Ref<HTMLParagraphElement>} tabIndex={-1}>
        {t('officers.empty')}
      </p>
    );
  return (
    <TableWrap captionId={captionId}>
      <table className="table">
        <caption id={captionId} className="table__caption" ref={resultsRef as Ref<HTMLTableCaptionElement>} tabIndex={-1}>{t('officers.caption', { shown: list.items.length, total: list.total })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('officers.column.name')}</th>
            <th scope="col">{t('officers.column.email')}</th>
            <th scope="col">{t('officers.column.designation')}</th>
            <th scope="col">{t('officers.column.status')}</th>
            <th scope="col">{t('officers.column.offices')}</th>
            <th scope="col">{t('officers.column.signature')}</th>
            <th scope="col">{t('officers.dsc.column')}</th>
          </tr>
        </thead>
        <tbody>
          {list.items.map((officer) => (
            <tr key={officer.id}>
              <th scope="row">
                <Link to={paths.dashboard.officer.getHref(officer.id)}>{officer.name}</Link>
              </th>
              <td className="table__email">{officer.email}</td>
              <td>{officer.designation}</td>
              <td>
                <OfficerStatusBadge status={officer.status} />
              </td>
              <td>
                {officer.status === 'pending' && officer.offices.length === 0 && officer.requestedOffice ? (
                  t('officers.offices.askedFor', { name: officer.requestedOffice.name })
                ) : (
                  <OfficerOffices offices={officer.offices} />
                )}
              </td>
              <td>
                <SignatureStatus signature={officer.signature} />
              </td>
              <td>
                <DscStateBadge status={officer.dsc} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
