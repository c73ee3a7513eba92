import { z } from 'zod';
import { Id, IsoDate } from './common';
import { Horizon, MeasureStatus } from './measures';

/**
 * The default minimum score of the pair list: what is worth a conversation. Tuned on the 43 Musterstadt
 * briefs (docs/benchmarks.md, "Synergy precision"); 30 listed 174 pairs, most of them weak.
 */
export const DEFAULT_MIN_SCORE = 70;

/** Why two measures belong together, strongest first; the web app turns `kind` into words (German / English). */
export const SynergyReason = z.object({
  kind: z.enum(['district', 'goal', 'actor', 'actionField', 'time', 'text']),
  points: z.number().int(),
  ids: z.array(Id).optional(),
  words: z.array(z.string()).optional(),
  /** shared outside partners, as written */
  actors: z.array(z.string()).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
export type SynergyReason = z.infer<typeof SynergyReason>;

export const SynergyMeasureRef = z.object({
  id: Id,
  number: z.number().int(),
  title: z.string(),
  leadDepartmentId: Id.nullable(),
  version: z.number().int(),
});
export type SynergyMeasureRef = z.infer<typeof SynergyMeasureRef>;

export const SynergyStatus = z.enum(['open', 'related', 'dismissed']);
export type SynergyStatus = z.infer<typeof SynergyStatus>;

export const SynergyPair = z.object({
  /** "<smaller id>|<larger id>": the same pair whichever side it is seen from */
  key: z.string(),
  a: SynergyMeasureRef,
  b: SynergyMeasureRef,
  score: z.number().int().min(0).max(100),
  reasons: z.array(SynergyReason),
  status: SynergyStatus,
  /** who confirmed or dismissed the pair, and when (related / dismissed only) */
  by: z.string().nullable(),
  at: z.string().nullable(),
});
export type SynergyPair = z.infer<typeof SynergyPair>;

export const SynergyQuery = z.object({
  /** only pairs where one measure is led by this department; without it, the whole municipality */
  department: Id.optional(),
  status: SynergyStatus.default('open'),
  minScore: z.coerce.number().int().min(0).max(100).default(DEFAULT_MIN_SCORE),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type SynergyQuery = z.infer<typeof SynergyQuery>;
export type SynergyQueryInput = z.input<typeof SynergyQuery>;

export const SynergyPage = z.object({
  items: z.array(SynergyPair),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type SynergyPage = z.infer<typeof SynergyPage>;

/** Body of confirming or dismissing a pair: its two measures, in any order. */
export const PairBody = z.object({ measureIds: z.tuple([Id, Id]) });
export type PairBody = z.infer<typeof PairBody>;
export const PairParams = z.object({ a: Id, b: Id });

export const PairRecord = z.object({ key: z.string(), measureIds: z.tuple([Id, Id]), by: z.string().nullable(), at: z.string() });
export type PairRecord = z.infer<typeof PairRecord>;

/** A measure confirmed as related to the one being looked at. */
export const RelatedMeasure = SynergyMeasureRef.extend({ status: MeasureStatus, by: z.string().nullable(), at: z.string() });
export type RelatedMeasure = z.infer<typeof RelatedMeasure>;

export const NeighbourQuery = z.object({ department: Id.optional() });

export const NeighbourMeasure = z.object({
  id: Id,
  number: z.number().int(),
  title: z.string(),
  leadDepartmentId: Id.nullable(),
  status: MeasureStatus,
  horizon: Horizon.nullable(),
  plannedStart: IsoDate.nullable(),
  plannedEnd: IsoDate.nullable(),
  costCents: z.number().int().nullable(),
});
export type NeighbourMeasure = z.infer<typeof NeighbourMeasure>;

/** "What other departments plan in my districts": per district of the department's measures. */
export const Neighbours = z.object({
  departmentId: Id,
  districts: z.array(
    z.object({
      districtId: Id,
      name: z.string(),
      /** measures of the department itself in this district */
      own: z.number().int(),
      /** all measures of other departments here; `measures` lists at most 50 of them */
      total: z.number().int(),
      measures: z.array(NeighbourMeasure),
    }),
  ),
});
export type Neighbours = z.infer<typeof Neighbours>;
