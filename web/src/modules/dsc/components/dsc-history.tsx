import { useId } from 'react';
import type { DscRecord } from '@ecoo/shared/dsc/schemas';
import { formatInstant, t } from '../../../lib/i18n';
import { TableWrap } from '../../../components/ui/table-wrap';

/** The DSCs a newer one replaced: kept, since certificates signed in their day name them. */
export function DscHistory({ history }: { history: readonly DscRecord[] }) {
  const captionId = useId();
  if (history.length === 0) return <p>{t('dsc.history.none')}</p>;
  return (
    <TableWrap captionId={captionId}>
      <table className="table">
        <caption id={captionId} className="table__caption">{t('dsc.history.caption', { count: history.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dsc.field.holder')}</th>
            <th scope="col">{t('dsc.field.issuer')}</th>
            <th scope="col">{t('dsc.field.serial')}</th>
            <th scope="col">{t('dsc.field.validTo')}</th>
            <th scope="col">{t('dsc.field.registeredAt')}</th>
            <th scope="col">{t('dsc.field.replacedAt')}</th>
          </tr>
        </thead>
        <tbody>
          {history.map((record) => (
            <tr key={record.id}>
              <th scope="row">{record.holderName}</th>
              <td>{record.issuerName}</td>
              <td>
                <code>{record.serialNumber}</code>
              </td>
              <td className="table__nowrap">
                <time dateTime={record.notAfter}>{formatInstant(record.notAfter)}</time>
              </td>
              <td className="table__nowrap">
                <time dateTime={record.registeredAt}>{formatInstant(record.registeredAt)}</time>
              </td>
              <td className="table__nowrap">{record.replacedAt && <time dateTime={record.replacedAt}>{formatInstant(record.replacedAt)}</time>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
