import { describe, expect, it } from 'vitest';
import { statusAfterDecision, statusPriorityProblem, type MeasureStatus } from './measure-state';

const ALL: MeasureStatus[] = ['idea', 'brief', 'prioritised', 'planning', 'implementation', 'done', 'on_hold'];

describe('status and priority class', () => {
  it('refuses "prioritised" without a class', () => {
    expect(statusPriorityProblem('prioritised', null)).toMatchObject({ code: 'priority_class_required', message: expect.stringMatching(/braucht eine Prioritätsklasse/) });
    for (const c of ['A', 'B', 'C'] as const) expect(statusPriorityProblem('prioritised', c)).toBeNull();
  });

  it('refuses a class on an idea or a brief', () => {
    expect(statusPriorityProblem('brief', 'A')).toMatchObject({ code: 'priority_class_not_allowed', message: expect.stringMatching(/Prioritätsklasse A/) });
    expect(statusPriorityProblem('idea', 'C')?.code).toBe('priority_class_not_allowed');
    expect(statusPriorityProblem('idea', null)).toBeNull();
    expect(statusPriorityProblem('brief', null)).toBeNull();
  });

  it('lets the later stages keep a class or have none (running work taken over without a decision)', () => {
    for (const s of ['planning', 'implementation', 'done', 'on_hold'] as const) {
      expect(statusPriorityProblem(s, null)).toBeNull();
      expect(statusPriorityProblem(s, 'B')).toBeNull();
    }
  });

  it('a decision moves ideas and briefs to prioritised and leaves later stages alone, always ending consistent', () => {
    expect(ALL.map(statusAfterDecision)).toEqual(['prioritised', 'prioritised', 'prioritised', 'planning', 'implementation', 'done', 'on_hold']);
    for (const s of ALL) expect(statusPriorityProblem(statusAfterDecision(s), 'A')).toBeNull();
  });
});
