import { Link } from 'react-router';
import { paths } from '../../../config/paths';
import { t } from '../../../lib/i18n';
import type { OfficerFilter } from '../api/officer-keys';

export function OfficersPagination({ filter, total }: { filter: OfficerFilter; total: number }) {
  const pages = Math.max(1, Math.ceil(total / filter.pageSize));
  if (pages === 1 && filter.page === 1) return null;
  return (
    <nav className="pagination" aria-label={t('officers.pagination')}>
      {filter.page > 1 && (
        <Link className="pagination__link" to={paths.dashboard.users.getHref({ ...filter, page: filter.page - 1 })}>
          {t('officers.previous')}
        </Link>
      )}
      <p className="pagination__position">{t('officers.pageOf', { page: filter.page, pages })}</p>
      {filter.page < pages && (
        <Link className="pagination__link" to={paths.dashboard.users.getHref({ ...filter, page: filter.page + 1 })}>
          {t('officers.next')}
        </Link>
      )}
    </nav>
  );
}
