import { z } from 'zod';
import { Id, Position, Version, isCleanJson, requiredText, trimmed } from './common';

/**
 * Kinds of designated funding areas: a district lies in areas designated for a programme (a
 * redevelopment area of "Lebendige Zentren", a "Sozialer Zusammenhalt" area, a LEADER region, an ERDF
 * area); `other` is an area whose programme is not recorded (e.g. migrated from the old yes/no flag).
 */
export const AreaKind = z.enum(['lebendige_zentren', 'sozialer_zusammenhalt', 'wachstum_nachhaltige_erneuerung', 'leader', 'efre', 'other']);
export type AreaKind = z.infer<typeof AreaKind>;
/** Whether a municipality is a town/city or rural. */
export const SettlementType = z.enum(['urban', 'rural']);
export type SettlementType = z.infer<typeof SettlementType>;
export const Municipality = z.object({
  id: Id,
  name: z.string(),
  vision: z.string(),
  horizonStart: z.number().int().nullable(),
  horizonEnd: z.number().int().nullable(),
  /** financially weak municipalities get higher rates in some funding programmes */
  financiallyWeak: z.boolean(),
  /** town/city or rural: programmes such as LEADER are only for rural areas */
  settlementType: SettlementType,
  version: z.number().int(),
});
export type Municipality = z.infer<typeof Municipality>;
export const UpdateMunicipalityBody = z
  .object({
    version: Version,
    name: requiredText(200).optional(),
    vision: trimmed(20000).optional(),
    horizonStart: z.number().int().min(1900).max(2200).nullable().optional(),
    horizonEnd: z.number().int().min(1900).max(2200).nullable().optional(),
    financiallyWeak: z.boolean().optional(),
    settlementType: SettlementType.optional(),
  })
  .refine((b) => b.horizonStart == null || b.horizonEnd == null || b.horizonEnd >= b.horizonStart, {
    message: 'Das Ende des Zeithorizonts liegt vor dem Anfang',
    path: ['horizonEnd'],
  });

const base = { id: Id, version: z.number().int() };

export const Dimension = z.object({ ...base, name: z.string(), description: z.string(), color: z.string(), position: z.number().int() });
export const DimensionInput = z.object({
  name: requiredText(200),
  description: trimmed(5000).optional(),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/).optional(),
  position: Position.optional(),
});

export const ActionField = z.object({ ...base, name: z.string(), description: z.string(), position: z.number().int() });
export const ActionFieldInput = z.object({
  name: requiredText(200),
  description: trimmed(5000).optional(),
  position: Position.optional(),
});

export const Goal = z.object({
  ...base,
  title: z.string(),
  description: z.string(),
  position: z.number().int(),
  actionFieldIds: z.array(Id),
  dimensionIds: z.array(Id),
});
export const GoalInput = z.object({
  title: requiredText(300),
  description: trimmed(5000).optional(),
  position: Position.optional(),
  actionFieldIds: z.array(Id).max(50).optional(),
  dimensionIds: z.array(Id).max(20).optional(),
});

/** GeoJSON is checked for shape only: a Feature, FeatureCollection, Polygon or MultiPolygon. */
export const GeoJson = z
  .object({ type: z.enum(['Feature', 'FeatureCollection', 'Polygon', 'MultiPolygon']) })
  .passthrough()
  // kept as sent in a jsonb column: clean text (PostgreSQL refuses NUL and lone surrogates) and bounded depth
  .refine((g) => isCleanJson(g), 'Ungültiges GeoJSON: Steuerzeichen, ungültige Zahlen oder zu tief verschachtelt.');

export const District = z.object({
  ...base,
  name: z.string(),
  description: z.string(),
  boundary: GeoJson.nullable(),
  /** the kinds of designated funding areas the district lies in */
  designations: z.array(AreaKind),
  /** lies in any designated funding area (designations not empty; kept for older clients) */
  designatedArea: z.boolean(),
});
export const DistrictInput = z.object({
  name: requiredText(200),
  description: trimmed(5000).optional(),
  boundary: GeoJson.nullable().optional(),
  /** the kinds of designated funding areas the district lies in (duplicates are dropped) */
  designations: z.array(AreaKind).max(AreaKind.options.length * 2).optional(),
  /**
   * Older clients: true marks the district as lying in a funding area whose programme is not recorded
   * (`other`) unless it already has designations; false clears them. Ignored when `designations` is sent.
   */
  designatedArea: z.boolean().optional(),
});

export const Department = z.object({ ...base, name: z.string(), shortName: z.string(), head: z.string() });
export const DepartmentInput = z.object({
  name: requiredText(200),
  shortName: trimmed(30).optional(),
  head: trimmed(200).optional(),
});

/** Partial update of any concept item: the fields to change plus the version they were based on. */
export const withVersion = <T extends z.ZodObject>(input: T) => input.partial().extend({ version: Version });

export type Dimension = z.infer<typeof Dimension>;
export type ActionField = z.infer<typeof ActionField>;
export type Goal = z.infer<typeof Goal>;
export type District = z.infer<typeof District>;
export type Department = z.infer<typeof Department>;

export const Concept = z.object({
  municipality: Municipality,
  dimensions: z.array(Dimension),
  actionFields: z.array(ActionField),
  goals: z.array(Goal),
  districts: z.array(District),
  departments: z.array(Department),
});
export type Concept = z.infer<typeof Concept>;
