import { createHash } from 'node:crypto';
import type { Db } from '../../db/client';
import type { Actor } from '../../plugins/actor';
import type { NeighbourMeasure, Neighbours, PairRecord, RelatedMeasure, SynergyPage, SynergyPair, SynergyQuery } from '../../../contract/synergies';
import { orderedPair, pairKey, textWordForms } from '../../../domain/synergy';
import { conflict, forbidden, invalid, notFound } from '../../errors';
import { recordAudit } from '../audit/audit.service';
import { listVersion } from '../measures/list-cache';
import { buildIndex, findPairs, scoreIndexed, unpack, type IndexRow, type SynergyIndex } from './synergy-index';

// ---------------------------------------------------------------------------------------------------
// The index, cached per municipality and data version

interface Cached { version: string; index: Promise<SynergyIndex> }
const indexes = new Map<string, Cached>();
const MAX_CACHED = 16;

/**
 * Changes whenever a transaction writes measures of the municipality (`measure_list_version`, bumped at
 * commit by a trigger, migration 0007 – the same version the list cache uses). Scores depend on the data
 * only (no longer on today's date: periods come from planned dates alone). Each app instance checks it per
 * request, so instances sharing one PostgreSQL never serve a stale index.
 */
async function dataVersion(db: Db, municipalityId: string): Promise<string> {
  return String(await listVersion(db, municipalityId));
}

/** Per municipality: each measure's words by its version, so a rebuild after one edit splits one text, not 10,000. */
const wordCache = new Map<string, Map<string, { version: number; forms: Map<string, string> }>>();

async function loadIndex(db: Db, municipalityId: string): Promise<SynergyIndex> {
  // All briefs as one JSON text: handing 10,000 rows with four arrays each out of PGlite one by one took
  // ≈ 230 ms of a ≈ 370 ms rebuild, as JSON ≈ 100 ms (docs/benchmarks.md).
  const [{ json }] = await db.query<{ json: string | null }>(
    `SELECT json_agg(json_build_object('id', id, 'number', number, 'title', title, 'version', version, 'leadDepartmentId', lead_department_id,
              'districtIds', district_ids, 'goalIds', goal_ids, 'actionFieldIds', action_field_ids, 'plannedStart', planned_start,
              'plannedEnd', planned_end, 'externalActors', external_actors) ORDER BY number)::text AS json
       FROM measure WHERE municipality_id = $1`,
    [municipalityId],
  );
  const rows = JSON.parse(json ?? '[]') as IndexRow[];
  const words = wordCache.get(municipalityId) ?? new Map<string, { version: number; forms: Map<string, string> }>();
  wordCache.set(municipalityId, words);
  const stale = rows.filter((r) => words.get(r.id)?.version !== r.version).map((r) => r.id);
  if (stale.length) {
    const texts = await db.query<{ id: string; version: number; text: string }>(
      `SELECT id, version, title || ' ' || goal || ' ' || description AS text FROM measure WHERE municipality_id = $1 AND id = ANY($2::uuid[])`,
      [municipalityId, stale],
    );
    for (const t of texts) words.set(t.id, { version: t.version, forms: textWordForms(t.text) });
  }
  const live = new Set(rows.map((r) => r.id));
  for (const id of words.keys()) if (!live.has(id)) words.delete(id);
  // a measure changed between the two queries keeps its newer words; the next version check rebuilds anyway
  return buildIndex(rows.map((r) => ({ ...r, forms: words.get(r.id)?.forms ?? new Map() })));
}

export async function synergyIndex(db: Db, municipalityId: string): Promise<SynergyIndex> {
  const version = await dataVersion(db, municipalityId);
  const hit = indexes.get(municipalityId);
  if (hit?.version === version) return hit.index;
  const index = loadIndex(db, municipalityId);
  indexes.delete(municipalityId);
  if (indexes.size >= MAX_CACHED) {
    const oldest = indexes.keys().next().value!;
    indexes.delete(oldest);
    wordCache.delete(oldest);
  }
  indexes.set(municipalityId, { version, index });
  index.catch(() => indexes.delete(municipalityId));
  return index;
}

// ---------------------------------------------------------------------------------------------------
// Lists

async function assertDepartment(db: Db, municipalityId: string, departmentId: string | undefined) {
  if (!departmentId) return;
  const [d] = await db.query('SELECT 1 FROM department WHERE municipality_id = $1 AND id = $2', [municipalityId, departmentId]);
  if (!d) throw notFound('department');
}

interface MarkRow { a: string; b: string; by: string | null; at: Date }

const ref = (ix: SynergyIndex, i: number) => {
  const m = ix.items[i];
  return { id: m.id, number: m.number, title: m.title, leadDepartmentId: m.leadDepartmentId, version: m.version };
};

function pairOf(ix: SynergyIndex, i: number, j: number, status: SynergyPair['status'], mark?: { by: string | null; at: Date }): SynergyPair {
  // shown in the order of their numbers, whichever list the pair comes from
  if (ix.items[i].number > ix.items[j].number) [i, j] = [j, i];
  const scored = scoreIndexed(ix, i, j);
  const a = ref(ix, i);
  const b = ref(ix, j);
  return {
    key: pairKey(a.id, b.id), a, b, score: scored?.score ?? 0, reasons: scored?.reasons ?? [], status,
    by: mark?.by ?? null, at: mark ? new Date(mark.at).toISOString() : null,
  };
}

/**
 * Open pairs, best first, without dismissed and already related ones; or the dismissed / related pairs
 * (newest first, with their current score). With a department: only pairs where one measure is its own.
 */
export async function listSynergies(db: Db, municipalityId: string, q: SynergyQuery): Promise<SynergyPage> {
  await assertDepartment(db, municipalityId, q.department);
  const ix = await synergyIndex(db, municipalityId);
  const offset = (q.page - 1) * q.pageSize;
  if (q.status !== 'open') {
    const table = q.status === 'related' ? 'measure_relation' : 'synergy_dismissal';
    const [by, at] = q.status === 'related' ? ['created_by_name', 'created_at'] : ['dismissed_by_name', 'dismissed_at'];
    const scope = q.department
      ? `AND EXISTS (SELECT 1 FROM measure m WHERE m.municipality_id = $1 AND m.id IN (p.measure_a, p.measure_b) AND m.lead_department_id = $2)`
      : '';
    const params = q.department ? [municipalityId, q.department] : [municipalityId];
    const rows = await db.query<MarkRow & { total: number }>(
      `SELECT measure_a AS a, measure_b AS b, ${by} AS by, ${at} AS at, count(*) OVER () AS total
       FROM ${table} p WHERE p.municipality_id = $1 ${scope}
       ORDER BY ${at} DESC, measure_a, measure_b LIMIT ${q.pageSize} OFFSET ${offset}`,
      params,
    );
    const items = rows
      .map((r) => [ix.byId.get(r.a), ix.byId.get(r.b), r] as const)
      .filter((x): x is [number, number, MarkRow & { total: number }] => x[0] !== undefined && x[1] !== undefined)
      .map(([i, j, r]) => pairOf(ix, i, j, q.status, r));
    return { items, total: rows[0]?.total ?? 0, page: q.page, pageSize: q.pageSize };
  }
  const marks = await db.query<{ a: string; b: string }>(
    'SELECT measure_a AS a, measure_b AS b FROM measure_relation WHERE municipality_id = $1 UNION ALL SELECT measure_a, measure_b FROM synergy_dismissal WHERE municipality_id = $1 ORDER BY 1, 2',
    [municipalityId],
  );
  const keys = await openPairs(ix, q, marks);
  const items = [...keys.subarray(offset, offset + q.pageSize)].map((k) => {
    const { i, j } = unpack(k);
    return pairOf(ix, i, j, 'open');
  });
  return { items, total: keys.length, page: q.page, pageSize: q.pageSize };
}

/**
 * The sorted open pairs of one query, kept with the index (so a new data version drops them) for the next
 * pages and the next visitors; confirming or dismissing a pair changes the marks' hash and so the key.
 */
const results = new WeakMap<SynergyIndex, Map<string, Float64Array>>();
const MAX_RESULTS = 8;

async function openPairs(ix: SynergyIndex, q: SynergyQuery, marks: { a: string; b: string }[]): Promise<Float64Array> {
  const hash = createHash('sha1');
  for (const r of marks) hash.update(`${r.a}${r.b}`);
  const key = `${q.department ?? '*'}|${q.minScore}|${hash.digest('hex')}`;
  let cache = results.get(ix);
  if (!cache) results.set(ix, (cache = new Map()));
  const hit = cache.get(key);
  if (hit) return hit;
  const exclude = new Map<number, Set<number>>();
  const add = (x: number, y: number) => (exclude.get(x) ?? exclude.set(x, new Set()).get(x)!).add(y);
  for (const r of marks) {
    const i = ix.byId.get(r.a);
    const j = ix.byId.get(r.b);
    if (i !== undefined && j !== undefined) {
      add(i, j);
      add(j, i);
    }
  }
  const found = findPairs(ix, { departmentId: q.department, minScore: q.minScore, exclude });
  if (cache.size >= MAX_RESULTS) cache.delete(cache.keys().next().value!);
  cache.set(key, found);
  return found;
}

// ---------------------------------------------------------------------------------------------------
// Confirm, dismiss, undo

interface PairMeasure { id: string; lead: string | null }

/**
 * Both measures must exist in the municipality (404 otherwise); admins and coordinators act on every
 * pair, a department member only on pairs that touch a measure their department leads.
 */
async function authorisePair(db: Db, actor: Actor, ids: [string, string]): Promise<[string, string]> {
  if (ids[0] === ids[1]) throw invalid('validation_failed.same_measure', [{ path: ['measureIds'], message: 'gleiche Maßnahme' }]);
  const rows = await db.query<PairMeasure>('SELECT id, lead_department_id AS lead FROM measure WHERE municipality_id = $1 AND id = ANY($2::uuid[])', [actor.municipalityId, ids]);
  if (rows.length !== 2) throw notFound('measure');
  if (actor.role === 'department' && !rows.some((r) => actor.departmentId != null && r.lead === actor.departmentId)) {
    throw forbidden('forbidden.synergy_pair');
  }
  return orderedPair(ids[0], ids[1]);
}

const record = (r: MarkRow): PairRecord => ({ key: pairKey(r.a, r.b), measureIds: [r.a, r.b], by: r.by, at: new Date(r.at).toISOString() });

/** Confirms a pair as related (shown on both measures); a dismissal of the same pair is lifted. */
export async function relate(db: Db, actor: Actor, ids: [string, string]): Promise<PairRecord> {
  // The score at the time of confirming, kept for the record; computed before the transaction, which stays short.
  const ix = await synergyIndex(db, actor.municipalityId);
  const i = ix.byId.get(ids[0]);
  const j = ix.byId.get(ids[1]);
  const score = i !== undefined && j !== undefined ? (scoreIndexed(ix, i, j)?.score ?? 0) : 0;
  return db.tx(async (t) => {
    const [a, b] = await authorisePair(t, actor, ids);
    const [row] = await t.query<MarkRow>(
      `INSERT INTO measure_relation (municipality_id, measure_a, measure_b, score, created_by, created_by_name) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT DO NOTHING RETURNING measure_a AS a, measure_b AS b, created_by_name AS by, created_at AS at`,
      [actor.municipalityId, a, b, score, actor.userId, actor.userName],
    );
    if (!row) throw conflict('conflict.already_related');
    await t.query('DELETE FROM synergy_dismissal WHERE municipality_id = $1 AND measure_a = $2 AND measure_b = $3', [actor.municipalityId, a, b]);
    await recordAudit(t, actor, { entityType: 'measure_relation', entityId: pairKey(a, b), action: 'create', before: null, after: { measureIds: [a, b], score } });
    return record(row);
  });
}

/** Dismisses a pair for good: it stays out of the open list until someone undoes it. */
export async function dismiss(db: Db, actor: Actor, ids: [string, string]): Promise<PairRecord> {
  return db.tx(async (t) => {
    const [a, b] = await authorisePair(t, actor, ids);
    const [related] = await t.query('SELECT 1 FROM measure_relation WHERE municipality_id = $1 AND measure_a = $2 AND measure_b = $3', [actor.municipalityId, a, b]);
    if (related) throw conflict('conflict.related_first');
    const [row] = await t.query<MarkRow>(
      `INSERT INTO synergy_dismissal (municipality_id, measure_a, measure_b, dismissed_by, dismissed_by_name) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING RETURNING measure_a AS a, measure_b AS b, dismissed_by_name AS by, dismissed_at AS at`,
      [actor.municipalityId, a, b, actor.userId, actor.userName],
    );
    if (!row) throw conflict('conflict.already_dismissed');
    await recordAudit(t, actor, { entityType: 'synergy_dismissal', entityId: pairKey(a, b), action: 'create', before: null, after: { measureIds: [a, b] } });
    return record(row);
  });
}

/** Unlinks a related pair, or undoes a dismissal (the pair may then show up again). */
export async function removeMark(db: Db, actor: Actor, kind: 'relation' | 'dismissal', ids: [string, string]): Promise<void> {
  await db.tx(async (t) => {
    const [a, b] = await authorisePair(t, actor, ids);
    const table = kind === 'relation' ? 'measure_relation' : 'synergy_dismissal';
    const rows = await t.query<{ a: string }>(`DELETE FROM ${table} WHERE municipality_id = $1 AND measure_a = $2 AND measure_b = $3 RETURNING measure_a AS a`, [actor.municipalityId, a, b]);
    if (!rows.length) throw notFound(kind === 'relation' ? 'relation' : 'dismissedPair');
    await recordAudit(t, actor, { entityType: table, entityId: pairKey(a, b), action: 'delete', before: { measureIds: [a, b] }, after: null });
  });
}

/** The measures confirmed as related to one measure (both directions). */
export async function relatedMeasures(db: Db, municipalityId: string, measureId: string): Promise<RelatedMeasure[]> {
  const [exists] = await db.query('SELECT 1 FROM measure WHERE municipality_id = $1 AND id = $2', [municipalityId, measureId]);
  if (!exists) throw notFound('measure');
  return (
    await db.query<Omit<RelatedMeasure, 'at'> & { at: Date }>(
      `SELECT m.id, m.number, m.title, m.lead_department_id AS "leadDepartmentId", m.version, m.status, r.created_by_name AS by, r.created_at AS at
       FROM measure_relation r
       JOIN measure m ON m.municipality_id = r.municipality_id AND m.id = CASE WHEN r.measure_a = $2 THEN r.measure_b ELSE r.measure_a END
       WHERE r.municipality_id = $1 AND (r.measure_a = $2 OR r.measure_b = $2)
       ORDER BY m.number`,
      [municipalityId, measureId],
    )
  ).map((r) => ({ ...r, at: new Date(r.at).toISOString() }));
}

// ---------------------------------------------------------------------------------------------------
// What other departments plan in my districts

const NEIGHBOURS_PER_DISTRICT = 50;

export async function neighbours(db: Db, municipalityId: string, departmentId: string): Promise<Neighbours> {
  await assertDepartment(db, municipalityId, departmentId);
  const rows = await db.query<NeighbourMeasure & { districtId: string; name: string; own: number; total: number; rn: number }>(
    `WITH mine AS (
       SELECT d AS district_id, count(*) AS own FROM measure, unnest(district_ids) AS d
       WHERE municipality_id = $1 AND lead_department_id = $2 GROUP BY d
     ), theirs AS (
       SELECT mine.district_id, mine.own, m.id, m.number, m.title, m.lead_department_id, m.status, m.horizon, m.planned_start, m.planned_end, m.cost_cents,
              row_number() OVER (PARTITION BY mine.district_id ORDER BY m.number) AS rn,
              count(*) OVER (PARTITION BY mine.district_id) AS total
       FROM mine JOIN measure m ON m.municipality_id = $1 AND m.district_ids @> ARRAY[mine.district_id] AND m.lead_department_id IS DISTINCT FROM $2
     )
     SELECT d.id AS "districtId", d.name, mine.own, t.total, t.rn, t.id, t.number, t.title, t.lead_department_id AS "leadDepartmentId", t.status, t.horizon,
            t.planned_start AS "plannedStart", t.planned_end AS "plannedEnd", t.cost_cents AS "costCents"
     FROM mine JOIN district d ON d.municipality_id = $1 AND d.id = mine.district_id
     LEFT JOIN theirs t ON t.district_id = mine.district_id AND t.rn <= ${NEIGHBOURS_PER_DISTRICT}
     ORDER BY d.name, t.number`,
    [municipalityId, departmentId],
  );
  const byDistrict = new Map<string, Neighbours['districts'][number]>();
  for (const r of rows) {
    let d = byDistrict.get(r.districtId);
    if (!d) byDistrict.set(r.districtId, (d = { districtId: r.districtId, name: r.name, own: r.own, total: r.total ?? 0, measures: [] }));
    if (r.id) {
      d.measures.push({ id: r.id, number: r.number, title: r.title, leadDepartmentId: r.leadDepartmentId, status: r.status, horizon: r.horizon, plannedStart: r.plannedStart, plannedEnd: r.plannedEnd, costCents: r.costCents });
    }
  }
  return { departmentId, districts: [...byDistrict.values()] };
}
