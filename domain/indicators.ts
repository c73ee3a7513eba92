/**
 * Goal indicators (issue 15, part 3; pure: no I/O): the expected value on an indicator's target path at
 * a date, and the indicator's state by an ordered, visible rule list. The rule that decided is returned
 * in words (German and English) so that the page can say why, and anyone can recompute the state.
 */
import { formatDate } from './format';

export const INDICATOR_KINDS = ['increase_to', 'decrease_to', 'within_range'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];
export const INDICATOR_STATES = ['on_course', 'at_risk', 'off_course', 'no_data'] as const;
export type IndicatorState = (typeof INDICATOR_STATES)[number];
type Words = { de: string; en: string };

export const INDICATOR_KIND_LABELS: Record<IndicatorKind, Words> = {
  increase_to: { de: 'Steigern auf', en: 'Increase to' },
  decrease_to: { de: 'Senken auf', en: 'Decrease to' },
  within_range: { de: 'Im Bereich halten', en: 'Keep within range' },
};
/** Badges always show the word, never the colour alone. */
export const INDICATOR_STATE_LABELS: Record<IndicatorState, Words> = {
  on_course: { de: 'Auf Kurs', en: 'On course' },
  at_risk: { de: 'Gefährdet', en: 'At risk' },
  off_course: { de: 'Nicht auf Kurs', en: 'Off course' },
  no_data: { de: 'Keine Daten', en: 'No data' },
};

/** A point of the target path: `value` for increase/decrease, `min`/`max` for a range. Dates `YYYY-MM-DD`. */
export interface IndicatorTarget { date: string; value?: number | null; min?: number | null; max?: number | null }
export interface IndicatorPath { kind: IndicatorKind; baselineValue: number; baselineDate: string; targets: IndicatorTarget[] }
export interface MeasuredValue { date: string; value: number }

/** The thresholds of the rule list; the defaults are shown on the page beside every state. */
export interface IndicatorRules {
  /** shortfall against the expected value, as a share of it, up to which the indicator is on course */
  onCourse: number;
  /** shortfall up to which it is at risk; beyond, off course */
  atRisk: number;
  /** for ranges: distance outside the range, as a share of the nearer bound, up to which it is at risk */
  rangeAtRisk: number;
  /** without a measured value in this many months before today: no data */
  noDataMonths: number;
}
export const DEFAULT_INDICATOR_RULES: IndicatorRules = { onCourse: 0.05, atRisk: 0.15, rangeAtRisk: 0.05, noDataMonths: 18 };

const pct = (share: number) => `${Math.round(share * 1000) / 10} %`.replace('.', ',');
const pctEn = (share: number) => `${Math.round(share * 1000) / 10} %`;

/** The rule list in order, in words: what the page shows as "how the state is decided". */
export function ruleList(r: IndicatorRules = DEFAULT_INDICATOR_RULES): { id: string; de: string; en: string }[] {
  return [
    { id: 'no_data', de: `Kein Messwert seit dem Ausgangswert oder in den letzten ${r.noDataMonths} Monaten → Keine Daten.`, en: `No measured value since the baseline or in the last ${r.noDataMonths} months → No data.` },
    { id: 'range_inside', de: 'Bereich: Messwert innerhalb des Zielbereichs (Grenzen eingeschlossen) → Auf Kurs.', en: 'Range: value inside the target range (bounds included) → On course.' },
    { id: 'range_near', de: `Bereich: höchstens ${pct(r.rangeAtRisk)} der nächsten Grenze außerhalb → Gefährdet, sonst Nicht auf Kurs.`, en: `Range: at most ${pctEn(r.rangeAtRisk)} of the nearer bound outside → At risk, otherwise Off course.` },
    { id: 'at_or_better', de: 'Messwert so gut wie der Sollwert auf dem Zielpfad oder besser → Auf Kurs.', en: 'Value as good as the expected value on the target path or better → On course.' },
    { id: 'within_on_course', de: `Höchstens ${pct(r.onCourse)} hinter dem Sollwert → Auf Kurs.`, en: `At most ${pctEn(r.onCourse)} behind the expected value → On course.` },
    { id: 'within_at_risk', de: `Höchstens ${pct(r.atRisk)} hinter dem Sollwert → Gefährdet.`, en: `At most ${pctEn(r.atRisk)} behind the expected value → At risk.` },
    { id: 'behind', de: `Mehr als ${pct(r.atRisk)} hinter dem Sollwert → Nicht auf Kurs.`, en: `More than ${pctEn(r.atRisk)} behind the expected value → Off course.` },
  ];
}

const DAY = 86_400_000;
const days = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;
const lerp = (a: number, b: number, share: number) => a + (b - a) * share;
const sorted = (targets: IndicatorTarget[]) => [...targets].sort((a, b) => a.date.localeCompare(b.date));

/**
 * The expected value on the target path at `date` for increase/decrease: linear from the baseline to the
 * first target, then from target to target; after the last target, the last target. Before the baseline
 * there is no expectation (null); without targets the path stays at the baseline.
 */
export function expectedValue(p: IndicatorPath, date: string): number | null {
  if (date < p.baselineDate) return null;
  const points = [{ date: p.baselineDate, value: p.baselineValue }, ...sorted(p.targets).map((t) => ({ date: t.date, value: t.value ?? p.baselineValue }))];
  for (let i = 1; i < points.length; i++) {
    const [a, b] = [points[i - 1], points[i]];
    if (date <= b.date) {
      const span = days(b.date) - days(a.date);
      return span <= 0 ? b.value : lerp(a.value, b.value, (days(date) - days(a.date)) / span);
    }
  }
  return points[points.length - 1].value;
}

/**
 * The target range at `date` for within_range: before the first target its range, between targets the
 * bounds move linearly, after the last target its range. Null without targets or before the baseline.
 */
export function expectedRange(p: IndicatorPath, date: string): { min: number; max: number } | null {
  const ts = sorted(p.targets).filter((t) => t.min != null && t.max != null) as { date: string; min: number; max: number }[];
  if (!ts.length || date < p.baselineDate) return null;
  if (date <= ts[0].date) return { min: ts[0].min, max: ts[0].max };
  for (let i = 1; i < ts.length; i++) {
    const [a, b] = [ts[i - 1], ts[i]];
    if (date <= b.date) {
      const share = (days(date) - days(a.date)) / (days(b.date) - days(a.date));
      return { min: lerp(a.min, b.min, share), max: lerp(a.max, b.max, share) };
    }
  }
  const last = ts[ts.length - 1];
  return { min: last.min, max: last.max };
}

export interface IndicatorEvaluation {
  state: IndicatorState;
  /** id of the rule in `ruleList` that decided */
  rule: string;
  /** the rule applied to this indicator, in words */
  reason: Words;
  /** the measured value the state is based on (the latest since the baseline), or null */
  latest: MeasuredValue | null;
  expected: number | null;
  range: { min: number; max: number } | null;
}

/** Float noise (0.1 + 0.2) must not push a value lying exactly on a threshold over it. */
const EPS = 1e-9;
const num = (n: number, locale: 'de' | 'en') => new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 2 }).format(n);
const addMonths = (iso: string, months: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
};

/**
 * The indicator's state on `today` by the rule list: the latest measured value dated from the baseline
 * to today is compared with the path at its own date. The shortfall is measured against the expected
 * value; when that is 0 (e.g. "no vacant shops"), against the largest magnitude on the path, so that
 * "5 %" still means something.
 */
export function evaluateIndicator(p: IndicatorPath, values: MeasuredValue[], today: string, r: IndicatorRules = DEFAULT_INDICATOR_RULES): IndicatorEvaluation {
  const rules = Object.fromEntries(ruleList(r).map((x) => [x.id, x]));
  const usable = values.filter((v) => v.date >= p.baselineDate && v.date <= today).sort((a, b) => a.date.localeCompare(b.date));
  const latest = usable[usable.length - 1] ?? null;
  const result = (state: IndicatorState, rule: string, de: string, en: string, expected: number | null = null, range: IndicatorEvaluation['range'] = null): IndicatorEvaluation =>
    ({ state, rule, reason: { de, en }, latest, expected, range });
  if (!latest) {
    return result('no_data', 'no_data', `Noch kein Messwert seit dem Ausgangswert (${formatDate(p.baselineDate)}). ${rules.no_data.de}`, `No measured value since the baseline (${formatDate(p.baselineDate, 'en')}). ${rules.no_data.en}`);
  }
  if (latest.date < addMonths(today, -r.noDataMonths)) {
    return result('no_data', 'no_data', `Letzter Messwert vom ${formatDate(latest.date)}, älter als ${r.noDataMonths} Monate.`, `Latest measured value of ${formatDate(latest.date, 'en')}, older than ${r.noDataMonths} months.`);
  }
  const v = latest.value;
  if (p.kind === 'within_range') {
    const range = expectedRange(p, latest.date);
    if (!range) return result('no_data', 'no_data', 'Kein Zielbereich festgelegt.', 'No target range set.');
    const span = `${num(range.min, 'de')}–${num(range.max, 'de')}`;
    const spanEn = `${num(range.min, 'en')}–${num(range.max, 'en')}`;
    if (v >= range.min - EPS && v <= range.max + EPS) {
      return result('on_course', 'range_inside', `${num(v, 'de')} liegt im Zielbereich ${span}.`, `${num(v, 'en')} is inside the target range ${spanEn}.`, null, range);
    }
    const bound = v < range.min ? range.min : range.max;
    const base = Math.abs(bound) || range.max - range.min || 1;
    const share = Math.abs(v - bound) / base;
    const near = share <= r.rangeAtRisk + EPS;
    return result(
      near ? 'at_risk' : 'off_course', 'range_near',
      `${num(v, 'de')} liegt ${pct(share)} außerhalb des Zielbereichs ${span} (${near ? 'höchstens' : 'mehr als'} ${pct(r.rangeAtRisk)}).`,
      `${num(v, 'en')} is ${pctEn(share)} outside the target range ${spanEn} (${near ? 'at most' : 'more than'} ${pctEn(r.rangeAtRisk)}).`,
      null, range,
    );
  }
  const expected = expectedValue(p, latest.date)!;
  const shortfall = p.kind === 'increase_to' ? expected - v : v - expected;
  const de0 = `Messwert ${num(v, 'de')} am ${formatDate(latest.date)}, Sollwert auf dem Zielpfad ${num(expected, 'de')}`;
  const en0 = `Value ${num(v, 'en')} on ${formatDate(latest.date, 'en')}, expected on the target path ${num(expected, 'en')}`;
  if (shortfall <= EPS * Math.max(1, Math.abs(expected))) {
    return result('on_course', 'at_or_better', `${de0}: so gut oder besser.`, `${en0}: as good or better.`, expected);
  }
  const scale = Math.abs(expected) || Math.max(Math.abs(p.baselineValue), ...p.targets.map((t) => Math.abs(t.value ?? 0)));
  if (scale === 0) return result('off_course', 'behind', `${de0}: dahinter.`, `${en0}: behind.`, expected);
  const share = shortfall / scale;
  const [state, rule, limit] = share <= r.onCourse + EPS ? ['on_course', 'within_on_course', r.onCourse] as const
    : share <= r.atRisk + EPS ? ['at_risk', 'within_at_risk', r.atRisk] as const : ['off_course', 'behind', r.atRisk] as const;
  const word = rule === 'behind' ? ['mehr als', 'more than'] : ['höchstens', 'at most'];
  return result(state, rule, `${de0}: ${pct(share)} dahinter (${word[0]} ${pct(limit)}).`, `${en0}: ${pctEn(share)} behind (${word[1]} ${pctEn(limit)}).`, expected);
}

/**
 * A number as German spreadsheets and CSV files write it: `1.234,5`, `-0,75`, `12`, `1.234` (a dot before
 * three digits groups thousands). A lone dot before other than three digits (`12.5`) is read as a decimal
 * point, as English files write it. Null when unreadable.
 */
export function parseDecimal(input: string): number | null {
  const s = input.trim().replace(/[\s\u00a0\u202f]/g, '');
  let n: number;
  if (/^[-+]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s) || /^[-+]?\d+(,\d+)?$/.test(s)) n = Number(s.replace(/\./g, '').replace(',', '.'));
  else if (/^[-+]?\d*\.\d+$/.test(s)) n = Number(s);
  else return null;
  return Number.isFinite(n) ? n : null;
}
