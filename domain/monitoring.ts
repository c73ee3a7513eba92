/**
 * Implementation monitoring rules (pure: no I/O). Issue 15, part 2: flags of one measure, each with its
 * reason in words, and progress rolled up over a group of measures with the rule and the weights shown.
 *
 * Progress (% done), the state (traffic light) and indicator progress stay separate: nothing here
 * blends them into one number.
 */
import { formatDate } from './format';

export const REPORT_STATES = ['on_track', 'minor_issues', 'major_issues', 'done', 'on_hold', 'cancelled'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

/** The report states in both languages (a badge always shows the word, never the colour alone). */
export const REPORT_STATE_LABELS: Record<ReportState, { de: string; en: string }> = {
  on_track: { de: 'Im Plan', en: 'On track' },
  minor_issues: { de: 'Kleinere Probleme', en: 'Minor issues' },
  major_issues: { de: 'Größere Probleme', en: 'Major issues' },
  done: { de: 'Abgeschlossen', en: 'Done' },
  on_hold: { de: 'Ruht', en: 'On hold' },
  cancelled: { de: 'Abgebrochen', en: 'Cancelled' },
};

/** A finished measure (done or cancelled) is not expected to report or to keep to its dates. */
const closed = (s: ReportState) => s === 'done' || s === 'cancelled';

export interface ReportFacts {
  state: ReportState;
  progress: number;
  spentCents: number;
  blockers: string;
  boardDecisionNeeded: boolean;
  /** ISO timestamp */
  createdAt: string;
}

export interface MeasureFacts {
  costCents: number | null;
  /** YYYY-MM-DD */
  plannedEnd: string | null;
  /** newest first */
  reports: ReportFacts[];
}

export const DEFAULT_CYCLE_DAYS = 92; // a quarter: the advisory board meets four times a year
/** Spending ahead of progress: the share of the planned cost spent exceeds progress by this many points. */
export const SPENDING_MARGIN_POINTS = 25;

export type FlagKind = 'spending_ahead' | 'past_end' | 'no_recent_report' | 'blocker_persists' | 'board_decision';
export interface Flag {
  kind: FlagKind;
  reason: { de: string; en: string };
}

const DAY = 86_400_000;
const daysBetween = (fromIso: string, toDate: string) => Math.floor((Date.parse(`${toDate}T00:00:00Z`) - Date.parse(`${fromIso.slice(0, 10)}T00:00:00Z`)) / DAY);
const enDate = (iso: string) => iso.slice(0, 10);

/**
 * The flags of one measure, each with its reason. Rules:
 * - spending ahead of progress: latest report, a planned cost > 0, and (spent ÷ planned cost, in whole
 *   percent) − progress ≥ 25 points (e.g. 80 % spent at 30 % progress: 50 points ahead);
 * - past the planned end: today is after the planned end and the latest report is not done or cancelled
 *   (also without any report);
 * - no report for longer than the cycle: the latest report is more than `cycleDays` old and not done or cancelled;
 * - a blocker open for two consecutive reports: the two latest reports both name a blocker;
 * - a board decision needed: the latest report asks for one.
 */
export function measureFlags(m: MeasureFacts, opts: { today: string; cycleDays?: number }): Flag[] {
  const cycleDays = opts.cycleDays ?? DEFAULT_CYCLE_DAYS;
  const [latest, previous] = m.reports;
  const flags: Flag[] = [];
  if (latest && m.costCents && m.costCents > 0 && !closed(latest.state)) {
    const spentShare = Math.round((latest.spentCents / m.costCents) * 100);
    if (spentShare - latest.progress >= SPENDING_MARGIN_POINTS) {
      flags.push({
        kind: 'spending_ahead',
        reason: {
          de: `${spentShare} % der geplanten Kosten ausgegeben bei ${latest.progress} % Fortschritt (Hinweis ab ${SPENDING_MARGIN_POINTS} Prozentpunkten Abstand).`,
          en: `${spentShare} % of the planned cost spent at ${latest.progress} % progress (flagged from a gap of ${SPENDING_MARGIN_POINTS} points).`,
        },
      });
    }
  }
  if (m.plannedEnd && m.plannedEnd < opts.today && !(latest && closed(latest.state))) {
    flags.push({
      kind: 'past_end',
      reason: { de: `Geplantes Ende ${formatDate(m.plannedEnd)} überschritten, nicht abgeschlossen.`, en: `Past its planned end (${formatDate(m.plannedEnd, 'en')}), not done.` },
    });
  }
  if (latest && !closed(latest.state)) {
    const age = daysBetween(latest.createdAt, opts.today);
    if (age > cycleDays) {
      flags.push({
        kind: 'no_recent_report',
        reason: {
          de: `Letzter Bericht vom ${formatDate(enDate(latest.createdAt))}, vor ${age} Tagen (Berichtszyklus ${cycleDays} Tage).`,
          en: `Last report on ${formatDate(enDate(latest.createdAt), 'en')}, ${age} days ago (reporting cycle ${cycleDays} days).`,
        },
      });
    }
  }
  if (latest && previous && latest.blockers.trim() && previous.blockers.trim()) {
    let n = 0;
    while (n < m.reports.length && m.reports[n].blockers.trim()) n++;
    flags.push({
      kind: 'blocker_persists',
      reason: { de: `Hindernis seit ${n} Berichten in Folge: ${latest.blockers.trim()}`, en: `A blocker in ${n} consecutive reports: ${latest.blockers.trim()}` },
    });
  }
  if (latest?.boardDecisionNeeded) {
    flags.push({ kind: 'board_decision', reason: { de: 'Das Amt bittet den Beirat um eine Entscheidung.', en: 'The department asks the board for a decision.' } });
  }
  return flags;
}

export type Weighting = 'cost' | 'equal' | 'explicit';

export interface RollupItem {
  id: string;
  costCents: number | null;
  /** only for explicit weighting; missing counts as 1 */
  weight?: number;
  /** the latest report's state and progress; null without a report */
  state: ReportState | null;
  progress: number | null;
}

export interface RollupWeight {
  id: string;
  weight: number;
  /** share of the group's total weight in percent, one decimal */
  sharePercent: number;
  /** progress counted for the measure: done = 100, without a report 0 */
  progress: number;
}

export interface Rollup {
  /** whole percent (half up); null when nothing is left to count */
  progress: number | null;
  /** unrounded, for anyone recomputing */
  exact: number | null;
  /** the weighting actually used (cost falls back to equal when a counted measure has no cost estimate) */
  weighting: Weighting;
  requested: Weighting;
  rule: { de: string; en: string };
  weights: RollupWeight[];
  cancelled: string[];
  unreported: string[];
  withoutCost: string[];
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Progress of a group: a weighted mean of the measures' progress. Done counts as 100 %, cancelled
 * measures are left out and listed, measures without a report count as 0 % and are listed. By cost
 * (planned cost estimate), unless a counted measure has no cost estimate or all costs are zero: then
 * equally, and the rule says so. Explicit weights must be ≥ 0 (negative ones count as 0).
 */
export function rollUp(items: RollupItem[], requested: Weighting = 'cost'): Rollup {
  const cancelled = items.filter((i) => i.state === 'cancelled').map((i) => i.id);
  const counted = items.filter((i) => i.state !== 'cancelled');
  const unreported = counted.filter((i) => i.state == null).map((i) => i.id);
  const withoutCost = counted.filter((i) => !(i.costCents != null && i.costCents > 0)).map((i) => i.id);
  let weighting: Weighting = requested;
  if (requested === 'cost' && (withoutCost.length > 0 || counted.length === 0)) weighting = 'equal';
  const weightOf = (i: RollupItem) => (weighting === 'cost' ? (i.costCents ?? 0) : weighting === 'explicit' ? Math.max(0, i.weight ?? 1) : 1);
  let total = counted.reduce((s, i) => s + weightOf(i), 0);
  if (weighting === 'explicit' && total === 0 && counted.length > 0) {
    weighting = 'equal';
    total = counted.length;
  }
  const progressOf = (i: RollupItem) => (i.state === 'done' ? 100 : i.state == null ? 0 : Math.min(100, Math.max(0, i.progress ?? 0)));
  const weights = counted.map((i) => ({ id: i.id, weight: weightOf(i), sharePercent: total ? round1((weightOf(i) / total) * 100) : 0, progress: progressOf(i) }));
  const exact = total > 0 ? counted.reduce((s, i) => s + weightOf(i) * progressOf(i), 0) / total : null;
  const progress = exact == null ? null : Math.floor(exact + 0.5);
  return { progress, exact, weighting, requested, rule: ruleText(weighting, requested), weights, cancelled, unreported, withoutCost };
}

function ruleText(used: Weighting, requested: Weighting): { de: string; en: string } {
  const base = {
    de: 'Abgeschlossene Maßnahmen zählen 100 %, abgebrochene werden nicht gezählt, Maßnahmen ohne Bericht zählen 0 %.',
    en: 'Done measures count as 100 %, cancelled ones are left out, measures without a report count as 0 %.',
  };
  const how = {
    cost: { de: 'Mittelwert des Fortschritts, gewichtet mit den geplanten Kosten.', en: 'Mean progress weighted by planned cost.' },
    equal: { de: 'Mittelwert des Fortschritts, jede Maßnahme gleich gewichtet.', en: 'Mean progress, every measure weighted equally.' },
    explicit: { de: 'Mittelwert des Fortschritts mit den festgelegten Gewichten.', en: 'Mean progress with the weights set.' },
  }[used];
  const fallback =
    used !== requested
      ? requested === 'cost'
        ? { de: ' Nicht jede Maßnahme hat geplante Kosten, deshalb gleich gewichtet.', en: ' Not every measure has a planned cost, so weighted equally.' }
        : { de: ' Alle festgelegten Gewichte sind 0, deshalb gleich gewichtet.', en: ' All weights set are 0, so weighted equally.' }
      : { de: '', en: '' };
  return { de: `${how.de}${fallback.de} ${base.de}`, en: `${how.en}${fallback.en} ${base.en}` };
}
