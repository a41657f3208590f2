import { Link } from 'react-router';
import { paths } from '../../../config/paths';
import { t } from '../../../lib/i18n';
import type { AdministratorFilter } from '../api/administrator-keys';

export function AdministratorsPagination({ filter, total }: { filter: AdministratorFilter; total: number }) {
  const pages = Math.max(1, Math.ceil(total / filter.pageSize));
  if (pages === 1 && filter.page === 1) return null;
  return (
    <nav className="pagination" aria-label={t('administrators.pagination')}>
      {filter.page > 1 && (
        <Link className="pagination__link" to={paths.review.administrators.getHref({ ...filter, page: filter.page - 1 })}>
          {t('administrators.previous')}
        </Link>
      )}
      <p className="pagination__position">{t('administrators.pageOf', { page: filter.page, pages })}</p>
      {filter.page < pages && (
        <Link className="pagination__link" to={paths.review.administrators.getHref({ ...filter, page: filter.page + 1 })}>
          {t('administrators.next')}
        </Link>
      )}
    </nav>
  );
}
