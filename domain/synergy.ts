/**
 * Synergy finder: pairs of measures led by different departments that share districts, goals, outside
 * partners or fields of action, run at the same time in the same place, or are written about the same
 * things. Pure functions, no I/O.
 *
 * Score 0–100 from weighted parts (`SYNERGY_WEIGHTS`): sets are compared with the overlap coefficient
 * (shared / size of the smaller set), so a one-district measure inside a two-district measure counts
 * fully; text with the Jaccard index of the informative word stems; one shared outside partner (the
 * same "Gewerbeverein" or "Nahverkehrsgesellschaft" named by both) gives its full weight, as it means one
 * conversation with them instead of two.
 *
 * Every reason needs data behind it in both measures (issue 12): time counts only from planned start and
 * end dates of both, and only where the two also share a district – running side by side in the same place
 * is what makes works to coordinate; "medium term" or a lone start invented overlaps before. Time alone is
 * no synergy. Text counts only from a Jaccard index of 0.1 and two shared words: a few everyday words that
 * two long texts happen to share are chance. The weights and the default minimum (`DEFAULT_MIN_SCORE`, contract/synergies.ts) were
 * tuned on the 43 Musterstadt briefs so that most of the first page is worth a conversation
 * (docs/benchmarks.md, "Synergy precision").
 *
 * Departments: measures with the same lead department are never a pair (they coordinate anyway). A
 * measure WITHOUT a lead pairs with measures of any department (the finder helps to find it a home),
 * but two measures both without a lead are no pair: there is no second department to coordinate with.
 */

export const SYNERGY_WEIGHTS = { district: 30, goal: 30, actor: 20, text: 15, actionField: 10, time: 10 } as const;
export type ReasonKind = keyof typeof SYNERGY_WEIGHTS;
/** Jaccard index at which the text part reaches its full weight (texts of real briefs rarely exceed it). */
const TEXT_FULL_AT = 0.3;
/** Below this Jaccard index shared words are chance, not a shared topic … */
const TEXT_MIN = 0.1;
/** … and so are fewer shared words than this. */
const MIN_SHARED_WORDS = 2;

export interface SynergyReason {
  kind: ReasonKind;
  points: number;
  /** shared district / goal / field-of-action ids */
  ids?: string[];
  /** shared words (as written in one of the texts) */
  words?: string[];
  /** shared outside partners (as written in one of the measures) */
  actors?: string[];
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
  /** normalised names of the external actors (see `actorNames`) */
  actors: string[];
  plannedStart: string | null;
  plannedEnd: string | null;
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

/**
 * The outside partners named in a brief's "external actors" field ("Gewerbeverein Altstadt, IHK; Stadtwerke"):
 * key (lower case, umlauts folded, spaces collapsed) → the name as first written. Parts under three letters
 * are dropped (stray initials and "u.").
 */
export function actorNames(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of text.split(/[,;\n]+/)) {
    const name = part.trim().replace(/\s+/g, ' ');
    if (name.length < 3) continue;
    const key = foldWord(name);
    if (!out.has(key)) out.set(key, name);
  }
  return out;
}

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

/**
 * The period a measure runs, in days since 1970: its planned start and end; null unless both are known.
 * Nothing is filled in: a time horizon ("medium term") or a lone start says nothing about when two measures
 * run side by side, and a period guessed from them made "overlaps" that no plan supports (issue 12).
 */
export function measurePeriod(m: Pick<SynergyMeasure, 'plannedStart' | 'plannedEnd'>): [number, number] | null {
  if (!m.plannedStart || !m.plannedEnd) return null;
  const period: [number, number] = [dayOf(m.plannedStart), dayOf(m.plannedEnd)];
  // an end before the start is a typo, not a period
  return period[0] <= period[1] ? period : null;
}

export interface PairCounts {
  district: [shared: number, a: number, b: number];
  goal: [number, number, number];
  actionField: [number, number, number];
  text: [number, number, number];
  actor: [number, number, number];
  timeOverlap: boolean;
}

const overlap = (shared: number, a: number, b: number) => (shared ? shared / Math.min(a, b) : 0);
const districtPoints = (s: number, a: number, b: number) => SYNERGY_WEIGHTS.district * overlap(s, a, b);
const goalPoints = (s: number, a: number, b: number) => SYNERGY_WEIGHTS.goal * overlap(s, a, b);
const fieldPoints = (s: number, a: number, b: number) => SYNERGY_WEIGHTS.actionField * overlap(s, a, b);
const actorPoints = (s: number) => (s > 0 ? SYNERGY_WEIGHTS.actor : 0);
const textPoints = (s: number, a: number, b: number) => {
  const jaccard = s ? s / (a + b - s) : 0;
  return s >= MIN_SHARED_WORDS && jaccard >= TEXT_MIN ? SYNERGY_WEIGHTS.text * Math.min(1, jaccard / TEXT_FULL_AT) : 0;
};

/**
 * The score from plain counts (shared, size of a, size of b per part): no objects, so the index can call
 * it for millions of candidate pairs. The one formula both the index and `scorePair` use.
 */
export function score(
  sd: number, ad: number, bd: number, sg: number, ag: number, bg: number, sf: number, af: number, bf: number,
  sw: number, aw: number, bw: number, sa: number, timeOverlap: boolean,
): number {
  const d = districtPoints(sd, ad, bd);
  const g = goalPoints(sg, ag, bg);
  const f = fieldPoints(sf, af, bf);
  const t = textPoints(sw, aw, bw);
  const a = actorPoints(sa);
  if (d === 0 && g === 0 && f === 0 && t === 0 && a === 0) return 0;
  // same time counts only in the same place (see the top of this file)
  const time = timeOverlap && d > 0 ? SYNERGY_WEIGHTS.time : 0;
  return Math.min(100, Math.round(d + g + f + t + a + time));
}

/** Points per reason from the counts of shared items (for the reasons shown with a pair). */
export function pointsFromCounts(c: PairCounts): Record<ReasonKind, number> {
  const p = {
    district: districtPoints(...c.district),
    goal: goalPoints(...c.goal),
    actionField: fieldPoints(...c.actionField),
    text: textPoints(...c.text),
    actor: actorPoints(c.actor[0]),
    time: 0,
  };
  const substantive = p.district > 0 || p.goal > 0 || p.actionField > 0 || p.text > 0 || p.actor > 0;
  if (!substantive) return { district: 0, goal: 0, actionField: 0, text: 0, actor: 0, time: 0 };
  p.time = c.timeOverlap && p.district > 0 ? SYNERGY_WEIGHTS.time : 0;
  return p;
}

export const scoreFromCounts = (c: PairCounts) => score(...c.district, ...c.goal, ...c.actionField, ...c.text, c.actor[0], c.timeOverlap);

const shared = <T>(a: T[], b: T[]) => {
  const sb = new Set(b);
  return [...new Set(a)].filter((x) => sb.has(x));
};
const triple = <T>(a: T[], b: T[]): [number, number, number] => [shared(a, b).length, new Set(a).size, new Set(b).size];

export interface ScoredPair {
  score: number;
  reasons: SynergyReason[];
}

/** Turn normalised keys back into words and names as written (for the reasons' labels). */
export interface SurfaceForms {
  word: (stem: string) => string;
  actor: (key: string) => string;
}
const asIs: SurfaceForms = { word: (s) => s, actor: (s) => s };

/** Scores one pair; null when it is no pair at all (same lead department, or both without a lead). */
export function scorePair(a: SynergyMeasure, b: SynergyMeasure, forms: SurfaceForms = asIs): ScoredPair | null {
  if (a.id === b.id || !differentDepartments(a, b)) return null;
  const pa = measurePeriod(a);
  const pb = measurePeriod(b);
  const overlap = pa && pb && pa[0] <= pb[1] && pb[0] <= pa[1] ? ([Math.max(pa[0], pb[0]), Math.min(pa[1], pb[1])] as const) : null;
  const counts: PairCounts = {
    district: triple(a.districtIds, b.districtIds),
    goal: triple(a.goalIds, b.goalIds),
    actionField: triple(a.actionFieldIds, b.actionFieldIds),
    text: triple(a.words, b.words),
    actor: triple(a.actors, b.actors),
    timeOverlap: overlap != null,
  };
  const points = pointsFromCounts(counts);
  const r = (kind: ReasonKind, extra: Partial<SynergyReason>): SynergyReason => ({ kind, points: Math.round(points[kind]), ...extra });
  const reasons: SynergyReason[] = [];
  if (points.district) reasons.push(r('district', { ids: shared(a.districtIds, b.districtIds) }));
  if (points.goal) reasons.push(r('goal', { ids: shared(a.goalIds, b.goalIds) }));
  if (points.actor) reasons.push(r('actor', { actors: shared(a.actors, b.actors).slice(0, 8).map(forms.actor) }));
  if (points.actionField) reasons.push(r('actionField', { ids: shared(a.actionFieldIds, b.actionFieldIds) }));
  if (points.time && overlap) reasons.push(r('time', { from: isoOf(overlap[0]), to: isoOf(overlap[1]) }));
  if (points.text) reasons.push(r('text', { words: shared(a.words, b.words).slice(0, 8).map(forms.word) }));
  // the strongest reason first, so the card opens with what carries the pair (stable: equal points keep the order above)
  reasons.sort((x, y) => y.points - x.points);
  return { score: scoreFromCounts(counts), reasons };
}
