import { useEffect } from 'react';

const APP = 'Roter Faden';

/** Sets `document.title` to "<page> – Roter Faden" while the page is shown (screen readers announce it). */
export function usePageTitle(page: string | null | undefined) {
  useEffect(() => {
    document.title = page ? `${page} – ${APP}` : APP;
  }, [page]);
}
