/**
 * Multi-criteria scoring of measures (pure: no I/O; imports only the shared rank format).
 *
 * Documented rules:
 * - Every criterion has a weight; the weights of a set sum to 100. A score is 1..5 and is normalised
 *   to 0..100 as (score − 1) / 4 · 100, so 1 → 0, 3 → 50, 5 → 100.
 * - A rater's score of a measure is the weighted mean of their normalised scores over ALL criteria
 *   (Σ weight · normalised / Σ weight). A rater who left out a criterion has no score for the measure
 *   (null): a missing score is never read as 0 or as the worst value. The measure is then "incomplete".
 * - The measure's score is the mean over the raters with a complete score; null when there is none.
 * - Divergence: a measure × criterion whose scores (over all raters who gave one) differ by more than
 *   2 points (max − min ≥ 3) is flagged for discussion.
 * - Dots (optional): a closed dot-voting round's dots per measure ON ITS BALLOT, normalised by the most
 *   dots any measure of the ballot got (that measure → 100; no dots at all → 0 for all). Combined with a
 *   weight w (0..1): combined = (1 − w) · score + w · dots. Without a score, combined is null (unless w = 1).
 * - Only what was voted on is combined: a measure of the scoring round that was not on the dot round's
 *   ballot has no dots (null, not 0) and its combined value is its score alone, i.e. the other criteria
 *   re-weighted to 100 % (onBallot false). Nobody could vote for it, so 0 dots would be a penalty for
 *   something that never happened. A measure on the ballot with 0 dots was voted on: its 0 counts.
 * - Impact and effort for the chart: impact = weighted mean of the normalised criterion means of the
 *   `impact` criteria; effort = 100 − the same for the `effort` criteria (their scale is "5 = cheap /
 *   easy", so a high score means little effort).
 * - Ranking: competition ranking ("1224") by combined value, descending, compared at one decimal so
 *   that float noise never splits a tie; measures without a value are unranked (rank null) at the end.
 */

import { formatRank } from './format';

export type Axis = 'impact' | 'effort';

export interface Criterion {
  id: string;
  weight: number;
  axis: Axis;
}

export interface Score {
  measureId: string;
  criterionId: string;
  raterId: string;
  value: number;
}

export interface Divergence {
  criterionId: string;
  min: number;
  max: number;
}

export interface MeasureResult {
  measureId: string;
  /** mean of the complete raters' weighted scores, 0..100, null when no rater is complete */
  score: number | null;
  /** per rater: their weighted score (0..100), or null when they left out a criterion */
  byRater: Record<string, number | null>;
  /** per criterion: mean of the given scores (1..5), null when nobody scored it */
  criterionMeans: Record<string, number | null>;
  ratersComplete: number;
  ratersTotal: number;
  /** true when some rater has not scored every criterion of this measure */
  incomplete: boolean;
  divergences: Divergence[];
  /** dots from the dot round; null without a dot round or when the measure was not on its ballot */
  dots: number | null;
  /** dots normalised to 0..100 by the maximum of the ballot; null like dots */
  dotsNormalised: number | null;
  /** whether the measure was on the dot round's ballot; null without a dot round */
  onBallot: boolean | null;
  combined: number | null;
  impact: number | null;
  effort: number | null;
  rank: number | null;
  /** "3", or "2 (gleichauf)" when the rank is shared (German, formatRank); "" when unranked */
  rankLabel: string;
  /** true when another measure shares this rank */
  tied: boolean;
}

export const DIVERGENCE_THRESHOLD = 2;

export const normalise = (value: number) => ((value - 1) / 4) * 100;

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Checks a criteria set: weights are whole numbers 0..100 that sum to exactly 100. */
export function weightProblem(weights: number[]): string | null {
  if (weights.length === 0) return 'Es braucht mindestens ein Kriterium.';
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum !== 100) return `Die Gewichte ergeben zusammen ${sum} %, sie müssen genau 100 % ergeben.`;
  return null;
}

/** The weighted 0..100 score of one rater for one measure; null when a criterion is missing. */
export function raterScore(criteria: Criterion[], values: Map<string, number>): number | null {
  let sum = 0;
  let weights = 0;
  for (const c of criteria) {
    const v = values.get(c.id);
    if (v === undefined) return null;
    sum += c.weight * normalise(v);
    weights += c.weight;
  }
  // A valid set sums to 100, so weights is only 0 for an empty set.
  return weights ? sum / weights : null;
}

function axisValue(criteria: Criterion[], means: Record<string, number | null>, axis: Axis): number | null {
  let sum = 0;
  let weights = 0;
  for (const c of criteria) {
    const m = means[c.id];
    if (c.axis !== axis || m == null) continue;
    // a weight of 0 still places the measure on the chart, just with no pull over other criteria
    const w = c.weight || 1e-9;
    sum += w * normalise(m);
    weights += w;
  }
  if (weights === 0) return null;
  const v = sum / weights;
  return axis === 'effort' ? 100 - v : v;
}

/** Competition ranking over `value` (descending); null values unranked. Returns the rank per index. */
export function competitionRanks(values: (number | null)[]): { rank: number | null; label: string; tied: boolean }[] {
  const order = values
    .map((v, i) => ({ v: v == null ? null : round1(v), i }))
    .filter((x): x is { v: number; i: number } => x.v != null)
    .sort((a, b) => b.v - a.v);
  const out: { rank: number | null; label: string; tied: boolean }[] = values.map(() => ({ rank: null, label: '', tied: false }));
  order.forEach((x, pos) => {
    const rank = pos > 0 && order[pos - 1].v === x.v ? out[order[pos - 1].i].rank! : pos + 1;
    out[x.i] = { rank, label: String(rank), tied: false };
  });
  // sorted, so a shared value has an equal neighbour
  order.forEach((x, pos) => {
    const shared = order[pos - 1]?.v === x.v || order[pos + 1]?.v === x.v;
    if (shared) out[x.i] = { ...out[x.i], label: formatRank(out[x.i].rank, true), tied: true };
  });
  return out;
}

export function scoreRound(input: {
  criteria: Criterion[];
  measureIds: string[];
  raterIds: string[];
  scores: Score[];
  /** dots per measure ON THE BALLOT of a closed dot round (0 for a measure voted on without dots;
   *  a measure missing here was not on the ballot), or null without a dot round */
  dots?: Record<string, number> | null;
  /** 0..1 */
  dotWeight?: number;
}): MeasureResult[] {
  const { criteria, measureIds, raterIds, scores } = input;
  const w = Math.min(1, Math.max(0, input.dotWeight ?? 0));
  const dots = input.dots ?? null;
  const onBallot = (id: string) => dots != null && Object.hasOwn(dots, id);
  const maxDots = dots ? Math.max(0, ...measureIds.filter(onBallot).map((id) => dots[id])) : 0;
  // One pass over the scores: measure → rater → criterion → value, and measure → criterion → values.
  // Scores of people who are not raters (any more) do not count.
  const raters = new Set(raterIds);
  const byMeasure = new Map<string, { byRater: Map<string, Map<string, number>>; byCriterion: Map<string, number[]> }>();
  for (const s of scores) {
    if (!raters.has(s.raterId)) continue;
    let m = byMeasure.get(s.measureId);
    if (!m) byMeasure.set(s.measureId, (m = { byRater: new Map(), byCriterion: new Map() }));
    let r = m.byRater.get(s.raterId);
    if (!r) m.byRater.set(s.raterId, (r = new Map()));
    r.set(s.criterionId, s.value);
    let c = m.byCriterion.get(s.criterionId);
    if (!c) m.byCriterion.set(s.criterionId, (c = []));
    c.push(s.value);
  }
  const none = new Map<string, number>();

  const results = measureIds.map((measureId): MeasureResult => {
    const own = byMeasure.get(measureId);
    const byRater: Record<string, number | null> = {};
    for (const r of raterIds) byRater[r] = raterScore(criteria, own?.byRater.get(r) ?? none);
    const complete = raterIds.map((r) => byRater[r]).filter((x): x is number => x != null);
    const score = complete.length ? complete.reduce((a, b) => a + b, 0) / complete.length : null;
    const criterionMeans: Record<string, number | null> = {};
    const divergences: Divergence[] = [];
    for (const c of criteria) {
      const values = own?.byCriterion.get(c.id) ?? [];
      criterionMeans[c.id] = values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
      if (values.length >= 2) {
        const min = Math.min(...values);
        const max = Math.max(...values);
        if (max - min > DIVERGENCE_THRESHOLD) divergences.push({ criterionId: c.id, min, max });
      }
    }
    const ballot = dots ? onBallot(measureId) : null;
    const d = ballot ? dots![measureId] : null;
    const dotsNormalised = d == null ? null : maxDots > 0 ? (d / maxDots) * 100 : 0;
    let combined: number | null;
    // off the ballot (or without a dot round) the score stands alone: the criteria re-weighted to 100 %
    if (dotsNormalised == null || w === 0) combined = score;
    else if (w === 1) combined = dotsNormalised;
    else combined = score == null ? null : (1 - w) * score + w * dotsNormalised;
    return {
      measureId,
      score,
      byRater,
      criterionMeans,
      ratersComplete: complete.length,
      ratersTotal: raterIds.length,
      incomplete: complete.length < raterIds.length,
      divergences,
      dots: d,
      dotsNormalised,
      onBallot: ballot,
      combined,
      impact: axisValue(criteria, criterionMeans, 'impact'),
      effort: axisValue(criteria, criterionMeans, 'effort'),
      rank: null,
      rankLabel: '',
      tied: false,
    };
  });
  const ranks = competitionRanks(results.map((r) => r.combined));
  results.forEach((r, i) => {
    r.rank = ranks[i].rank;
    r.rankLabel = ranks[i].label;
    r.tied = ranks[i].tied;
  });
  return results;
}

export type PriorityClass = 'A' | 'B' | 'C';

/**
 * The class a rank suggests: the first third of the ranked measures A, the second B, the rest C
 * (by rank, so tied measures get the same class). Used only to show where a decision departs from
 * the computed ranking — it never decides anything.
 */
export function suggestedClass(rank: number | null, rankedCount: number): PriorityClass | null {
  if (rank == null || rankedCount <= 0) return null;
  const share = (rank - 1) / rankedCount;
  return share < 1 / 3 ? 'A' : share < 2 / 3 ? 'B' : 'C';
}

/** How far a decided class lies from the suggested one: 0 (same), 1 (neighbour), 2 (A ↔ C). */
export function classDeviation(decided: PriorityClass, suggested: PriorityClass | null): number {
  if (!suggested) return 0;
  const idx = { A: 0, B: 1, C: 2 } as const;
  return Math.abs(idx[decided] - idx[suggested]);
}
