import { Link } from 'react-router';
import { registrationStatuses, type RegistrationStatus } from '@ecoo/shared/registrations/schemas';
import { paths } from '../../../config/paths';
import { t } from '../../../lib/i18n';

/** Tabs as links: each status has its own URL, so Back and bookmarks work. */
export function StatusFilter({ current }: { current: RegistrationStatus }) {
  return (
    <nav className="tabs" aria-label={t('registrations.filter.status')}>
      <ul className="tabs__list">
        {registrationStatuses.map((status) => (
          <li key={status}>
            <Link
              className={status === current ? 'tabs__tab tabs__tab--current' : 'tabs__tab'}
              to={paths.review.registrations.getHref({ status })}
              aria-current={status === current ? 'page' : undefined}
            >
              {t(`registrations.status.${status}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
