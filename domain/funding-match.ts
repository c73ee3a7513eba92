/**
 * Matching measures and funding programmes (pure: no I/O; the date "today" is passed in).
 *
 * For one measure and one programme, `matchProgramme` lists the reasons for and against in plain German
 * (or English, `ctx.locale`; the wording is in funding-texts.ts),
 * each with a stable `code` and a numeric `weight`, decides whether the measure is eligible at all, and
 * estimates the grant.
 *
 * Scoring rule (documented, so people can follow a ranking):
 * - score = Σ weights of the reasons for − Σ weights of the reasons against, clamped to 0–100.
 * - Reasons for: each programme topic found in the measure — +20 when found in a tag or the name of a
 *   field of action, +12 when found only in the title or description, listed strongest first and together
 *   at most +50 (further matching topics are shown with the weight they still add, down to 0, so long
 *   synonym lists such as "Sport, Sporthalle, Sportstätte" do not swamp the score); the district lies in a
 *   designated funding area although the programme requires one +15; cost within the programme's limits
 *   +10; applicant type admitted +10; an application window open now or opening before the planned start
 *   +10; rolling application (no windows listed) +5; climate reference present where required +5.
 * - Reasons against: no programme topic found −10; no district or no designated district although the
 *   programme requires one −40 (blocking); cost below the minimum −30 (blocking); cost above the maximum
 *   −10 (partial funding: the grant is capped); cost not estimated −5; applicant type excluded −50
 *   (blocking); every application window closed −30 (blocking); the next window opens only after the
 *   planned start −10; climate protection/adaptation required but not found in the measure −10; a loan
 *   (must be repaid) −5; a prize/competition (award uncertain) −5.
 * - A blocking reason makes the match not eligible, whatever the score. Rankings put eligible matches
 *   first, then higher scores, then names (German collation).
 *
 * Topic matching is case- and umlaut-insensitive ("Grünfläche" = "gruenflaeche" = "GRUNFLACHE") and
 * tolerant of German inflection and compounds: each significant word of a topic must appear, as a word
 * stem, inside some word of the measure ("Sport" in "Sporthalle", "energetisch" for "Energetische",
 * "Sanierung" in "Sanierungen"). Stems shorter than five letters must match a whole word (so "Grün"
 * finds "grüne" but not "Grundschule").
 */
import type { Locale } from './format';
import { MATCH_TEXTS } from './funding-texts';

export interface MatchMeasure {
  costCents: number | null;
  /** YYYY-MM-DD */
  plannedStart: string | null;
  tags: string[];
  actionFieldNames: string[];
  title: string;
  description: string;
  districts: { name: string; designatedArea: boolean }[];
}

export interface MatchWindow {
  opensOn: string | null;
  closesOn: string | null;
  note: string;
}

export interface MatchProgramme {
  id: string;
  name: string;
  kind: 'grant' | 'loan' | 'prize';
  ratePercent: number | null;
  rateWeakPercent: number | null;
  minAmountCents: number | null;
  maxAmountCents: number | null;
  applicants: string[];
  topics: string[];
  requiresDesignatedArea: boolean;
  climateRequirement: boolean;
  windows: MatchWindow[];
}

export interface MatchContext {
  /** e.g. 'municipality' */
  applicantType: string;
  financiallyWeak: boolean;
  /** YYYY-MM-DD, injected for testability */
  today: string;
  /** language of the reasons' texts (default German) */
  locale?: Locale;
}

export interface Reason {
  code: string;
  text: string;
  weight: number;
}

export interface ProgrammeMatchResult {
  programmeId: string;
  programmeName: string;
  /** 0–100 */
  score: number;
  eligible: boolean;
  for: Reason[];
  against: Reason[];
  expectedGrantCents: number | null;
  nextDeadline: string | null;
}

export type RankableMeasure = MatchMeasure & { id: string; number: number; title: string };

export interface MeasureMatch extends ProgrammeMatchResult {
  measureId: string;
  number: number;
  title: string;
}

/** Weights of the reasons (see the scoring rule above). */
export const WEIGHTS = {
  topicStructured: 20,
  topicText: 12,
  topicCap: 50,
  noTopic: 10,
  areaDesignated: 15,
  areaMissing: 40,
  costWithin: 10,
  costBelowMin: 30,
  costAboveMax: 10,
  costUnknown: 5,
  applicantOk: 10,
  applicantExcluded: 50,
  windowOpen: 10,
  windowRolling: 5,
  windowClosed: 30,
  windowAfterStart: 10,
  climateOk: 5,
  climateMissing: 10,
  loan: 5,
  prize: 5,
} as const;

/** Reason codes that make a match not eligible. */
export const BLOCKING_CODES: ReadonlySet<string> = new Set([
  'area_outside',
  'area_missing',
  'cost_below_min',
  'applicant_excluded',
  'window_closed',
]);


// ---------------------------------------------------------------------------------------------------
// Text normalisation and topic matching

/** Lower case, umlauts and accents folded ("ä", "ae" → "a"), ß → ss. Both sides are folded alike. */
export function fold(s: string): string {
  return s
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ae/g, 'a')
    .replace(/oe/g, 'o')
    .replace(/ue/g, 'u');
}

const STOPWORDS = new Set([
  'und', 'oder', 'der', 'die', 'das', 'des', 'den', 'dem', 'ein', 'eine', 'einer', 'eines', 'fur', 'von',
  'vom', 'im', 'in', 'mit', 'zur', 'zum', 'am', 'an', 'auf', 'bei', 'aus', 'nach', 'sowie', 'als', 'zu',
]);

/** Folded words of a text (letters and digits only). */
function words(s: string): string[] {
  return fold(s).split(/[^a-z0-9]+/).filter((w) => w.length > 0);
}

/** A rough German stem: strips common inflection endings while at least four letters remain. */
export function stem(word: string): string {
  for (const suffix of ['ern', 'en', 'er', 'es', 'em', 'e', 'n', 's']) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 4) return word.slice(0, -suffix.length);
  }
  return word;
}

/** Does the (folded) word contain the topic stem — as a whole word, or inside a compound for stems of 5+ letters? */
function wordHasStem(word: string, topicStem: string): boolean {
  if (topicStem.length < 5) return word === topicStem || stem(word) === topicStem;
  return word.includes(topicStem);
}

/**
 * Stems per topic text. A catalogue has a few hundred distinct topics, matched against every measure:
 * computing their stems once instead of per measure × programme was most of the measured speed-up
 * (docs/benchmarks.md). Bounded so a long-running server with edited catalogues cannot grow it forever.
 */
const topicStemCache = new Map<string, string[]>();
const TOPIC_CACHE_MAX = 20_000;

/** Significant stems of a topic ("Energetische Sanierung" → ["energetisch", "sanierung"]). */
function topicStems(topic: string): string[] {
  const cached = topicStemCache.get(topic);
  if (cached) return cached;
  const ws = words(topic);
  const significant = ws.filter((w) => !STOPWORDS.has(w));
  const stems = (significant.length ? significant : ws).map(stem);
  if (topicStemCache.size >= TOPIC_CACHE_MAX) topicStemCache.clear();
  topicStemCache.set(topic, stems);
  return stems;
}

/**
 * A list of folded words prepared for stem look-ups: the distinct words (long stems are searched
 * inside them) and the set of whole words and their stems (short stems must match a whole word).
 */
interface WordBag {
  words: string[];
  /** the distinct words joined by spaces: one native substring search instead of one per word */
  joined: string;
  whole: Set<string>;
}

function bag(ws: string[]): WordBag {
  const distinct = [...new Set(ws)];
  const whole = new Set<string>();
  for (const w of distinct) {
    whole.add(w);
    whole.add(stem(w));
  }
  return { words: distinct, joined: distinct.join(' '), whole };
}

function bagHasStem(b: WordBag, topicStem: string): boolean {
  if (topicStem.length < 5) return b.whole.has(topicStem);
  return b.joined.includes(topicStem); // stems hold no spaces, so this is "some word contains it"
}

function topicInBag(topic: string, b: WordBag): boolean {
  const stems = topicStems(topic);
  return stems.length > 0 && stems.every((s) => bagHasStem(b, s));
}

/** Whether every significant word of the topic is found in the given words. */
export function topicMatches(topic: string, haystack: string[]): boolean {
  const stems = topicStems(topic);
  if (stems.length === 0) return false;
  return stems.every((s) => haystack.some((w) => wordHasStem(w, s)));
}

/** Word stems that show a climate protection or adaptation reference (folded). */
const CLIMATE_STEMS = [
  'klima', 'energetisch', 'co2', 'treibhaus', 'begrun', 'entsiegel', 'regenwasser', 'hitze', 'photovoltaik',
  'solar', 'grunflach', 'grunanlag', 'baumpflanz', 'versickerung', 'schwammstadt', 'warmepump', 'warmenetz',
];

// ---------------------------------------------------------------------------------------------------
// Money and rates

/** cents × percent / 100, rounded half up to whole cents, computed in integers (percent to 1/100 %). */
export function applyRate(cents: number, percent: number): number {
  const basisPoints = Math.round(percent * 100);
  const product = Math.round(cents) * basisPoints;
  const sign = product < 0 ? -1 : 1;
  return sign * Math.floor((Math.abs(product) + 5000) / 10000);
}

function applicableRate(p: MatchProgramme, ctx: MatchContext): number | null {
  if (ctx.financiallyWeak && p.rateWeakPercent != null) return p.rateWeakPercent;
  return p.ratePercent;
}


// ---------------------------------------------------------------------------------------------------
// A measure's words, prepared once

interface PreparedMeasure {
  tags: WordBag[];
  fields: WordBag[];
  /** tags, fields, title and description together */
  all: WordBag;
  climate: boolean;
}

/**
 * The folded words of a measure, computed once per measure object and reused for every programme it
 * is matched against (a measure is ranked against hundreds of programmes; re-folding its text for
 * each was ~90 % of matching time). Keyed weakly, so the entry goes with the measure object; callers
 * must not mutate a measure object after matching it (the services build fresh objects, or cache them
 * unchanged per data version: funding/match.service.ts).
 */
const preparedMeasures = new WeakMap<MatchMeasure, PreparedMeasure>();

function prepared(m: MatchMeasure): PreparedMeasure {
  const hit = preparedMeasures.get(m);
  if (hit) return hit;
  const tagWords = m.tags.map(words);
  const fieldWords = m.actionFieldNames.map(words);
  const allWords = [...tagWords.flat(), ...fieldWords.flat(), ...words(`${m.title} ${m.description}`)];
  const all = bag(allWords);
  const p: PreparedMeasure = {
    tags: tagWords.map(bag),
    fields: fieldWords.map(bag),
    all,
    climate: all.words.some((w) => CLIMATE_STEMS.some((s) => w.includes(s))),
  };
  preparedMeasures.set(m, p);
  return p;
}

// ---------------------------------------------------------------------------------------------------
// Matching

/** How one programme fits one measure, with the reasons for and against. */
export function matchProgramme(m: MatchMeasure, p: MatchProgramme, ctx: MatchContext): ProgrammeMatchResult {
  const pro: Reason[] = [];
  const con: Reason[] = [];
  const tx = MATCH_TEXTS[ctx.locale ?? 'de'];

  // Topics: matches in tags/fields first; together they add at most WEIGHTS.topicCap
  const prep = prepared(m);
  const topicReasons: Reason[] = [];
  for (const topic of p.topics) {
    const tagIndex = prep.tags.findIndex((b) => topicInBag(topic, b));
    const fieldIndex = tagIndex >= 0 ? -1 : prep.fields.findIndex((b) => topicInBag(topic, b));
    if (tagIndex >= 0 || fieldIndex >= 0) {
      const where = tagIndex >= 0 ? { tag: m.tags[tagIndex] } : { field: m.actionFieldNames[fieldIndex] };
      topicReasons.push({ code: 'topic', text: tx.topic(topic, where), weight: WEIGHTS.topicStructured });
    } else if (topicInBag(topic, prep.all)) {
      topicReasons.push({ code: 'topic', text: tx.topic(topic, 'text'), weight: WEIGHTS.topicText });
    }
  }
  let topicBudget: number = WEIGHTS.topicCap;
  for (const r of topicReasons.sort((a, b) => b.weight - a.weight)) {
    const weight = Math.min(r.weight, topicBudget);
    topicBudget -= weight;
    pro.push({ ...r, weight });
  }
  if (p.topics.length > 0 && topicReasons.length === 0) {
    con.push({ code: 'no_topic', text: tx.noTopic(p.topics), weight: WEIGHTS.noTopic });
  }

  // Designated funding area
  if (p.requiresDesignatedArea) {
    const designated = m.districts.filter((d) => d.designatedArea);
    if (m.districts.length === 0) {
      con.push({ code: 'area_missing', text: tx.areaMissing(), weight: WEIGHTS.areaMissing });
    } else if (designated.length === 0) {
      con.push({ code: 'area_outside', text: tx.areaOutside(m.districts.map((d) => d.name)), weight: WEIGHTS.areaMissing });
    } else {
      pro.push({ code: 'area_designated', text: tx.areaDesignated(designated.map((d) => d.name)), weight: WEIGHTS.areaDesignated });
    }
  }

  // Cost and limits
  const { minAmountCents: min, maxAmountCents: max } = p;
  const cost = m.costCents;
  if (cost == null) {
    con.push({ code: 'cost_unknown', text: tx.costUnknown(), weight: WEIGHTS.costUnknown });
  } else if (min != null && cost < min) {
    con.push({ code: 'cost_below_min', text: tx.costBelowMin(cost, min), weight: WEIGHTS.costBelowMin });
  } else if (max != null && cost > max) {
    con.push({ code: 'cost_above_max', text: tx.costAboveMax(cost, max), weight: WEIGHTS.costAboveMax });
  } else if (min != null || max != null) {
    pro.push({ code: 'cost_within', text: tx.costWithin(cost, min, max), weight: WEIGHTS.costWithin });
  }

  // Applicant type
  if (p.applicants.length > 0) {
    if (p.applicants.includes(ctx.applicantType)) {
      pro.push({ code: 'applicant_ok', text: tx.applicantOk(ctx.applicantType), weight: WEIGHTS.applicantOk });
    } else {
      con.push({ code: 'applicant_excluded', text: tx.applicantExcluded(ctx.applicantType, p.applicants), weight: WEIGHTS.applicantExcluded });
    }
  }

  // Application windows
  const nextDeadline = windowReasons(m, p, ctx, pro, con);

  // Climate precondition
  if (p.climateRequirement) {
    if (prep.climate) {
      pro.push({ code: 'climate_ok', text: tx.climateOk(), weight: WEIGHTS.climateOk });
    } else {
      con.push({ code: 'climate_missing', text: tx.climateMissing(), weight: WEIGHTS.climateMissing });
    }
  }

  // Kind of funding
  if (p.kind === 'loan') con.push({ code: 'loan', text: tx.loan(), weight: WEIGHTS.loan });
  if (p.kind === 'prize') con.push({ code: 'prize', text: tx.prize(), weight: WEIGHTS.prize });

  // Expected grant
  const rate = applicableRate(p, ctx);
  let expectedGrantCents: number | null = null;
  if (cost != null && rate != null) {
    expectedGrantCents = applyRate(cost, rate);
    if (max != null && expectedGrantCents > max) expectedGrantCents = max;
    if (ctx.financiallyWeak && p.rateWeakPercent != null) {
      pro.push({ code: 'rate_weak', text: tx.rateWeak(p.rateWeakPercent), weight: 0 });
    }
  }

  const sum = (rs: Reason[]) => rs.reduce((a, r) => a + r.weight, 0);
  const score = Math.max(0, Math.min(100, sum(pro) - sum(con)));
  const eligible = !con.some((r) => BLOCKING_CODES.has(r.code));
  return { programmeId: p.id, programmeName: p.name, score, eligible, for: pro, against: con, expectedGrantCents, nextDeadline };
}

/**
 * Reasons about the application windows; returns the next deadline (earliest `closesOn` not yet passed).
 * A window is closed when its deadline lies before today. An open or future window is timely when one
 * can apply on or before the planned start (applications must come before the measure starts).
 */
function windowReasons(m: MatchMeasure, p: MatchProgramme, ctx: MatchContext, pro: Reason[], con: Reason[]): string | null {
  const { today } = ctx;
  const tx = MATCH_TEXTS[ctx.locale ?? 'de'];
  if (p.windows.length === 0) {
    pro.push({ code: 'window_rolling', text: tx.windowRolling(), weight: WEIGHTS.windowRolling });
    return null;
  }
  const closed = p.windows.filter((w) => w.closesOn != null && w.closesOn < today);
  const future = p.windows.filter((w) => !(w.closesOn != null && w.closesOn < today));
  const byDeadline = (a: MatchWindow, b: MatchWindow) => (a.closesOn ?? '9999-12-31').localeCompare(b.closesOn ?? '9999-12-31');
  const nextDeadline = future.map((w) => w.closesOn).filter((d): d is string => d != null).sort()[0] ?? null;

  if (future.length === 0) {
    const last = closed.map((w) => w.closesOn as string).sort().at(-1) as string;
    con.push({ code: 'window_closed', text: tx.windowClosed(last), weight: WEIGHTS.windowClosed });
    return null;
  }

  const firstDay = (w: MatchWindow) => (w.opensOn != null && w.opensOn > today ? w.opensOn : today);
  const timely = future.filter((w) => m.plannedStart == null || firstDay(w) <= m.plannedStart).sort(byDeadline);
  if (timely.length > 0) {
    const w = timely[0];
    const opensLater = w.opensOn != null && w.opensOn > today;
    const text = tx.windowOpen({ opensOn: opensLater ? w.opensOn : null, closesOn: w.closesOn, note: w.note || null, plannedStart: m.plannedStart });
    pro.push({ code: 'window_open', text, weight: WEIGHTS.windowOpen });
  } else {
    const w = [...future].sort((a, b) => firstDay(a).localeCompare(firstDay(b)))[0];
    con.push({ code: 'window_after_start', text: tx.windowAfterStart(firstDay(w), m.plannedStart), weight: WEIGHTS.windowAfterStart });
  }
  return nextDeadline;
}

const collator = new Intl.Collator('de', { sensitivity: 'base', numeric: true });

/** All programmes for one measure: eligible first, then score (descending), then name. */
export function rankProgrammes(m: MatchMeasure, programmes: readonly MatchProgramme[], ctx: MatchContext): ProgrammeMatchResult[] {
  return programmes
    .map((p) => matchProgramme(m, p, ctx))
    .sort((a, b) => Number(b.eligible) - Number(a.eligible) || b.score - a.score || collator.compare(a.programmeName, b.programmeName));
}

/** A fit: eligible, and (when the programme names topics) at least one topic found. */
export function isFit(p: Pick<MatchProgramme, 'topics'>, r: ProgrammeMatchResult): boolean {
  return r.eligible && (p.topics.length === 0 || r.for.some((x) => x.code === 'topic'));
}

/**
 * The measures that fit one programme: eligible, and (when the programme names topics) at least one
 * topic found. Ranked by score (descending), then measure number. `includeAll` returns every measure,
 * the fitting ones first.
 */
export function rankMeasures(p: MatchProgramme, measures: RankableMeasure[], ctx: MatchContext, opts: { includeAll?: boolean } = {}): MeasureMatch[] {
  const fits = (r: ProgrammeMatchResult) => isFit(p, r);
  const all = measures.map((m) => ({ ...matchProgramme(m, p, ctx), measureId: m.id, number: m.number, title: m.title }));
  return all
    .filter((r) => opts.includeAll || fits(r))
    .sort((a, b) => Number(fits(b)) - Number(fits(a)) || Number(b.eligible) - Number(a.eligible) || b.score - a.score || a.number - b.number);
}
