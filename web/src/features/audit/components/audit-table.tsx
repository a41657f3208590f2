import { useId } from 'react';
import type { AuditEntry } from '@ecoo/shared/audit/schemas';
import { auditActionKey } from '@ecoo/shared/audit/wording';
import { formatInstant, t } from '../../../lib/i18n';
import { TableWrap } from '../../../components/ui/table-wrap';

/**
 * Newest first; the details are shown as the BFF keeps them (field names, before and after, secrets
 * as fingerprints), since they are the record itself, not a sentence to translate.
 */
export function AuditTable({ entries }: { entries: readonly AuditEntry[] }) {
  const captionId = useId();
  if (entries.length === 0) return <p className="empty">{t('audit.empty')}</p>;
  return (
    <TableWrap captionId={captionId}>
      <table className="table">
        <caption id={captionId} className="table__caption">
          {t('audit.caption', { count: entries.length })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.column.at')}</th>
            <th scope="col">{t('audit.column.action')}</th>
            <th scope="col">{t('audit.column.actor')}</th>
            <th scope="col">{t('audit.column.agency')}</th>
            <th scope="col">{t('audit.column.office')}</th>
            <th scope="col">{t('audit.column.officer')}</th>
            <th scope="col">{t('audit.column.details')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td>
                <time dateTime={entry.at}>{formatInstant(entry.at)}</time>
              </td>
              <th scope="row">{t(auditActionKey(entry.event.action))}</th>
              <td>{entry.actor ? `${entry.actor.name} (${t(`role.${entry.actor.role}`)})` : t('audit.actor.none')}</td>
              <td>{entry.agency?.name ?? ''}</td>
              <td>{entry.office ? t('dashboard.profile.office', { name: entry.office.name, code: entry.office.code }) : ''}</td>
              <td>{entry.officer?.name ?? ''}</td>
              <td>
                <code className="audit-details">{JSON.stringify(entry.event.details)}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
