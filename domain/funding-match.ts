/**
 * Matching measures and funding programmes (pure: no I/O; the date "today" is passed in).
 *
 * For one measure and one programme, `matchProgramme` lists the reasons for, against and to check in
 * plain German (or English, `ctx.locale`; the wording is in funding-texts.ts), each with a stable `code`
 * and a numeric `weight`, decides the match's state, and estimates the grant.
 *
 * States (a planner's words; eligibility and fit are kept apart, and never contradict each other):
 * - `eligible` (kommt in Frage): the measure meets the programme's topic (or the programme names none)
 *   and no condition fails or needs checking.
 * - `check` (prüfen): it fits and nothing excludes it, but a condition must be checked first — the
 *   district is not (or not recorded as) designated for this programme ("Fördergebiet prüfen"), the
 *   municipality's settlement type is not recorded, or the programme's topics occur only in the
 *   description (a passing mention: "Thema prüfen"). A missing designation is work to do, not a verdict.
 * - `no_fit` (passt thematisch nicht): the programme names topics and none is found in the measure.
 * - `not_eligible` (nicht förderfähig): a hard condition fails: the applicant type is excluded, every
 *   application window is closed, the cost is below the minimum, or the programme is only for another
 *   kind of municipality (e.g. LEADER only for rural areas) and no district lies in one of its areas.
 * Only `eligible` and `check` are listed as worth an application; `eligible` (the boolean) is kept for
 * older clients and means state `eligible`.
 *
 * Fit (score 0–100), documented so people can follow a ranking:
 * - For: the programme topics found in the measure — the strongest +30 when found in a tag, the name
 *   of a field of action or the title (+20 when found only in the description), each further one +10
 *   (+5), together at most +50, so long synonym lists do not swamp the score; the district lies in an
 *   area designated for this programme +15; cost within the programme's limits +5; applicant type
 *   admitted +5; an application window open now or opening before the planned start +5; rolling
 *   application +5; climate reference present where required +5.
 * - Against: cost above the maximum −10 (partial funding, the grant is capped); the grant would exceed
 *   the programme's typical size −15 (e.g. a LEADER project is typically up to 200.000 €; the
 *   expectation is capped there too) or fall below it −5; cost not estimated −5; the next window opens
 *   only after the planned start −5; climate reference required but not found −5; a loan −5; a prize −5.
 * - To check: funding area not designated, not recorded or unknown −10; settlement type unknown −10.
 * - Reasons against and checks lower the fit by at most half of the points for: a programme that meets
 *   the measure's topic keeps a visible fit, and whether it can be used is the state's job. Blocking
 *   reasons (state `not_eligible`) and "no topic found" (state `no_fit`) weigh 0: they decide the
 *   state, not the fit.
 * - Rankings: `eligible` first, then `check`, then the rest; within each by fit, then name (German
 *   collation).
 *
 * Designations: a district records the kinds of funding areas it lies in (`lebendige_zentren`,
 * `sozialer_zusammenhalt`, `wachstum_nachhaltige_erneuerung`, `leader`, `efre`, or `other` — an area
 * whose programme is not recorded, e.g. migrated from the old yes/no flag). A programme that funds only
 * in designated areas names the kinds it accepts (`areaKinds`; none named: any designation counts).
 *
 * Topic matching is case- and umlaut-insensitive ("Grünfläche" = "gruenflaeche" = "GRUNFLACHE") and
 * tolerant of German inflection and compounds: each significant word of a topic must appear, as a word
 * stem, inside some word of the measure ("Sport" in "Sporthalle", "energetisch" for "Energetische",
 * "Sanierung" in "Sanierungen"). Stems shorter than five letters must match a whole word (so "Grün"
 * finds "grüne" but not "Grundschule").
 */
import type { Locale } from './format';
import { MATCH_TEXTS, type MatchTexts } from './funding-texts';

export interface MatchMeasure {
  costCents: number | null;
  /** YYYY-MM-DD */
  plannedStart: string | null;
  tags: string[];
  actionFieldNames: string[];
  title: string;
  description: string;
  /** the districts with the kinds of designated funding areas they lie in */
  districts: { name: string; designations: readonly string[] }[];
}

/** Kinds of designated funding areas (a district may lie in several). */
export const AREA_KINDS = ['lebendige_zentren', 'sozialer_zusammenhalt', 'wachstum_nachhaltige_erneuerung', 'leader', 'efre', 'other'] as const;
export type AreaKind = (typeof AREA_KINDS)[number];
/** Whether a municipality is a town/city or rural (programmes such as LEADER are for rural areas). */
export const SETTLEMENT_TYPES = ['urban', 'rural'] as const;
export type SettlementType = (typeof SETTLEMENT_TYPES)[number];
export const MATCH_STATES = ['eligible', 'check', 'no_fit', 'not_eligible'] as const;
export type MatchState = (typeof MATCH_STATES)[number];

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
  /** the kinds of designated areas the programme accepts (empty: any designation); see AREA_KINDS */
  areaKinds?: readonly string[];
  /** the kinds of municipality the programme is for (empty: any); see SETTLEMENT_TYPES */
  settlementTypes?: readonly string[];
  /** typical grant per project (not a legal limit): below or above it an application is unusual */
  typicalMinCents?: number | null;
  typicalMaxCents?: number | null;
  climateRequirement: boolean;
  windows: MatchWindow[];
}

export interface MatchContext {
  /** e.g. 'municipality' */
  applicantType: string;
  financiallyWeak: boolean;
  /** the municipality's settlement type; null: not recorded */
  settlementType?: SettlementType | null;
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
  /** fit, 0–100 */
  score: number;
  state: MatchState;
  /** state === 'eligible' (kept for older clients) */
  eligible: boolean;
  for: Reason[];
  against: Reason[];
  /** conditions to check before applying (they make the state `check`) */
  check: Reason[];
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
  topicFirst: 30,
  topicFirstDescription: 20,
  topicMore: 10,
  topicMoreDescription: 5,
  topicCap: 50,
  areaDesignated: 15,
  areaCheck: 10,
  settlementCheck: 10,
  costWithin: 5,
  costAboveMax: 10,
  aboveTypical: 15,
  belowTypical: 5,
  costUnknown: 5,
  applicantOk: 5,
  windowOpen: 5,
  windowRolling: 5,
  windowAfterStart: 5,
  climateOk: 5,
  climateMissing: 5,
  loan: 5,
  prize: 5,
} as const;

/** Reason codes that make a match not eligible (they weigh 0: they decide the state, not the fit). */
export const BLOCKING_CODES: ReadonlySet<string> = new Set([
  'applicant_excluded',
  'window_closed',
  'cost_below_min',
  'settlement_excluded',
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
  title: WordBag;
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
    title: bag(words(m.title)),
    all,
    climate: all.words.some((w) => CLIMATE_STEMS.some((s) => w.includes(s))),
  };
  preparedMeasures.set(m, p);
  return p;
}

// ---------------------------------------------------------------------------------------------------
// Matching

/** How one programme fits one measure: state, fit, the reasons for, against and to check. */
export function matchProgramme(m: MatchMeasure, p: MatchProgramme, ctx: MatchContext): ProgrammeMatchResult {
  const pro: Reason[] = [];
  const con: Reason[] = [];
  const check: Reason[] = [];
  const tx = MATCH_TEXTS[ctx.locale ?? 'de'];

  const topicsFound = topicReasons(m, p, tx, pro, check);
  if (!topicsFound) con.push({ code: 'no_topic', text: tx.noTopic(p.topics), weight: 0 });
  const areaOk = placeReasons(m, p, ctx, tx, pro, con, check);

  // Cost and limits
  const { minAmountCents: min, maxAmountCents: max } = p;
  const cost = m.costCents;
  if (cost == null) {
    con.push({ code: 'cost_unknown', text: tx.costUnknown(), weight: WEIGHTS.costUnknown });
  } else if (min != null && cost < min) {
    con.push({ code: 'cost_below_min', text: tx.costBelowMin(cost, min), weight: 0 });
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
      con.push({ code: 'applicant_excluded', text: tx.applicantExcluded(ctx.applicantType, p.applicants), weight: 0 });
    }
  }

  // Application windows
  const nextDeadline = windowReasons(m, p, ctx, pro, con);

  // Climate precondition
  if (p.climateRequirement) {
    if (prepared(m).climate) {
      pro.push({ code: 'climate_ok', text: tx.climateOk(), weight: WEIGHTS.climateOk });
    } else {
      con.push({ code: 'climate_missing', text: tx.climateMissing(), weight: WEIGHTS.climateMissing });
    }
  }

  // Kind of funding
  if (p.kind === 'loan') con.push({ code: 'loan', text: tx.loan(), weight: WEIGHTS.loan });
  if (p.kind === 'prize') con.push({ code: 'prize', text: tx.prize(), weight: WEIGHTS.prize });

  // Expected grant, and the programme's typical size (the grant, or the cost where the rate is unknown)
  const rate = applicableRate(p, ctx);
  let expectedGrantCents: number | null = null;
  if (cost != null && rate != null) {
    expectedGrantCents = applyRate(cost, rate);
    if (max != null && expectedGrantCents > max) expectedGrantCents = max;
    if (ctx.financiallyWeak && p.rateWeakPercent != null) {
      pro.push({ code: 'rate_weak', text: tx.rateWeak(p.rateWeakPercent), weight: 0 });
    }
  }
  const basis = expectedGrantCents ?? cost;
  const typicalMax = p.typicalMaxCents ?? null;
  const typicalMin = p.typicalMinCents ?? null;
  if (basis != null && typicalMax != null && basis > typicalMax) {
    con.push({ code: 'above_typical', text: tx.aboveTypical(basis, typicalMax), weight: WEIGHTS.aboveTypical });
    if (expectedGrantCents != null) expectedGrantCents = typicalMax;
  } else if (basis != null && typicalMin != null && basis < typicalMin) {
    con.push({ code: 'below_typical', text: tx.belowTypical(basis, typicalMin), weight: WEIGHTS.belowTypical });
  }

  const state: MatchState = con.some((r) => BLOCKING_CODES.has(r.code))
    ? 'not_eligible'
    : !topicsFound
      ? 'no_fit'
      : check.length > 0 || !areaOk
        ? 'check'
        : 'eligible';
  const sum = (rs: Reason[]) => rs.reduce((a, r) => a + r.weight, 0);
  const plus = sum(pro);
  const minus = Math.min(sum(con) + sum(check), Math.floor(plus / 2));
  const score = Math.max(0, Math.min(100, plus - minus));
  return {
    programmeId: p.id, programmeName: p.name, score, state, eligible: state === 'eligible',
    for: pro, against: con, check, expectedGrantCents, nextDeadline,
  };
}

/**
 * The programme topics found in the measure (strongest first, together at most WEIGHTS.topicCap); false
 * when the programme names topics and none is found. A topic in a tag, a field of action or the title
 * says what the measure is about; one found only in the description may be a passing mention ("… später
 * an ein Wärmenetz anschließen"), so when all finds are of that kind the topic is to check.
 */
function topicReasons(m: MatchMeasure, p: MatchProgramme, tx: MatchTexts, pro: Reason[], check: Reason[]): boolean {
  const prep = prepared(m);
  // level: 2 tag or field of action, 1 title, 0 description only
  const found: { topic: string; text: string; level: number }[] = [];
  for (const topic of p.topics) {
    const tagIndex = prep.tags.findIndex((b) => topicInBag(topic, b));
    const fieldIndex = tagIndex >= 0 ? -1 : prep.fields.findIndex((b) => topicInBag(topic, b));
    if (tagIndex >= 0 || fieldIndex >= 0) {
      const where = tagIndex >= 0 ? { tag: m.tags[tagIndex] } : { field: m.actionFieldNames[fieldIndex] };
      found.push({ topic, text: tx.topic(topic, where), level: 2 });
    } else if (topicInBag(topic, prep.title)) {
      found.push({ topic, text: tx.topic(topic, 'title'), level: 1 });
    } else if (topicInBag(topic, prep.all)) {
      found.push({ topic, text: tx.topic(topic, 'description'), level: 0 });
    }
  }
  // the most telling finds first (stable: in the programme's own order of topics)
  found.sort((a, b) => b.level - a.level);
  let budget: number = WEIGHTS.topicCap;
  found.forEach((f, i) => {
    const strong = f.level > 0;
    const full = i === 0 ? (strong ? WEIGHTS.topicFirst : WEIGHTS.topicFirstDescription) : strong ? WEIGHTS.topicMore : WEIGHTS.topicMoreDescription;
    const weight = Math.min(full, budget);
    budget -= weight;
    pro.push({ code: 'topic', text: f.text, weight });
  });
  if (found.length > 0 && found[0].level === 0) {
    check.push({ code: 'topic_weak', text: tx.topicWeak(found.map((f) => f.topic)), weight: 0 });
  }
  return p.topics.length === 0 || found.length > 0;
}

/**
 * Where the measure lies: the kind of municipality the programme is for, and its designated areas.
 * Returns false when a needed designation is missing (the reason is then in `check`).
 */
function placeReasons(m: MatchMeasure, p: MatchProgramme, ctx: MatchContext, tx: MatchTexts, pro: Reason[], con: Reason[], check: Reason[]): boolean {
  const kinds = p.areaKinds ?? [];
  const accepts = (d: MatchMeasure['districts'][number]) => (kinds.length ? d.designations.some((k) => kinds.includes(k)) : d.designations.length > 0);
  const inArea = m.districts.filter(accepts);

  // A programme for rural (or urban) areas: a district in one of the areas it names (a LEADER area)
  // counts as such an area; any designation does not (a redevelopment area says nothing about it)
  const settlements = p.settlementTypes ?? [];
  const inNamedArea = kinds.length > 0 && inArea.length > 0;
  if (settlements.length > 0 && !inNamedArea) {
    const type = ctx.settlementType ?? null;
    if (type == null) {
      check.push({ code: 'settlement_unknown', text: tx.settlementUnknown([...settlements]), weight: WEIGHTS.settlementCheck });
    } else if (!settlements.includes(type)) {
      con.push({ code: 'settlement_excluded', text: tx.settlementExcluded(type, [...settlements]), weight: 0 });
      return true; // excluded: whether a district is designated no longer matters
    } else {
      pro.push({ code: 'settlement_ok', text: tx.settlementOk(type), weight: 0 });
    }
  }

  if (!p.requiresDesignatedArea) return true;
  const needed = [...kinds];
  if (inArea.length > 0) {
    const named = kinds.length ? needed : [...new Set(inArea.flatMap((d) => d.designations))];
    pro.push({ code: 'area_designated', text: tx.areaDesignated(inArea.map((d) => d.name), named), weight: WEIGHTS.areaDesignated });
    return true;
  }
  if (m.districts.length === 0) {
    check.push({ code: 'area_unknown', text: tx.areaUnknown(needed), weight: WEIGHTS.areaCheck });
    return false;
  }
  const unspecified = m.districts.filter((d) => d.designations.includes('other'));
  if (unspecified.length > 0) {
    check.push({ code: 'area_unspecified', text: tx.areaUnspecified(unspecified.map((d) => d.name), needed), weight: WEIGHTS.areaCheck });
  } else {
    check.push({ code: 'area_not_designated', text: tx.areaNotDesignated(m.districts.map((d) => d.name), needed), weight: WEIGHTS.areaCheck });
  }
  return false;
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
    con.push({ code: 'window_closed', text: tx.windowClosed(last), weight: 0 });
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

/** 0 eligible, 1 check, 2 the rest (no fit or not eligible): the order in which states are listed. */
export const stateTier = (state: MatchState) => (state === 'eligible' ? 0 : state === 'check' ? 1 : 2);

/** Worth an application: eligible, or eligible once a condition is checked. */
export const isListed = (r: Pick<ProgrammeMatchResult, 'state'>) => r.state === 'eligible' || r.state === 'check';

/** All programmes for one measure: eligible first, then those to check, then the rest; each by fit, then name. */
export function rankProgrammes(m: MatchMeasure, programmes: readonly MatchProgramme[], ctx: MatchContext): ProgrammeMatchResult[] {
  return programmes
    .map((p) => matchProgramme(m, p, ctx))
    .sort((a, b) => stateTier(a.state) - stateTier(b.state) || b.score - a.score || collator.compare(a.programmeName, b.programmeName));
}

/**
 * A fit of a programme for a measure: listed as worth an application (state eligible or check; the
 * programme's topics are met). The programme parameter is kept for callers of the older signature.
 */
export function isFit(_p: Pick<MatchProgramme, 'topics'> | null, r: Pick<ProgrammeMatchResult, 'state'>): boolean {
  return isListed(r);
}

/**
 * The measures that fit one programme (state eligible or check), eligible first, then by fit
 * (descending), then measure number. `includeAll` returns every measure, the fitting ones first.
 */
export function rankMeasures(p: MatchProgramme, measures: RankableMeasure[], ctx: MatchContext, opts: { includeAll?: boolean } = {}): MeasureMatch[] {
  const all = measures.map((m) => ({ ...matchProgramme(m, p, ctx), measureId: m.id, number: m.number, title: m.title }));
  return all
    .filter((r) => opts.includeAll || isListed(r))
    .sort((a, b) => stateTier(a.state) - stateTier(b.state) || b.score - a.score || a.number - b.number);
}
