import { describe, expect, it } from 'vitest';
import { actorNames, differentDepartments, measurePeriod, pairKey, scorePair, stem, textWords, type SynergyMeasure } from './synergy';

const m = (over: Partial<SynergyMeasure> & { id: string }): SynergyMeasure => ({
  leadDepartmentId: 'dep-planning', districtIds: [], goalIds: [], actionFieldIds: [], actors: [], plannedStart: null, plannedEnd: null, words: [], ...over,
});
const asWritten = { word: (s: string) => s.toUpperCase(), actor: (s: string) => `«${s}»` };

describe('synergy score (hand-checked)', () => {
  it('same district and goal across departments, at the same time: 30 + 30 + 10 = 70', () => {
    const a = m({ id: 'a', leadDepartmentId: 'dep-planning', districtIds: ['altstadt'], goalIds: ['g-green'], plannedStart: '2026-01-01', plannedEnd: '2027-12-31' });
    const b = m({ id: 'b', leadDepartmentId: 'dep-roads', districtIds: ['altstadt'], goalIds: ['g-green'], plannedStart: '2027-06-01', plannedEnd: '2029-01-01' });
    const r = scorePair(a, b)!;
    expect(r.score).toBe(70);
    expect(r.reasons.map((x) => [x.kind, x.points])).toEqual([['district', 30], ['goal', 30], ['time', 10]]);
    expect(r.reasons[0].ids).toEqual(['altstadt']);
    expect(r.reasons[2]).toMatchObject({ from: '2027-06-01', to: '2027-12-31' });
    // the order of the two measures does not matter
    expect(scorePair(b, a)!.score).toBe(70);
  });

  it('same lead department is excluded, whatever they share', () => {
    const a = m({ id: 'a', districtIds: ['altstadt'], goalIds: ['g1'] });
    const b = m({ id: 'b', districtIds: ['altstadt'], goalIds: ['g1'] });
    expect(scorePair(a, b)).toBeNull();
  });

  it('without a lead: pairs with any department, but two measures without a lead are no pair', () => {
    const none1 = m({ id: 'a', leadDepartmentId: null, districtIds: ['d'] });
    const none2 = m({ id: 'b', leadDepartmentId: null, districtIds: ['d'] });
    const led = m({ id: 'c', leadDepartmentId: 'dep-roads', districtIds: ['d'] });
    expect(differentDepartments(none1, none2)).toBe(false);
    expect(scorePair(none1, none2)).toBeNull();
    expect(scorePair(none1, led)!.score).toBe(30);
  });

  it('overlap coefficient: a one-district measure inside a two-district one counts fully; one of two goals half', () => {
    const a = m({ id: 'a', districtIds: ['d1'], goalIds: ['g1', 'g2'] });
    const b = m({ id: 'b', leadDepartmentId: 'x', districtIds: ['d1', 'd2'], goalIds: ['g2', 'g3'] });
    const r = scorePair(a, b)!;
    expect(r.reasons.map((x) => [x.kind, x.points])).toEqual([['district', 30], ['goal', 15]]);
    expect(r.score).toBe(45);
  });

  it('time overlap alone is no synergy', () => {
    const a = m({ id: 'a', plannedStart: '2026-03-01', plannedEnd: '2027-03-01' });
    const b = m({ id: 'b', leadDepartmentId: 'x', plannedStart: '2026-06-01', plannedEnd: '2026-09-01' });
    expect(scorePair(a, b)).toEqual({ score: 0, reasons: [] });
  });

  it('fields of action (10); the same time counts only in the same place', () => {
    const a = m({ id: 'a', actionFieldIds: ['f1'], plannedStart: '2026-03-01', plannedEnd: '2027-03-01' });
    const b = m({ id: 'b', leadDepartmentId: 'x', actionFieldIds: ['f1'], plannedStart: '2026-06-01', plannedEnd: '2028-01-01' });
    expect(scorePair(a, b)).toEqual({ score: 10, reasons: [{ kind: 'actionField', points: 10, ids: ['f1'] }] });
    const r = scorePair({ ...a, districtIds: ['d'] }, { ...b, districtIds: ['d'] })!;
    expect(r.score).toBe(50);
    expect(r.reasons.map((x) => x.kind)).toEqual(['district', 'actionField', 'time']);
    expect(r.reasons[2]).toEqual({ kind: 'time', points: 10, from: '2026-06-01', to: '2027-03-01' });
  });

  it('similar text: stems meet across inflections and umlauts; stop words are ignored', () => {
    const a = m({ id: 'a', words: textWords('Spielplatz am Marktplatz sanieren') });
    const b = m({ id: 'b', leadDepartmentId: 'x', words: textWords('Sanierung der Spielplätze') });
    expect(a.words).toEqual(['spielplatz', 'marktplatz', 'sanier']);
    expect(b.words).toEqual(['sanier', 'spielplatz']);
    // 2 shared of 3 distinct → Jaccard 0.67 ≥ 0.3 → the full 15 points
    const r = scorePair(a, b, asWritten)!;
    expect(r.score).toBe(15);
    expect(r.reasons).toEqual([{ kind: 'text', points: 15, words: ['SPIELPLATZ', 'SANIER'] }]);
  });

  it('one shared word is chance, not a topic', () => {
    const a = m({ id: 'a', words: textWords('Radweg an der Bahnhofstraße') });
    const b = m({ id: 'b', leadDepartmentId: 'x', words: textWords('Radweg zum Friedhof') });
    expect(scorePair(a, b)!.score).toBe(0);
  });

  it('a measure is never its own pair; the pair key is the same from both sides', () => {
    const a = m({ id: 'a', districtIds: ['d'] });
    expect(scorePair(a, { ...a, leadDepartmentId: 'x' })).toBeNull();
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

  it('periods: planned start and end only; nothing guessed from a horizon or a lone date', () => {
    const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
    expect(measurePeriod({ plannedStart: '2026-02-01', plannedEnd: '2026-03-01' })).toEqual([day('2026-02-01'), day('2026-03-01')]);
    expect(measurePeriod({ plannedStart: '2026-02-01', plannedEnd: null })).toBeNull();
    expect(measurePeriod({ plannedStart: null, plannedEnd: '2026-02-01' })).toBeNull();
    expect(measurePeriod({ plannedStart: null, plannedEnd: null })).toBeNull();
    expect(measurePeriod({ plannedStart: '2026-03-01', plannedEnd: '2026-02-01' })).toBeNull();
  });

  it('outside partners: split at commas, semicolons and lines; matched without case, umlauts or extra spaces', () => {
    expect([...actorNames('Gewerbeverein Altstadt, IHK;  Stadtwerke  Musterstadt\nu.').entries()]).toEqual([
      ['gewerbeverein altstadt', 'Gewerbeverein Altstadt'], ['ihk', 'IHK'], ['stadtwerke musterstadt', 'Stadtwerke Musterstadt'],
    ]);
    expect([...actorNames('Förderverein, FOERDERVEREIN').keys()]).toEqual(['forderverein', 'foerderverein']);
    expect(actorNames('').size).toBe(0);
  });
});

describe('no reason without data behind it, strongest first (issue 12)', () => {
  const dated = { plannedStart: '2026-03-01', plannedEnd: '2027-03-01' };

  it('no time overlap when a measure has no dates: a horizon is no date', () => {
    const undated = m({ id: 'a', districtIds: ['d'] });
    const b = m({ id: 'b', leadDepartmentId: 'x', districtIds: ['d'], ...dated });
    expect(scorePair(undated, b)).toEqual({ score: 30, reasons: [{ kind: 'district', points: 30, ids: ['d'] }] });
  });

  it('no time overlap invented from a lone start or a lone end', () => {
    const b = m({ id: 'b', leadDepartmentId: 'x', districtIds: ['d'], ...dated });
    for (const lone of [{ plannedStart: '2026-05-01' }, { plannedEnd: '2026-05-01' }]) {
      expect(scorePair(m({ id: 'a', districtIds: ['d'], ...lone }), b)!.reasons.map((x) => x.kind)).toEqual(['district']);
    }
  });

  it('no time reason for periods that do not overlap, nor in different places', () => {
    const a = m({ id: 'a', districtIds: ['d'], goalIds: ['g'], ...dated });
    const later = m({ id: 'b', leadDepartmentId: 'x', districtIds: ['d'], goalIds: ['g'], plannedStart: '2027-03-02', plannedEnd: '2028-01-01' });
    expect(scorePair(a, later)!.reasons.map((x) => x.kind)).toEqual(['district', 'goal']);
    const elsewhere = m({ id: 'c', leadDepartmentId: 'x', districtIds: ['e'], goalIds: ['g'], ...dated });
    expect(scorePair(a, elsewhere)).toEqual({ score: 30, reasons: [{ kind: 'goal', points: 30, ids: ['g'] }] });
  });

  it('a few everyday words shared by two long texts are no text reason; a real overlap is', () => {
    const long = (k: string) => Array.from({ length: 20 }, (_, i) => `${k}${i}`);
    const a = m({ id: 'a', words: ['neue', 'sanier', ...long('a')] });
    const b = m({ id: 'b', leadDepartmentId: 'x', words: ['neue', 'sanier', ...long('b')] });
    expect(scorePair(a, b)).toEqual({ score: 0, reasons: [] }); // Jaccard 2 / 42 < 0.1
    const c = m({ id: 'c', leadDepartmentId: 'x', words: ['neue', 'sanier', ...long('a').slice(0, 4)] });
    expect(scorePair(a, c)!.reasons).toEqual([{ kind: 'text', points: 14, words: ['neue', 'sanier', 'a0', 'a1', 'a2', 'a3'] }]); // 6 / 22 = 0.27 → 15 · 0.27 / 0.3
  });

  it('a shared outside partner is a reason of its own (20), shown as written', () => {
    const a = m({ id: 'a', actors: ['gewerbeverein altstadt', 'ihk'] });
    const b = m({ id: 'b', leadDepartmentId: 'x', actors: ['gewerbeverein altstadt'] });
    expect(scorePair(a, b, asWritten)).toEqual({ score: 20, reasons: [{ kind: 'actor', points: 20, actors: ['«gewerbeverein altstadt»'] }] });
    expect(scorePair(a, m({ id: 'c', leadDepartmentId: 'x', actors: ['handwerkskammer'] }))).toEqual({ score: 0, reasons: [] });
  });

  it('no reason without data on both sides: empty lists share nothing', () => {
    const empty = m({ id: 'a' });
    const full = m({ id: 'b', leadDepartmentId: 'x', districtIds: ['d'], goalIds: ['g'], actionFieldIds: ['f'], actors: ['ihk'], words: ['radweg', 'brucke'], ...dated });
    expect(scorePair(empty, full)).toEqual({ score: 0, reasons: [] });
  });

  it('strongest reasons first, whatever their kind', () => {
    const a = m({ id: 'a', districtIds: ['d1', 'd2', 'd3'], goalIds: ['g1', 'g2'], actors: ['ihk'], words: ['spielplatz', 'sanier'] });
    const b = m({ id: 'b', leadDepartmentId: 'x', districtIds: ['d1', 'd4', 'd5'], goalIds: ['g1', 'g3'], actors: ['ihk'], words: ['spielplatz', 'sanier'] });
    const r = scorePair(a, b)!;
    expect(r.reasons.map((x) => [x.kind, x.points])).toEqual([['actor', 20], ['goal', 15], ['text', 15], ['district', 10]]);
    expect(r.score).toBe(60);
  });
});
