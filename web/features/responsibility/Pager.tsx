import { Link, useLocation, useSearchParams } from 'react-router';

/** Previous/next as real links (the back button and bookmarks keep the page). */
export function Pager({ page, pages, label, prev, next, pageOf }: { page: number; pages: number; label: string; prev: string; next: string; pageOf: string }) {
  const [sp] = useSearchParams();
  const { pathname } = useLocation();
  if (pages <= 1) return null;
  const href = (p: number) => {
    const n = new URLSearchParams(sp);
    if (p > 1) n.set('page', String(p));
    else n.delete('page');
    const s = n.toString();
    return s ? `${pathname}?${s}` : pathname;
  };
  return (
    <nav className="pagination no-print" aria-label={label}>
      {page > 1 && (
        <Link className="btn" to={href(page - 1)} rel="prev">
          <span aria-hidden="true">←</span> {prev}
        </Link>
      )}
      <span aria-current="page">{pageOf}</span>
      {page < pages && (
        <Link className="btn" to={href(page + 1)} rel="next">
          {next} <span aria-hidden="true">→</span>
        </Link>
      )}
    </nav>
  );
}
