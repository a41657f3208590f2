import type { OfficerOffice } from '@ecoo/shared/officers/schemas';
import { t } from '../../../lib/i18n';

/** The offices an officer is mapped to; an office deactivated since is marked, since certificates cannot be issued there. */
export function OfficerOffices({ offices }: { offices: readonly OfficerOffice[] }) {
  if (offices.length === 0) return <>{t('officers.offices.none')}</>;
  return (
    <ul className="plain-list">
      {offices.map((office) => (
        <li key={office.id}>{office.isActive ? office.name : t('officers.offices.inactive', { name: office.name })}</li>
      ))}
    </ul>
  );
}
