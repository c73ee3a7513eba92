import { z } from 'zod';
import { Id, IsoDate, Version, requiredText } from './common';
import { Horizon, MeasureQuery, MeasureStatus, Priority } from './measures';

export const Milestone = z.object({
  id: Id,
  measureId: Id,
  title: z.string(),
  dueOn: IsoDate,
  done: z.boolean(),
  version: z.number().int(),
});
export type Milestone = z.infer<typeof Milestone>;

export const MilestoneInput = z.object({
  title: requiredText(200),
  dueOn: IsoDate,
  done: z.boolean().default(false),
});
export type MilestoneInput = z.infer<typeof MilestoneInput>;

export const MilestoneUpdate = MilestoneInput.partial().extend({ version: Version });
export type MilestoneUpdate = z.infer<typeof MilestoneUpdate>;

export const DependencyBody = z.object({ dependsOnId: Id });
export const DependencyParams = z.object({ id: Id, dependsOnId: Id });

export const Dependency = z.object({ measureId: Id, dependsOnId: Id });
export type Dependency = z.infer<typeof Dependency>;

/** A rule the dates break (see domain/dependencies.ts): shown as a flag on the roadmap and the measure. */
export const Violation = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('starts_before_predecessor_ends'), measureId: Id, dependsOnId: Id, start: IsoDate, predecessorEnd: IsoDate }),
  z.object({ kind: z.literal('milestone_outside_span'), measureId: Id, milestoneId: Id, dueOn: IsoDate, start: IsoDate.nullable(), end: IsoDate.nullable() }),
]);
export type Violation = z.infer<typeof Violation>;

/** Another measure named by a dependency: enough to show it and link to it. */
export const MeasureRef = z.object({
  id: Id,
  number: z.number().int(),
  title: z.string(),
  status: MeasureStatus,
  plannedStart: IsoDate.nullable(),
  plannedEnd: IsoDate.nullable(),
});
export type MeasureRef = z.infer<typeof MeasureRef>;

/** GET /measures/:id/roadmap: a measure's milestones, what it waits for, what waits for it, and broken dates. */
export const MeasureRoadmap = z.object({
  measureId: Id,
  version: z.number().int(),
  plannedStart: IsoDate.nullable(),
  plannedEnd: IsoDate.nullable(),
  milestones: z.array(Milestone),
  dependsOn: z.array(MeasureRef),
  dependents: z.array(MeasureRef),
  violations: z.array(Violation),
});
export type MeasureRoadmap = z.infer<typeof MeasureRoadmap>;

export const RoadmapGroup = z.enum(['none', 'district', 'actionField', 'department']);
export type RoadmapGroup = z.infer<typeof RoadmapGroup>;

export const RoadmapQuery = MeasureQuery.omit({ sort: true }).extend({
  group: RoadmapGroup.default('none'),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});
export type RoadmapQuery = z.infer<typeof RoadmapQuery>;
export const RoadmapExportQuery = RoadmapQuery.omit({ page: true, pageSize: true });

export const RoadmapItem = MeasureRef.extend({
  priority: Priority.nullable(),
  horizon: Horizon.nullable(),
  leadDepartmentId: Id.nullable(),
  districtIds: z.array(Id),
  actionFieldIds: z.array(Id),
  milestones: z.array(Milestone),
});
export type RoadmapItem = z.infer<typeof RoadmapItem>;

/**
 * GET /roadmap: one page of the dated measures (both planned dates set), ordered by group and start,
 * the undated ones separately, the dependencies touching the page and what their dates break.
 */
export const Roadmap = z.object({
  items: z.array(RoadmapItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** earliest start and latest end over all filtered dated measures: the same axis on every page */
  range: z.object({ start: IsoDate, end: IsoDate }).nullable(),
  undated: z.object({ items: z.array(MeasureRef), total: z.number().int() }),
  dependencies: z.array(Dependency),
  /** measures at the other end of a dependency that are not on this page */
  refs: z.array(MeasureRef),
  violations: z.array(Violation),
});
export type Roadmap = z.infer<typeof Roadmap>;
