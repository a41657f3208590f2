import { Link } from 'react-router';
import { t } from '../../lib/i18n';

interface PaginationProps {
  /** What is paged, for screen readers: "Pages of offices". */
  label: string;
  page: number;
  pageSize: number;
  total: number;
  /** The address of another page of the same list. */
  hrefOf: (page: number) => string;
  /** For a list inside a longer page (a record's history), so turning its page does not scroll to the top. */
  keepsScroll?: boolean;
}

/** Previous and next links around "Page 2 of 5"; nothing when everything fits on one page. */
export function Pagination({ label, page, pageSize, total, hrefOf, keepsScroll = false }: PaginationProps) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages === 1 && page === 1) return null;
  return (
    <nav className="pagination" aria-label={label}>
      {page > 1 && (
        <Link className="pagination__link" to={hrefOf(Math.min(page - 1, pages))} preventScrollReset={keepsScroll}>
          {t('pagination.previous')}
        </Link>
      )}
      <p className="pagination__position">{t('pagination.pageOf', { page, pages })}</p>
      {page < pages && (
        <Link className="pagination__link" to={hrefOf(page + 1)} preventScrollReset={keepsScroll}>
          {t('pagination.next')}
        </Link>
      )}
    </nav>
  );
}
