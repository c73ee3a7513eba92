import { describe, expect, it } from 'vitest';
import { classDeviation, competitionRanks, normalise, raterScore, scoreRound, suggestedClass, weightProblem, type Criterion, type Score } from './scoring';

// Hand-checked example: two impact criteria (50 %, 30 %) and one effort criterion (20 %).
const criteria: Criterion[] = [
  { id: 'goals', weight: 50, axis: 'impact' },
  { id: 'urgency', weight: 30, axis: 'impact' },
  { id: 'cost', weight: 20, axis: 'effort' },
];
const s = (measureId: string, raterId: string, values: Record<string, number>): Score[] =>
  Object.entries(values).map(([criterionId, value]) => ({ measureId, raterId, criterionId, value }));
const scores: Score[] = [
  // m1: r1 → 50·100 + 30·50 + 20·0 = 6500 / 100 = 65; r2 → 50·25 + 30·50 + 20·75 = 4250 / 100 = 42.5
  ...s('m1', 'r1', { goals: 5, urgency: 3, cost: 1 }),
  ...s('m1', 'r2', { goals: 2, urgency: 3, cost: 4 }),
  // m2: r1 → 50·75 + 30·75 + 20·100 = 8000 / 100 = 80; r2 left out "cost": incomplete, not 0
  ...s('m2', 'r1', { goals: 4, urgency: 4, cost: 5 }),
  ...s('m2', 'r2', { goals: 4, urgency: 5 }),
  // m3: nobody scored it
];
const base = { criteria, measureIds: ['m1', 'm2', 'm3'], raterIds: ['r1', 'r2'], scores };
const byId = (rows: ReturnType<typeof scoreRound>) => Object.fromEntries(rows.map((r) => [r.measureId, r]));

describe('normalise and weights', () => {
  it('maps 1..5 onto 0..100', () => {
    expect([1, 2, 3, 4, 5].map(normalise)).toEqual([0, 25, 50, 75, 100]);
  });
  it('accepts weights summing to exactly 100 and says the sum otherwise', () => {
    expect(weightProblem([25, 25, 20, 10, 10, 10])).toBeNull();
    expect(weightProblem([25, 25, 20, 10, 10, 15])).toBe('Die Gewichte ergeben zusammen 105 %, sie müssen genau 100 % ergeben.');
    expect(weightProblem([])).toMatch(/mindestens ein Kriterium/);
  });
  it('gives a rater no score when a criterion is missing', () => {
    expect(raterScore(criteria, new Map([['goals', 5], ['urgency', 3], ['cost', 1]]))).toBe(65);
    expect(raterScore(criteria, new Map([['goals', 5], ['urgency', 3]]))).toBeNull();
  });
});

describe('scoreRound', () => {
  const r = byId(scoreRound(base));

  it('weights per rater, means over complete raters', () => {
    expect(r.m1.byRater).toEqual({ r1: 65, r2: 42.5 });
    expect(r.m1.score).toBe(53.75);
    expect(r.m1.incomplete).toBe(false);
    expect(r.m1.ratersComplete).toBe(2);
  });

  it('shows a missing score as incomplete instead of 0', () => {
    expect(r.m2.byRater).toEqual({ r1: 80, r2: null });
    expect(r.m2.score).toBe(80); // the mean of the one complete rater, not (80 + 0) / 2
    expect(r.m2.incomplete).toBe(true);
    expect(r.m2.ratersComplete).toBe(1);
    expect(r.m3.score).toBeNull();
    expect(r.m3.incomplete).toBe(true);
    expect(r.m3.criterionMeans).toEqual({ goals: null, urgency: null, cost: null });
  });

  it('flags criteria where raters differ by more than 2 points', () => {
    // goals 5 vs 2 and cost 1 vs 4 differ by 3; urgency 3 vs 3 not; m2's 4 vs 5 not
    expect(r.m1.divergences).toEqual([
      { criterionId: 'goals', min: 2, max: 5 },
      { criterionId: 'cost', min: 1, max: 4 },
    ]);
    expect(r.m2.divergences).toEqual([]);
    // a difference of exactly 2 is not flagged
    const two = byId(scoreRound({ ...base, measureIds: ['m1'], scores: [...s('m1', 'r1', { goals: 1 }), ...s('m1', 'r2', { goals: 3 })] }));
    expect(two.m1.divergences).toEqual([]);
  });

  it('places measures on impact and effort (effort inverted: 5 = cheap)', () => {
    // criterion means m1: goals 3.5 (62.5), urgency 3 (50), cost 2.5 (37.5)
    expect(r.m1.impact).toBe((50 * 62.5 + 30 * 50) / 80); // 57.8125
    expect(r.m1.effort).toBe(62.5); // 100 − 37.5
    // m2: cost only from r1 = 5 → effort 0
    expect(r.m2.effort).toBe(0);
    expect(r.m3.impact).toBeNull();
  });

  it('ranks by score; unscored measures stay unranked', () => {
    expect([r.m2.rank, r.m1.rank, r.m3.rank]).toEqual([1, 2, null]);
    expect(r.m3.rankLabel).toBe('');
  });

  it('combines with dots normalised by the maximum', () => {
    const dots = { m1: 10, m2: 4, m3: 0 };
    const q = byId(scoreRound({ ...base, dots, dotWeight: 0.25 }));
    expect([q.m1.dotsNormalised, q.m2.dotsNormalised, q.m3.dotsNormalised]).toEqual([100, 40, 0]);
    expect(q.m1.combined).toBe(0.75 * 53.75 + 0.25 * 100); // 65.3125
    expect(q.m2.combined).toBe(0.75 * 80 + 0.25 * 40); // 70
    expect(q.m3.combined).toBeNull(); // no score: not ranked on dots alone
    expect([q.m2.rank, q.m1.rank]).toEqual([1, 2]);
    // half weight on the dots turns the order around: m1 76.875, m2 60
    const h = byId(scoreRound({ ...base, dots, dotWeight: 0.5 }));
    expect(h.m1.combined).toBe(76.875);
    expect(h.m2.combined).toBe(60);
    expect([h.m1.rank, h.m2.rank]).toEqual([1, 2]);
    // weight 1: the dots alone, so even the unscored measure has a value
    const only = byId(scoreRound({ ...base, dots, dotWeight: 1 }));
    expect([only.m1.combined, only.m2.combined, only.m3.combined]).toEqual([100, 40, 0]);
  });

  it('gives every measure on the ballot 0 dots when nobody placed a dot', () => {
    const q = byId(scoreRound({ ...base, dots: { m1: 0, m2: 0, m3: 0 }, dotWeight: 0.5 }));
    expect(q.m1.dotsNormalised).toBe(0);
    expect(q.m1.onBallot).toBe(true);
    expect(q.m1.combined).toBe(0.5 * 53.75);
  });

  it('combines only what was voted on: a measure outside the dot round keeps its score re-weighted to 100 %', () => {
    // the dot round had m1 and m3 on the ballot; m2 was never put to the vote
    const dots = { m1: 8, m3: 0 };
    const q = byId(scoreRound({ ...base, dots, dotWeight: 0.25 }));
    // m1: on the ballot with the most dots → 0.75 · 53.75 + 0.25 · 100 = 65.3125
    expect(q.m1).toMatchObject({ onBallot: true, dots: 8, dotsNormalised: 100, combined: 65.3125 });
    // m2: not on the ballot → no dots at all (not 0) and its score alone: 80, not 0.75 · 80 = 60
    expect(q.m2).toMatchObject({ onBallot: false, dots: null, dotsNormalised: null, combined: 80 });
    // m3: on the ballot with 0 dots: it was voted on, so the 0 counts (no score here, so no combined value)
    expect(q.m3).toMatchObject({ onBallot: true, dots: 0, dotsNormalised: 0, combined: null });
    expect([q.m2.rank, q.m1.rank]).toEqual([1, 2]);
    // a scored measure on the ballot with 0 dots is still penalised: m2 on the ballot, m1 not
    const p = byId(scoreRound({ ...base, dots: { m2: 0, m3: 5 }, dotWeight: 0.25 }));
    expect(p.m2).toMatchObject({ onBallot: true, dotsNormalised: 0, combined: 60 }); // 0.75 · 80 + 0.25 · 0
    expect(p.m1).toMatchObject({ onBallot: false, combined: 53.75 });
    // the maximum that normalises the dots is taken over the ballot only
    expect(p.m3.dotsNormalised).toBe(100);
    // with the whole weight on the dots a measure outside the round still ranks by its score
    const only = byId(scoreRound({ ...base, dots, dotWeight: 1 }));
    expect([only.m1.combined, only.m2.combined, only.m3.combined]).toEqual([100, 80, 0]);
  });

  it('marks no measure as off the ballot when there is no dot round', () => {
    expect(r.m1.onBallot).toBeNull();
    expect(r.m1.dots).toBeNull();
  });
});

describe('competitionRanks', () => {
  it('shares ranks on ties and skips the next rank', () => {
    expect(competitionRanks([50, 70, 50, null, 10])).toEqual([
      { rank: 2, label: '2 (gleichauf)', tied: true },
      { rank: 1, label: '1', tied: false },
      { rank: 2, label: '2 (gleichauf)', tied: true },
      { rank: null, label: '', tied: false },
      { rank: 4, label: '4', tied: false },
    ]);
  });
  it('does not split a tie over float noise', () => {
    expect(competitionRanks([0.1 + 0.2, 0.3]).map((x) => x.label)).toEqual(['1 (gleichauf)', '1 (gleichauf)']);
  });
});

describe('suggested class and deviation', () => {
  it('splits the ranked measures into thirds', () => {
    expect([1, 2, 3, 4, 5, 6].map((rank) => suggestedClass(rank, 6))).toEqual(['A', 'A', 'B', 'B', 'C', 'C']);
    expect(suggestedClass(null, 6)).toBeNull();
  });
  it('measures how far a decision departs', () => {
    expect(classDeviation('C', 'A')).toBe(2);
    expect(classDeviation('B', 'A')).toBe(1);
    expect(classDeviation('A', 'A')).toBe(0);
    expect(classDeviation('A', null)).toBe(0);
  });
});
