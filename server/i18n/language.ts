import type { IncomingHttpHeaders } from 'node:http';

/** The languages the API answers in; German is the default (the app's users are German municipalities). */
export type Lang = 'de' | 'en';
export const LANGS: readonly Lang[] = ['de', 'en'];

const isLang = (v: unknown): v is Lang => v === 'de' || v === 'en';

/**
 * The languages of an Accept-Language header in order of preference (q-values honoured, q=0 refused,
 * equal q in header order), reduced to their primary subtag: "en-GB;q=0.8, de" → ["de", "en"].
 */
export function acceptedLanguages(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part, i) => {
      const [tag, ...attrs] = part.trim().split(';');
      const q = attrs.map((a) => a.trim()).find((a) => a.startsWith('q='));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return { lang: tag.trim().toLowerCase().split('-')[0], weight: Number.isFinite(weight) ? weight : 0, i };
    })
    .filter((l) => l.lang && l.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.i - b.i)
    .map((l) => l.lang);
}

/**
 * The language to answer a request in: `?lang=de|en` when given (links and scripts that cannot set
 * headers; the funding module's convention), else the first of German and English the client prefers
 * in Accept-Language, else German. One helper for every module, so errors and texts agree.
 */
export function requestLanguage(req: { url: string; headers: IncomingHttpHeaders }): Lang {
  const q = req.url.indexOf('?');
  if (q >= 0) {
    const lang = new URLSearchParams(req.url.slice(q + 1)).get('lang');
    if (isLang(lang)) return lang;
  }
  const header = req.headers['accept-language'];
  for (const lang of acceptedLanguages(Array.isArray(header) ? header.join(',') : header)) {
    if (isLang(lang)) return lang;
    if (lang === '*') return 'de'; // "anything" before a named language: our default
  }
  return 'de';
}
