import { z } from 'zod';
import { Id, Version } from './common';
import { Horizon, MeasureQuery, MeasureStatus, Priority } from './measures';

/** A department's part in a measure: exactly one lead (federführend), any partners, any kept informed. */
export const ResponsibilityRole = z.enum(['lead', 'partner', 'informed', 'none']);
export type ResponsibilityRole = z.infer<typeof ResponsibilityRole>;
export const RESPONSIBILITY_ROLES = ResponsibilityRole.options;

/** Filters of the matrix: the measure list's filters (district, field of action, status, priority …) with paging. */
export const MatrixQuery = MeasureQuery.omit({ sort: true }).extend({
  /** only measures without a lead */
  noLead: z
    .union([z.boolean(), z.enum(['true', 'false', '1', '0'])])
    .transform((v) => v === true || v === 'true' || v === '1')
    .optional(),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type MatrixQuery = z.infer<typeof MatrixQuery>;
export type MatrixQueryInput = z.input<typeof MatrixQuery>;

export const MatrixRow = z.object({
  id: Id,
  number: z.number().int(),
  title: z.string(),
  status: MeasureStatus,
  priority: Priority.nullable(),
  horizon: Horizon.nullable(),
  costCents: z.number().int().nullable(),
  leadDepartmentId: Id.nullable(),
  partnerDepartmentIds: z.array(Id),
  informedDepartmentIds: z.array(Id),
  version: z.number().int(),
});
export type MatrixRow = z.infer<typeof MatrixRow>;

export const MatrixDepartment = z.object({ id: Id, name: z.string(), shortName: z.string() });
export type MatrixDepartment = z.infer<typeof MatrixDepartment>;

export const Matrix = z.object({
  departments: z.array(MatrixDepartment),
  items: z.array(MatrixRow),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** measures matching the filters that have no lead (whatever page is shown) */
  withoutLead: z.number().int(),
});
export type Matrix = z.infer<typeof Matrix>;

export const CellParams = z.object({ id: Id, departmentId: Id });
export const CellBody = z.object({ role: ResponsibilityRole, version: Version });
export type CellBody = z.infer<typeof CellBody>;

export const CellResult = z.object({
  row: MatrixRow,
  /** the department that led before and is now a partner (when a new lead was chosen) */
  previousLeadId: Id.nullable(),
});
export type CellResult = z.infer<typeof CellResult>;

const HorizonKey = z.enum(['short', 'medium', 'long', 'none']);
export type HorizonKey = z.infer<typeof HorizonKey>;
export const HORIZON_KEYS = HorizonKey.options;

const Counts = z.object({ lead: z.number().int(), partner: z.number().int(), informed: z.number().int(), leadCostCents: z.number().int() });
export type LoadCounts = z.infer<typeof Counts>;

/** Load of one department over the filtered measures: counts by role, lead cost, and the same by horizon. */
export const DepartmentLoad = z.object({
  departmentId: Id,
  name: z.string(),
  total: Counts,
  byHorizon: z.record(HorizonKey, Counts),
});
export type DepartmentLoad = z.infer<typeof DepartmentLoad>;

export const LoadQuery = MatrixQuery.omit({ page: true, pageSize: true, noLead: true });
