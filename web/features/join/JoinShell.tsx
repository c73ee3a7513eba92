import { useEffect, type ReactNode } from 'react';
import { useLocale, useT } from '../../i18n/i18n';
import { setSkipLinkText } from '../../app/skipLink';
import { joinMessages } from './messages';
import './join.css';

/** Frame of the participant pages: brand, language switch, content. Phone first, no app navigation. */
export function JoinShell({ children, subtitle }: { children: ReactNode; subtitle?: string }) {
  const t = useT(joinMessages);
  const { locale, setLocale } = useLocale();
  useEffect(() => setSkipLinkText(locale), [locale]);
  // The municipality's privacy page, found by the workshop code in the address (guests know nothing else).
  const code = /^\/join\/([^/?#]+)/.exec(window.location.pathname)?.[1];
  return (
    <div className="join-app">
      <header className="join-header">
        <span className="join-brand">
          <span aria-hidden="true">⟿ </span>
          {t('brand')}
          {subtitle && <span className="join-sub">{subtitle}</span>}
        </span>
        <span role="group" aria-label={t('language')} className="join-lang">
          {(['de', 'en'] as const).map((l) => (
            <button key={l} type="button" lang={l} aria-pressed={locale === l} className="btn small" onClick={() => setLocale(l)}>
              {l.toUpperCase()}
            </button>
          ))}
        </span>
      </header>
      <main id="main" className="join-main" tabIndex={-1}>
        {children}
      </main>
      {code && (
        <footer className="join-footer">
          <a href={`/privacy/workshop/${encodeURIComponent(code)}`}>{t('privacyLink')}</a>
        </footer>
      )}
    </div>
  );
}
