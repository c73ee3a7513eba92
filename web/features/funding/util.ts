import type { FundingWindow } from '../../../contract/funding';

/** Today as YYYY-MM-DD, the same way the server computes it (UTC), so client and server checks agree. */
export const todayIso = () => new Date().toISOString().slice(0, 10);

export type Deadline = { kind: 'date'; date: string } | { kind: 'rolling' } | { kind: 'closed'; last: string };

/**
 * The next application deadline of a programme, by the matcher's rule (domain/funding-match.ts):
 * the earliest `closesOn` not yet passed; no windows or an open window without a deadline = rolling;
 * every window closed = closed (with the last deadline).
 */
export function nextDeadline(windows: FundingWindow[], today = todayIso()): Deadline {
  if (!windows.length) return { kind: 'rolling' };
  const future = windows.filter((w) => !(w.closesOn != null && w.closesOn < today));
  if (!future.length) {
    const last = windows.map((w) => w.closesOn as string).sort().at(-1) as string;
    return { kind: 'closed', last };
  }
  const next = future.map((w) => w.closesOn).filter((d): d is string => d != null).sort()[0];
  return next ? { kind: 'date', date: next } : { kind: 'rolling' };
}

const amountFormat = {
  whole: new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 }),
  cents: new Intl.NumberFormat('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
};

/** Cents → the German way people type amounts ("1.234.567" or "1.234,50"), readable by parseMoney. */
export function centsToInput(cents: number | null | undefined): string {
  if (cents == null) return '';
  return (cents % 100 === 0 ? amountFormat.whole : amountFormat.cents).format(cents / 100);
}

/** "62,5", "62.5 %", "75" → 62.5; '' → null; anything else (or outside 0–100) → 'invalid'. */
export function parsePercent(input: string): number | null | 'invalid' {
  const s = input.trim().replace(/\s*%$/, '').replace(',', '.');
  if (!s) return null;
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(s)) return 'invalid';
  const n = Number(s);
  return n >= 0 && n <= 100 ? n : 'invalid';
}

export const percentToInput = (n: number | null | undefined) => (n == null ? '' : String(n).replace('.', ','));

/** "62,5 %" for display. */
export const percentText = (n: number | null | undefined, locale: 'de' | 'en') =>
  n == null ? '–' : `${locale === 'de' ? String(n).replace('.', ',') : String(n)} %`;
