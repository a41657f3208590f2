import { Link } from 'react-router';
import type { RegistrationStatus } from '@ecoo/shared/registrations/schemas';
import { paths } from '../../../config/paths';
import { t } from '../../../lib/i18n';

export function Pagination({ status, page, pageSize, total }: { status: RegistrationStatus; page: number; pageSize: number; total: number }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages === 1 && page === 1) return null;
  return (
    <nav className="pagination" aria-label={t('registrations.pagination')}>
      {page > 1 && (
        <Link className="pagination__link" to={paths.review.registrations.getHref({ status, page: page - 1 })}>
          {t('registrations.previous')}
        </Link>
      )}
      <p className="pagination__position">{t('registrations.pageOf', { page, pages })}</p>
      {page < pages && (
        <Link className="pagination__link" to={paths.review.registrations.getHref({ status, page: page + 1 })}>
          {t('registrations.next')}
        </Link>
      )}
    </nav>
  );
}
