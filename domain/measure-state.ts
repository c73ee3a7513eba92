/**
 * How a measure's status and its priority class fit together (pure: no I/O, no imports).
 *
 * The rule, as a German ISEK planner reads the two fields:
 * - "Priorisiert" means that a body decided a priority class (A, B or C). A measure with status
 *   'prioritised' therefore always has a class; without one it is still a brief.
 * - Ideas and briefs have no class yet. A class comes from a decision, and a decision moves an idea or
 *   a brief to 'prioritised' (statusAfterDecision). A measure with a class cannot go back to idea or
 *   brief: that would silently drop a recorded decision (put it on hold instead, or decide again).
 * - The later stages (planning, implementation, done, on hold) may have a class or not: a measure that
 *   was prioritised keeps its class as it moves on, and running work taken over from an existing list
 *   (an import, the town's project list) was never prioritised here and must not get an invented class.
 */

export type MeasureStatus = 'idea' | 'brief' | 'prioritised' | 'planning' | 'implementation' | 'done' | 'on_hold';
export type PriorityClass = 'A' | 'B' | 'C';

/** Statuses that need a class. */
export const STATUSES_WITH_CLASS: readonly MeasureStatus[] = ['prioritised'];
/** Statuses that cannot have a class (it would contradict them). */
export const STATUSES_WITHOUT_CLASS: readonly MeasureStatus[] = ['idea', 'brief'];

export interface StatusPriorityProblem {
  code: 'priority_class_required' | 'priority_class_not_allowed';
  /** German, like every API error message (the import repeats it for the row) */
  message: string;
}

/** null when status and class agree; otherwise the problem with a message that says what to do. */
export function statusPriorityProblem(status: MeasureStatus, priority: PriorityClass | null): StatusPriorityProblem | null {
  if (STATUSES_WITH_CLASS.includes(status) && priority == null) {
    return {
      code: 'priority_class_required',
      message: 'Der Status „Priorisiert“ braucht eine Prioritätsklasse (A, B oder C). Die Klasse setzt ein festgehaltener Beschluss in der Priorisierung; bis dahin bleibt die Maßnahme ein Steckbrief.',
    };
  }
  if (STATUSES_WITHOUT_CLASS.includes(status) && priority != null) {
    return {
      code: 'priority_class_not_allowed',
      message: `Die Maßnahme hat aus einem Beschluss die Prioritätsklasse ${priority} und kann deshalb nicht wieder Idee oder Steckbrief sein. Wählen Sie „Zurückgestellt“ oder entscheiden Sie in der Priorisierung neu.`,
    };
  }
  return null;
}

/** The status after a decision gives the measure a class: ideas and briefs become prioritised, later stages stay. */
export function statusAfterDecision(status: MeasureStatus): MeasureStatus {
  return STATUSES_WITHOUT_CLASS.includes(status) ? 'prioritised' : status;
}
