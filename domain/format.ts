/**
 * German-first formatting shared by server (documents) and web.
 * Dates: 21.11.2026; amounts: 1.234.567 € (cents shown only when not whole euros).
 */
export type Locale = 'de' | 'en';

const money = {
  de: new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }),
  en: new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }),
};
const moneyCents = {
  de: new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR', minimumFractionDigits: 2 }),
  en: new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR', minimumFractionDigits: 2 }),
};

/** Intl puts a no-break space before "€"; documents and tests want a plain one. */
const plainSpaces = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

export function formatMoney(cents: number | null | undefined, locale: Locale = 'de'): string {
  if (cents == null) return '–';
  const f = cents % 100 === 0 ? money[locale] : moneyCents[locale];
  return plainSpaces(f.format(cents / 100));
}

/** `2026-11-21` or a Date → `21.11.2026` (de) / `21/11/2026` (en). */
export function formatDate(value: string | Date | null | undefined, locale: Locale = 'de'): string {
  if (!value) return '–';
  const iso = typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
  const [y, m, d] = iso.split('-');
  if (!y || !m || !d) return '–';
  return locale === 'de' ? `${d}.${m}.${y}` : `${d}/${m}/${y}`;
}

export function formatDateTime(value: string | Date | null | undefined, locale: Locale = 'de'): string {
  if (!value) return '–';
  const date = typeof value === 'string' ? new Date(value) : value;
  return plainSpaces(
    new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', {
      day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Berlin',
    }).format(date),
  );
}

/**
 * Parses amounts as people type them in German spreadsheets and forms:
 * "1.234.567 €", "1234567,50", "1,5 Mio", "250 T€", "250000". Returns cents or null if unreadable.
 */
export function parseMoney(input: string | number | null | undefined): number | null {
  if (input == null) return null;
  if (typeof input === 'number') return Number.isFinite(input) && input >= 0 ? Math.round(input * 100) : null;
  let s = input.trim().toLowerCase().replace(/\s+/g, ' ');
  if (!s) return null;
  let factor = 1;
  if (/(mio\.?|millionen?)\s*(€|eur)?$/.test(s)) factor = 1_000_000;
  else if (/(t€|teur|tsd\.?)\s*$/.test(s)) factor = 1_000;
  s = s.replace(/(mio\.?|millionen?|t€|teur|tsd\.?|€|eur|euro)/g, '').replace(/\s/g, '');
  if (!/^\d[\d.,]*$/.test(s)) return null;
  // German: "." groups thousands, "," separates decimals. A lone "." followed by 1–2 digits is a decimal point.
  if (s.includes(',')) s = s.replace(/\./g, '').replace(',', '.');
  else if (!/^\d+\.\d{1,2}$/.test(s)) s = s.replace(/\./g, '');
  const n = Number(s);
  if (!Number.isFinite(n) || n < 0) return null;
  return Math.round(n * factor * 100);
}

/** `21.11.2026`, `2026-11-21`, `21.11.26` → `2026-11-21`; null when not a real date. */
export function parseDate(input: string | Date | null | undefined): string | null {
  if (input == null || input === '') return null;
  if (input instanceof Date) return Number.isNaN(input.getTime()) ? null : input.toISOString().slice(0, 10);
  const s = input.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/.exec(s))) {
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (y < 100) y += 2000;
  } else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * A competition rank as German readers expect it: "5", or "5 (gleichauf)" when another entry shares
 * the rank ("5 (tied)" in English). The one place for this form: rankings (dot rounds, scoring
 * rounds), their views, the workshop protocol and exports all use it.
 */
export function formatRank(rank: number | null | undefined, tied: boolean, locale: Locale = 'de'): string {
  if (rank == null) return '';
  if (!tied) return String(rank);
  return locale === 'de' ? `${rank} (gleichauf)` : `${rank} (tied)`;
}
