import { describe, expect, it } from 'vitest';
import { rank, resolveCut, tally, topN, type RankedItem, type Tally } from './ranking';

/** Tally shorthand: supporters default to dots (no cumulation). */
const t = (itemId: string, dots: number, supporters = dots, label = itemId): Tally => ({ itemId, label, dots, supporters });
const ids = (items: RankedItem[]) => items.map((i) => i.itemId);
const labels = (items: RankedItem[]) => items.map((i) => `${i.itemId}:${i.rankLabel}`);

describe('rank', () => {
  it('ranks by dots with shares', () => {
    const r = rank([t('B', 3), t('A', 5), t('C', 2)], { useSupporters: false });
    expect(labels(r)).toEqual(['A:1', 'B:2', 'C:3']);
    expect(r.map((i) => i.rank)).toEqual([1, 2, 3]);
    expect(r[0].share).toBeCloseTo(0.5);
    expect(r[1].share).toBeCloseTo(0.3);
    expect(r[2].share).toBeCloseTo(0.2);
    expect(r.map((i) => i.tiedWithNext)).toEqual([false, false, false]);
  });

  it('gives shared ranks "1, 2=, 2=, 4" (competition ranking), label order inside a shared rank', () => {
    const r = rank([t('D', 1), t('C', 4, 4, 'Radwege'), t('B', 4, 4, 'Bürgerbeteiligung'), t('A', 6)], { useSupporters: false });
    expect(labels(r)).toEqual(['A:1', 'B:2 (gleichauf)', 'C:2 (gleichauf)', 'D:4']);
    expect(r.map((i) => i.tiedWithNext)).toEqual([false, true, false, false]);
  });

  it('sorts labels the German way inside a shared rank (Ö like O, not after Z)', () => {
    const r = rank([t('x', 2, 2, 'Zentrum'), t('y', 2, 2, 'ÖPNV'), t('z', 2, 2, 'Park')], { useSupporters: false });
    expect(r.map((i) => i.label)).toEqual(['ÖPNV', 'Park', 'Zentrum']);
    expect(r.every((i) => i.rankLabel === '1 (gleichauf)')).toBe(true);
  });

  it('breaks a dot tie by distinct supporters when asked, and only then', () => {
    // cumulation allowed: A got 5 dots from 2 people (3 + 2), B got 5 dots from 4 people
    const tallies = [t('A', 5, 2), t('B', 5, 4), t('C', 7, 3)];
    expect(labels(rank(tallies, { useSupporters: false }))).toEqual(['C:1', 'A:2 (gleichauf)', 'B:2 (gleichauf)']);
    expect(labels(rank(tallies, { useSupporters: true }))).toEqual(['C:1', 'B:2', 'A:3']);
  });

  it('keeps a shared rank when dots and supporters are both equal', () => {
    const r = rank([t('A', 4, 3), t('B', 4, 3), t('C', 4, 2)], { useSupporters: true });
    expect(labels(r)).toEqual(['A:1 (gleichauf)', 'B:1 (gleichauf)', 'C:3']);
  });

  it('ranks zero-dot items last, sharing a rank; share is 0 when nobody voted', () => {
    expect(labels(rank([t('A', 0), t('B', 2), t('C', 0)], { useSupporters: false }))).toEqual(['B:1', 'A:2 (gleichauf)', 'C:2 (gleichauf)']);
    const none = rank([t('A', 0), t('B', 0)], { useSupporters: true });
    expect(labels(none)).toEqual(['A:1 (gleichauf)', 'B:1 (gleichauf)']);
    expect(none.map((i) => i.share)).toEqual([0, 0]);
    expect(rank([], { useSupporters: false })).toEqual([]);
  });

  it('rejects impossible tallies with German messages', () => {
    expect(() => rank([t('A', 2), t('A', 3)], { useSupporters: false })).toThrow(/doppelt/);
    expect(() => rank([t('A', 2, 3)], { useSupporters: false })).toThrow(/Unterstützende passen nicht/);
    expect(() => rank([t('A', 2, 0)], { useSupporters: false })).toThrow(/Unterstützende passen nicht/);
    expect(() => rank([t('A', -1, 0)], { useSupporters: false })).toThrow(/ganze Zahlen ab 0/);
  });
});

describe('tally', () => {
  it('counts dots and distinct supporters, keeping items without dots', () => {
    const items = [{ itemId: 'a', label: 'A' }, { itemId: 'b', label: 'B' }, { itemId: 'c', label: 'C' }];
    const dots = [
      { participantId: 'p1', itemId: 'a' },
      { participantId: 'p1', itemId: 'a' },
      { participantId: 'p2', itemId: 'a' },
      { participantId: 'p2', itemId: 'b' },
    ];
    expect(tally(items, dots)).toEqual([
      { itemId: 'a', label: 'A', dots: 3, supporters: 2 },
      { itemId: 'b', label: 'B', dots: 1, supporters: 1 },
      { itemId: 'c', label: 'C', dots: 0, supporters: 0 },
    ]);
  });
  it('never drops a dot on an unknown item silently', () => {
    expect(() => tally([{ itemId: 'a', label: 'A' }], [{ participantId: 'p', itemId: 'zz' }])).toThrow(/unbekannten Eintrag zz/);
  });
});

describe('topN', () => {
  it('takes a clear Top 3', () => {
    const top = topN(rank([t('A', 9), t('B', 7), t('C', 5), t('D', 3), t('E', 1)], { useSupporters: false }), 3);
    expect(ids(top.items)).toEqual(['A', 'B', 'C']);
    expect(ids(top.selected)).toEqual(['A', 'B', 'C']);
    expect(top.cutTie).toBeNull();
    expect(top.n).toBe(3);
  });

  it('flags a tie at the cut: Top 5 where ranks 5 and 6 tie → 2 candidates for 1 seat', () => {
    const ranked = rank([t('A', 9), t('B', 8), t('C', 7), t('D', 6), t('E', 4), t('F', 4), t('G', 2)], { useSupporters: false });
    expect(labels(ranked)).toEqual(['A:1', 'B:2', 'C:3', 'D:4', 'E:5 (gleichauf)', 'F:5 (gleichauf)', 'G:7']);
    const top = topN(ranked, 5);
    expect(ids(top.selected)).toEqual(['A', 'B', 'C', 'D']);
    expect(top.cutTie).not.toBeNull();
    expect(top.cutTie?.rank).toBe(5);
    expect(ids(top.cutTie!.candidates)).toEqual(['E', 'F']);
    expect(top.cutTie?.seatsLeft).toBe(1);
    expect(ids(top.items)).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
  });

  it('flags a three-way tie for two seats', () => {
    const top = topN(rank([t('A', 5), t('B', 3), t('C', 3), t('D', 3)], { useSupporters: false }), 3);
    expect(ids(top.selected)).toEqual(['A']);
    expect(top.cutTie).toMatchObject({ rank: 2, seatsLeft: 2 });
    expect(ids(top.cutTie!.candidates)).toEqual(['B', 'C', 'D']);
  });

  it('does not flag a tie entirely inside the Top N, nor one just below it', () => {
    const ranked = rank([t('A', 9), t('B', 6), t('C', 6), t('D', 5), t('E', 4), t('F', 3), t('G', 3)], { useSupporters: false });
    const top = topN(ranked, 5);
    expect(top.cutTie).toBeNull();
    expect(labels(top.items)).toEqual(['A:1', 'B:2 (gleichauf)', 'C:2 (gleichauf)', 'D:4', 'E:5']);
    // a tie that exactly fills the last seats is no cut tie either
    const exact = topN(rank([t('A', 9), t('B', 5), t('C', 5)], { useSupporters: false }), 3);
    expect(exact.cutTie).toBeNull();
    expect(ids(exact.items)).toEqual(['A', 'B', 'C']);
  });

  it('returns fewer items when fewer than N items have dots, and never takes zero-dot items', () => {
    const ranked = rank([t('A', 4), t('B', 0), t('C', 2), t('D', 0), t('E', 0)], { useSupporters: false });
    const top = topN(ranked, 5);
    expect(ids(top.items)).toEqual(['A', 'C']);
    expect(top.cutTie).toBeNull();
    // zero-dot items tied at the cut do not make a cut tie
    expect(topN(ranked, 3)).toMatchObject({ cutTie: null });
    expect(ids(topN(rank([t('A', 0), t('B', 0)], { useSupporters: false }), 1).items)).toEqual([]);
  });

  it('rejects an N below 1', () => {
    expect(() => topN([], 0)).toThrow(/Top N/);
    expect(() => topN([], 2.5)).toThrow(/Top N/);
    expect(topN([], 3)).toEqual({ n: 3, items: [], cutTie: null, selected: [] });
  });
});

describe('resolveCut', () => {
  const tied = () => topN(rank([t('A', 9), t('B', 8), t('C', 7), t('D', 6), t('E', 4), t('F', 4), t('G', 2)], { useSupporters: false }), 5);

  it('resolves the cut by a run-off among the candidates', () => {
    const res = resolveCut(tied(), { kind: 'runoff', tallies: [t('E', 3), t('F', 8)] });
    expect(res.cutTie).toBeNull();
    expect(ids(res.items)).toEqual(['A', 'B', 'C', 'D', 'F']);
    expect(ids(res.selected)).toEqual(['A', 'B', 'C', 'D', 'F']);
    expect(ids(res.decided)).toEqual(['F']);
    // the winner keeps its main-round figures; the run-off is reported separately
    expect(res.decided[0]).toMatchObject({ dots: 4, rankLabel: '5 (gleichauf)' });
    expect(labels(res.runoff!)).toEqual(['F:1', 'E:2']);
  });

  it('reports a run-off that is tied again as a new cut tie, which can be resolved in turn', () => {
    const again = resolveCut(tied(), { kind: 'runoff', tallies: [t('E', 5), t('F', 5)] });
    expect(again.items).toHaveLength(6);
    expect(ids(again.selected)).toEqual(['A', 'B', 'C', 'D']);
    expect(again.cutTie).toMatchObject({ rank: 5, seatsLeft: 1 });
    expect(ids(again.cutTie!.candidates)).toEqual(['E', 'F']);
    expect(again.decided).toEqual([]);
    const final = resolveCut(again, { kind: 'decision', chosenIds: ['E'], reason: 'Losentscheid im Saal, protokolliert' });
    expect(ids(final.items)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(ids(final.decided)).toEqual(['E']);
  });

  it('counts a candidate missing from the run-off as 0 dots, without excluding it from a new tie', () => {
    const three = topN(rank([t('A', 5), t('B', 3), t('C', 3), t('D', 3)], { useSupporters: false }), 3);
    const res = resolveCut(three, { kind: 'runoff', tallies: [t('C', 4)] });
    expect(ids(res.selected)).toEqual(['A', 'C']);
    expect(res.cutTie).toMatchObject({ rank: 2, seatsLeft: 1 });
    expect(ids(res.cutTie!.candidates)).toEqual(['B', 'D']);
    const done = resolveCut(res, { kind: 'runoff', tallies: [t('D', 2), t('B', 1)] });
    expect(ids(done.items)).toEqual(['A', 'C', 'D']);
    expect(ids(done.decided)).toEqual(['C', 'D']);
  });

  it('can use distinct supporters in the run-off', () => {
    const res = resolveCut(tied(), { kind: 'runoff', tallies: [t('E', 4, 2), t('F', 4, 4)], useSupporters: true });
    expect(ids(res.decided)).toEqual(['F']);
  });

  it('rejects a run-off tally for a non-candidate', () => {
    expect(() => resolveCut(tied(), { kind: 'runoff', tallies: [t('E', 3), t('G', 8)] })).toThrow(/nicht zur Stichwahl/);
  });

  it('applies a valid facilitator decision with a reason', () => {
    const res = resolveCut(tied(), { kind: 'decision', chosenIds: ['E'], reason: 'E ist bereits im Haushalt 2021 eingeplant.' });
    expect(ids(res.items)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(res.cutTie).toBeNull();
    expect(ids(res.decided)).toEqual(['E']);
    expect(res.runoff).toBeNull();
  });

  it('rejects invalid decisions with German messages', () => {
    expect(() => resolveCut(tied(), { kind: 'decision', chosenIds: ['E', 'F'], reason: 'beide' })).toThrow(/genau 1 Eintrag wählen, nicht 2/);
    expect(() => resolveCut(tied(), { kind: 'decision', chosenIds: [], reason: 'keiner' })).toThrow(/genau 1 Eintrag/);
    expect(() => resolveCut(tied(), { kind: 'decision', chosenIds: ['G'], reason: 'G ist wichtig' })).toThrow(/gehört nicht zu den gleichauf/);
    expect(() => resolveCut(tied(), { kind: 'decision', chosenIds: ['A'], reason: 'A' })).toThrow(/gehört nicht/);
    expect(() => resolveCut(tied(), { kind: 'decision', chosenIds: ['E'], reason: '   ' })).toThrow(/begründen/);
    const three = topN(rank([t('A', 5), t('B', 3), t('C', 3), t('D', 3)], { useSupporters: false }), 3);
    expect(() => resolveCut(three, { kind: 'decision', chosenIds: ['B', 'B'], reason: 'x' })).toThrow(/mehrfach/);
    expect(() => resolveCut(three, { kind: 'decision', chosenIds: ['B'], reason: 'x' })).toThrow(/2 Plätze.*genau 2 Einträge/);
  });

  it('rejects a resolution when there is no cut tie', () => {
    const clear = topN(rank([t('A', 2), t('B', 1)], { useSupporters: false }), 1);
    expect(() => resolveCut(clear, { kind: 'decision', chosenIds: ['B'], reason: 'x' })).toThrow(/keinen Gleichstand/);
  });
});

/**
 * Partheland strategy workshop (seed 003, Großpösna, 18.12.2019): the councillors of 7 municipalities
 * each place 3 sticky dots on strategic goals; the result is a Top 5. The ballots are made up, three
 * councillors per municipality, counted by hand below.
 */
describe('Partheland: 7 municipalities × 3 councillors × 3 dots, Top 5', () => {
  const goals = [
    { itemId: 'g1', label: 'Gemeinsame Erledigung von Verwaltungsaufgaben, Sicherstellung der Pflichtaufgaben' },
    { itemId: 'g2', label: 'Stärkung von Bürgerbeteiligung' },
    { itemId: 'g3', label: 'Kultur, Naherholung und gemeinsames Marketing („Partheland-App“)' },
    { itemId: 'g4', label: 'Ausbau des gemeinsamen ÖPNV, Vernetzung der Parthelandkommunen' },
    { itemId: 'g5', label: 'Schaffung von Co-working-spaces' },
    { itemId: 'g6', label: 'Abgestimmte Gewerbeflächenentwicklung' },
    { itemId: 'g7', label: 'Gemeinsame Schul- und Kitaplanung' },
    { itemId: 'g8', label: 'Radwegenetz im Partheland' },
    { itemId: 'g9', label: 'Gemeinsame Brandschutzbedarfsplanung' },
    { itemId: 'g10', label: 'Tourismus an der Parthe' },
    { itemId: 'g11', label: 'Breitband und digitale Verwaltung' },
    { itemId: 'g12', label: 'Gemeinsame Jugendarbeit' },
  ];
  const municipalities = ['Brandis', 'Borsdorf', 'Großpösna', 'Naunhof', 'Belgershain', 'Parthenstein', 'Machern'];
  // 21 ballots (goal numbers), participant i = councillor (i % 3) + 1 of municipalities[floor(i / 3)]
  const ballots = [
    [1, 3, 6], [1, 3, 6], [1, 3, 6], // Brandis
    [1, 3, 6], [1, 3, 7], [1, 3, 7], // Borsdorf
    [1, 3, 7], [1, 4, 7], [1, 4, 7], // Großpösna
    [1, 4, 8], [1, 4, 8], [2, 4, 8], // Naunhof
    [2, 4, 8], [2, 4, 9], [2, 5, 9], // Belgershain
    [2, 5, 9], [2, 5, 10], [2, 5, 10], // Parthenstein
    [2, 5, 10], [2, 5, 11], [3, 6, 11], // Machern
  ];
  // Hand count: g1 ballots 1–11 = 11; g2 12–20 = 9; g3 1–7 + 21 = 8; g4 8–14 = 7; g5 15–20 = 6;
  // g6 1–4 + 21 = 5; g7 5–9 = 5; g8 10–13 = 4; g9 14–16 = 3; g10 17–19 = 3; g11 20–21 = 2; g12 0. Sum 63.
  const handCount = [11, 9, 8, 7, 6, 5, 5, 4, 3, 3, 2, 0];

  const dotsOf = (bs: number[][]) =>
    bs.flatMap((b, i) => b.map((g) => ({ participantId: `${municipalities[Math.floor(i / 3)]}-${(i % 3) + 1}`, itemId: `g${g}` })));

  it('has 21 participants with 3 dots each, 63 dots, matching the hand count', () => {
    const dots = dotsOf(ballots);
    expect(new Set(dots.map((d) => d.participantId)).size).toBe(21);
    expect(dots).toHaveLength(63);
    const tallies = tally(goals, dots);
    expect(tallies.map((x) => x.dots)).toEqual(handCount);
    expect(tallies.map((x) => x.supporters)).toEqual(handCount); // no cumulation: one dot per goal and person
  });

  it('gives the exact Top 5 without a tie at the cut', () => {
    const ranked = rank(tally(goals, dotsOf(ballots)), { useSupporters: true });
    expect(labels(ranked)).toEqual([
      'g1:1', 'g2:2', 'g3:3', 'g4:4', 'g5:5', 'g6:6 (gleichauf)', 'g7:6 (gleichauf)', 'g8:8', 'g9:9 (gleichauf)', 'g10:9 (gleichauf)', 'g11:11', 'g12:12',
    ]);
    expect(ranked[0].share).toBeCloseTo(11 / 63);
    const top = topN(ranked, 5);
    expect(top.cutTie).toBeNull();
    expect(top.items.map((i) => i.label)).toEqual([
      'Gemeinsame Erledigung von Verwaltungsaufgaben, Sicherstellung der Pflichtaufgaben',
      'Stärkung von Bürgerbeteiligung',
      'Kultur, Naherholung und gemeinsames Marketing („Partheland-App“)',
      'Ausbau des gemeinsamen ÖPNV, Vernetzung der Parthelandkommunen',
      'Schaffung von Co-working-spaces',
    ]);
    expect(top.items.map((i) => i.dots)).toEqual([11, 9, 8, 7, 6]);
  });

  it('variant: one Machern councillor moves a dot from co-working to youth work → 3 goals tie for the 5th seat', () => {
    const moved = ballots.map((b) => [...b]);
    moved[19] = [2, 12, 11]; // Machern-2: was [2, 5, 11]
    const tallies = tally(goals, dotsOf(moved));
    expect(tallies.map((x) => x.dots)).toEqual([11, 9, 8, 7, 5, 5, 5, 4, 3, 3, 2, 1]);
    const top = topN(rank(tallies, { useSupporters: true }), 5);
    expect(ids(top.selected)).toEqual(['g1', 'g2', 'g3', 'g4']);
    expect(top.cutTie).toMatchObject({ rank: 5, seatsLeft: 1 });
    // label order inside the shared rank: Abgestimmte…, Gemeinsame Schul…, Schaffung…
    expect(ids(top.cutTie!.candidates)).toEqual(['g6', 'g7', 'g5']);
    expect(top.cutTie!.candidates.every((c) => c.rankLabel === '5 (gleichauf)')).toBe(true);

    // run-off: all 21 councillors, 1 dot each, among the three candidates
    const res = resolveCut(top, { kind: 'runoff', tallies: [t('g5', 10), t('g6', 6), t('g7', 5)] });
    expect(res.cutTie).toBeNull();
    expect(ids(res.items)).toEqual(['g1', 'g2', 'g3', 'g4', 'g5']);
  });

  it('variant with cumulation: a dot tie at the cut is broken by distinct supporters', () => {
    const cumulated = ballots.map((b) => [...b]);
    cumulated[0] = [1, 6, 6]; // Brandis-1 puts 2 dots on g6 instead of one on g3
    const tallies = tally(goals, dotsOf(cumulated));
    expect(tallies.slice(0, 7).map((x) => [x.dots, x.supporters])).toEqual([[11, 11], [9, 9], [7, 7], [7, 7], [6, 6], [6, 5], [5, 5]]);
    // dots only: g5 and g6 share rank 5 → tie at the cut
    const byDots = topN(rank(tallies, { useSupporters: false }), 5);
    expect(labels(byDots.selected)).toEqual(['g1:1', 'g2:2', 'g4:3 (gleichauf)', 'g3:3 (gleichauf)']); // „Ausbau…“ before „Kultur…“
    expect(ids(byDots.cutTie!.candidates)).toEqual(['g6', 'g5']);
    // secondary key: g5 has 6 supporters, g6 only 5 → clear Top 5, the tie g3/g4 inside it stays shared
    const bySupporters = topN(rank(tallies, { useSupporters: true }), 5);
    expect(bySupporters.cutTie).toBeNull();
    expect(labels(bySupporters.items)).toEqual(['g1:1', 'g2:2', 'g4:3 (gleichauf)', 'g3:3 (gleichauf)', 'g5:5']);
  });

  it('variant: the facilitator decides the cut tie with a recorded reason', () => {
    const moved = ballots.map((b) => [...b]);
    moved[19] = [2, 12, 11];
    const top = topN(rank(tally(goals, dotsOf(moved)), { useSupporters: true }), 5);
    const res = resolveCut(top, {
      kind: 'decision',
      chosenIds: ['g5'],
      reason: 'Die Bürgermeister sehen Co-working-spaces als Querschnittsthema für Verwaltung und Wirtschaft.',
    });
    expect(ids(res.items)).toEqual(['g1', 'g2', 'g3', 'g4', 'g5']);
    expect(() => resolveCut(top, { kind: 'decision', chosenIds: ['g8'], reason: 'Rad' })).toThrow(/gehört nicht/);
  });
});
