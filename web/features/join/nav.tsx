import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

/**
 * Navigation of the participant pages without a router library: they run in their own light entry
 * (web/join.html, built with Preact) and, as a fallback, inside the app's router. Both follow
 * `history.pushState` + a `popstate` event (React Router reads the new location from it).
 */
export function go(path: string) {
  window.history.pushState(null, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

const subscribe = (changed: () => void) => {
  window.addEventListener('popstate', changed);
  return () => window.removeEventListener('popstate', changed);
};

/** The current path, re-rendered on go() and on the browser's back and forward. */
export function usePath(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

/** A link within the participant pages: an ordinary <a>, followed in place unless opened in a new tab. */
export function JoinLink({ to, ...rest }: { to: string } & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'>) {
  function follow(e: MouseEvent<HTMLAnchorElement>) {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    go(to);
  }
  return <a href={to} onClick={follow} {...rest} />;
}

/** The workshop code of /join/<code> ('' on /join). */
export function joinCodeOf(path: string): string {
  const raw = /^\/join\/([^/]+)/.exec(path)?.[1] ?? '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw; // a malformed %-escape: the server answers 404 for it like for any unknown code
  }
}
