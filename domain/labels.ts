import type { Locale } from './format';

/** Display names of the fixed vocabularies, used by documents, exports, imports and the web. */
export const STATUS_LABELS: Record<string, Record<Locale, string>> = {
  idea: { de: 'Idee', en: 'Idea' },
  brief: { de: 'Steckbrief', en: 'Brief' },
  prioritised: { de: 'Priorisiert', en: 'Prioritised' },
  planning: { de: 'In Planung', en: 'In planning' },
  implementation: { de: 'In Umsetzung', en: 'In implementation' },
  done: { de: 'Abgeschlossen', en: 'Done' },
  on_hold: { de: 'Zurückgestellt', en: 'On hold' },
};

export const HORIZON_LABELS: Record<string, Record<Locale, string>> = {
  short: { de: 'kurzfristig', en: 'short term' },
  medium: { de: 'mittelfristig', en: 'medium term' },
  long: { de: 'langfristig', en: 'long term' },
};

export const PRIORITY_LABELS: Record<string, Record<Locale, string>> = {
  A: { de: 'A – vorrangig', en: 'A – first' },
  B: { de: 'B – nachrangig', en: 'B – second' },
  C: { de: 'C – später', en: 'C – later' },
};

export const ROLE_LABELS: Record<string, Record<Locale, string>> = {
  admin: { de: 'Administration', en: 'Administrator' },
  coordinator: { de: 'ISEK-Koordination', en: 'ISEK coordinator' },
  department: { de: 'Fachbereich', en: 'Department member' },
  reader: { de: 'Lesend (z. B. Beirat)', en: 'Reader (e.g. advisory board)' },
};

/** Finds a vocabulary key from a label or key in either language, ignoring case ("In Umsetzung" → implementation). */
export function keyFromLabel(labels: Record<string, Record<Locale, string>>, text: string): string | null {
  const t = text.trim().toLowerCase();
  for (const [key, l] of Object.entries(labels)) {
    if (key === t || l.de.toLowerCase() === t || l.en.toLowerCase() === t) return key;
  }
  return null;
}
