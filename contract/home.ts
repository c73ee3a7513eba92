import { z } from 'zod';
import { Id, IsoDate } from './common';
import { MeasureStatus, Priority } from './measures';
import { SourceStatus } from './funding';
import { PROCESS_STEPS } from '../domain/next-step';

/** GET /home/department: a department's home ("Mein Amt"); coordinators and admins name the department. */
export const DepartmentHomeQuery = z.object({ departmentId: Id.optional() });
export type DepartmentHomeQuery = z.infer<typeof DepartmentHomeQuery>;

const MeasureRef = z.object({ id: Id, number: z.number().int(), title: z.string() });

export const HomeMeasure = MeasureRef.extend({
  status: MeasureStatus,
  priority: Priority.nullable(),
  /** the department's part: it leads the measure, or is a partner */
  role: z.enum(['lead', 'partner']),
  plannedStart: IsoDate.nullable(),
  plannedEnd: IsoDate.nullable(),
});
export type HomeMeasure = z.infer<typeof HomeMeasure>;

/** Past due and not done: a measure whose planned end has passed, or one of its milestones. */
export const OverdueItem = z.object({
  kind: z.enum(['measure_end', 'milestone']),
  measure: MeasureRef,
  /** the milestone's title (kind milestone) */
  milestone: z.string().nullable(),
  dueOn: IsoDate,
  daysOverdue: z.number().int(),
});
export type OverdueItem = z.infer<typeof OverdueItem>;

/** A measure of the department that waits (finish-to-start) for a measure not done yet. */
export const BlockedItem = z.object({
  measure: MeasureRef,
  waitsFor: MeasureRef.extend({ status: MeasureStatus }),
  /** the measure's planned start has come while it still waits */
  startPassed: z.boolean(),
});
export type BlockedItem = z.infer<typeof BlockedItem>;

/** An open scoring round in which the signed-in user is a rater and has not scored everything. */
export const OwedRating = z.object({ roundId: Id, name: z.string(), done: z.number().int(), total: z.number().int() });
export type OwedRating = z.infer<typeof OwedRating>;

export const HomeDeadline = z.object({
  key: z.string(),
  date: IsoDate,
  /** calendar days from today (negative: passed, not applied for) */
  daysLeft: z.number().int(),
  measure: MeasureRef,
  /** the programme's name, or the budget line / third party's label */
  source: z.string(),
  sourceStatus: SourceStatus,
});
export type HomeDeadline = z.infer<typeof HomeDeadline>;

/** A change someone else made to one of the department's measures (from the audit trail). */
export const RecentChange = z.object({
  id: z.number().int(),
  at: z.string(),
  actorName: z.string().nullable(),
  action: z.enum(['create', 'update', 'delete']),
  measure: MeasureRef,
  /** the changed fields' names as the audit trail keeps them */
  fields: z.array(z.string()),
});
export type RecentChange = z.infer<typeof RecentChange>;

export const DepartmentHome = z.object({
  department: z.object({ id: Id, name: z.string(), shortName: z.string() }),
  /** all departments of the municipality, for the coordinator's picker */
  departments: z.array(z.object({ id: Id, name: z.string() })),
  today: IsoDate,
  measures: z.array(HomeMeasure),
  overdue: z.array(OverdueItem),
  blocked: z.array(BlockedItem),
  ratingsOwed: z.array(OwedRating),
  /** application deadlines of the department's measures from 30 days ago to 180 days ahead */
  deadlines: z.array(HomeDeadline),
  recentChanges: z.array(RecentChange),
});
export type DepartmentHome = z.infer<typeof DepartmentHome>;

export const ProcessStep = z.enum(PROCESS_STEPS);

/** GET /home/process: where the municipality stands in the ISEK process, with the counts and the next action. */
export const ProcessHome = z.object({
  counts: z.object({
    dimensions: z.number().int(),
    actionFields: z.number().int(),
    goals: z.number().int(),
    districts: z.number().int(),
    departments: z.number().int(),
    workshops: z.number().int(),
    workshopsHeld: z.number().int(),
    measures: z.number().int(),
    measuresFromWorkshops: z.number().int(),
    dotRoundsClosed: z.number().int(),
    scoringRounds: z.number().int(),
    scoringRoundsRevealed: z.number().int(),
    decisions: z.number().int(),
    decidedMeasures: z.number().int(),
    decidedWithLead: z.number().int(),
    decidedWithFunding: z.number().int(),
    decidedInImplementation: z.number().int(),
    inImplementation: z.number().int(),
    done: z.number().int(),
    /** measures past their planned end, not done or on hold */
    overdue: z.number().int(),
  }),
  steps: z.array(z.object({ step: ProcessStep, done: z.boolean() })),
  next: z.object({
    step: ProcessStep.nullable(),
    action: z.enum([
      'define_concept', 'plan_workshop', 'hold_workshop', 'write_briefs', 'run_dot_vote', 'start_scoring', 'finish_scoring',
      'record_decision', 'set_responsibilities', 'plan_funding', 'start_implementation', 'follow_implementation',
    ]),
    /** the page where the action is done */
    href: z.string(),
    count: z.number().int().nullable(),
  }),
});
export type ProcessHome = z.infer<typeof ProcessHome>;
