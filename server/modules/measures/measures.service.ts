import type { Db } from '../../db/client';
import type { Actor } from '../../plugins/actor';
import type { Attachment, Measure, MeasureCreate, MeasureDetail, MeasureListItem, MeasurePage, MeasureQuery, MeasureStatus, MeasureUpdate, Priority } from '../../../contract/measures';
import { statusPriorityProblem } from '../../../domain/measure-state';
import { AppError, forbidden, notFound, versionConflict } from '../../errors';
import { recordAudit } from '../audit/audit.service';
import { assertIdsExist, lockRow } from '../concept/concept.service';
import { measureOrder, measureWhere, searchRank } from './measures.filter';
import { cachedPage, pageJson } from './list-cache';
import { notifyMeasureRoles } from '../notifications/measure-events';

/** API field ↔ column of the editable fields of a measure. */
const COLUMNS = {
  title: 'title', need: 'need', goal: 'goal', description: 'description', districtIds: 'district_ids',
  leadDepartmentId: 'lead_department_id', partnerDepartmentIds: 'partner_department_ids',
  externalActors: 'external_actors', targetGroups: 'target_groups', costCents: 'cost_cents', horizon: 'horizon',
  plannedStart: 'planned_start', plannedEnd: 'planned_end', status: 'status', goalIds: 'goal_ids',
  actionFieldIds: 'action_field_ids', dimensionIds: 'dimension_ids', origin: 'origin', tags: 'tags',
} as const;
type Field = keyof typeof COLUMNS;
const FIELDS = Object.keys(COLUMNS) as Field[];
const LONG_TEXT: Field[] = ['need', 'goal', 'description'];

const select = (fields: Field[]) =>
  `m.id, m.number, m.version, m.created_at AS "createdAt", m.updated_at AS "updatedAt",
   m.origin_workshop_id AS "originWorkshopId", m.origin_group_id AS "originGroupId", m.dots, m.dot_rank AS "dotRank", m.priority,
   ${fields.map((f) => `m.${COLUMNS[f]} AS "${f}"`).join(', ')}`;
const SELECT_FULL = select(FIELDS);
const SELECT_LIST = select(FIELDS.filter((f) => !LONG_TEXT.includes(f)));

type Row = Record<string, unknown> & { createdAt: Date; updatedAt: Date };
const iso = (r: Row) => ({ ...r, createdAt: new Date(r.createdAt).toISOString(), updatedAt: new Date(r.updatedAt).toISOString() });

async function getMeasureRow(db: Db, municipalityId: string, id: string): Promise<Measure> {
  const [row] = await db.query<Row>(`SELECT ${SELECT_FULL} FROM measure m WHERE m.municipality_id = $1 AND m.id = $2`, [municipalityId, id]);
  if (!row) throw notFound('measure');
  return iso(row) as unknown as Measure;
}

export async function listAttachments(db: Db, municipalityId: string, measureId: string): Promise<Attachment[]> {
  const rows = await db.query<{ id: string; filename: string; mimeType: string; sizeBytes: number; createdAt: Date }>(
    `SELECT id, filename, mime_type AS "mimeType", size_bytes AS "sizeBytes", created_at AS "createdAt"
     FROM attachment WHERE municipality_id = $1 AND measure_id = $2 ORDER BY created_at`,
    [municipalityId, measureId],
  );
  return rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt).toISOString() }));
}

export async function getMeasure(db: Db, actor: Pick<Actor, 'municipalityId'>, id: string): Promise<MeasureDetail> {
  const m = await getMeasureRow(db, actor.municipalityId, id);
  return { ...m, attachments: await listAttachments(db, actor.municipalityId, id) };
}

/** Coordinators edit every measure; a department member edits the measures their department leads. */
export function canEdit(actor: Actor, leadDepartmentId: string | null): boolean {
  if (actor.role === 'admin' || actor.role === 'coordinator') return true;
  return actor.role === 'department' && actor.departmentId != null && actor.departmentId === leadDepartmentId;
}

function assertCanEdit(actor: Actor, leadDepartmentId: string | null) {
  if (!canEdit(actor, leadDepartmentId)) {
    throw forbidden(actor.role === 'department' ? 'forbidden.lead_department_edit' : 'forbidden');
  }
}

async function assertLinks(db: Db, municipalityId: string, m: Partial<MeasureCreate>) {
  await assertIdsExist(db, municipalityId, 'district', m.districtIds, 'districtIds');
  await assertIdsExist(db, municipalityId, 'department', m.leadDepartmentId ? [m.leadDepartmentId] : [], 'leadDepartmentId');
  await assertIdsExist(db, municipalityId, 'department', m.partnerDepartmentIds, 'partnerDepartmentIds');
  await assertIdsExist(db, municipalityId, 'goal', m.goalIds, 'goalIds');
  await assertIdsExist(db, municipalityId, 'action_field', m.actionFieldIds, 'actionFieldIds');
  await assertIdsExist(db, municipalityId, 'dimension', m.dimensionIds, 'dimensionIds');
}

/** Status and priority class must agree (domain/measure-state.ts); 400 with the rule's code otherwise. */
function assertStatusFitsPriority(status: MeasureStatus, priority: Priority | null) {
  const problem = statusPriorityProblem(status, priority);
  if (problem) throw new AppError(400, problem.code, { key: problem.code, params: { priority } }, [{ path: ['status'], message: problem.message, key: problem.code, params: { priority } }]);
}

/** The lead department is never also a partner; lists hold each id once. */
function normalise<T extends Partial<MeasureCreate>>(m: T): T {
  const out = { ...m };
  const uniq = (a?: string[]) => (a ? [...new Set(a)] : a);
  out.districtIds = uniq(out.districtIds);
  out.goalIds = uniq(out.goalIds);
  out.actionFieldIds = uniq(out.actionFieldIds);
  out.dimensionIds = uniq(out.dimensionIds);
  out.tags = uniq(out.tags);
  if (out.partnerDepartmentIds) out.partnerDepartmentIds = uniq(out.partnerDepartmentIds)!.filter((d) => d !== out.leadDepartmentId);
  return out;
}

/**
 * Inserts one measure inside a running transaction (used by create, the import, workshops and the demo).
 * `priority` is not part of the API's create body (a class comes from a decision); only a class decided
 * before the measure came into Roter Faden (the demo's concept) is passed here, and it must fit the status.
 */
export async function insertMeasure(
  t: Db,
  actor: Pick<Actor, 'municipalityId' | 'userId' | 'userName'>,
  input: MeasureCreate & { priority?: Priority | null },
  origin: { workshopId: string; groupId: string | null } | null = null,
): Promise<string> {
  const { priority = null, ...rest } = input;
  const m = normalise(rest);
  assertStatusFitsPriority(m.status, priority);
  await assertLinks(t, actor.municipalityId, m);
  // The row lock on the municipality hands out brief numbers one after the other, even under concurrency.
  const [{ next }] = await t.query<{ next: number }>(
    `SELECT coalesce((SELECT max(number) FROM measure WHERE municipality_id = $1), 0) + 1 AS next
     FROM municipality WHERE id = $1 FOR UPDATE`,
    [actor.municipalityId],
  );
  const values = FIELDS.map((f) => m[f]);
  const [{ id }] = await t.query<{ id: string }>(
    `INSERT INTO measure (municipality_id, number, origin_workshop_id, origin_group_id, priority, ${FIELDS.map((f) => COLUMNS[f]).join(', ')})
     VALUES ($1, $2, $3, $4, $5, ${FIELDS.map((_, i) => `$${i + 6}`).join(', ')}) RETURNING id`,
    [actor.municipalityId, next, origin?.workshopId ?? null, origin?.groupId ?? null, priority, ...values],
  );
  const created = await getMeasureRow(t, actor.municipalityId, id);
  await recordAudit(t, actor, { entityType: 'measure', entityId: id, action: 'create', before: null, after: created });
  return id;
}

export async function createMeasure(db: Db, actor: Actor, input: MeasureCreate): Promise<MeasureDetail> {
  if (actor.role === 'department' && input.leadDepartmentId == null) input = { ...input, leadDepartmentId: actor.departmentId };
  assertCanEdit(actor, input.leadDepartmentId);
  const id = await db.tx(async (t) => {
    const newId = await insertMeasure(t, actor, input);
    await notifyMeasureRoles(t, actor, null, await getMeasureRow(t, actor.municipalityId, newId));
    return newId;
  });
  return getMeasure(db, actor, id);
}

export async function updateMeasure(db: Db, actor: Actor, id: string, input: MeasureUpdate): Promise<MeasureDetail> {
  await db.tx(async (t) => {
    await lockRow(t, 'measure', actor.municipalityId, id);
    const before = await getMeasureRow(t, actor.municipalityId, id);
    assertCanEdit(actor, before.leadDepartmentId);
    if (before.version !== input.version) throw versionConflict({ ...before, attachments: await listAttachments(t, actor.municipalityId, id) });
    const { version: _version, ...changes } = input;
    const next = normalise({ ...before, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) } as MeasureCreate);
    if (next.plannedStart && next.plannedEnd && next.plannedEnd < next.plannedStart) {
      throw new AppError(400, 'validation_failed', 'validation_failed.measure_end_before_start', [{ path: ['plannedEnd'], message: 'Ende vor Beginn' }]);
    }
    // The class is not edited here (decisions set it), so the new status must fit the class it has.
    assertStatusFitsPriority(next.status, before.priority);
    // A department member may not hand the measure to another department (they would lock themselves out).
    if (actor.role === 'department') assertCanEdit(actor, next.leadDepartmentId);
    await assertLinks(t, actor.municipalityId, changes);
    await t.query(
      `UPDATE measure SET version = version + 1, updated_at = now(), ${FIELDS.map((f, i) => `${COLUMNS[f]} = $${i + 3}`).join(', ')}
       WHERE municipality_id = $1 AND id = $2`,
      [actor.municipalityId, id, ...FIELDS.map((f) => next[f])],
    );
    const after = await getMeasureRow(t, actor.municipalityId, id);
    await recordAudit(t, actor, { entityType: 'measure', entityId: id, action: 'update', before, after });
    await notifyMeasureRoles(t, actor, before, after);
  });
  return getMeasure(db, actor, id);
}

export async function deleteMeasure(db: Db, actor: Actor, id: string, version: number) {
  await db.tx(async (t) => {
    await lockRow(t, 'measure', actor.municipalityId, id);
    const before = await getMeasureRow(t, actor.municipalityId, id);
    assertCanEdit(actor, before.leadDepartmentId);
    if (before.version !== version) throw versionConflict({ ...before, attachments: await listAttachments(t, actor.municipalityId, id) });
    await t.query('DELETE FROM measure WHERE municipality_id = $1 AND id = $2', [actor.municipalityId, id]);
    await recordAudit(t, actor, { entityType: 'measure', entityId: id, action: 'delete', before, after: null });
  });
}

/** One page of the filtered list; repeated lists and searches come from the cache (list-cache.ts). */
export async function listMeasures(db: Db, municipalityId: string, q: MeasureQuery): Promise<MeasurePage> {
  return (await cachedPage(db, municipalityId, q, () => queryMeasurePage(db, municipalityId, q))).value;
}

/** The same page as JSON, checked against the contract once per cached page (GET /measures). */
export async function listMeasuresJson(db: Db, municipalityId: string, q: MeasureQuery): Promise<string> {
  return pageJson(await cachedPage(db, municipalityId, q, () => queryMeasurePage(db, municipalityId, q)));
}

/** One page of the filtered list, straight from the database. */
export async function queryMeasurePage(db: Db, municipalityId: string, q: MeasureQuery): Promise<MeasurePage> {
  const f = measureWhere(municipalityId, q);
  const rank = f.search ? searchRank(f.search) : '0';
  const order = measureOrder(q.sort, !!f.search);
  const limit = f.p(q.pageSize);
  const offset = f.p((q.page - 1) * q.pageSize);
  // Count and sort narrow rows (id, rank, sort key) over all matches, then read the full rows of the
  // page only: the hundreds of matches of a search never carry their texts through the sort.
  const rows = await db.query<Row & { rank: number; total: number }>(
    `WITH page AS (
       SELECT m.id, ${rank} AS rank, count(*) OVER () AS total FROM measure m
       WHERE ${f.where} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset})
     SELECT ${SELECT_LIST}, page.rank, page.total FROM page
     JOIN measure m ON m.municipality_id = $1 AND m.id = page.id ORDER BY ${order}`,
    f.params,
  );
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && q.page > 1) {
    const c = measureWhere(municipalityId, q);
    [{ total }] = await db.query<{ total: number }>(`SELECT count(*) AS total FROM measure m WHERE ${c.where}`, c.params);
  }
  const items = rows.map(({ total: _t, ...r }) => iso(r) as unknown as MeasureListItem);
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/** All filtered measures with every field, for exports (no paging; ordered like the list). */
export async function listMeasuresFull(db: Db, municipalityId: string, q: Partial<MeasureQuery>): Promise<Measure[]> {
  const f = measureWhere(municipalityId, q);
  const rank = f.search ? searchRank(f.search) : '0';
  const rows = await db.query<Row>(
    `SELECT ${SELECT_FULL}, ${rank} AS rank FROM measure m WHERE ${f.where} ORDER BY ${measureOrder(q.sort, !!f.search)} LIMIT 50000`,
    f.params,
  );
  return rows.map(({ rank: _r, ...r }) => iso(r as Row) as unknown as Measure);
}
