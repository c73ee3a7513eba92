import { NavLink } from 'react-router';
import { useUnseenHits } from './queries';

/** The navigation entry "Gespeicherte Suchen" with the number of new hits (coordinators and admins). */
export function SavedSearchNavItem({ label, newLabel }: { label: string; newLabel: string }) {
  const unseen = useUnseenHits(true);
  const n = unseen.data?.count ?? 0;
  return (
    <li>
      <NavLink to="/funding/saved-searches">
        {label}
        {n > 0 && (
          <>
            {' '}
            <span className="badge hit-new nav-count" aria-hidden="true">{n}</span>
            <span className="visually-hidden"> ({newLabel.replace('{n}', String(n))})</span>
          </>
        )}
      </NavLink>
    </li>
  );
}
