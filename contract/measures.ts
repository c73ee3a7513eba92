import { z } from 'zod';
import { Id, IsoDate, Version, requiredText, trimmed } from './common';

export const MeasureStatus = z.enum(['idea', 'brief', 'prioritised', 'planning', 'implementation', 'done', 'on_hold']);
export type MeasureStatus = z.infer<typeof MeasureStatus>;
export const MEASURE_STATUSES = MeasureStatus.options;

export const Horizon = z.enum(['short', 'medium', 'long']);
export type Horizon = z.infer<typeof Horizon>;
export const HORIZONS = Horizon.options;

/** Priority class from the coordinators' decision (prioritisation): A first, B second, C later. */
export const Priority = z.enum(['A', 'B', 'C']);
export type Priority = z.infer<typeof Priority>;
export const PRIORITIES = Priority.options;

/** Money travels as integer cents so that no rounding happens between client and database. */
export const Cents = z.number().int().min(0).max(100_000_000_000_00);

const measureFields = {
  title: requiredText(300),
  need: trimmed(10000),
  goal: trimmed(10000),
  description: trimmed(20000),
  districtIds: z.array(Id).max(100),
  leadDepartmentId: Id.nullable(),
  partnerDepartmentIds: z.array(Id).max(100),
  externalActors: trimmed(5000),
  targetGroups: trimmed(5000),
  costCents: Cents.nullable(),
  horizon: Horizon.nullable(),
  plannedStart: IsoDate.nullable(),
  plannedEnd: IsoDate.nullable(),
  status: MeasureStatus,
  goalIds: z.array(Id).max(100),
  actionFieldIds: z.array(Id).max(100),
  dimensionIds: z.array(Id).max(20),
  origin: trimmed(500),
  tags: z.array(requiredText(60)).max(50),
};

const datesInOrder = (m: { plannedStart?: string | null; plannedEnd?: string | null }) =>
  !m.plannedStart || !m.plannedEnd || m.plannedEnd >= m.plannedStart;
const datesMessage = { message: 'Das geplante Ende liegt vor dem Beginn', path: ['plannedEnd'] };

/** Create: only the title is required; everything else has a sensible empty default. */
export const MeasureCreate = z
  .object({
    ...measureFields,
    need: measureFields.need.default(''),
    goal: measureFields.goal.default(''),
    description: measureFields.description.default(''),
    districtIds: measureFields.districtIds.default([]),
    leadDepartmentId: measureFields.leadDepartmentId.default(null),
    partnerDepartmentIds: measureFields.partnerDepartmentIds.default([]),
    externalActors: measureFields.externalActors.default(''),
    targetGroups: measureFields.targetGroups.default(''),
    costCents: measureFields.costCents.default(null),
    horizon: measureFields.horizon.default(null),
    plannedStart: measureFields.plannedStart.default(null),
    plannedEnd: measureFields.plannedEnd.default(null),
    status: measureFields.status.default('idea'),
    goalIds: measureFields.goalIds.default([]),
    actionFieldIds: measureFields.actionFieldIds.default([]),
    dimensionIds: measureFields.dimensionIds.default([]),
    origin: measureFields.origin.default(''),
    tags: measureFields.tags.default([]),
  })
  .refine(datesInOrder, datesMessage);
export type MeasureCreate = z.infer<typeof MeasureCreate>;

/** Update: any subset of fields, plus the version the editor started from. */
export const MeasureUpdate = z
  .object(measureFields)
  .partial()
  .extend({ version: Version })
  .refine(datesInOrder, datesMessage);
export type MeasureUpdate = z.infer<typeof MeasureUpdate>;

export const Attachment = z.object({
  id: Id,
  filename: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  createdAt: z.string(),
});
export type Attachment = z.infer<typeof Attachment>;

export const Measure = z.object({
  id: Id,
  number: z.number().int(),
  ...measureFields,
  /** set when the brief was written in a workshop (by a group) */
  originWorkshopId: Id.nullable(),
  originGroupId: Id.nullable(),
  /** dots and rank from the last closed voting round on this brief */
  dots: z.number().int().nullable(),
  dotRank: z.number().int().nullable(),
  /** set by a recorded prioritisation decision, not by the brief's form */
  priority: Priority.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Measure = z.infer<typeof Measure>;

export const MeasureDetail = Measure.extend({ attachments: z.array(Attachment) });
export type MeasureDetail = z.infer<typeof MeasureDetail>;

/** List rows carry the same fields as a measure; long texts are left out to keep lists small. */
export const MeasureListItem = Measure.omit({ need: true, goal: true, description: true }).extend({
  rank: z.number().optional(),
});
export type MeasureListItem = z.infer<typeof MeasureListItem>;

/** `a,b` or repeated `x=a&x=b`: at most 100 values, each bounded and clean. */
const csv = z
  .union([z.string().max(10_000), z.array(z.string().max(1000)).max(100)])
  .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(trimmed(200)).max(100));
const csvIds = csv.pipe(z.array(Id));

export const MeasureSort = z.enum(['relevance', 'title', '-title', 'number', '-number', 'cost', '-cost', 'start', '-start', 'updated', '-updated', 'status']);

/** Query of the list, the exports and the dashboard: all filters combine with AND, values of one filter with OR. */
export const MeasureQuery = z.object({
  q: trimmed(200).optional(),
  district: csvIds.optional(),
  department: csvIds.optional(),
  actionField: csvIds.optional(),
  goal: csvIds.optional(),
  dimension: csvIds.optional(),
  status: csv.pipe(z.array(MeasureStatus)).optional(),
  horizon: csv.pipe(z.array(Horizon)).optional(),
  priority: csv.pipe(z.array(Priority)).optional(),
  tag: csv.optional(),
  /** briefs written in this workshop */
  workshop: Id.optional(),
  sort: MeasureSort.optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});
export type MeasureQuery = z.infer<typeof MeasureQuery>;
export type MeasureQueryInput = z.input<typeof MeasureQuery>;

export const MeasurePage = z.object({
  items: z.array(MeasureListItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type MeasurePage = z.infer<typeof MeasurePage>;

export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actorName: z.string().nullable(),
  action: z.enum(['create', 'update', 'delete']),
  entityType: z.string(),
  entityId: z.string(),
  /** field name → [before, after] */
  changes: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const Bucket = z.object({ key: z.string(), label: z.string(), count: z.number().int(), costCents: z.number() });
export type Bucket = z.infer<typeof Bucket>;
export const Dashboard = z.object({
  total: z.number().int(),
  totalCostCents: z.number(),
  byStatus: z.array(Bucket),
  byDimension: z.array(Bucket),
  byDistrict: z.array(Bucket),
  byDepartment: z.array(Bucket),
  byHorizon: z.array(Bucket),
});
export type Dashboard = z.infer<typeof Dashboard>;

/** The import's contract lives in ./import; re-exported for the modules that read it from here. */
export { IMPORT_FIELDS, ImportField, ImportMapping, ImportPreview, ImportResult, ImportRowError } from './import';
