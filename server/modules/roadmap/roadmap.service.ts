import type { Db } from '../../db/client';
import type { Actor } from '../../plugins/actor';
import type { Dependency, MeasureRef, MeasureRoadmap, Milestone, Roadmap, RoadmapGroup, RoadmapItem, RoadmapQuery } from '../../../contract/roadmap';
import { findViolations } from '../../../domain/dependencies';
import { forbidden, notFound } from '../../errors';
import { canEdit } from '../measures/measures.service';
import { measureWhere } from '../measures/measures.filter';

export const REF = `m.id, m.number, m.title, m.status, m.planned_start AS "plannedStart", m.planned_end AS "plannedEnd"`;
const ITEM = `${REF}, m.priority, m.horizon, m.lead_department_id AS "leadDepartmentId", m.district_ids AS "districtIds", m.action_field_ids AS "actionFieldIds"`;
export const MILESTONE = `id, measure_id AS "measureId", title, due_on AS "dueOn", done, version`;

/** Rows of one group stay together across pages: ordered by the group's first id, then by start. */
const GROUP_ORDER: Record<RoadmapGroup, string> = {
  none: 'm.planned_start, m.number',
  district: 'm.district_ids[1] NULLS LAST, m.planned_start, m.number',
  actionField: 'm.action_field_ids[1] NULLS LAST, m.planned_start, m.number',
  department: 'm.lead_department_id NULLS LAST, m.planned_start, m.number',
};

const DATED = 'm.planned_start IS NOT NULL AND m.planned_end IS NOT NULL';

function where(municipalityId: string, q: Partial<RoadmapQuery>, dated: boolean) {
  const f = measureWhere(municipalityId, q);
  return { ...f, where: `${f.where} AND ${dated ? DATED : `NOT (${DATED})`}` };
}

export async function milestonesOf(db: Db, municipalityId: string, measureIds: string[]): Promise<Milestone[]> {
  if (measureIds.length === 0) return [];
  return db.query<Milestone>(
    `SELECT ${MILESTONE} FROM milestone WHERE municipality_id = $1 AND measure_id = ANY($2::uuid[]) ORDER BY due_on, title`,
    [municipalityId, measureIds],
  );
}

/** Dependencies with at least one end among the given measures. */
export async function dependenciesTouching(db: Db, municipalityId: string, measureIds: string[]): Promise<Dependency[]> {
  if (measureIds.length === 0) return [];
  return db.query<Dependency>(
    `SELECT measure_id AS "measureId", depends_on_id AS "dependsOnId" FROM measure_dependency
     WHERE municipality_id = $1 AND (measure_id = ANY($2::uuid[]) OR depends_on_id = ANY($2::uuid[]))`,
    [municipalityId, measureIds],
  );
}

export async function refs(db: Db, municipalityId: string, ids: string[]): Promise<MeasureRef[]> {
  if (ids.length === 0) return [];
  return db.query<MeasureRef>(`SELECT ${REF} FROM measure m WHERE m.municipality_id = $1 AND m.id = ANY($2::uuid[]) ORDER BY m.number`, [municipalityId, ids]);
}

const span = (m: MeasureRef) => ({ id: m.id, start: m.plannedStart, end: m.plannedEnd });

/** One page of the shared roadmap (see contract/roadmap.ts). */
export async function roadmapPage(db: Db, municipalityId: string, q: RoadmapQuery): Promise<Roadmap> {
  const f = where(municipalityId, q, true);
  const u = where(municipalityId, q, false);
  const c = measureWhere(municipalityId, q);
  const cWhere = c.where;
  const limit = f.p(q.pageSize);
  const offset = f.p((q.page - 1) * q.pageSize);
  // One pass over the filtered measures counts both kinds and finds the date range.
  const [items, [stats], undated] = await Promise.all([
    db.query<Omit<RoadmapItem, 'milestones'>>(`SELECT ${ITEM} FROM measure m WHERE ${f.where} ORDER BY ${GROUP_ORDER[q.group]} LIMIT ${limit} OFFSET ${offset}`, f.params),
    db.query<{ total: number; undatedTotal: number; start: string | null; end: string | null }>(
      `SELECT (count(*) FILTER (WHERE ${DATED}))::int AS total, (count(*) FILTER (WHERE NOT (${DATED})))::int AS "undatedTotal",
              min(m.planned_start) FILTER (WHERE ${DATED}) AS start, max(m.planned_end) FILTER (WHERE ${DATED}) AS "end"
       FROM measure m WHERE ${cWhere}`,
      c.params,
    ),
    db.query<MeasureRef>(`SELECT ${REF} FROM measure m WHERE ${u.where} ORDER BY m.number LIMIT 200`, u.params),
  ]);
  const undatedTotal = stats.undatedTotal;
  const ids = items.map((i) => i.id);
  const [milestones, dependencies] = await Promise.all([milestonesOf(db, municipalityId, ids), dependenciesTouching(db, municipalityId, ids)]);
  const onPage = new Set(ids);
  const otherIds = [...new Set(dependencies.flatMap((d) => [d.measureId, d.dependsOnId]).filter((id) => !onPage.has(id)))];
  const others = await refs(db, municipalityId, otherIds);
  const byMeasure = new Map<string, Milestone[]>();
  for (const m of milestones) byMeasure.set(m.measureId, [...(byMeasure.get(m.measureId) ?? []), m]);
  const violations = findViolations([...items.map(span), ...others.map(span)], dependencies, milestones);
  return {
    items: items.map((i) => ({ ...i, milestones: byMeasure.get(i.id) ?? [] })),
    total: Number(stats.total),
    page: q.page,
    pageSize: q.pageSize,
    range: stats.start && stats.end ? { start: stats.start, end: stats.end } : null,
    undated: { items: undated, total: Number(undatedTotal) },
    dependencies,
    refs: others,
    violations,
  };
}

/** All dated measures of the filter for the PDF (bounded: a council paper, not a data dump). */
export async function roadmapAll(db: Db, municipalityId: string, q: Omit<RoadmapQuery, 'page' | 'pageSize'>, max = 1000) {
  const page = await roadmapPage(db, municipalityId, { ...q, page: 1, pageSize: max } as RoadmapQuery);
  return page;
}

export async function getMeasureRef(db: Db, municipalityId: string, id: string) {
  const [m] = await db.query<MeasureRef & { leadDepartmentId: string | null; version: number }>(
    `SELECT ${REF}, m.lead_department_id AS "leadDepartmentId", m.version FROM measure m WHERE m.municipality_id = $1 AND m.id = $2`,
    [municipalityId, id],
  );
  if (!m) throw notFound('measure');
  return m;
}

/** Milestones, dependencies (both directions) and broken dates of one measure. */
export async function measureRoadmap(db: Db, municipalityId: string, id: string): Promise<MeasureRoadmap> {
  const m = await getMeasureRef(db, municipalityId, id);
  const [milestones, deps] = await Promise.all([milestonesOf(db, municipalityId, [id]), dependenciesTouching(db, municipalityId, [id])]);
  const other = await refs(db, municipalityId, deps.map((d) => (d.measureId === id ? d.dependsOnId : d.measureId)));
  const byId = new Map(other.map((o) => [o.id, o]));
  return {
    measureId: id,
    version: m.version,
    plannedStart: m.plannedStart,
    plannedEnd: m.plannedEnd,
    milestones,
    dependsOn: deps.filter((d) => d.measureId === id).map((d) => byId.get(d.dependsOnId)!).filter(Boolean),
    dependents: deps.filter((d) => d.dependsOnId === id).map((d) => byId.get(d.measureId)!).filter(Boolean),
    violations: findViolations([span(m), ...other.map(span)], deps, milestones),
  };
}

/** Milestones and dependencies follow the measure's rule: coordinators, or the lead department. */
export function assertCanPlan(actor: Actor, leadDepartmentId: string | null) {
  if (!canEdit(actor, leadDepartmentId)) {
    throw forbidden(actor.role === 'department' ? 'forbidden.lead_department_plan' : 'forbidden');
  }
}
