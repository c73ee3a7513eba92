import { parseMoney } from '../../../domain/format';
import { MeasureCreate, type MeasureDetail, type MeasureStatus, type Horizon } from '../../../contract/measures';
import type { FieldErrors } from '../../app/forms';

/** What the form edits: text inputs as typed, id lists as arrays. */
export interface MeasureFormState {
  title: string;
  need: string;
  goal: string;
  description: string;
  districtIds: string[];
  leadDepartmentId: string;
  partnerDepartmentIds: string[];
  externalActors: string;
  targetGroups: string;
  cost: string;
  horizon: string;
  plannedStart: string;
  plannedEnd: string;
  status: MeasureStatus;
  goalIds: string[];
  actionFieldIds: string[];
  dimensionIds: string[];
  origin: string;
  tags: string;
}

/** The payload fields (MeasureCreate) in form order; used for diffs and field labels. */
export const PAYLOAD_FIELDS = [
  'title', 'status', 'origin', 'tags', 'need', 'goal', 'description', 'districtIds', 'leadDepartmentId',
  'partnerDepartmentIds', 'externalActors', 'targetGroups', 'costCents', 'horizon', 'plannedStart', 'plannedEnd',
  'goalIds', 'actionFieldIds', 'dimensionIds',
] as const;
export type PayloadField = (typeof PAYLOAD_FIELDS)[number];
export type MeasurePayload = MeasureCreate;

/** Payload field → form field where they differ; errors and control ids use form field names. */
const FORM_NAME: Partial<Record<PayloadField, keyof MeasureFormState>> = { costCents: 'cost' };
export const formFieldOf = (f: string) => (FORM_NAME as Record<string, string>)[f] ?? f;
export const RENAME: Record<string, string> = { costCents: 'cost' };
/** id of the control (or group) of a form field, for labels and the error summary. */
export const controlId = (field: string) => `measure-${formFieldOf(field)}`;

const wholeEuros = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0, useGrouping: true });
const withCents = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: true });

/** 123456750 → "1.234.567,50", 123456700 → "1.234.567" (what the cost input shows). */
export function centsToInput(cents: number | null | undefined): string {
  if (cents == null) return '';
  return (cents % 100 === 0 ? wholeEuros : withCents).format(cents / 100);
}

export function emptyForm(leadDepartmentId: string | null = null): MeasureFormState {
  return {
    title: '', need: '', goal: '', description: '', districtIds: [], leadDepartmentId: leadDepartmentId ?? '',
    partnerDepartmentIds: [], externalActors: '', targetGroups: '', cost: '', horizon: '', plannedStart: '',
    plannedEnd: '', status: 'idea', goalIds: [], actionFieldIds: [], dimensionIds: [], origin: '', tags: '',
  };
}

export function fromMeasure(m: MeasureDetail): MeasureFormState {
  return {
    title: m.title,
    need: m.need,
    goal: m.goal,
    description: m.description,
    districtIds: [...m.districtIds],
    leadDepartmentId: m.leadDepartmentId ?? '',
    partnerDepartmentIds: [...m.partnerDepartmentIds],
    externalActors: m.externalActors,
    targetGroups: m.targetGroups,
    cost: centsToInput(m.costCents),
    horizon: m.horizon ?? '',
    plannedStart: m.plannedStart ?? '',
    plannedEnd: m.plannedEnd ?? '',
    status: m.status,
    goalIds: [...m.goalIds],
    actionFieldIds: [...m.actionFieldIds],
    dimensionIds: [...m.dimensionIds],
    origin: m.origin,
    tags: m.tags.join(', '),
  };
}

export function splitTags(s: string): string[] {
  const seen = new Set<string>();
  return s
    .split(/[,;]/)
    .map((x) => x.trim())
    .filter((x) => x && !seen.has(x.toLowerCase()) && seen.add(x.toLowerCase()));
}

/** Form → payload, or field errors (German messages from the schema, localised where we know better). */
export function toPayload(
  s: MeasureFormState,
  msg: { title: string; cost: string; dates: string; tooLong: string },
): { payload: MeasurePayload; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const costCents = s.cost.trim() ? parseMoney(s.cost) : null;
  if (s.cost.trim() && costCents == null) errors.cost = msg.cost;
  const raw = {
    title: s.title.trim(),
    need: s.need.trim(),
    goal: s.goal.trim(),
    description: s.description.trim(),
    districtIds: s.districtIds,
    leadDepartmentId: s.leadDepartmentId || null,
    partnerDepartmentIds: s.partnerDepartmentIds.filter((id) => id !== s.leadDepartmentId),
    externalActors: s.externalActors.trim(),
    targetGroups: s.targetGroups.trim(),
    costCents,
    horizon: (s.horizon || null) as Horizon | null,
    plannedStart: s.plannedStart || null,
    plannedEnd: s.plannedEnd || null,
    status: s.status,
    goalIds: s.goalIds,
    actionFieldIds: s.actionFieldIds,
    dimensionIds: s.dimensionIds,
    origin: s.origin.trim(),
    tags: splitTags(s.tags),
  };
  const parsed = MeasureCreate.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const f = formFieldOf(String(issue.path[0] ?? '_form'));
      if (errors[f]) continue;
      const max = (issue as { maximum?: unknown }).maximum;
      errors[f] =
        issue.code === 'too_big' && typeof max === 'number' ? msg.tooLong.replace('{n}', max.toLocaleString('de-DE'))
        : f === 'title' ? msg.title
        : f === 'plannedEnd' ? msg.dates
        : f === 'cost' ? msg.cost
        : issue.message;
    }
  }
  return { payload: parsed.success ? parsed.data : (raw as MeasurePayload), errors };
}

const norm = (v: unknown): string =>
  Array.isArray(v) ? JSON.stringify([...v].map(String).sort()) : v == null || v === '' ? '' : JSON.stringify(v);

/** Payload fields whose values differ between two versions (order of id lists does not count). */
export function diffFields(a: Partial<Record<PayloadField, unknown>>, b: Partial<Record<PayloadField, unknown>>): PayloadField[] {
  return PAYLOAD_FIELDS.filter((f) => norm(a[f]) !== norm(b[f]));
}

export function sameForm(a: MeasureFormState, b: MeasureFormState): boolean {
  return (Object.keys(a) as (keyof MeasureFormState)[]).every((k) => norm(a[k]) === norm(b[k]));
}
