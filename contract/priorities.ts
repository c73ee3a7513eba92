import { z } from 'zod';
import { Id, IsoDate, Role, Version, requiredText, trimmed } from './common';
import { Horizon, MeasureStatus, Priority } from './measures';

/** Which side of the impact/effort chart a criterion feeds. Effort criteria are scored "5 = cheap / easy". */
export const Axis = z.enum(['impact', 'effort']);
export type Axis = z.infer<typeof Axis>;

const criterionFields = {
  name: requiredText(120),
  description: trimmed(1000).default(''),
  /** percent; all weights of the set sum to 100 */
  weight: z.number().int().min(0).max(100),
  axis: Axis,
  /** the written meaning of the scores 1, 2, 3, 4, 5 */
  levels: z.array(requiredText(300)).length(5),
};

export const Criterion = z.object({ id: Id, ...criterionFields, description: z.string() });
export type Criterion = z.infer<typeof Criterion>;

export const CriterionInput = z.object({ id: Id.optional(), ...criterionFields });
export type CriterionInput = z.input<typeof CriterionInput>;

export const CriteriaSet = z.object({ criteria: z.array(Criterion), version: z.number().int() });
export type CriteriaSet = z.infer<typeof CriteriaSet>;

/** The whole set is saved at once (the weights depend on each other), with the set's version. */
export const CriteriaBody = z.object({ version: Version, criteria: z.array(CriterionInput).min(1).max(20) });

export const ScoringStatus = z.enum(['open', 'revealed', 'closed']);
export type ScoringStatus = z.infer<typeof ScoringStatus>;

export const Progress = z.object({ done: z.number().int(), total: z.number().int() });

export const ScoringRoundSummary = z.object({
  id: Id,
  name: z.string(),
  status: ScoringStatus,
  measureCount: z.number().int(),
  raterCount: z.number().int(),
  /** all scores given / all expected (measures × criteria × raters) */
  progress: Progress,
  /** the current user's scores, or null when they are not a rater */
  myProgress: Progress.nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type ScoringRoundSummary = z.infer<typeof ScoringRoundSummary>;

export const ScoringRoundCreate = z.object({
  name: requiredText(200),
  measureIds: z.array(Id).min(1).max(500),
  raterIds: z.array(Id).min(1).max(100),
  /** a closed dot-voting round (subject: measures) of a workshop, or null */
  dotRoundId: Id.nullable().default(null),
  /** percent of the combined value that comes from the dots */
  dotWeight: z.number().int().min(0).max(100).default(0),
});
export type ScoringRoundCreate = z.input<typeof ScoringRoundCreate>;

export const ScoringRoundUpdate = z.object({
  version: Version,
  name: requiredText(200).optional(),
  measureIds: z.array(Id).min(1).max(500).optional(),
  raterIds: z.array(Id).min(1).max(100).optional(),
  dotRoundId: Id.nullable().optional(),
  dotWeight: z.number().int().min(0).max(100).optional(),
});

export const VersionOnly = z.object({ version: Version });

export const RoundMeasure = z.object({
  id: Id,
  number: z.number().int(),
  title: z.string(),
  /** for the summary before a decision: the status it has now and the one the decision gives it */
  status: MeasureStatus,
  priority: Priority.nullable(),
  horizon: Horizon.nullable(),
  costCents: z.number().nullable(),
  version: z.number().int(),
});

export const Rater = z.object({ id: Id, name: z.string(), progress: Progress });

export const ScoreEntry = z.object({
  measureId: Id,
  criterionId: Id,
  raterId: Id,
  value: z.number().int().min(1).max(5),
  comment: z.string(),
});
export type ScoreEntry = z.infer<typeof ScoreEntry>;

/** One rater's scores to save: a null value removes the score. */
export const ScoresBody = z.object({
  scores: z
    .array(z.object({ measureId: Id, criterionId: Id, value: z.number().int().min(1).max(5).nullable(), comment: trimmed(2000).default('') }))
    .min(1)
    .max(2000),
});
export type ScoresBody = z.input<typeof ScoresBody>;

export const ResultRow = z.object({
  measureId: Id,
  score: z.number().nullable(),
  byRater: z.record(z.string(), z.number().nullable()),
  criterionMeans: z.record(z.string(), z.number().nullable()),
  ratersComplete: z.number().int(),
  ratersTotal: z.number().int(),
  incomplete: z.boolean(),
  divergences: z.array(z.object({ criterionId: Id, min: z.number(), max: z.number() })),
  /** null without a dot round or when the measure was not on its ballot */
  dots: z.number().nullable(),
  dotsNormalised: z.number().nullable(),
  /** on the dot round's ballot; false: its combined value is its score alone; null without a dot round */
  onBallot: z.boolean().nullable(),
  combined: z.number().nullable(),
  impact: z.number().nullable(),
  effort: z.number().nullable(),
  rank: z.number().int().nullable(),
  /** German display form: "5", or "5 (gleichauf)" when shared (domain/format formatRank); "" when unranked */
  rankLabel: z.string(),
  /** another measure shares this rank */
  tied: z.boolean(),
  suggestedClass: Priority.nullable(),
});
export type ResultRow = z.infer<typeof ResultRow>;

export const DecisionItem = z.object({
  measureId: Id,
  priority: Priority,
  horizon: Horizon,
  computedRank: z.number().int().nullable(),
  /** another measure of this decision had the same computed rank ("2 (gleichauf)") */
  computedTied: z.boolean(),
  computedScore: z.number().nullable(),
  suggestedClass: Priority.nullable(),
  /** 0: as the ranking suggests; 1: a neighbouring class; 2: A ↔ C */
  deviation: z.number().int(),
});
export const Decision = z.object({
  id: Id,
  roundId: Id.nullable(),
  body: z.string(),
  decidedOn: IsoDate,
  note: z.string(),
  createdByName: z.string(),
  createdAt: z.string(),
  items: z.array(DecisionItem),
});
export type Decision = z.infer<typeof Decision>;

/**
 * A decision changes exactly the measures in `items` and nothing else of the round: measures left out
 * (unranked ones unless someone chose them one by one) keep status, class, horizon and version.
 */
export const DecisionBody = z.object({
  /** who decided, e.g. "Stadtrat" */
  body: requiredText(200),
  decidedOn: IsoDate,
  note: trimmed(2000).default(''),
  items: z
    .array(z.object({ measureId: Id, priority: Priority, horizon: Horizon, /** the measure's version */ version: Version }))
    .min(1)
    .max(500),
});
export type DecisionBody = z.input<typeof DecisionBody>;

export const ScoringRoundDetail = z.object({
  id: Id,
  name: z.string(),
  status: ScoringStatus,
  /** the round's own copy of the criteria */
  criteria: z.array(Criterion),
  measures: z.array(RoundMeasure),
  raters: z.array(Rater),
  dotRound: z.object({ id: Id, title: z.string(), workshopTitle: z.string() }).nullable(),
  dotWeight: z.number().int(),
  isRater: z.boolean(),
  /** admin or coordinator: may edit, reveal, close and decide */
  canManage: z.boolean(),
  /** the current user's own scores (always) */
  myScores: z.array(ScoreEntry),
  /** everyone's scores: only once revealed; before that an empty list */
  scores: z.array(ScoreEntry),
  progress: Progress,
  /** before the reveal, managers see WHERE raters diverge (no values); after it everyone sees the results */
  divergences: z.array(z.object({ measureId: Id, criterionId: Id })),
  /** the ranking: only once revealed, otherwise null */
  results: z.array(ResultRow).nullable(),
  decisions: z.array(Decision),
  createdAt: z.string(),
  revealedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  version: z.number().int(),
});
export type ScoringRoundDetail = z.infer<typeof ScoringRoundDetail>;

/** What a coordinator can pick when creating a round. */
export const RoundOptions = z.object({
  raters: z.array(z.object({ id: Id, name: z.string(), role: Role, departmentName: z.string().nullable() })),
  dotRounds: z.array(z.object({
    id: Id, title: z.string(), workshopTitle: z.string(), closedAt: z.string().nullable(), totalDots: z.number().int(),
    /** the measures on its ballot: only these have dots to combine, the others keep their score alone */
    measureIds: z.array(Id),
  })),
});
export type RoundOptions = z.infer<typeof RoundOptions>;
