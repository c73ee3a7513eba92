import { describe, expect, it } from 'vitest';
import { measureFlags, rollUp, type ReportFacts, type RollupItem } from './monitoring';

const report = (over: Partial<ReportFacts> = {}): ReportFacts => ({
  state: 'on_track', progress: 30, spentCents: 0, blockers: '', boardDecisionNeeded: false, createdAt: '2026-11-01T09:00:00Z', ...over,
});
const kinds = (f: { kind: string }[]) => f.map((x) => x.kind);

describe('measureFlags', () => {
  const today = '2026-12-07';
  it('spending ahead of progress: 80 % spent at 30 % progress (50 points) is flagged with its reason', () => {
    const f = measureFlags({ costCents: 100_000_00, plannedEnd: null, reports: [report({ spentCents: 80_000_00, progress: 30 })] }, { today });
    expect(f).toEqual([{ kind: 'spending_ahead', reason: expect.objectContaining({ de: expect.stringContaining('80 % der geplanten Kosten ausgegeben bei 30 % Fortschritt') }) }]);
    expect(f[0].reason.en).toContain('80 % of the planned cost spent at 30 % progress');
  });
  it('spending: 24 points ahead is not flagged, exactly 25 is; no planned cost, done or cancelled never', () => {
    const at = (spent: number, over: Partial<ReportFacts> = {}, cost: number | null = 1000) =>
      kinds(measureFlags({ costCents: cost, plannedEnd: null, reports: [report({ spentCents: spent, progress: 30, ...over })] }, { today }));
    expect(at(540)).toEqual([]); // 54 % − 30 = 24
    expect(at(550)).toEqual(['spending_ahead']); // 55 % − 30 = 25
    expect(at(900, {}, null)).toEqual([]);
    expect(at(900, {}, 0)).toEqual([]);
    expect(at(900, { state: 'done' })).toEqual([]);
    expect(at(900, { state: 'cancelled' })).toEqual([]);
  });
  it('past the planned end but not done; done or cancelled is fine; the planned end day itself is not past', () => {
    expect(kinds(measureFlags({ costCents: null, plannedEnd: '2026-06-30', reports: [] }, { today }))).toEqual(['past_end']);
    expect(measureFlags({ costCents: null, plannedEnd: '2026-06-30', reports: [] }, { today })[0].reason.de).toBe('Geplantes Ende 30.06.2026 überschritten, nicht abgeschlossen.');
    expect(kinds(measureFlags({ costCents: null, plannedEnd: '2026-06-30', reports: [report({ state: 'done' })] }, { today }))).toEqual([]);
    expect(kinds(measureFlags({ costCents: null, plannedEnd: '2026-12-07', reports: [report()] }, { today }))).toEqual([]);
  });
  it('no report for longer than the cycle: 92 days is still fine, 93 is flagged; a parameter changes the cycle', () => {
    // 2026-09-06 → 2026-12-07 is 92 days
    expect(kinds(measureFlags({ costCents: null, plannedEnd: null, reports: [report({ createdAt: '2026-09-06T10:00:00Z' })] }, { today }))).toEqual([]);
    const f = measureFlags({ costCents: null, plannedEnd: null, reports: [report({ createdAt: '2026-09-05T10:00:00Z' })] }, { today });
    expect(f).toEqual([{ kind: 'no_recent_report', reason: { de: 'Letzter Bericht vom 05.09.2026, vor 93 Tagen (Berichtszyklus 92 Tage).', en: 'Last report on 05/09/2026, 93 days ago (reporting cycle 92 days).' } }]);
    expect(kinds(measureFlags({ costCents: null, plannedEnd: null, reports: [report({ createdAt: '2026-11-01T10:00:00Z' })] }, { today, cycleDays: 30 }))).toEqual(['no_recent_report']);
    expect(kinds(measureFlags({ costCents: null, plannedEnd: null, reports: [report({ createdAt: '2025-01-01T10:00:00Z', state: 'done' })] }, { today }))).toEqual([]);
  });
  it('a blocker in two consecutive reports is flagged with the count; in one, or with a gap, it is not', () => {
    const b = 'Baugenehmigung fehlt';
    const one = measureFlags({ costCents: null, plannedEnd: null, reports: [report({ blockers: b }), report()] }, { today });
    expect(one).toEqual([]);
    const gap = measureFlags({ costCents: null, plannedEnd: null, reports: [report({ blockers: b }), report(), report({ blockers: b })] }, { today });
    expect(gap).toEqual([]);
    const three = measureFlags({ costCents: null, plannedEnd: null, reports: [report({ blockers: b }), report({ blockers: 'x' }), report({ blockers: 'y' }), report()] }, { today });
    expect(three).toEqual([{ kind: 'blocker_persists', reason: { de: `Hindernis seit 3 Berichten in Folge: ${b}`, en: `A blocker in 3 consecutive reports: ${b}` } }]);
  });
  it('a board decision needed in the latest report only', () => {
    expect(kinds(measureFlags({ costCents: null, plannedEnd: null, reports: [report({ boardDecisionNeeded: true })] }, { today }))).toEqual(['board_decision']);
    expect(kinds(measureFlags({ costCents: null, plannedEnd: null, reports: [report(), report({ boardDecisionNeeded: true })] }, { today }))).toEqual([]);
  });
});

const item = (id: string, over: Partial<RollupItem> = {}): RollupItem => ({ id, costCents: 100, state: 'on_track', progress: 0, ...over });

describe('rollUp', () => {
  it('weights by cost by default: 100 € at 10 % and 300 € at 50 % give (10 + 150) / 4 = 40 %', () => {
    const r = rollUp([item('a', { costCents: 100_00, progress: 10 }), item('b', { costCents: 300_00, progress: 50 })]);
    expect(r).toMatchObject({ progress: 40, exact: 40, weighting: 'cost', requested: 'cost', cancelled: [], unreported: [] });
    expect(r.weights).toEqual([
      { id: 'a', weight: 100_00, sharePercent: 25, progress: 10 },
      { id: 'b', weight: 300_00, sharePercent: 75, progress: 50 },
    ]);
    expect(r.rule.de).toContain('gewichtet mit den geplanten Kosten');
  });
  it('equally: (10 + 50) / 2 = 30 %; explicit weights 1 and 3 give 40 %, a missing weight counts 1', () => {
    expect(rollUp([item('a', { progress: 10 }), item('b', { progress: 50 })], 'equal').progress).toBe(30);
    expect(rollUp([item('a', { progress: 10, weight: 1 }), item('b', { progress: 50, weight: 3 })], 'explicit').progress).toBe(40);
    expect(rollUp([item('a', { progress: 10 }), item('b', { progress: 50, weight: 3 })], 'explicit').progress).toBe(40);
    const zero = rollUp([item('a', { progress: 10, weight: 0 }), item('b', { progress: 50, weight: 0 })], 'explicit');
    expect([zero.weighting, zero.progress]).toEqual(['equal', 30]);
    expect(zero.rule.de).toContain('Alle festgelegten Gewichte sind 0');
  });
  it('cost weighting falls back to equal when a counted measure has no cost estimate, and says so', () => {
    const r = rollUp([item('a', { costCents: null, progress: 10 }), item('b', { costCents: 300_00, progress: 50 })]);
    expect([r.weighting, r.progress, r.withoutCost]).toEqual(['equal', 30, ['a']]);
    expect(r.rule.en).toContain('Not every measure has a planned cost, so weighted equally');
  });
  it('done counts 100 % whatever progress was reported; cancelled is left out and listed; no report counts 0 and is listed', () => {
    const r = rollUp([
      item('done', { state: 'done', progress: 80 }),
      item('gone', { state: 'cancelled', progress: 90, costCents: 1_000_000 }),
      item('none', { state: null, progress: null }),
    ]);
    expect(r.progress).toBe(50);
    expect(r.cancelled).toEqual(['gone']);
    expect(r.unreported).toEqual(['none']);
    expect(r.weights.map((w) => [w.id, w.progress])).toEqual([['done', 100], ['none', 0]]);
  });
  it('an empty group, or one of cancelled measures only, has no figure', () => {
    expect(rollUp([])).toMatchObject({ progress: null, exact: null, weights: [] });
    expect(rollUp([item('x', { state: 'cancelled' })])).toMatchObject({ progress: null, cancelled: ['x'] });
  });
  it('rounds half up to whole percent and shares to one decimal: 1/3 each of 0, 0, 100 → 33 (33.33…), 12.5 → 13', () => {
    const thirds = rollUp([item('a'), item('b'), item('c', { progress: 100 })], 'equal');
    expect(thirds.progress).toBe(33);
    expect(thirds.exact).toBeCloseTo(33.333, 3);
    expect(thirds.weights.map((w) => w.sharePercent)).toEqual([33.3, 33.3, 33.3]);
    expect(rollUp([item('a', { progress: 25 }), item('b'), item('c'), item('d', { progress: 25 })], 'equal').progress).toBe(13); // 12.5
    expect(rollUp([item('a', { progress: 1 }), item('b', { progress: 0 })], 'equal').progress).toBe(1); // 0.5
  });
});
