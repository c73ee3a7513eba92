/**
 * The values in a spreadsheet's cells that name things of the concept (districts, departments, fields of action,
 * dimensions, goals) or of a fixed vocabulary (status, horizon): how a cell splits into names, which names are
 * known, and what is proposed for the others (an existing item by similarity, or a new one) until a person decides.
 */
import type { Concept } from '../../../contract/concept';
import { CREATABLE_KINDS, type ImportField, type ImportResolution, type ImportResolutions, type ImportValueKind } from '../../../contract/import';
import { HORIZON_LABELS, STATUS_LABELS } from '../../../domain/labels';
import { closeMatches, normalizeName, PROPOSE_AT, type NameCandidate } from '../../../domain/similar-names';
import { AppError } from '../../errors';
import { ENTITIES } from '../../i18n/errors';

/** The import fields whose cells hold names, and what the names are matched against. */
export const KIND_OF_FIELD: Partial<Record<ImportField, ImportValueKind>> = {
  districts: 'district', leadDepartment: 'department', partnerDepartments: 'department', actionFields: 'actionField',
  dimensions: 'dimension', goals: 'goal', status: 'status', horizon: 'horizon',
};
/** Fields with one value per cell: a comma there is part of the word. */
export const SINGLE_FIELDS = new Set<ImportField>(['status', 'horizon']);

export const KIND_LABEL: Record<ImportValueKind, string> = {
  district: 'Stadtteil', department: 'Amt', actionField: 'Handlungsfeld', dimension: 'Dimension', goal: 'Ziel', status: 'Status', horizon: 'Zeithorizont',
};

/**
 * Words of German measure lists for the fixed vocabularies. Proposed, not taken silently: "umgesetzt" may mean
 * done or in implementation depending on who wrote the list, so a person confirms.
 */
const VOCABULARY_WORDS: Record<'status' | 'horizon', Record<string, string[]>> = {
  status: {
    idea: ['vorschlag', 'anregung', 'projektidee', 'ideenskizze'],
    brief: ['konzept', 'entwurf', 'steckbrief erstellt', 'skizze'],
    prioritised: ['prioritaet', 'beschlossen', 'vorrangig'],
    planning: ['planung', 'geplant', 'in vorbereitung', 'vorbereitung', 'in konzeption'],
    implementation: ['umsetzung', 'laufend', 'in bau', 'im bau', 'begonnen', 'in arbeit', 'in bearbeitung', 'in realisierung'],
    done: ['fertig', 'erledigt', 'umgesetzt', 'fertiggestellt', 'realisiert', 'abgeschl'],
    on_hold: ['pausiert', 'ruht', 'gestoppt', 'zurueckgestellt', 'verschoben'],
  },
  horizon: {
    short: ['sofort', 'kurzfr', 'kurzfristig bis 2 jahre', '0 2 jahre', '1 2 jahre', 'bis 2 jahre', '1 3 jahre'],
    medium: ['mittelfr', '3 5 jahre', '2 5 jahre', '3 bis 5 jahre'],
    long: ['langfr', 'ueber 5 jahre', '5 10 jahre', 'mehr als 5 jahre', 'nach 2030'],
  },
};

interface Vocabulary {
  /** normalized name → id or key: these need no decision */
  exact: Map<string, string>;
  candidates: NameCandidate[];
}

export type Vocabularies = Record<ImportValueKind, Vocabulary>;

export function vocabularies(concept: Concept): Vocabularies {
  const build = (items: { id: string; names: string[] }[], extra: [string, string][] = []): Vocabulary => {
    const exact = new Map<string, string>();
    for (const i of items) for (const n of i.names) if (n) exact.set(normalizeName(n), i.id);
    for (const [n, id] of extra) exact.set(normalizeName(n), id);
    return { exact, candidates: items.map((i) => ({ id: i.id, names: i.names.filter(Boolean) })) };
  };
  const labels = (l: Record<string, { de: string; en: string }>) => Object.entries(l).map(([key, v]) => ({ id: key, names: [v.de, v.en, key] }));
  return {
    district: build(concept.districts.map((d) => ({ id: d.id, names: [d.name] }))),
    department: build(concept.departments.map((d) => ({ id: d.id, names: [d.name, d.shortName] }))),
    actionField: build(concept.actionFields.map((a) => ({ id: a.id, names: [a.name] }))),
    dimension: build(concept.dimensions.map((d) => ({ id: d.id, names: [d.name] }))),
    goal: build(concept.goals.map((g) => ({ id: g.id, names: [g.title] }))),
    status: build(labels(STATUS_LABELS)),
    // "kurz", "mittel", "lang" have always been read as the horizons
    horizon: build(labels(HORIZON_LABELS), [['kurz', 'short'], ['mittel', 'medium'], ['lang', 'long']]),
  };
}

/** A vocabulary word, also at the start of a longer cell ("in Umsetzung seit 2024", "kurzfristig (bis 2027)"). */
function vocabularyWord(kind: 'status' | 'horizon', value: string): string | null {
  const n = normalizeName(value.replace(/\([^)]*\)/g, ' '));
  for (const [key, words] of Object.entries(VOCABULARY_WORDS[kind])) {
    if (words.some((w) => n === w || n.startsWith(`${w} `) || (w.length >= 6 && n.startsWith(w)))) return key;
  }
  return null;
}

/** What is proposed for a value that is not a known name, with the close matches to choose from. */
export function propose(vocab: Vocabularies, kind: ImportValueKind, value: string) {
  const close = closeMatches(value, vocab[kind].candidates, 0.5, 4);
  const candidates = close.map((c) => ({ target: c.id, name: c.name, score: c.score }));
  let proposal: ImportResolution | null = null;
  if (kind === 'status' || kind === 'horizon') {
    const key = vocabularyWord(kind, value) ?? vocab[kind].exact.get(normalizeName(value.replace(/\([^)]*\)/g, ' '))) ?? null;
    if (key) {
      if (!candidates.some((c) => c.target === key)) {
        const c = vocab[kind].candidates.find((x) => x.id === key)!;
        candidates.unshift({ target: key, name: c.names[0], score: 0.9 });
      }
      proposal = { action: 'map', target: key };
    } else if (close[0] && close[0].score >= PROPOSE_AT) proposal = { action: 'map', target: close[0].id };
  } else if (close[0] && close[0].score >= PROPOSE_AT) proposal = { action: 'map', target: close[0].id };
  // a text of more than 200 characters is no name (a column mapped to the wrong field): nothing to propose
  else if (value.trim().length <= 200) proposal = { action: 'create' };
  return { proposal, candidates };
}

const STRONG = /[;\n\r]+/;
const WEAK = /\s*[,/]\s*/;

/**
 * The names in one cell. ";" and line breaks always separate; "," and "/" only when a piece is a name that is
 * known, decided, near an existing one or written alone elsewhere in the file: "Stadtplanungsamt, Bauamt" is two
 * departments, "Amt für Umwelt, Natur und Grünflächen" stays one.
 */
export function splitNames(cell: string, isName: (piece: string) => boolean, isWhole: (part: string) => boolean): string[] {
  return cell
    .split(STRONG)
    .map((p) => p.trim())
    .filter(Boolean)
    .flatMap((part) => {
      // kept whole only when known as written or decided: "Tiefbauamt / Stadtplanungsamt" merely resembles "Tiefbauamt"
      if (!/[,/]/.test(part) || isWhole(part)) return [part];
      const pieces = part.split(WEAK).map((p) => p.trim()).filter(Boolean);
      return pieces.length > 1 && pieces.some(isName) ? pieces : [part];
    });
}

/** The client's decisions, looked up by kind and normalized value; checked against the concept. */
export function readResolutions(vocab: Vocabularies, given: ImportResolutions | undefined) {
  const byKind = new Map<ImportValueKind, Map<string, ImportResolution>>();
  for (const [kind, values] of Object.entries(given ?? {}) as [ImportValueKind, Record<string, ImportResolution>][]) {
    const m = new Map<string, ImportResolution>();
    for (const [value, r] of Object.entries(values ?? {})) {
      if (r.action === 'map' && !vocab[kind].candidates.some((c) => c.id === r.target))
        throw new AppError(400, 'validation_failed', { key: 'validation_failed.import_target_unknown', params: { what: ENTITIES[kind], value } });
      if (r.action === 'create' && !CREATABLE_KINDS.includes(kind))
        throw new AppError(400, 'validation_failed', { key: 'validation_failed.import_not_creatable', params: { what: ENTITIES[kind], value } });
      if (r.action === 'create' && value.trim().length > 200)
        throw new AppError(400, 'validation_failed', { key: 'validation_failed.import_name_too_long', params: { what: ENTITIES[kind], value: value.slice(0, 40), max: 200 } });
      m.set(normalizeName(value), r);
    }
    byKind.set(kind, m);
  }
  return (kind: ImportValueKind, value: string) => byKind.get(kind)?.get(normalizeName(value)) ?? null;
}
