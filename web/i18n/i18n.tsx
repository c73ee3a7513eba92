import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { formatDate, formatDateTime, formatMoney, formatRank, type Locale } from '../../domain/format';

/**
 * Each feature keeps its own messages ({ de: {...}, en: {...} }) next to its code and calls
 * `useT(messages)`; German is the default and the fallback.
 */
export type Messages<K extends string = string> = { de: Record<K, string>; en: Partial<Record<K, string>> };

interface I18n {
  locale: Locale;
  setLocale: (l: Locale) => void;
}
const I18nContext = createContext<I18n>({ locale: 'de', setLocale: () => {} });

const STORAGE_KEY = 'rf.locale';

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => (localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'de'));
  const setLocale = useCallback((l: Locale) => {
    localStorage.setItem(STORAGE_KEY, l);
    document.documentElement.lang = l;
    setLocaleState(l);
  }, []);
  document.documentElement.lang = locale;
  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useLocale() {
  return useContext(I18nContext);
}

/** `t('key', { n: 3 })` replaces `{n}` in the message. */
export function useT<K extends string>(messages: Messages<K>) {
  const { locale } = useContext(I18nContext);
  return useCallback(
    (key: K, vars?: Record<string, string | number>) => {
      let s = (locale === 'en' ? messages.en[key] : undefined) ?? messages.de[key] ?? key;
      if (vars) for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, String(v));
      return s;
    },
    [locale, messages],
  );
}

/** Formatters bound to the current locale. */
export function useFormat() {
  const { locale } = useContext(I18nContext);
  return useMemo(
    () => ({
      money: (c: number | null | undefined) => formatMoney(c, locale),
      date: (d: string | null | undefined) => formatDate(d, locale),
      dateTime: (d: string | null | undefined) => formatDateTime(d, locale),
      /** "5" or "5 (gleichauf)" / "5 (tied)" for a shared rank; "" without a rank */
      rank: (rank: number | null | undefined, tied: boolean) => formatRank(rank, tied, locale),
      /** 10.000 / 10,000 */
      number: (n: number) => n.toLocaleString(locale === 'de' ? 'de-DE' : 'en-GB'),
      label: (labels: Record<string, Record<Locale, string>>, key: string | null | undefined) =>
        key ? (labels[key]?.[locale] ?? key) : '–',
    }),
    [locale],
  );
}
