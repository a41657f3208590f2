import type { Revocation } from '@ecoo/shared/officers/schemas';
import { formatDate, formatInstant, t } from '../../../lib/i18n';

/** Every deactivation of the administrator, reactivated or not; none is ever removed. */
export function AdministratorRevocations({ revocations }: { revocations: readonly Revocation[] }) {
  if (revocations.length === 0) return <>{t('administrators.revocations.none')}</>;
  return (
    <ul className="plain-list">
      {revocations.map((revocation) => (
        <li key={revocation.id}>
          {t('administrators.revocation', { date: formatDate(revocation.effectiveDate), reason: revocation.reason, by: revocation.revokedBy })}
          {revocation.reactivatedAt && (
            <>
              {' '}
              {t('administrators.revocation.reactivated', { at: formatInstant(revocation.reactivatedAt), by: revocation.reactivatedBy ?? t('administrators.unknownActor') })}
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
