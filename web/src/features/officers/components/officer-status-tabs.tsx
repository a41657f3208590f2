import { Link } from 'react-router';
import { officerStatuses, type OfficerCounts } from '@ecoo/shared/officers/schemas';
import { paths } from '../../../config/paths';
import { t } from '../../../lib/i18n';
import type { OfficerFilter } from '../api/officer-keys';

/**
 * Tabs as links: each status has its own URL, so Back and bookmarks work. A tab keeps the office
 * and search and starts again at the first page.
 */
export function OfficerStatusTabs({ filter, counts }: { filter: OfficerFilter; counts: OfficerCounts | undefined }) {
  const total = counts ? officerStatuses.reduce((sum, status) => sum + counts[status], 0) : undefined;
  const tabs = [
    { key: 'all', status: undefined, label: t('officers.status.all'), count: total },
    ...officerStatuses.map((status) => ({ key: status, status, label: t(`officers.status.${status}`), count: counts?.[status] })),
  ];
  return (
    <nav className="tabs" aria-label={t('officers.filter.status')}>
      <ul className="tabs__list">
        {tabs.map((tab) => {
          const isCurrent = tab.status === filter.status;
          return (
            <li key={tab.key}>
              <Link
                className={isCurrent ? 'tabs__tab tabs__tab--current' : 'tabs__tab'}
                to={paths.dashboard.users.getHref({ officeId: filter.officeId, q: filter.q, status: tab.status })}
                aria-current={isCurrent ? 'page' : undefined}
              >
                {tab.count === undefined ? tab.label : t('officers.tab', { label: tab.label, count: tab.count })}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
