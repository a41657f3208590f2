import { useId } from 'react';
import type { Agency } from '@ecoo/shared/agencies/schemas';
import { t } from '../../../lib/i18n';
import { Button } from '../../../components/ui/button';
import { TableWrap } from '../../../components/ui/table-wrap';

export function AgenciesTable({ agencies, onEdit }: { agencies: readonly Agency[]; onEdit: (agency: Agency) => void }) {
  const captionId = useId();
  return (
    <TableWrap captionId={captionId}>
      <table className="table">
        <caption id={captionId} className="table__caption">{t('agencies.caption', { count: agencies.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('agencies.column.name')}</th>
            <th scope="col">{t('agencies.field.code')}</th>
            <th scope="col">{t('agencies.column.domains')}</th>
            <th scope="col">{t('agencies.column.certifies')}</th>
            <th scope="col">{t('agencies.column.action')}</th>
          </tr>
        </thead>
        <tbody>
          {agencies.map((agency) => (
            <tr key={agency.id}>
              <th scope="row">
                {agency.name}
                {agency.isDemo && <span className="tag"> {t('agencies.demo')}</span>}
              </th>
              <td>
                <code>{agency.code}</code>
              </td>
              <td>
                <ul className="plain-list">
                  {agency.emailDomains.map((domain) => (
                    <li key={domain}>{domain}</li>
                  ))}
                </ul>
              </td>
              <td>{agency.certifies}</td>
              <td>
                <Button variant="secondary" className="button--small" onClick={() => onEdit(agency)}>
                  <span aria-hidden="true">{t('agencies.editShort')}</span>
                  <span className="visually-hidden">{t('agencies.edit', { name: agency.name })}</span>
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
