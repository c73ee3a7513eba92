import { describe, expect, it } from 'vitest';
import { cycleIfAdded, findCycle, findViolations, type Dependency } from './dependencies';

const dep = (measureId: string, dependsOnId: string): Dependency => ({ measureId, dependsOnId });

describe('findViolations', () => {
  const spans = [
    { id: 'plan', start: '2027-01-01', end: '2027-06-30' }, // Planung Marktplatz
    { id: 'build', start: '2027-05-01', end: '2028-03-31' }, // Umbau: starts two months too early
    { id: 'open', start: '2027-06-30', end: '2027-07-15' }, // starts on the day planning ends: allowed
    { id: 'undated', start: null, end: null },
  ];

  it('flags a successor that starts before its predecessor ends, with both dates', () => {
    expect(findViolations(spans, [dep('build', 'plan')])).toEqual([
      { kind: 'starts_before_predecessor_ends', measureId: 'build', dependsOnId: 'plan', start: '2027-05-01', predecessorEnd: '2027-06-30' },
    ]);
  });

  it('accepts a start on the very day the predecessor ends, and a start after it', () => {
    expect(findViolations(spans, [dep('open', 'plan')])).toEqual([]);
    expect(findViolations([{ id: 'a', start: '2027-01-01', end: '2027-01-31' }, { id: 'b', start: '2027-02-01', end: null }], [dep('b', 'a')])).toEqual([]);
  });

  it('cannot judge missing dates (either side) and ignores unknown measures', () => {
    expect(findViolations(spans, [dep('undated', 'plan'), dep('plan', 'undated'), dep('ghost', 'plan')])).toEqual([]);
  });

  it('flags milestones before the start or after the end, but not on the boundaries', () => {
    const ms = [
      { id: 'm1', measureId: 'plan', dueOn: '2027-01-01' },
      { id: 'm2', measureId: 'plan', dueOn: '2027-06-30' },
      { id: 'm3', measureId: 'plan', dueOn: '2026-12-31' },
      { id: 'm4', measureId: 'plan', dueOn: '2027-07-01' },
      { id: 'm5', measureId: 'undated', dueOn: '1999-01-01' },
    ];
    expect(findViolations(spans, [], ms).map((v) => v.kind === 'milestone_outside_span' && v.milestoneId)).toEqual(['m3', 'm4']);
  });

  it('checks an open end only against the start', () => {
    const open = [{ id: 'x', start: '2027-03-01', end: null }];
    const ms = [{ id: 'early', measureId: 'x', dueOn: '2027-02-28' }, { id: 'late', measureId: 'x', dueOn: '2040-01-01' }];
    expect(findViolations(open, [], ms)).toHaveLength(1);
  });
});

describe('cycleIfAdded', () => {
  it('rejects a measure depending on itself', () => {
    expect(cycleIfAdded([], dep('a', 'a'))).toEqual(['a', 'a']);
  });

  it('finds the direct back edge: A waits for B, B would wait for A', () => {
    expect(cycleIfAdded([dep('a', 'b')], dep('b', 'a'))).toEqual(['b', 'a', 'b']);
  });

  it('names the whole chain of a longer loop in order', () => {
    // B waits for C, C waits for A; A waiting for B closes A → B → C → A
    expect(cycleIfAdded([dep('b', 'c'), dep('c', 'a')], dep('a', 'b'))).toEqual(['a', 'b', 'c', 'a']);
  });

  it('allows diamonds and parallel chains (no loop)', () => {
    const diamond = [dep('d', 'b'), dep('d', 'c'), dep('b', 'a'), dep('c', 'a')];
    expect(cycleIfAdded(diamond, dep('e', 'd'))).toBeNull();
    expect(cycleIfAdded(diamond, dep('c', 'b'))).toBeNull();
    // …but the root waiting for the sink closes a loop through one of the branches
    expect(cycleIfAdded(diamond, dep('a', 'd'))).toEqual(['a', 'd', 'c', 'a']);
  });

  it('terminates on large acyclic graphs', () => {
    const chain = Array.from({ length: 5000 }, (_, i) => dep(`m${i + 1}`, `m${i}`));
    expect(cycleIfAdded(chain, dep('x', 'm4999'))).toBeNull();
    expect(cycleIfAdded(chain, dep('m0', 'm5000'))).toHaveLength(5002);
  });
});

describe('findCycle', () => {
  it('is null for acyclic sets and names a loop otherwise', () => {
    expect(findCycle([dep('b', 'a'), dep('c', 'b')])).toBeNull();
    expect(findCycle([dep('b', 'a'), dep('c', 'b'), dep('a', 'c')])).toEqual(['a', 'c', 'b', 'a']);
  });
});
