import { describe, expect, it } from 'vitest';
import { decisionChanges, incompleteItems, initialDraft, selectTop, type ScopeMeasure, type ScopeResult } from './decision-scope';

// A round of six measures: four ranked (two tied at rank 3), two that nobody scored completely.
const measures: ScopeMeasure[] = [
  { id: 'market', status: 'brief', priority: null, horizon: null },
  { id: 'school', status: 'planning', priority: 'B', horizon: 'long' },
  { id: 'bridge', status: 'idea', priority: null, horizon: 'medium' },
  { id: 'park', status: 'brief', priority: null, horizon: null },
  { id: 'pool', status: 'brief', priority: null, horizon: null }, // 12 Mio €, unscored
  { id: 'bus', status: 'implementation', priority: null, horizon: 'short' }, // unscored
];
const results: ScopeResult[] = [
  { measureId: 'market', rank: 1, suggestedClass: 'A' },
  { measureId: 'school', rank: 2, suggestedClass: 'A' },
  { measureId: 'bridge', rank: 3, suggestedClass: 'B' },
  { measureId: 'park', rank: 3, suggestedClass: 'B' },
  { measureId: 'pool', rank: null, suggestedClass: null },
  { measureId: 'bus', rank: null, suggestedClass: null },
];
const by = <T extends { measureId: string }>(xs: T[]) => Object.fromEntries(xs.map((x) => [x.measureId, x]));

describe('which measures a decision may preselect', () => {
  const draft = by(initialDraft(measures, results));

  it('never preselects an unranked measure, and presets nothing for it', () => {
    expect(draft.pool).toEqual({ measureId: 'pool', ranked: false, include: false, priority: null, horizon: null });
    expect(draft.bus).toEqual({ measureId: 'bus', ranked: false, include: false, priority: null, horizon: null });
  });

  it('preselects ranked measures with their own class and horizon, else the suggested class and its horizon', () => {
    expect(draft.market).toEqual({ measureId: 'market', ranked: true, include: true, priority: 'A', horizon: 'short' });
    expect(draft.school).toMatchObject({ include: true, priority: 'B', horizon: 'long' }); // its own class wins over the suggestion
    expect(draft.bridge).toMatchObject({ include: true, priority: 'B', horizon: 'medium' }); // its own horizon kept
  });

  it('Top N takes the ranked measures with rank ≤ N, ties at N included, never an unranked one', () => {
    const top1 = by(selectTop(initialDraft(measures, results), results, 1));
    expect(Object.values(top1).filter((d) => d.include).map((d) => d.measureId)).toEqual(['market']);
    const top3 = selectTop(initialDraft(measures, results), results, 3);
    expect(top3.filter((d) => d.include).map((d) => d.measureId)).toEqual(['market', 'school', 'bridge', 'park']);
    // even with a pool ticked by hand before, Top N leaves it out again
    const ticked = initialDraft(measures, results).map((d) => (d.measureId === 'pool' ? { ...d, include: true, priority: 'C' as const, horizon: 'long' as const } : d));
    expect(selectTop(ticked, results, 10).find((d) => d.measureId === 'pool')!.include).toBe(false);
  });

  it('flags an unranked measure that was ticked without a class or horizon', () => {
    const ticked = initialDraft(measures, results).map((d) => (d.measureId === 'pool' ? { ...d, include: true } : d));
    expect(incompleteItems(ticked)).toEqual(['pool']);
    expect(incompleteItems(initialDraft(measures, results))).toEqual([]);
  });
});

describe('the summary before confirming', () => {
  it('lists each included measure with status, class and horizon before and after', () => {
    const draft = selectTop(initialDraft(measures, results), results, 2);
    expect(decisionChanges(measures, draft)).toEqual([
      {
        measureId: 'market', changes: true,
        before: { status: 'brief', priority: null, horizon: null },
        after: { status: 'prioritised', priority: 'A', horizon: 'short' },
      },
      {
        // confirms what the measure already has: listed, but marked as no change
        measureId: 'school', changes: false,
        before: { status: 'planning', priority: 'B', horizon: 'long' },
        after: { status: 'planning', priority: 'B', horizon: 'long' },
      },
    ]);
  });

  it('includes an unranked measure only once someone decided it explicitly', () => {
    const draft = initialDraft(measures, results).map((d) => (d.measureId === 'bus' ? { ...d, include: true, priority: 'C' as const, horizon: 'long' as const } : d));
    const bus = decisionChanges(measures, draft).find((c) => c.measureId === 'bus')!;
    expect(bus).toMatchObject({ before: { status: 'implementation', priority: null, horizon: 'short' }, after: { status: 'implementation', priority: 'C', horizon: 'long' } });
    expect(decisionChanges(measures, draft).map((c) => c.measureId)).not.toContain('pool');
  });
});
