import { Link } from 'react-router';
import { useT } from '../../i18n/i18n';
import { measureMessages } from './messages';

/** Previous/next links (real URLs, so the back button and bookmarks work). */
export function Pagination({ page, pages, hrefFor }: { page: number; pages: number; hrefFor: (page: number) => string }) {
  const t = useT(measureMessages);
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label={t('pagination')}>
      {page > 1 ? (
        <Link className="btn" to={hrefFor(page - 1)} rel="prev">
          <span aria-hidden="true">←</span> {t('prev')}
        </Link>
      ) : null}
      <span aria-current="page">{t('pageOf', { page, pages })}</span>
      {page < pages ? (
        <Link className="btn" to={hrefFor(page + 1)} rel="next">
          {t('next')} <span aria-hidden="true">→</span>
        </Link>
      ) : null}
    </nav>
  );
}
