import { describe, expect, it } from 'vitest';
import { nextStep, type ProcessCounts, type ProcessRefs } from './next-step';

const none: ProcessCounts = {
  dimensions: 0, actionFields: 0, goals: 0, workshops: 0, workshopsHeld: 0, measures: 0, dotRoundsClosed: 0,
  scoringRounds: 0, scoringRoundsRevealed: 0, decisions: 0, decidedMeasures: 0, decidedWithLead: 0, decidedWithFunding: 0, decidedInImplementation: 0,
};
const noRefs: ProcessRefs = { workshopId: null, dotRoundId: null, openScoringRoundId: null, revealedScoringRoundId: null, unfundedMeasureId: null };
/** A municipality that went through the whole process: 8 decided measures, all led, funded and under way. */
const all: ProcessCounts = {
  dimensions: 3, actionFields: 7, goals: 12, workshops: 1, workshopsHeld: 1, measures: 43, dotRoundsClosed: 1,
  scoringRounds: 1, scoringRoundsRevealed: 1, decisions: 1, decidedMeasures: 8, decidedWithLead: 8, decidedWithFunding: 8, decidedInImplementation: 8,
};
const refs: ProcessRefs = { workshopId: 'w1', dotRoundId: 'd1', openScoringRoundId: null, revealedScoringRoundId: 's1', unfundedMeasureId: null };

describe('nextStep', () => {
  it('starts with the concept, pointing to the first missing part', () => {
    const s = nextStep(none, noRefs);
    expect(s.steps.every((x) => !x.done)).toBe(true);
    expect(s.next).toEqual({ step: 'concept', action: 'define_concept', href: '/concept/dimensions', count: null });
    expect(nextStep({ ...none, dimensions: 3 }, noRefs).next.href).toBe('/concept/action-fields');
    expect(nextStep({ ...none, dimensions: 3, actionFields: 7 }, noRefs).next.href).toBe('/concept/goals');
  });

  it('asks for a workshop once the concept stands: plan one, then hold the planned one', () => {
    const concept = { ...none, dimensions: 3, actionFields: 7, goals: 12 };
    expect(nextStep(concept, noRefs).next).toMatchObject({ step: 'workshop', action: 'plan_workshop', href: '/workshops' });
    expect(nextStep({ ...concept, workshops: 1 }, { ...noRefs, workshopId: 'w1' }).next).toMatchObject({ action: 'hold_workshop', href: '/workshops/w1' });
    expect(nextStep(concept, noRefs).steps.find((x) => x.step === 'concept')!.done).toBe(true);
  });

  it('asks for briefs after the workshop, in the workshop when there is one', () => {
    const held = { ...all, measures: 0, dotRoundsClosed: 0, scoringRounds: 0, scoringRoundsRevealed: 0, decisions: 0, decidedMeasures: 0, decidedWithLead: 0, decidedWithFunding: 0, decidedInImplementation: 0 };
    expect(nextStep(held, refs).next).toMatchObject({ step: 'briefs', action: 'write_briefs', href: '/workshops/w1?tab=briefs' });
    expect(nextStep(held, { ...refs, workshopId: null }).next.href).toBe('/measures/new');
  });

  it('asks for the dot vote in the workshop\'s rounds', () => {
    const briefs = { ...all, dotRoundsClosed: 0, scoringRounds: 0, scoringRoundsRevealed: 0, decisions: 0, decidedMeasures: 0, decidedWithLead: 0, decidedWithFunding: 0, decidedInImplementation: 0 };
    expect(nextStep(briefs, refs).next).toMatchObject({ step: 'dot_vote', action: 'run_dot_vote', href: '/workshops/w1?tab=rounds' });
  });

  it('offers a scoring round over the closed dot round, or to finish the open one', () => {
    const voted = { ...all, scoringRounds: 0, scoringRoundsRevealed: 0, decisions: 0, decidedMeasures: 0, decidedWithLead: 0, decidedWithFunding: 0, decidedInImplementation: 0 };
    expect(nextStep(voted, refs).next).toMatchObject({ step: 'scoring', action: 'start_scoring', href: '/priorities?newRound=1&dotRound=d1' });
    expect(nextStep(voted, { ...refs, dotRoundId: null }).next.href).toBe('/priorities?newRound=1');
    expect(nextStep({ ...voted, scoringRounds: 1 }, { ...refs, openScoringRoundId: 's2' }).next).toMatchObject({ action: 'finish_scoring', href: '/priorities/rounds/s2' });
  });

  it('asks for a decision on the revealed round', () => {
    const scored = { ...all, decisions: 0, decidedMeasures: 0, decidedWithLead: 0, decidedWithFunding: 0, decidedInImplementation: 0 };
    expect(nextStep(scored, refs).next).toMatchObject({ step: 'decision', action: 'record_decision', href: '/priorities/rounds/s1' });
  });

  it('asks for leads of decided measures, counting those without one', () => {
    const s = nextStep({ ...all, decidedWithLead: 5 }, refs);
    expect(s.next).toEqual({ step: 'responsibilities', action: 'set_responsibilities', href: '/responsibility?priority=A,B,C&noLead=true', count: 3 });
    // a decision that decided nothing leaves responsibilities open, not done
    expect(nextStep({ ...all, decidedMeasures: 0, decidedWithLead: 0, decidedWithFunding: 0, decidedInImplementation: 0 }, refs).next.action).toBe('set_responsibilities');
  });

  it('asks for funding plans, linking the first decided measure without one', () => {
    expect(nextStep({ ...all, decidedWithFunding: 6 }, { ...refs, unfundedMeasureId: 'm7' }).next).toEqual({
      step: 'funding', action: 'plan_funding', href: '/measures/m7/funding', count: 2,
    });
    expect(nextStep({ ...all, decidedWithFunding: 6 }, refs).next.href).toBe('/funding/kofi?priority=A,B,C');
  });

  it('asks to start implementing decided measures not yet under way', () => {
    expect(nextStep({ ...all, decidedInImplementation: 2 }, refs).next).toEqual({
      step: 'implementation', action: 'start_implementation', href: '/measures?priority=A,B,C&status=prioritised,planning', count: 6,
    });
  });

  it('with every step done, follows the implementation on the roadmap', () => {
    const s = nextStep(all, refs);
    expect(s.steps.every((x) => x.done)).toBe(true);
    expect(s.next).toEqual({ step: null, action: 'follow_implementation', href: '/roadmap', count: null });
  });

  it('takes the steps in order even when a later one is done', () => {
    // briefs imported and decided without a workshop: the workshop is still what is due
    const s = nextStep({ ...all, workshops: 0, workshopsHeld: 0 }, { ...refs, workshopId: null });
    expect(s.next.action).toBe('plan_workshop');
    expect(s.steps.filter((x) => !x.done).map((x) => x.step)).toEqual(['workshop']);
  });
});
