/**
 * The skip link ("Zum Inhalt springen") lives outside React, as the first element of <body>.
 * The router renders nothing until the first page's chunk has loaded, so a link rendered by
 * React would not yet exist when a keyboard user presses Tab right after the page loads.
 * (It could equally be written into index.html; this module keeps it next to the shell.)
 */
const TEXT = { de: 'Zum Inhalt springen', en: 'Skip to content' } as const;

export function ensureSkipLink(): HTMLAnchorElement | null {
  if (typeof document === 'undefined' || !document.body) return null;
  let a = document.querySelector<HTMLAnchorElement>('a.skip-link');
  if (!a) {
    a = document.createElement('a');
    a.className = 'skip-link';
    a.href = '#main';
    a.textContent = localStorage.getItem('rf.locale') === 'en' ? TEXT.en : TEXT.de;
    document.body.insertBefore(a, document.body.firstChild);
  }
  return a;
}

export function setSkipLinkText(locale: 'de' | 'en') {
  const a = ensureSkipLink();
  if (a && a.textContent !== TEXT[locale]) a.textContent = TEXT[locale];
}

ensureSkipLink();
