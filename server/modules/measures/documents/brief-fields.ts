/** Labels and value formatting shared by the one-page brief (PDF) and its Word version. */
import { formatDate, formatMoney, type Locale } from '../../../../domain/format';
import { HORIZON_LABELS, STATUS_LABELS } from '../../../../domain/labels';
import type { BriefView } from './types';

const T = {
  de: {
    brief: 'Projektsteckbrief',
    number: 'Nr.',
    status: 'Status',
    horizon: 'Zeithorizont',
    priority: 'Priorität',
    period: 'Geplanter Zeitraum',
    cost: 'Kostenschätzung',
    districts: 'Stadtteile',
    lead: 'Federführung',
    partners: 'Beteiligte Ämter',
    external: 'Externe Akteure',
    targetGroups: 'Zielgruppen',
    goals: 'Ziele',
    actionFields: 'Handlungsfelder',
    dimensions: 'Dimensionen',
    origin: 'Herkunft',
    tags: 'Schlagworte',
    need: 'Ausgangslage / Bedarf',
    goal: 'Ziel',
    description: 'Beschreibung',
    asOf: 'Stand',
    generated: 'erstellt am',
    page: 'Seite',
    of: 'von',
    from: 'ab',
    until: 'bis',
  },
  en: {
    brief: 'Project brief',
    number: 'No.',
    status: 'Status',
    horizon: 'Time horizon',
    priority: 'Priority',
    period: 'Planned period',
    cost: 'Cost estimate',
    districts: 'Districts',
    lead: 'Lead department',
    partners: 'Partner departments',
    external: 'External actors',
    targetGroups: 'Target groups',
    goals: 'Goals',
    actionFields: 'Action fields',
    dimensions: 'Dimensions',
    origin: 'Origin',
    tags: 'Tags',
    need: 'Starting point / need',
    goal: 'Objective',
    description: 'Description',
    asOf: 'As of',
    generated: 'generated on',
    page: 'Page',
    of: 'of',
    from: 'from',
    until: 'until',
  },
} as const;

export type BriefTexts = (typeof T)['de' | 'en'];
export const briefTexts = (locale: Locale): BriefTexts => T[locale];

export const EMPTY = '–';

/** Status key or label → label in the document language. */
export function statusLabel(status: string, locale: Locale): string {
  return STATUS_LABELS[status]?.[locale] ?? (status || EMPTY);
}

export function horizonLabel(horizon: string | null, locale: Locale): string {
  if (!horizon) return EMPTY;
  return HORIZON_LABELS[horizon]?.[locale] ?? horizon;
}

export function periodLabel(start: string | null, end: string | null, locale: Locale): string {
  const t = T[locale];
  if (start && end) return `${formatDate(start, locale)} – ${formatDate(end, locale)}`;
  if (start) return `${t.from} ${formatDate(start, locale)}`;
  if (end) return `${t.until} ${formatDate(end, locale)}`;
  return EMPTY;
}

/** The calendar day of an instant in Europe/Berlin as `YYYY-MM-DD` (toISOString would give the UTC day). */
export function berlinDay(value: string | Date): string | null {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

/**
 * Removes control characters that XML (docx, xlsx) cannot hold; Word's soft line break (U+000B),
 * which arrives with copy & paste, becomes a normal line break.
 */
export function cleanText(s: string): string {
  return s.replace(/\r\n?|\u000b/g, '\n').replace(/[\u0000-\u0008\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}

const text = (s: string | null | undefined) => (s && s.trim() ? cleanText(s.trim()) : EMPTY);
const list = (items: string[]) => (items.length ? cleanText(items.join(', ')) : EMPTY);

/** The key/value rows of the brief, in display order. */
export function briefRows(b: BriefView, locale: Locale): Array<[label: string, value: string]> {
  const t = T[locale];
  return [
    [t.status, statusLabel(b.status, locale)],
    [t.horizon, horizonLabel(b.horizon, locale)],
    ...(b.priority ? [[t.priority, b.priority] as [string, string]] : []),
    [t.period, periodLabel(b.plannedStart, b.plannedEnd, locale)],
    [t.cost, formatMoney(b.costCents, locale)],
    [t.districts, list(b.districts)],
    [t.lead, text(b.leadDepartment)],
    [t.partners, list(b.partnerDepartments)],
    [t.external, text(b.externalActors)],
    [t.targetGroups, text(b.targetGroups)],
    [t.goals, list(b.goals)],
    [t.actionFields, list(b.actionFields)],
    [t.dimensions, list(b.dimensions)],
    [t.origin, text(b.origin)],
    [t.tags, list(b.tags)],
  ];
}

/** The three free-text sections of the brief. */
export function briefSections(b: BriefView, locale: Locale): Array<[heading: string, body: string]> {
  const t = T[locale];
  return [
    [t.need, cleanText(b.need).trim()],
    [t.goal, cleanText(b.goal).trim()],
    [t.description, cleanText(b.description).trim()],
  ];
}

export function briefHeading(b: BriefView, locale: Locale): string {
  const t = T[locale];
  return `${t.brief} ${t.number} ${b.number}`;
}

/** "Stand: 21.11.2026" – the day the measure was last changed (falls back to the generation day). */
export function asOfLabel(b: BriefView, generatedAt: Date, locale: Locale): string {
  return `${T[locale].asOf}: ${formatDate(berlinDay(b.updatedAt) ?? berlinDay(generatedAt), locale)}`;
}

