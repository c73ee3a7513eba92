/**
 * Programme catalogue as a table (XLSX/CSV), one row per programme, German column names.
 *
 * Encoding of the cells (also in docs/api.md):
 * - ID: the programme's id. Empty for a new programme. On import a row with an ID updates that
 *   programme (so a programme can be renamed); a row without an ID updates the programme with the same
 *   name (case-insensitive) or creates a new one.
 * - Ebene: EU | Bund | Land | Sonstige; Art: Zuschuss | Darlehen | Preis (the English keys are accepted too).
 * - Amounts in euros (XLSX: numbers; CSV: "250000,50"; on import also "1.234.567 €", "1,5 Mio").
 * - Rates in percent ("75" or "75 %" or "87,5").
 * - Lists (Antragsberechtigte, Förderthemen) one entry per line of the cell; on import ";" also separates.
 * - Antragsfenster: one window per line, "TT.MM.JJJJ – TT.MM.JJJJ (Hinweis)"; either date may be left out
 *   ("– 31.03.2027": deadline only; "01.05.2027 –": open end); the note in brackets is optional.
 * - Ja/Nein columns: "ja"/"nein" (also x, true/false, 1/0).
 * - Fördergebietsarten and Für Kommunen: one entry per line ("Lebendige Zentren", "LEADER-Gebiet", …;
 *   "städtisch", "ländlich"); empty: any. Typische Förderung ab/bis in euros. These four columns came
 *   later: a file without them leaves the programmes' values as they are.
 * - Dates as TT.MM.JJJJ (also JJJJ-MM-TT).
 */
import { FundingProgrammeInput, type FundingProgramme, type FundingWindow } from '../../../contract/funding';
import { formatDate, parseDate, parseMoney } from '../../../domain/format';
import { AREA_KINDS } from '../../../domain/funding-texts';

export const LEVEL_DE: Record<string, string> = { eu: 'EU', federal: 'Bund', state: 'Land', other: 'Sonstige' };
export const KIND_DE: Record<string, string> = { grant: 'Zuschuss', loan: 'Darlehen', prize: 'Preis' };
export const APPLICANT_DE: Record<string, string> = {
  municipality: 'Kommunen',
  municipal_enterprise: 'kommunale Unternehmen',
  association: 'Vereine und Verbände',
  local_action_group: 'Lokale Aktionsgruppen',
  private: 'Private',
};
export const AREA_KIND_DE = AREA_KINDS.de;
export const SETTLEMENT_DE: Record<string, string> = { urban: 'städtisch', rural: 'ländlich' };

/** The columns in export order; `key` names the field they carry. */
export const COLUMNS = [
  { key: 'id', de: 'ID' },
  { key: 'name', de: 'Name' },
  { key: 'provider', de: 'Fördergeber' },
  { key: 'level', de: 'Ebene' },
  { key: 'kind', de: 'Art' },
  { key: 'rateText', de: 'Fördersatz (Text)' },
  { key: 'ratePercent', de: 'Fördersatz %' },
  { key: 'rateWeakPercent', de: 'Fördersatz finanzschwach %' },
  { key: 'minAmountCents', de: 'Mindestbetrag (€)' },
  { key: 'maxAmountCents', de: 'Höchstbetrag (€)' },
  { key: 'applicants', de: 'Antragsberechtigte' },
  { key: 'topics', de: 'Förderthemen' },
  { key: 'requiresDesignatedArea', de: 'Nur im Fördergebiet' },
  { key: 'climateRequirement', de: 'Klimabezug erforderlich' },
  { key: 'windows', de: 'Antragsfenster' },
  { key: 'requiredDocuments', de: 'Unterlagen' },
  { key: 'description', de: 'Beschreibung' },
  { key: 'sourceUrl', de: 'Quelle (Link)' },
  { key: 'lastChecked', de: 'Zuletzt geprüft' },
  // added later, at the end so older files and templates keep their column positions
  { key: 'areaKinds', de: 'Fördergebietsarten' },
  { key: 'settlementTypes', de: 'Für Kommunen' },
  { key: 'typicalMinCents', de: 'Typische Förderung ab (€)' },
  { key: 'typicalMaxCents', de: 'Typische Förderung bis (€)' },
] as const;
export type ColumnKey = (typeof COLUMNS)[number]['key'];
/** Columns added later: when a file lacks one, an update keeps the programme's value. */
export const LATER_COLUMNS = ['areaKinds', 'settlementTypes', 'typicalMinCents', 'typicalMaxCents'] as const;

export type Cell = string | number | null;

const yesNo = (b: boolean) => (b ? 'ja' : 'nein');
export const windowText = (w: FundingWindow) => {
  const range = `${w.opensOn ? formatDate(w.opensOn) : ''} – ${w.closesOn ? formatDate(w.closesOn) : ''}`.trim();
  return w.note ? `${range} (${w.note})` : range;
};

/** One programme as table cells; amounts in euros as numbers (the CSV writer formats them). */
export function programmeCells(p: FundingProgramme): Record<ColumnKey, Cell> {
  const euros = (c: number | null) => (c == null ? null : c / 100);
  return {
    id: p.id,
    name: p.name,
    provider: p.provider,
    level: LEVEL_DE[p.level],
    kind: KIND_DE[p.kind],
    rateText: p.rateText,
    ratePercent: p.ratePercent,
    rateWeakPercent: p.rateWeakPercent,
    minAmountCents: euros(p.minAmountCents),
    maxAmountCents: euros(p.maxAmountCents),
    applicants: p.applicants.map((a) => APPLICANT_DE[a] ?? a).join('\n'),
    topics: p.topics.join('\n'),
    requiresDesignatedArea: yesNo(p.requiresDesignatedArea),
    areaKinds: p.areaKinds.map((k) => AREA_KIND_DE[k] ?? k).join('\n'),
    settlementTypes: p.settlementTypes.map((k) => SETTLEMENT_DE[k] ?? k).join('\n'),
    typicalMinCents: euros(p.typicalMinCents),
    typicalMaxCents: euros(p.typicalMaxCents),
    climateRequirement: yesNo(p.climateRequirement),
    windows: p.windows.map(windowText).join('\n'),
    requiredDocuments: p.requiredDocuments,
    description: p.description,
    sourceUrl: p.sourceUrl,
    lastChecked: p.lastChecked ? formatDate(p.lastChecked) : '',
  };
}

// ---------------------------------------------------------------------------------------------------
// Reading

const fold = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');
const byLabel = (labels: Record<string, string>, text: string) => {
  const t = fold(text);
  return Object.entries(labels).find(([k, v]) => k === t || fold(v) === t)?.[0] ?? null;
};

export interface ParsedRow {
  /** 1-based row number in the file (the header is row 1) */
  row: number;
  id: string | null;
  input: FundingProgrammeInput | null;
  /** later columns the file does not have (an update keeps their saved values) */
  absent: (typeof LATER_COLUMNS)[number][];
  errors: string[];
}

/** Which file column holds which field, by (case- and space-insensitive) German or English header. */
export function columnIndex(headers: string[]): { index: Partial<Record<ColumnKey, number>>; missing: string[] } {
  const index: Partial<Record<ColumnKey, number>> = {};
  headers.forEach((h, i) => {
    const col = COLUMNS.find((c) => fold(c.de) === fold(h) || fold(c.key) === fold(h));
    if (col && index[col.key] === undefined) index[col.key] = i;
  });
  const missing = (['name', 'level', 'kind'] as const).filter((k) => index[k] === undefined).map((k) => COLUMNS.find((c) => c.key === k)!.de);
  return { index, missing };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const WINDOW = /^(\S+)?\s*[–-]\s*(\d{1,2}\.\d{1,2}\.\d{2,4}|\d{4}-\d{2}-\d{2})?\s*(?:\((.*)\))?$/s;

/** One file row → a validated programme input, or the problems in plain German. */
export function parseRow(cells: string[], index: Partial<Record<ColumnKey, number>>, rowNumber: number): ParsedRow {
  const errors: string[] = [];
  const get = (k: ColumnKey) => {
    const i = index[k];
    // a leading apostrophe is how the export defuses formula characters; it is not part of the value
    const v = i === undefined ? '' : (cells[i] ?? '').trim();
    return /^'[=+\-@]/.test(v) ? v.slice(1) : v;
  };
  const label = (k: ColumnKey) => COLUMNS.find((c) => c.key === k)!.de;
  const list = (v: string) => v.split(/[\n;]/).map((s) => s.trim()).filter(Boolean);

  const idText = get('id');
  let id: string | null = null;
  if (idText) {
    if (UUID.test(idText)) id = idText.toLowerCase();
    else errors.push(`ID „${idText}“ ist keine gültige ID (leer lassen für ein neues Programm).`);
  }
  const level = byLabel(LEVEL_DE, get('level'));
  if (!level) errors.push(get('level') ? `Ebene „${get('level')}“ ist unbekannt (erlaubt: EU, Bund, Land, Sonstige).` : 'Ebene fehlt (EU, Bund, Land oder Sonstige).');
  const kind = byLabel(KIND_DE, get('kind'));
  if (!kind) errors.push(get('kind') ? `Art „${get('kind')}“ ist unbekannt (erlaubt: Zuschuss, Darlehen, Preis).` : 'Art fehlt (Zuschuss, Darlehen oder Preis).');

  const amount = (k: 'minAmountCents' | 'maxAmountCents' | 'typicalMinCents' | 'typicalMaxCents') => {
    const v = get(k);
    if (!v) return null;
    const cents = parseMoney(v);
    if (cents == null) errors.push(`${label(k)}: „${v}“ ist kein gültiger Betrag.`);
    return cents;
  };
  const percent = (k: 'ratePercent' | 'rateWeakPercent') => {
    const v = get(k).replace(/%$/, '').trim();
    if (!v) return null;
    const n = Number(v.replace(',', '.'));
    if (!/^\d+([.,]\d+)?$/.test(v) || n > 100) {
      errors.push(`${label(k)}: „${get(k)}“ ist kein Prozentsatz zwischen 0 und 100.`);
      return null;
    }
    return n;
  };
  const bool = (k: 'requiresDesignatedArea' | 'climateRequirement') => {
    const v = fold(get(k));
    if (['ja', 'j', 'x', 'true', 'wahr', '1', 'yes'].includes(v)) return true;
    if (['', 'nein', 'n', 'false', 'falsch', '0', 'no'].includes(v)) return false;
    errors.push(`${label(k)}: „${get(k)}“ – bitte „ja“ oder „nein“.`);
    return false;
  };
  const date = (v: string, what: string) => {
    const d = parseDate(v);
    if (!d) errors.push(`${what}: „${v}“ ist kein gültiges Datum (TT.MM.JJJJ).`);
    return d;
  };

  const applicants: string[] = [];
  for (const a of list(get('applicants'))) {
    const key = byLabel({ ...APPLICANT_DE, local_action_group: 'Lokale Aktionsgruppen (LEADER)' }, a) ?? byLabel(APPLICANT_DE, a);
    if (key) applicants.push(key);
    else errors.push(`Antragsberechtigte: „${a}“ ist unbekannt (erlaubt: ${Object.values(APPLICANT_DE).join(', ')}).`);
  }
  const windows: FundingWindow[] = [];
  for (const line of get('windows').split('\n').map((s) => s.trim()).filter(Boolean)) {
    const m = WINDOW.exec(line);
    if (!m) {
      errors.push(`Antragsfenster „${line}“ ist nicht lesbar (Form: TT.MM.JJJJ – TT.MM.JJJJ (Hinweis)).`);
      continue;
    }
    const opensOn = m[1] ? date(m[1], 'Antragsfenster (Beginn)') : null;
    const closesOn = m[2] ? date(m[2], 'Antragsfenster (Frist)') : null;
    if (opensOn && closesOn && closesOn < opensOn) errors.push(`Antragsfenster „${line}“ endet vor seinem Beginn.`);
    windows.push({ opensOn, closesOn, note: (m[3] ?? '').trim() });
  }
  const keys = (k: 'areaKinds' | 'settlementTypes', labels: Record<string, string>) =>
    list(get(k)).flatMap((v) => {
      const key = byLabel(labels, v);
      if (!key) errors.push(`${label(k)}: „${v}“ ist unbekannt (erlaubt: ${Object.values(labels).join(', ')}).`);
      return key ? [key] : [];
    });
  const absent = LATER_COLUMNS.filter((k) => index[k] === undefined);
  const typicalMin = amount('typicalMinCents');
  const typicalMax = amount('typicalMaxCents');
  if (typicalMin != null && typicalMax != null && typicalMin > typicalMax) errors.push('Die typische Förderung „ab“ liegt über „bis“.');
  const lastCheckedText = get('lastChecked');
  const min = amount('minAmountCents');
  const max = amount('maxAmountCents');
  if (min != null && max != null && min > max) errors.push('Der Mindestbetrag liegt über dem Höchstbetrag.');
  const raw = {
    name: get('name'),
    provider: get('provider'),
    level,
    kind,
    rateText: get('rateText'),
    ratePercent: percent('ratePercent'),
    rateWeakPercent: percent('rateWeakPercent'),
    minAmountCents: min,
    maxAmountCents: max,
    applicants,
    topics: list(get('topics')),
    requiresDesignatedArea: bool('requiresDesignatedArea'),
    areaKinds: keys('areaKinds', AREA_KIND_DE),
    settlementTypes: keys('settlementTypes', SETTLEMENT_DE),
    typicalMinCents: typicalMin,
    typicalMaxCents: typicalMax,
    climateRequirement: bool('climateRequirement'),
    windows,
    requiredDocuments: get('requiredDocuments'),
    description: get('description'),
    sourceUrl: get('sourceUrl'),
    lastChecked: lastCheckedText ? date(lastCheckedText, 'Zuletzt geprüft') : null,
  };
  if (!raw.name) errors.push('Name fehlt.');
  if (errors.length) return { row: rowNumber, id, input: null, absent, errors };
  const parsed = FundingProgrammeInput.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const col = COLUMNS.find((c) => c.key === issue.path[0]);
      errors.push(`${col ? col.de : String(issue.path[0])}: ${germanIssue(issue)}`);
    }
    return { row: rowNumber, id, input: null, absent, errors };
  }
  return { row: rowNumber, id, input: parsed.data, absent, errors };
}

function germanIssue(issue: { code: string; path: PropertyKey[]; maximum?: unknown; message: string }): string {
  if (issue.code === 'too_big') return `zu lang oder zu groß (höchstens ${String(issue.maximum)}).`;
  if (issue.path[0] === 'sourceUrl') return 'kein gültiger Link (https://…).';
  if (issue.code === 'too_small') return 'fehlt.';
  return 'ungültiger Wert.';
}
