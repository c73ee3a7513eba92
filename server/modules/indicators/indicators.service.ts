import type { Db } from '../../db/client';
import type { Actor } from '../../plugins/actor';
import type { Indicator, IndicatorInput, IndicatorList, IndicatorTarget, IndicatorUpdate, IndicatorValue, IndicatorValueInput } from '../../../contract/indicators';
import { evaluateIndicator, ruleList } from '../../../domain/indicators';
import { AppError, forbidden, invalid, notFound, versionConflict } from '../../errors';
import { recordAudit } from '../audit/audit.service';
import { assertIdsExist, lockRow } from '../concept/concept.service';

const isEditor = (actor: Actor) => actor.role === 'admin' || actor.role === 'coordinator';
/** Coordinators and admins enter values; so do members of the department responsible for the indicator. */
export const canEnterValues = (actor: Actor, departmentId: string | null) =>
  isEditor(actor) || (actor.role === 'department' && actor.departmentId != null && actor.departmentId === departmentId);

const today = () => new Date().toISOString().slice(0, 10);

interface Row {
  id: string; goalId: string; name: string; unit: string; source: string; baselineValue: string | number; baselineDate: string;
  kind: Indicator['kind']; departmentId: string | null; departmentName: string | null; version: number;
}
const SELECT = `SELECT i.id, i.goal_id AS "goalId", i.name, i.unit, i.source, i.baseline_value AS "baselineValue",
  to_char(i.baseline_date, 'YYYY-MM-DD') AS "baselineDate", i.kind, i.department_id AS "departmentId", d.name AS "departmentName", i.version
  FROM indicator i LEFT JOIN department d ON d.municipality_id = i.municipality_id AND d.id = i.department_id`;

const n = (v: string | number | null) => (v == null ? null : Number(v));

async function load(db: Db, actor: Actor, where: string, params: unknown[]): Promise<Indicator[]> {
  const rows = await db.query<Row>(`${SELECT} WHERE i.municipality_id = $1 AND ${where} ORDER BY lower(i.name), i.id`, [actor.municipalityId, ...params]);
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const targets = await db.query<{ indicatorId: string; date: string; value: string | null; min: string | null; max: string | null }>(
    `SELECT indicator_id AS "indicatorId", to_char(target_date, 'YYYY-MM-DD') AS date, value, min_value AS min, max_value AS max
     FROM indicator_target WHERE municipality_id = $1 AND indicator_id = ANY($2::uuid[]) ORDER BY target_date`,
    [actor.municipalityId, ids],
  );
  const values = await db.query<{ indicatorId: string; id: string; date: string; value: string; note: string; enteredBy: string | null; createdAt: Date | string }>(
    `SELECT v.indicator_id AS "indicatorId", v.id, to_char(v.measured_on, 'YYYY-MM-DD') AS date, v.value, v.note, u.name AS "enteredBy", v.created_at AS "createdAt"
     FROM indicator_value v LEFT JOIN app_user u ON u.id = v.entered_by
     WHERE v.municipality_id = $1 AND v.indicator_id = ANY($2::uuid[]) ORDER BY v.measured_on`,
    [actor.municipalityId, ids],
  );
  return rows.map((r) => {
    const ts: IndicatorTarget[] = targets.filter((t) => t.indicatorId === r.id).map((t) => ({ date: t.date, value: n(t.value), min: n(t.min), max: n(t.max) }));
    const vs: IndicatorValue[] = values.filter((v) => v.indicatorId === r.id)
      .map((v) => ({ id: v.id, date: v.date, value: Number(v.value), note: v.note, enteredBy: v.enteredBy, createdAt: new Date(v.createdAt).toISOString() }));
    const baselineValue = Number(r.baselineValue);
    const e = evaluateIndicator({ kind: r.kind, baselineValue, baselineDate: r.baselineDate, targets: ts }, vs, today());
    return {
      ...r, baselineValue, targets: ts, values: vs,
      evaluation: { state: e.state, rule: e.rule, reason: e.reason, expected: e.expected, range: e.range },
      canEnterValues: canEnterValues(actor, r.departmentId),
    };
  });
}

async function assertGoal(db: Db, municipalityId: string, goalId: string) {
  const [g] = await db.query('SELECT 1 FROM goal WHERE municipality_id = $1 AND id = $2', [municipalityId, goalId]);
  if (!g) throw notFound('goal');
}

export async function getIndicator(db: Db, actor: Actor, id: string): Promise<Indicator> {
  const [i] = await load(db, actor, 'i.id = $2', [id]);
  if (!i) throw notFound('indicator');
  return i;
}

export async function listIndicators(db: Db, actor: Actor, goalId: string): Promise<IndicatorList> {
  await assertGoal(db, actor.municipalityId, goalId);
  return { items: await load(db, actor, 'i.goal_id = $2', [goalId]), canEdit: isEditor(actor), rules: ruleList() };
}

/** A target path fits its kind: a value for increase/decrease, a range (min ≤ max) for ranges; one target a date. */
function checkTargets(kind: Indicator['kind'], baselineDate: string, targets: IndicatorTarget[]) {
  const dates = new Set<string>();
  targets.forEach((t, i) => {
    const at = { n: i + 1 };
    if (kind === 'within_range') {
      if (t.min == null || t.max == null || t.value != null) throw invalid({ key: 'indicator_target_range', params: at });
      if (t.min > t.max) throw invalid({ key: 'indicator_target_order', params: at });
    } else if (t.value == null || t.min != null || t.max != null) throw invalid({ key: 'indicator_target_value', params: at });
    if (t.date <= baselineDate) throw invalid({ key: 'indicator_target_date', params: at });
    if (dates.has(t.date)) throw invalid({ key: 'indicator_target_twice', params: at });
    dates.add(t.date);
  });
}

async function writeTargets(db: Db, municipalityId: string, id: string, targets: IndicatorTarget[]) {
  await db.query('DELETE FROM indicator_target WHERE municipality_id = $1 AND indicator_id = $2', [municipalityId, id]);
  for (const t of targets) {
    await db.query('INSERT INTO indicator_target (municipality_id, indicator_id, target_date, value, min_value, max_value) VALUES ($1, $2, $3, $4, $5, $6)',
      [municipalityId, id, t.date, t.value, t.min, t.max]);
  }
}

async function assertUniqueName(db: Db, municipalityId: string, goalId: string, name: string, exceptId: string | null) {
  const [dup] = await db.query('SELECT 1 FROM indicator WHERE municipality_id = $1 AND goal_id = $2 AND lower(name) = lower($3) AND id IS DISTINCT FROM $4',
    [municipalityId, goalId, name, exceptId]);
  if (dup) throw new AppError(409, 'conflict', { key: 'conflict.indicator_name', params: { name } });
}

/** What the audit trail keeps of an indicator: its definition, not the derived state. */
const audited = (i: Indicator) => ({ name: i.name, unit: i.unit, source: i.source, baselineValue: i.baselineValue, baselineDate: i.baselineDate,
  kind: i.kind, department: i.departmentName, targets: i.targets.map((t) => (t.value != null ? `${t.date}: ${t.value}` : `${t.date}: ${t.min}–${t.max}`)).join('; ') });

export async function createIndicator(db: Db, actor: Actor, goalId: string, input: IndicatorInput): Promise<Indicator> {
  return db.tx(async (t) => {
    await assertGoal(t, actor.municipalityId, goalId);
    checkTargets(input.kind, input.baselineDate, input.targets);
    if (input.departmentId) await assertIdsExist(t, actor.municipalityId, 'department', [input.departmentId], 'departmentId');
    await assertUniqueName(t, actor.municipalityId, goalId, input.name, null);
    const [{ id }] = await t.query<{ id: string }>(
      `INSERT INTO indicator (municipality_id, goal_id, name, unit, source, baseline_value, baseline_date, kind, department_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [actor.municipalityId, goalId, input.name, input.unit, input.source, input.baselineValue, input.baselineDate, input.kind, input.departmentId],
    );
    await writeTargets(t, actor.municipalityId, id, input.targets);
    const created = await getIndicator(t, actor, id);
    await recordAudit(t, actor, { entityType: 'indicator', entityId: id, action: 'create', before: null, after: audited(created) });
    return created;
  });
}

export async function updateIndicator(db: Db, actor: Actor, id: string, input: IndicatorUpdate): Promise<Indicator> {
  return db.tx(async (t) => {
    await lockRow(t, 'indicator', actor.municipalityId, id);
    const before = await getIndicator(t, actor, id);
    if (before.version !== input.version) throw versionConflict(before);
    const next = { ...before, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) } as Indicator & IndicatorUpdate;
    checkTargets(next.kind, next.baselineDate, next.targets);
    if (input.departmentId) await assertIdsExist(t, actor.municipalityId, 'department', [input.departmentId], 'departmentId');
    if (input.name !== undefined) await assertUniqueName(t, actor.municipalityId, before.goalId, input.name, id);
    await t.query(
      `UPDATE indicator SET version = version + 1, name = $3, unit = $4, source = $5, baseline_value = $6, baseline_date = $7, kind = $8, department_id = $9
       WHERE municipality_id = $1 AND id = $2`,
      [actor.municipalityId, id, next.name, next.unit, next.source, next.baselineValue, next.baselineDate, next.kind, next.departmentId],
    );
    if (input.targets) await writeTargets(t, actor.municipalityId, id, input.targets);
    const after = await getIndicator(t, actor, id);
    await recordAudit(t, actor, { entityType: 'indicator', entityId: id, action: 'update', before: audited(before), after: audited(after) });
    return after;
  });
}

export async function deleteIndicator(db: Db, actor: Actor, id: string, version: number) {
  await db.tx(async (t) => {
    await lockRow(t, 'indicator', actor.municipalityId, id);
    const before = await getIndicator(t, actor, id);
    if (before.version !== version) throw versionConflict(before);
    await t.query('DELETE FROM indicator WHERE municipality_id = $1 AND id = $2', [actor.municipalityId, id]);
    await recordAudit(t, actor, { entityType: 'indicator', entityId: id, action: 'delete', before: audited(before), after: null });
  });
}

async function insertValue(db: Db, actor: Actor, indicatorId: string, v: IndicatorValueInput) {
  const [dup] = await db.query<{ id: string }>('SELECT id FROM indicator_value WHERE municipality_id = $1 AND indicator_id = $2 AND measured_on = $3',
    [actor.municipalityId, indicatorId, v.date]);
  if (dup) throw new AppError(409, 'conflict', { key: 'conflict.indicator_value_date', params: { date: v.date } }, { existingId: dup.id });
  const [{ id }] = await db.query<{ id: string }>(
    'INSERT INTO indicator_value (municipality_id, indicator_id, measured_on, value, note, entered_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
    [actor.municipalityId, indicatorId, v.date, v.value, v.note, actor.userId],
  );
  return id;
}

/** A measured value; one a date (409 for a second). The indicator row is locked so that two entries of one date queue. */
export async function addValue(db: Db, actor: Actor, indicatorId: string, input: IndicatorValueInput): Promise<IndicatorValue> {
  return db.tx(async (t) => {
    await lockRow(t, 'indicator', actor.municipalityId, indicatorId);
    const i = await getIndicator(t, actor, indicatorId);
    if (!i.canEnterValues) throw forbidden('forbidden.indicator_values');
    const id = await insertValue(t, actor, indicatorId, input);
    await recordAudit(t, actor, { entityType: 'indicator', entityId: indicatorId, action: 'update', before: { Messwert: null }, after: { Messwert: `${input.date}: ${input.value}` } });
    return (await getIndicator(t, actor, indicatorId)).values.find((v) => v.id === id)!;
  });
}

export async function deleteValue(db: Db, actor: Actor, indicatorId: string, valueId: string) {
  await db.tx(async (t) => {
    await lockRow(t, 'indicator', actor.municipalityId, indicatorId);
    const i = await getIndicator(t, actor, indicatorId);
    const v = i.values.find((x) => x.id === valueId);
    if (!v) throw notFound('indicatorValue');
    if (!i.canEnterValues) throw forbidden('forbidden.indicator_values');
    await t.query('DELETE FROM indicator_value WHERE municipality_id = $1 AND id = $2', [actor.municipalityId, valueId]);
    await recordAudit(t, actor, { entityType: 'indicator', entityId: indicatorId, action: 'update', before: { Messwert: `${v.date}: ${v.value}` }, after: { Messwert: null } });
  });
}

export { insertValue, load as loadIndicators, isEditor };
