/**
 * Where a municipality stands in the ISEK process and the one action that is due next.
 * The process runs concept → workshop → briefs → dot vote → scoring → decision → responsibilities →
 * funding → implementation; a step is done when the counts behind it say so, and the next action is
 * the first step that is not. Pure: the server counts, this decides, the web app words it.
 */

export const PROCESS_STEPS = ['concept', 'workshop', 'briefs', 'dot_vote', 'scoring', 'decision', 'responsibilities', 'funding', 'implementation'] as const;
export type ProcessStep = (typeof PROCESS_STEPS)[number];

export interface ProcessCounts {
  dimensions: number;
  actionFields: number;
  goals: number;
  workshops: number;
  /** workshops with status done */
  workshopsHeld: number;
  measures: number;
  /** closed dot-voting rounds over measures */
  dotRoundsClosed: number;
  scoringRounds: number;
  /** scoring rounds revealed or closed: their ranking can be decided on */
  scoringRoundsRevealed: number;
  decisions: number;
  /** measures with a priority class (decided), other than on hold */
  decidedMeasures: number;
  decidedWithLead: number;
  /** decided measures with a funding plan (or done: nothing left to fund) */
  decidedWithFunding: number;
  /** decided measures in implementation or done */
  decidedInImplementation: number;
}

/** Ids the links of the next action point to (null when there is none). */
export interface ProcessRefs {
  /** the workshop to continue: the newest not held yet, else the newest */
  workshopId: string | null;
  /** the newest closed dot round over measures: a scoring round can take its items */
  dotRoundId: string | null;
  /** the newest scoring round still open (scores being given) */
  openScoringRoundId: string | null;
  /** the newest revealed or closed scoring round: a decision is recorded there */
  revealedScoringRoundId: string | null;
  /** the first decided measure (by number) without a funding plan */
  unfundedMeasureId: string | null;
}

export type NextAction =
  | 'define_concept'
  | 'plan_workshop'
  | 'hold_workshop'
  | 'write_briefs'
  | 'run_dot_vote'
  | 'start_scoring'
  | 'finish_scoring'
  | 'record_decision'
  | 'set_responsibilities'
  | 'plan_funding'
  | 'start_implementation'
  | 'follow_implementation';

export interface NextStep {
  /** the step the action belongs to; null when every step is done */
  step: ProcessStep | null;
  action: NextAction;
  href: string;
  /** how many items the action concerns (e.g. decided measures without a lead), when that is a number */
  count: number | null;
}

export interface ProcessState {
  steps: { step: ProcessStep; done: boolean }[];
  next: NextStep;
}

const DECIDED = 'priority=A,B,C';

/** Whether each step is done, judged by its own counts only (a later step may be done before an earlier one). */
export function stepDone(step: ProcessStep, c: ProcessCounts): boolean {
  switch (step) {
    case 'concept':
      return c.dimensions > 0 && c.actionFields > 0 && c.goals > 0;
    case 'workshop':
      return c.workshopsHeld > 0;
    case 'briefs':
      return c.measures > 0;
    case 'dot_vote':
      return c.dotRoundsClosed > 0;
    case 'scoring':
      return c.scoringRoundsRevealed > 0;
    case 'decision':
      return c.decisions > 0;
    case 'responsibilities':
      return c.decidedMeasures > 0 && c.decidedWithLead >= c.decidedMeasures;
    case 'funding':
      return c.decidedMeasures > 0 && c.decidedWithFunding >= c.decidedMeasures;
    case 'implementation':
      return c.decidedMeasures > 0 && c.decidedInImplementation >= c.decidedMeasures;
  }
}

function actionFor(step: ProcessStep, c: ProcessCounts, r: ProcessRefs): NextStep {
  const at = (action: NextAction, href: string, count: number | null = null): NextStep => ({ step, action, href, count });
  switch (step) {
    case 'concept':
      return at('define_concept', c.dimensions === 0 ? '/concept/dimensions' : c.actionFields === 0 ? '/concept/action-fields' : '/concept/goals');
    case 'workshop':
      return c.workshops === 0 || !r.workshopId ? at('plan_workshop', '/workshops') : at('hold_workshop', `/workshops/${r.workshopId}`);
    case 'briefs':
      return r.workshopId ? at('write_briefs', `/workshops/${r.workshopId}?tab=briefs`) : at('write_briefs', '/measures/new');
    case 'dot_vote':
      return at('run_dot_vote', r.workshopId ? `/workshops/${r.workshopId}?tab=rounds` : '/workshops');
    case 'scoring':
      if (r.openScoringRoundId) return at('finish_scoring', `/priorities/rounds/${r.openScoringRoundId}`);
      return at('start_scoring', r.dotRoundId ? `/priorities?newRound=1&dotRound=${r.dotRoundId}` : '/priorities?newRound=1');
    case 'decision':
      return at('record_decision', r.revealedScoringRoundId ? `/priorities/rounds/${r.revealedScoringRoundId}` : '/priorities');
    case 'responsibilities':
      return at('set_responsibilities', `/responsibility?${DECIDED}&noLead=true`, c.decidedMeasures - c.decidedWithLead);
    case 'funding':
      return at('plan_funding', r.unfundedMeasureId ? `/measures/${r.unfundedMeasureId}/funding` : `/funding/kofi?${DECIDED}`, c.decidedMeasures - c.decidedWithFunding);
    case 'implementation':
      return at('start_implementation', `/measures?${DECIDED}&status=prioritised,planning`, c.decidedMeasures - c.decidedInImplementation);
  }
}

/**
 * The steps with their state and the next action: the first step that is not done. Steps are taken in
 * order on purpose: a town that imported briefs without a workshop is still pointed to the workshop,
 * because the process (and its protocol) starts there. With every step done, following the
 * implementation on the roadmap is what is left.
 */
export function nextStep(c: ProcessCounts, r: ProcessRefs): ProcessState {
  const steps = PROCESS_STEPS.map((step) => ({ step, done: stepDone(step, c) }));
  const open = steps.find((s) => !s.done);
  return {
    steps,
    next: open ? actionFor(open.step, c, r) : { step: null, action: 'follow_implementation', href: '/roadmap', count: null },
  };
}
