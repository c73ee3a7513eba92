import { describe, expect, it } from 'vitest';
import { differentDepartments, measurePeriod, pairKey, scorePair, stem, textWords, type SynergyMeasure } from './synergy';

const TODAY = '2026-01-01';
const m = (over: Partial<SynergyMeasure> & { id: string }): SynergyMeasure => ({
  leadDepartmentId: 'dep-planning', districtIds: [], goalIds: [], actionFieldIds: [], plannedStart: null, plannedEnd: null, horizon: null, words: [], ...over,
});

describe('synergy score (hand-checked)', () => {
  it('same district and goal across departments scores high: 30 + 30 + 10 for the same horizon = 70', () => {
    const a = m({ id: 'a', leadDepartmentId: 'dep-planning', districtIds: ['altstadt'], goalIds: ['g-green'], horizon: 'short' });
    const b = m({ id: 'b', leadDepartmentId: 'dep-roads', districtIds: ['altstadt'], goalIds: ['g-green'], horizon: 'short' });
    const r = scorePair(a, b, TODAY)!;
    expect(r.score).toBe(70);
    expect(r.reasons.map((x) => [x.kind, x.points])).toEqual([['district', 30], ['goal', 30], ['time', 10]]);
    expect(r.reasons[0].ids).toEqual(['altstadt']);
    expect(r.reasons[2]).toMatchObject({ from: '2026-01-01', to: '2028-01-01' });
    // the order of the two measures does not matter
    expect(scorePair(b, a, TODAY)!.score).toBe(70);
  });

  it('same lead department is excluded, whatever they share', () => {
    const a = m({ id: 'a', districtIds: ['altstadt'], goalIds: ['g1'] });
    const b = m({ id: 'b', districtIds: ['altstadt'], goalIds: ['g1'] });
    expect(scorePair(a, b, TODAY)).toBeNull();
  });

  it('without a lead: pairs with any department, but two measures without a lead are no pair', () => {
    const none1 = m({ id: 'a', leadDepartmentId: null, districtIds: ['d'] });
    const none2 = m({ id: 'b', leadDepartmentId: null, districtIds: ['d'] });
    const led = m({ id: 'c', leadDepartmentId: 'dep-roads', districtIds: ['d'] });
    expect(differentDepartments(none1, none2)).toBe(false);
    expect(scorePair(none1, none2, TODAY)).toBeNull();
    expect(scorePair(none1, led, TODAY)!.score).toBe(30);
  });

  it('overlap coefficient: a one-district measure inside a two-district one counts fully; one of two goals half', () => {
    const a = m({ id: 'a', districtIds: ['d1'], goalIds: ['g1', 'g2'] });
    const b = m({ id: 'b', leadDepartmentId: 'x', districtIds: ['d1', 'd2'], goalIds: ['g2', 'g3'] });
    const r = scorePair(a, b, TODAY)!;
    expect(r.reasons.map((x) => [x.kind, x.points])).toEqual([['district', 30], ['goal', 15]]);
    expect(r.score).toBe(45);
  });

  it('time overlap alone is no synergy', () => {
    const a = m({ id: 'a', plannedStart: '2026-03-01', plannedEnd: '2027-03-01' });
    const b = m({ id: 'b', leadDepartmentId: 'x', plannedStart: '2026-06-01', plannedEnd: '2026-09-01' });
    expect(scorePair(a, b, TODAY)).toEqual({ score: 0, reasons: [] });
  });

  it('fields of action (15) and the overlapping period of the planned dates', () => {
    const a = m({ id: 'a', actionFieldIds: ['f1'], plannedStart: '2026-03-01', plannedEnd: '2027-03-01' });
    const b = m({ id: 'b', leadDepartmentId: 'x', actionFieldIds: ['f1'], plannedStart: '2026-06-01', plannedEnd: '2028-01-01' });
    const r = scorePair(a, b, TODAY)!;
    expect(r.score).toBe(25);
    expect(r.reasons[1]).toEqual({ kind: 'time', points: 10, from: '2026-06-01', to: '2027-03-01' });
  });

  it('similar text: stems meet across inflections and umlauts; stop words are ignored', () => {
    const a = m({ id: 'a', words: textWords('Spielplatz am Marktplatz sanieren') });
    const b = m({ id: 'b', leadDepartmentId: 'x', words: textWords('Sanierung der Spielplätze') });
    expect(a.words).toEqual(['spielplatz', 'marktplatz', 'sanier']);
    expect(b.words).toEqual(['sanier', 'spielplatz']);
    // 2 shared of 3 distinct → Jaccard 0.67 ≥ 0.3 → the full 15 points
    const r = scorePair(a, b, TODAY, (s) => s.toUpperCase())!;
    expect(r.score).toBe(15);
    expect(r.reasons).toEqual([{ kind: 'text', points: 15, words: ['SPIELPLATZ', 'SANIER'] }]);
  });

  it('one shared word is chance, not a topic', () => {
    const a = m({ id: 'a', words: textWords('Radweg an der Bahnhofstraße') });
    const b = m({ id: 'b', leadDepartmentId: 'x', words: textWords('Radweg zum Friedhof') });
    expect(scorePair(a, b, TODAY)!.score).toBe(0);
  });

  it('a measure is never its own pair; the pair key is the same from both sides', () => {
    const a = m({ id: 'a', districtIds: ['d'] });
    expect(scorePair(a, { ...a, leadDepartmentId: 'x' }, TODAY)).toBeNull();
    expect(pairKey('b', 'a')).toBe('a|b');
    expect(pairKey('a', 'b')).toBe('a|b');
  });
});

describe('text and time helpers', () => {
  it('stems common German endings but keeps four letters', () => {
    expect(stem('sanierung')).toBe('sanier');
    expect(stem('gebaeuden')).toBe('gebaeud');
    expect(stem('haus')).toBe('haus');
    expect(textWords('Die Straße und die Straßen, für Bürgerinnen')).toEqual(['strass', 'burger']);
  });

  it('periods: dates, a lone start (one year), horizons counted from today, nothing', () => {
    const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
    expect(measurePeriod({ plannedStart: '2026-02-01', plannedEnd: '2026-03-01', horizon: 'long' }, TODAY)).toEqual([day('2026-02-01'), day('2026-03-01')]);
    expect(measurePeriod({ plannedStart: '2026-02-01', plannedEnd: null, horizon: null }, TODAY)).toEqual([day('2026-02-01'), day('2026-02-01') + 365]);
    expect(measurePeriod({ plannedStart: null, plannedEnd: null, horizon: 'medium' }, TODAY)).toEqual([day(TODAY) + 731, day(TODAY) + 1826]);
    expect(measurePeriod({ plannedStart: null, plannedEnd: null, horizon: null }, TODAY)).toBeNull();
    // short and medium horizons do not overlap
    const a = m({ id: 'a', districtIds: ['d'], horizon: 'short' });
    const b = m({ id: 'b', leadDepartmentId: 'x', districtIds: ['d'], horizon: 'medium' });
    expect(scorePair(a, b, TODAY)!.score).toBe(30);
  });
});
