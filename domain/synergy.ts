/**
 * Synergy finder: pairs of measures led by different departments that share districts, goals or fields
 * of action, run at the same time, or are written about the same things. Pure functions, no I/O.
 *
 * Score 0–100 from weighted parts (`SYNERGY_WEIGHTS`): sets are compared with the overlap coefficient
 * (shared / size of the smaller set), so a one-district measure inside a two-district measure counts
 * fully; text with the Jaccard index of the informative word stems. Time overlap alone is no synergy
 * (nearly everything overlaps a 20-year concept): a pair needs at least one shared district, goal, field
 * of action or two shared words.
 *
 * Departments: measures with the same lead department are never a pair (they coordinate anyway). A
 * measure WITHOUT a lead pairs with measures of any department (the finder helps to find it a home),
 * but two measures both without a lead are no pair: there is no second department to coordinate with.
 */

export const SYNERGY_WEIGHTS = { district: 30, goal: 30, actionField: 15, time: 10, text: 15 } as const;
export type ReasonKind = keyof typeof SYNERGY_WEIGHTS;
/** Jaccard index at which the text part reaches its full weight (texts of real briefs rarely exceed it). */
const TEXT_FULL_AT = 0.3;
/** Fewer shared words than this are chance, not a shared topic. */
const MIN_SHARED_WORDS = 2;

export interface SynergyReason {
  kind: ReasonKind;
  points: number;
  /** shared district / goal / field-of-action ids */
  ids?: string[];
  /** shared words (as written in one of the texts) */
  words?: string[];
  /** the overlapping period, ISO dates */
  from?: string;
  to?: string;
}

export interface SynergyMeasure {
  id: string;
  leadDepartmentId: string | null;
  districtIds: string[];
  goalIds: string[];
  actionFieldIds: string[];
  plannedStart: string | null;
  plannedEnd: string | null;
  horizon: 'short' | 'medium' | 'long' | null;
  /** normalised word stems of title, goal and description (see `textWords`) */
  words: string[];
}

// ---------------------------------------------------------------------------------------------------
// Text

const STOP = new Set(
  (
    'aber alle allem allen aller alles also andere anderen auch auf aus bei beim bereits bis dabei damit dann darauf ' +
    'darum dass dein deine dem den denen der deren des dessen die dies diese diesem diesen dieser dieses doch dort ' +
    'durch ein eine einem einen einer eines einige etwa fuer gegen hier hinter ihre ihrem ihren ihrer immer indem ' +
    'jede jedem jeden jeder jedes jetzt kann kein keine koennen konnen mehr mehrere muss mussen nach neben nicht noch ' +
    'nur oder ohne sehr seine sich sie sind soll sollen sollte sowie ueber uber unter viel viele vom von wann ' +
    'warum weil welche welchen wenn werden wird wieder will wurde zwischen zum zur sowohl insbesondere bzw ' +
    'the and for with from that this into over under about have been will'
  ).split(' '),
);
const SUFFIXES = ['ungen', 'heiten', 'keiten', 'innen', 'ung', 'heit', 'keit', 'en', 'er', 'es', 'e', 'n', 's'];

/** Lower case, ß → ss, umlauts folded (ä → a), so "Spielplätze" and "Spielplatz" meet after stemming. */
export const foldWord = (w: string) => {
  const lower = w.toLowerCase().replace(/ß/g, 'ss').replace(/ä/g, 'a').replace(/ö/g, 'o').replace(/ü/g, 'u');
  // other accents (é, ç …) are rare: decompose only when something outside ASCII is left
  return /[\u0080-\uffff]/.test(lower) ? lower.normalize('NFD').replace(/[\u0300-\u036f]/g, '') : lower;
};

/** A light German stemmer: strips one common inflection suffix, keeping at least four letters. */
export function stem(word: string): string {
  for (const s of SUFFIXES) if (word.endsWith(s) && word.length - s.length >= 4) return word.slice(0, -s.length);
  return word;
}

/** Stem → a surface form (the first way it was written), stop words and words under four letters removed. */
export function textWordForms(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const raw of text.split(/[^\p{L}\p{N}]+/u)) {
    if (raw.length < 4) continue;
    const folded = foldWord(raw);
    if (folded.length < 4 || STOP.has(folded) || /^\d+$/.test(folded)) continue;
    const s = stem(folded);
    if (!out.has(s)) out.set(s, raw);
  }
  return out;
}

export const textWords = (text: string) => [...textWordForms(text).keys()];

// ---------------------------------------------------------------------------------------------------
// Pairs and scores

/** A pair is stored with the smaller id first, so "A–B" and "B–A" are the same pair. */
export const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
export const orderedPair = (a: string, b: string): [string, string] => (a < b ? [a, b] : [b, a]);

export function differentDepartments(a: { leadDepartmentId: string | null }, b: { leadDepartmentId: string | null }): boolean {
  if (a.leadDepartmentId == null && b.leadDepartmentId == null) return false;
  return a.leadDepartmentId !== b.leadDepartmentId;
}

const DAY = 86_400_000;
const dayOf = (iso: string) => Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY);
const isoOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
/** Days from `today` covered by a horizon when a measure has no dates; the ranges do not touch. */
const HORIZON_DAYS = { short: [0, 730], medium: [731, 1826], long: [1827, 5478] } as const;

/**
 * The period a measure runs, in days since 1970: its planned dates (one year from a lone start or up to
 * a lone end), else the range its time horizon stands for, counted from `today`; null when neither is known.
 */
export function measurePeriod(m: Pick<SynergyMeasure, 'plannedStart' | 'plannedEnd' | 'horizon'>, today: string): [number, number] | null {
  if (m.plannedStart && m.plannedEnd) return [dayOf(m.plannedStart), dayOf(m.plannedEnd)];
  if (m.plannedStart) return [dayOf(m.plannedStart), dayOf(m.plannedStart) + 365];
  if (m.plannedEnd) return [dayOf(m.plannedEnd) - 365, dayOf(m.plannedEnd)];
  if (m.horizon) {
    const t = dayOf(today);
    return [t + HORIZON_DAYS[m.horizon][0], t + HORIZON_DAYS[m.horizon][1]];
  }
  return null;
}

export interface PairCounts {
  district: [shared: number, a: number, b: number];
  goal: [number, number, number];
  actionField: [number, number, number];
  text: [number, number, number];
  timeOverlap: boolean;
}

const overlap = (shared: number, a: number, b: number) => (shared ? shared / Math.min(a, b) : 0);
const districtPoints = (s: number, a: number, b: number) => SYNERGY_WEIGHTS.district * overlap(s, a, b);
const goalPoints = (s: number, a: number, b: number) => SYNERGY_WEIGHTS.goal * overlap(s, a, b);
const fieldPoints = (s: number, a: number, b: number) => SYNERGY_WEIGHTS.actionField * overlap(s, a, b);
const textPoints = (s: number, a: number, b: number) =>
  s >= MIN_SHARED_WORDS ? SYNERGY_WEIGHTS.text * Math.min(1, s / (a + b - s) / TEXT_FULL_AT) : 0;

/**
 * The score from plain counts (shared, size of a, size of b per part): no objects, so the index can call
 * it for millions of candidate pairs. The one formula both the index and `scorePair` use.
 */
export function score(sd: number, ad: number, bd: number, sg: number, ag: number, bg: number, sf: number, af: number, bf: number, sw: number, aw: number, bw: number, timeOverlap: boolean): number {
  const d = districtPoints(sd, ad, bd);
  const g = goalPoints(sg, ag, bg);
  const f = fieldPoints(sf, af, bf);
  const t = textPoints(sw, aw, bw);
  if (d === 0 && g === 0 && f === 0 && t === 0) return 0;
  return Math.min(100, Math.round(d + g + f + t + (timeOverlap ? SYNERGY_WEIGHTS.time : 0)));
}

/** Points per reason from the counts of shared items (for the reasons shown with a pair). */
export function pointsFromCounts(c: PairCounts): Record<ReasonKind, number> {
  const p = {
    district: districtPoints(...c.district),
    goal: goalPoints(...c.goal),
    actionField: fieldPoints(...c.actionField),
    text: textPoints(...c.text),
    time: 0,
  };
  const substantive = p.district > 0 || p.goal > 0 || p.actionField > 0 || p.text > 0;
  if (!substantive) return { district: 0, goal: 0, actionField: 0, text: 0, time: 0 };
  p.time = c.timeOverlap ? SYNERGY_WEIGHTS.time : 0;
  return p;
}

export const scoreFromCounts = (c: PairCounts) => score(...c.district, ...c.goal, ...c.actionField, ...c.text, c.timeOverlap);

const shared = <T>(a: T[], b: T[]) => {
  const sb = new Set(b);
  return [...new Set(a)].filter((x) => sb.has(x));
};
const triple = <T>(a: T[], b: T[]): [number, number, number] => [shared(a, b).length, new Set(a).size, new Set(b).size];

export interface ScoredPair {
  score: number;
  reasons: SynergyReason[];
}

/**
 * Scores one pair; null when it is no pair at all (same lead department, or both without a lead).
 * `wordForm` turns a stem back into a word as written (for the reason's label).
 */
export function scorePair(a: SynergyMeasure, b: SynergyMeasure, today: string, wordForm: (stem: string) => string = (s) => s): ScoredPair | null {
  if (a.id === b.id || !differentDepartments(a, b)) return null;
  const pa = measurePeriod(a, today);
  const pb = measurePeriod(b, today);
  const overlap = pa && pb && pa[0] <= pb[1] && pb[0] <= pa[1] ? ([Math.max(pa[0], pb[0]), Math.min(pa[1], pb[1])] as const) : null;
  const counts: PairCounts = {
    district: triple(a.districtIds, b.districtIds),
    goal: triple(a.goalIds, b.goalIds),
    actionField: triple(a.actionFieldIds, b.actionFieldIds),
    text: triple(a.words, b.words),
    timeOverlap: overlap != null,
  };
  const points = pointsFromCounts(counts);
  const r = (kind: ReasonKind, extra: Partial<SynergyReason>): SynergyReason => ({ kind, points: Math.round(points[kind]), ...extra });
  const reasons: SynergyReason[] = [];
  if (points.district) reasons.push(r('district', { ids: shared(a.districtIds, b.districtIds) }));
  if (points.goal) reasons.push(r('goal', { ids: shared(a.goalIds, b.goalIds) }));
  if (points.actionField) reasons.push(r('actionField', { ids: shared(a.actionFieldIds, b.actionFieldIds) }));
  if (points.time && overlap) reasons.push(r('time', { from: isoOf(overlap[0]), to: isoOf(overlap[1]) }));
  if (points.text) reasons.push(r('text', { words: shared(a.words, b.words).slice(0, 8).map(wordForm) }));
  return { score: scoreFromCounts(counts), reasons };
}
