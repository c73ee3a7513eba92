import type { Concept } from '../../../contract/concept';
import type { KofiQuery } from '../../../contract/funding';
import { HORIZON_LABELS, PRIORITY_LABELS, STATUS_LABELS } from '../../../domain/labels';

type NamedList = { id: string; name?: string; title?: string }[];

/**
 * The active KoFi filters in words for the heading of the exports, e.g.
 * "Stadtteil: Altstadt, Neustadt; Priorität: A – vorrangig; Suche: „Spielplatz“", so a printed KoFi
 * says which measures it covers. Unknown ids (deleted meanwhile) are shown as "unbekannt".
 */
export function describeKofiFilter(q: Partial<KofiQuery>, concept: Concept): string {
  const names = (list: NamedList) => (ids: string[]) =>
    ids.map((id) => {
      const item = list.find((x) => x.id === id);
      return item ? (item.name ?? item.title ?? id) : 'unbekannt';
    });
  const label = (labels: Record<string, { de: string }>) => (keys: string[]) => keys.map((k) => labels[k]?.de ?? k);
  const parts: [string, string[] | undefined, (v: string[]) => string[]][] = [
    ['Stadtteil', q.district, names(concept.districts)],
    ['Amt', q.department, names(concept.departments)],
    ['Handlungsfeld', q.actionField, names(concept.actionFields)],
    ['Ziel', q.goal, names(concept.goals as NamedList)],
    ['Dimension', q.dimension, names(concept.dimensions)],
    ['Status', q.status, label(STATUS_LABELS)],
    ['Zeithorizont', q.horizon, label(HORIZON_LABELS)],
    ['Priorität', q.priority, label(PRIORITY_LABELS)],
    ['Schlagwort', q.tag, (v) => v],
  ];
  const out = parts.filter(([, v]) => v && v.length).map(([k, v, f]) => `${k}: ${f(v!).join(', ')}`);
  if (q.q) out.unshift(`Suche: „${q.q}“`);
  if (q.workshop) out.push('aus einer Werkstatt');
  return out.length ? out.join('; ') : 'alle Maßnahmen';
}
