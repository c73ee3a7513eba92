import { describe, expect, it } from 'vitest';
import { buildIndex, findPairs, scoreIndexed, unpack, type IndexRow } from './synergy-index';

let n = 0;
const row = (over: Partial<IndexRow>): IndexRow => ({
  id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`, number: n, title: `M${n}`, version: 1, text: '',
  leadDepartmentId: 'dep-a', districtIds: [], goalIds: [], actionFieldIds: [], plannedStart: null, plannedEnd: null, ...over,
});

/** Deterministic pseudo-random rows over a few departments, districts, goals, fields and words. */
function randomRows(count: number, seed = 7): IndexRow[] {
  let s = seed;
  const r = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = (xs: string[], k: number) => xs.filter(() => r() < k / xs.length);
  const words = 'radweg spielplatz schule quartier platz brunnen kita sanierung grünfläche markt bahnhof ufer brücke halle'.split(' ');
  return Array.from({ length: count }, () =>
    row({
      leadDepartmentId: r() < 0.1 ? null : `dep-${Math.floor(r() * 5)}`,
      districtIds: pick(['d1', 'd2', 'd3', 'd4', 'd5', 'd6'], 1.3),
      goalIds: pick(['g1', 'g2', 'g3', 'g4', 'g5', 'g6', 'g7', 'g8'], 1.5),
      actionFieldIds: pick(['f1', 'f2', 'f3', 'f4'], 1),
      plannedStart: r() < 0.5 ? '2026-05-01' : null,
      plannedEnd: r() < 0.5 ? '2027-05-01' : null,
      text: pick(words, 4).join(' '),
      externalActors: pick(['IHK', 'Gewerbeverein', 'Stadtwerke', 'Seniorenbeirat', 'ADFC'], 0.8).join(', '),
    }),
  );
}

describe('synergy index', () => {
  it('finds exactly the pairs that scorePair scores at least minScore, with the same scores, best first', () => {
    const rows = randomRows(120);
    const ix = buildIndex(rows);
    const expected = new Map<string, number>();
    for (let i = 0; i < rows.length; i++)
      for (let j = i + 1; j < rows.length; j++) {
        const s = scoreIndexed(ix, i, j);
        if (s && s.score >= 20) expected.set(`${i}-${j}`, s.score);
      }
    const found = [...findPairs(ix, { minScore: 20 })].map(unpack);
    expect(found.length).toBe(expected.size);
    expect(found.length).toBeGreaterThan(100);
    for (const p of found) expect(p.score).toBe(expected.get(`${p.i}-${p.j}`));
    for (let k = 1; k < found.length; k++) expect(found[k - 1].score).toBeGreaterThanOrEqual(found[k].score);
  });

  it('for one department: only pairs with one of its measures, never two of its own', () => {
    const rows = randomRows(80);
    const ix = buildIndex(rows);
    const found = [...findPairs(ix, { departmentId: 'dep-1', minScore: 1 })].map(unpack);
    expect(found.length).toBeGreaterThan(0);
    for (const p of found) {
      const leads = [rows[p.i].leadDepartmentId, rows[p.j].leadDepartmentId];
      expect(leads.filter((l) => l === 'dep-1')).toHaveLength(1);
    }
    const all = [...findPairs(ix, { minScore: 1 })].map(unpack).filter((p) => [rows[p.i], rows[p.j]].some((m) => m.leadDepartmentId === 'dep-1'));
    expect(found.length).toBe(all.length);
    expect(findPairs(ix, { departmentId: 'unknown', minScore: 0 })).toHaveLength(0);
  });

  it('a dismissed pair never returns, from either side', () => {
    const a = row({ leadDepartmentId: 'dep-a', districtIds: ['d1'], goalIds: ['g1'] });
    const b = row({ leadDepartmentId: 'dep-b', districtIds: ['d1'], goalIds: ['g1'] });
    const c = row({ leadDepartmentId: 'dep-c', districtIds: ['d1'] });
    const ix = buildIndex([a, b, c]);
    const before = [...findPairs(ix, { minScore: 0 })].map(unpack);
    expect(before.map((p) => [p.score, p.i, p.j])).toEqual([[60, 0, 1], [30, 0, 2], [30, 1, 2]]);
    const exclude = new Map([[0, new Set([1])], [1, new Set([0])]]);
    expect([...findPairs(ix, { minScore: 0, exclude })].map(unpack).map((p) => [p.i, p.j])).toEqual([[0, 2], [1, 2]]);
    expect([...findPairs(ix, { departmentId: 'dep-b', minScore: 0, exclude })].map(unpack).map((p) => [p.i, p.j])).toEqual([[1, 2]]);
  });

  it('words found in many briefs are dropped as common; the reason shows words as written', () => {
    const rows = Array.from({ length: 20 }, (_, k) => row({ leadDepartmentId: `dep-${k}`, text: `Maßnahme Stadt ${k}` }));
    rows.push(row({ leadDepartmentId: 'x', text: 'Maßnahme Stadt Jugendzentrum Skaterpark' }), row({ leadDepartmentId: 'y', text: 'Stadt Maßnahme Skaterparks beim Jugendzentrum' }));
    const ix = buildIndex(rows);
    expect(ix.items[20].words).toEqual(['jugendzentrum', 'skaterpark']);
    const [p] = [...findPairs(ix, { minScore: 1 })].map(unpack);
    expect([p.i, p.j, p.score]).toEqual([20, 21, 15]);
    expect(scoreIndexed(ix, 20, 21)!.reasons[0].words).toEqual(['Jugendzentrum', 'Skaterpark']);
  });

  it('outside partners named by both are found and shown as written; a partner of many briefs is common', () => {
    const rows = Array.from({ length: 20 }, (_, k) => row({ leadDepartmentId: `dep-${k}`, externalActors: 'Stadtwerke Musterstadt' }));
    rows.push(row({ leadDepartmentId: 'x', externalActors: 'Stadtwerke Musterstadt, Gewerbeverein  Altstadt' }), row({ leadDepartmentId: 'y', externalActors: 'gewerbeverein altstadt; IHK' }));
    const ix = buildIndex(rows);
    expect(ix.items[20].actors).toEqual(['gewerbeverein altstadt']);
    expect([...findPairs(ix, { minScore: 1 })].map(unpack).map((p) => [p.i, p.j, p.score])).toEqual([[20, 21, 20]]);
    expect(scoreIndexed(ix, 20, 21)!.reasons).toEqual([{ kind: 'actor', points: 20, actors: ['Gewerbeverein Altstadt'] }]);
  });
});
