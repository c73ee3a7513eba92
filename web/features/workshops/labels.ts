import type { Locale } from '../../../domain/format';

/** Display names of the workshop vocabularies (contract/workshops.ts), for `fmt.label(...)`. */
export const KIND_LABELS: Record<string, Record<Locale, string>> = {
  leadership: { de: 'Führungskräfteworkshop', en: 'Leadership workshop' },
  strategy: { de: 'Strategiewerkstatt', en: 'Strategy workshop' },
  network: { de: 'Netzwerktreffen', en: 'Network meeting' },
  citizens: { de: 'Bürgerwerkstatt', en: "Citizens' workshop" },
  other: { de: 'Sonstiges', en: 'Other' },
};
export const KINDS = ['leadership', 'strategy', 'network', 'citizens', 'other'] as const;

export const WORKSHOP_STATUS_LABELS: Record<string, Record<Locale, string>> = {
  planned: { de: 'Geplant', en: 'Planned' },
  running: { de: 'Läuft', en: 'Running' },
  done: { de: 'Abgeschlossen', en: 'Done' },
};
export const WORKSHOP_STATUSES = ['planned', 'running', 'done'] as const;

export const ROUND_STATUS_LABELS: Record<string, Record<Locale, string>> = {
  draft: { de: 'Entwurf', en: 'Draft' },
  open: { de: 'Offen', en: 'Open' },
  closed: { de: 'Geschlossen', en: 'Closed' },
};

export const SUBJECT_LABELS: Record<string, Record<Locale, string>> = {
  measures: { de: 'Steckbriefe dieses Workshops', en: 'Briefs of this workshop' },
  goals: { de: 'Strategische Ziele', en: 'Strategic goals' },
  options: { de: 'Freie Optionen', en: 'Free options' },
};

/** „A“, „B“ und „C“ */
export function quoteList(labels: string[], and: string, de: boolean) {
  const q = labels.map((l) => (de ? `„${l}“` : `"${l}"`));
  return q.length <= 1 ? (q[0] ?? '') : `${q.slice(0, -1).join(', ')} ${and} ${q[q.length - 1]}`;
}
