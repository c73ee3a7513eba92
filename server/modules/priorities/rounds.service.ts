import type { Db } from '../../db/client';
import { EDITORS, type Actor } from '../../plugins/actor';
import type { Criterion, RoundOptions, ScoreEntry, ScoringRoundCreate, ScoringRoundDetail, ScoringRoundSummary, ScoringStatus } from '../../../contract/priorities';
import { AppError, notFound, versionConflict } from '../../errors';
import { scoreRound, suggestedClass } from '../../../domain/scoring';
import { recordAudit } from '../audit/audit.service';
import { getCriteria } from './criteria.service';
import { listDecisions } from './decisions.service';

export interface RoundRow {
  id: string;
  name: string;
  status: ScoringStatus;
  criteria: Criterion[];
  dot_round_id: string | null;
  dot_weight: number;
  created_at: Date;
  revealed_at: Date | null;
  closed_at: Date | null;
  version: number;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export async function roundRow(db: Db, municipalityId: string, id: string, lock: '' | 'FOR UPDATE' | 'FOR SHARE' = ''): Promise<RoundRow> {
  const [r] = await db.query<RoundRow>(`SELECT * FROM scoring_round WHERE municipality_id = $1 AND id = $2 ${lock}`, [municipalityId, id]);
  if (!r) throw notFound('scoringRound');
  return r;
}

async function roundMeasureIds(db: Db, municipalityId: string, roundId: string): Promise<string[]> {
  const rows = await db.query<{ measure_id: string }>('SELECT measure_id FROM scoring_round_measure WHERE municipality_id = $1 AND round_id = $2 ORDER BY position', [municipalityId, roundId]);
  return rows.map((r) => r.measure_id);
}

async function raterIdsOf(db: Db, municipalityId: string, roundId: string): Promise<string[]> {
  const rows = await db.query<{ user_id: string }>('SELECT user_id FROM scoring_round_rater WHERE municipality_id = $1 AND round_id = $2', [municipalityId, roundId]);
  return rows.map((r) => r.user_id);
}

/**
 * All scores of a round. They travel as one JSON array of compact tuples rather than one row each:
 * a large round (200 measures × 6 criteria × 20 raters) is 24,000 rows, and decoding rows value by
 * value cost ten times as much as one JSON.parse (bench/priorities.ts).
 */
export async function allScores(db: Db, municipalityId: string, roundId: string): Promise<ScoreEntry[]> {
  const [{ scores }] = await db.query<{ scores: [string, string, string, number, string][] | string | null }>(
    `SELECT json_agg(json_build_array(measure_id, criterion_id, rater_id, value, comment)) AS scores
     FROM priority_score WHERE municipality_id = $1 AND round_id = $2`,
    [municipalityId, roundId],
  );
  const tuples = typeof scores === 'string' ? (JSON.parse(scores) as [string, string, string, number, string][]) : (scores ?? []);
  return tuples.map(([measureId, criterionId, raterId, value, comment]) => ({ measureId, criterionId, raterId, value, comment }));
}

/**
 * Dots per measure in a closed dot-voting round of a workshop (items refer to briefs by ref_id): one
 * entry for every measure on the ballot, 0 when it got no dot. A measure without an entry was not on
 * the ballot, and scoreRound does not count the dots for it at all.
 */
async function dotsOf(db: Db, municipalityId: string, dotRoundId: string): Promise<Record<string, number>> {
  const rows = await db.query<{ ref_id: string; dots: number }>(
    `SELECT i.ref_id, count(d.id)::int AS dots FROM vote_item i LEFT JOIN dot d ON d.municipality_id = i.municipality_id AND d.item_id = i.id
     WHERE i.municipality_id = $1 AND i.round_id = $2 AND i.ref_id IS NOT NULL GROUP BY i.ref_id`,
    [municipalityId, dotRoundId],
  );
  return Object.fromEntries(rows.map((r) => [r.ref_id, r.dots]));
}

/** The ranking of a round as computed now (used for the results and frozen into a decision). */
export async function computeRanking(db: Db, municipalityId: string, r: RoundRow) {
  // One query after the other: db may be a transaction's single connection.
  const measureIds = await roundMeasureIds(db, municipalityId, r.id);
  const raterIds = await raterIdsOf(db, municipalityId, r.id);
  const scores = await allScores(db, municipalityId, r.id);
  const dots = r.dot_round_id ? await dotsOf(db, municipalityId, r.dot_round_id) : null;
  const rows = scoreRound({ criteria: r.criteria, measureIds, raterIds, scores, dots, dotWeight: r.dot_weight / 100 });
  const rankedCount = rows.filter((x) => x.rank != null).length;
  return { rows: rows.map((x) => ({ ...x, suggestedClass: suggestedClass(x.rank, rankedCount) })), rankedCount, measureIds, raterIds, scores };
}

const canManage = (actor: Actor) => EDITORS.includes(actor.role);

export async function listRounds(db: Db, actor: Actor): Promise<ScoringRoundSummary[]> {
  const rows = await db.query<{
    id: string; name: string; status: ScoringStatus; created_at: Date; version: number; criteria_count: number;
    measure_count: number; rater_count: number; score_count: number; my_count: number; is_rater: boolean;
  }>(
    `SELECT r.id, r.name, r.status, r.created_at, r.version, jsonb_array_length(r.criteria) AS criteria_count,
       (SELECT count(*)::int FROM scoring_round_measure m WHERE m.municipality_id = r.municipality_id AND m.round_id = r.id) AS measure_count,
       (SELECT count(*)::int FROM scoring_round_rater x WHERE x.municipality_id = r.municipality_id AND x.round_id = r.id) AS rater_count,
       (SELECT count(*)::int FROM priority_score s WHERE s.municipality_id = r.municipality_id AND s.round_id = r.id) AS score_count,
       (SELECT count(*)::int FROM priority_score s WHERE s.municipality_id = r.municipality_id AND s.round_id = r.id AND s.rater_id = $2) AS my_count,
       EXISTS (SELECT 1 FROM scoring_round_rater x WHERE x.municipality_id = r.municipality_id AND x.round_id = r.id AND x.user_id = $2) AS is_rater
     FROM scoring_round r WHERE r.municipality_id = $1 ORDER BY r.created_at DESC`,
    [actor.municipalityId, actor.userId],
  );
  return rows.map((r) => {
    const perRater = r.measure_count * r.criteria_count;
    return {
      id: r.id, name: r.name, status: r.status, measureCount: r.measure_count, raterCount: r.rater_count,
      progress: { done: r.score_count, total: perRater * r.rater_count },
      myProgress: r.is_rater ? { done: r.my_count, total: perRater } : null,
      createdAt: iso(r.created_at)!, version: r.version,
    };
  });
}

/**
 * The round as the actor may see it. Until the reveal a rater sees only their own scores, and nobody
 * sees others' values or the ranking; managers see progress and WHERE raters diverge (no values), so
 * they can plan the discussion.
 */
export async function getRound(db: Db, actor: Actor, id: string): Promise<ScoringRoundDetail> {
  const r = await roundRow(db, actor.municipalityId, id);
  const visible = r.status !== 'open';
  const manage = canManage(actor);
  // Only who may see divergences or results needs everyone's scores: for a rater before the reveal
  // nothing but their own scores and the counts leaves the database.
  const ranking = visible || manage ? await computeRanking(db, actor.municipalityId, r) : null;
  const measures = await db.query<ScoringRoundDetail['measures'][number]>(
    `SELECT m.id, m.number, m.title, m.status, m.priority, m.horizon, m.cost_cents AS "costCents", m.version
     FROM scoring_round_measure rm JOIN measure m ON m.municipality_id = rm.municipality_id AND m.id = rm.measure_id
     WHERE rm.municipality_id = $1 AND rm.round_id = $2 ORDER BY rm.position`,
    [actor.municipalityId, id],
  );
  const raters = await db.query<{ id: string; name: string; done: number }>(
    `SELECT u.id, u.name, (SELECT count(*)::int FROM priority_score s
       WHERE s.municipality_id = x.municipality_id AND s.round_id = x.round_id AND s.rater_id = x.user_id) AS done
     FROM scoring_round_rater x JOIN app_user u ON u.id = x.user_id
     WHERE x.municipality_id = $1 AND x.round_id = $2 ORDER BY u.name`,
    [actor.municipalityId, id],
  );
  const myScores = ranking
    ? ranking.scores.filter((s) => s.raterId === actor.userId)
    : await db.query<ScoreEntry>(
        `SELECT measure_id AS "measureId", criterion_id AS "criterionId", rater_id AS "raterId", value, comment
         FROM priority_score WHERE municipality_id = $1 AND round_id = $2 AND rater_id = $3`,
        [actor.municipalityId, id, actor.userId],
      );
  const dotRound = r.dot_round_id
    ? await db.query<{ id: string; title: string; workshopTitle: string }>(
        `SELECT v.id, v.title, w.title AS "workshopTitle" FROM vote_round v JOIN workshop w ON w.municipality_id = v.municipality_id AND w.id = v.workshop_id
         WHERE v.municipality_id = $1 AND v.id = $2`,
        [actor.municipalityId, r.dot_round_id],
      )
    : [];
  const decisions = await listDecisions(db, actor.municipalityId, id);
  const perRater = measures.length * r.criteria.length;
  const divergences = ranking
    ? ranking.rows.flatMap((row) => row.divergences.map((d) => ({ measureId: row.measureId, criterionId: d.criterionId })))
    : [];
  return {
    id: r.id,
    name: r.name,
    status: r.status,
    criteria: r.criteria,
    measures,
    raters: raters.map(({ done, ...x }) => ({ ...x, progress: { done, total: perRater } })),
    dotRound: dotRound[0] ?? null,
    dotWeight: r.dot_weight,
    isRater: raters.some((x) => x.id === actor.userId),
    canManage: manage,
    myScores,
    scores: visible && ranking ? ranking.scores : [],
    progress: { done: raters.reduce((a, x) => a + x.done, 0), total: perRater * raters.length },
    divergences,
    results: visible && ranking ? ranking.rows : null,
    decisions,
    createdAt: iso(r.created_at)!,
    revealedAt: iso(r.revealed_at),
    closedAt: iso(r.closed_at),
    version: r.version,
  };
}

async function assertMeasures(db: Db, municipalityId: string, ids: string[]) {
  const found = await db.query<{ id: string }>('SELECT id FROM measure WHERE municipality_id = $1 AND id = ANY($2::uuid[])', [municipalityId, ids]);
  const missing = ids.filter((id) => !found.some((f) => f.id === id));
  if (missing.length) throw new AppError(400, 'validation_failed', { key: 'validation_failed.unknown_measures', params: { n: missing.length } }, [{ path: ['measureIds'], message: 'Unbekannte Maßnahme', ids: missing }]);
}

async function assertRaters(db: Db, municipalityId: string, ids: string[]) {
  const found = await db.query<{ user_id: string }>('SELECT user_id FROM membership WHERE municipality_id = $1 AND user_id = ANY($2::uuid[])', [municipalityId, ids]);
  const missing = ids.filter((id) => !found.some((f) => f.user_id === id));
  if (missing.length) throw new AppError(400, 'validation_failed', 'validation_failed.raters_not_members', [{ path: ['raterIds'], message: 'Kein Mitglied der Kommune', ids: missing }]);
}

/** Only a closed dot round on briefs counts: an open one would change the ranking under the raters' feet. */
async function assertDotRound(db: Db, municipalityId: string, dotRoundId: string | null, dotWeight: number) {
  if (!dotRoundId) {
    if (dotWeight > 0) throw new AppError(400, 'validation_failed', 'validation_failed.dot_weight_without_round', [{ path: ['dotWeight'], message: 'Keine Punkteabfrage gewählt' }]);
    return;
  }
  const [v] = await db.query<{ status: string; subject: string }>('SELECT status, subject FROM vote_round WHERE municipality_id = $1 AND id = $2', [municipalityId, dotRoundId]);
  if (!v || v.status !== 'closed' || v.subject !== 'measures') {
    throw new AppError(400, 'dot_round_invalid', 'dot_round_invalid', [{ path: ['dotRoundId'], message: 'Keine abgeschlossene Punkteabfrage zu Maßnahmen' }]);
  }
}

const uniq = (a: string[]) => [...new Set(a)];

async function setMembers(t: Db, municipalityId: string, roundId: string, measureIds?: string[], raterIds?: string[]) {
  if (measureIds) {
    // Measures taken out lose their scores (cascade); the rest keep theirs.
    await t.query('DELETE FROM scoring_round_measure WHERE municipality_id = $1 AND round_id = $2 AND NOT (measure_id = ANY($3::uuid[]))', [municipalityId, roundId, measureIds]);
    for (const [position, mid] of measureIds.entries()) {
      await t.query(
        `INSERT INTO scoring_round_measure (municipality_id, round_id, measure_id, position) VALUES ($1, $2, $3, $4)
         ON CONFLICT (municipality_id, round_id, measure_id) DO UPDATE SET position = EXCLUDED.position`,
        [municipalityId, roundId, mid, position],
      );
    }
  }
  if (raterIds) {
    await t.query('DELETE FROM scoring_round_rater WHERE municipality_id = $1 AND round_id = $2 AND NOT (user_id = ANY($3::uuid[]))', [municipalityId, roundId, raterIds]);
    for (const uid of raterIds) {
      await t.query('INSERT INTO scoring_round_rater (municipality_id, round_id, user_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [municipalityId, roundId, uid]);
    }
  }
}

export async function createRound(db: Db, actor: Actor, input: ScoringRoundCreate): Promise<ScoringRoundDetail> {
  const measureIds = uniq(input.measureIds);
  const raterIds = uniq(input.raterIds);
  const dotRoundId = input.dotRoundId ?? null;
  const dotWeight = input.dotWeight ?? 0;
  await assertMeasures(db, actor.municipalityId, measureIds);
  await assertRaters(db, actor.municipalityId, raterIds);
  await assertDotRound(db, actor.municipalityId, dotRoundId, dotWeight);
  const { criteria } = await getCriteria(db, actor.municipalityId);
  const id = await db.tx(async (t) => {
    const [{ id }] = await t.query<{ id: string }>(
      `INSERT INTO scoring_round (municipality_id, name, criteria, dot_round_id, dot_weight, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [actor.municipalityId, input.name, JSON.stringify(criteria), dotRoundId, dotWeight, actor.userId],
    );
    await setMembers(t, actor.municipalityId, id, measureIds, raterIds);
    await recordAudit(t, actor, { entityType: 'scoringRound', entityId: id, action: 'create', before: null, after: { name: input.name, measureIds, raterIds, dotRoundId, dotWeight } });
    return id;
  });
  return getRound(db, actor, id);
}

export async function updateRound(
  db: Db, actor: Actor, id: string,
  input: { version: number; name?: string; measureIds?: string[]; raterIds?: string[]; dotRoundId?: string | null; dotWeight?: number },
): Promise<ScoringRoundDetail> {
  await db.tx(async (t) => {
    const r = await roundRow(t, actor.municipalityId, id, 'FOR UPDATE');
    if (r.version !== input.version) throw versionConflict(await getRound(t, actor, id));
    if (r.status === 'closed') throw new AppError(409, 'round_closed', 'round_closed.scoring');
    const measureIds = input.measureIds && uniq(input.measureIds);
    const raterIds = input.raterIds && uniq(input.raterIds);
    if (measureIds) await assertMeasures(t, actor.municipalityId, measureIds);
    if (raterIds) await assertRaters(t, actor.municipalityId, raterIds);
    const dotRoundId = input.dotRoundId !== undefined ? input.dotRoundId : r.dot_round_id;
    const dotWeight = input.dotWeight ?? (input.dotRoundId === null ? 0 : r.dot_weight);
    await assertDotRound(t, actor.municipalityId, dotRoundId, dotWeight);
    const before = { name: r.name, measureIds: await roundMeasureIds(t, actor.municipalityId, id), raterIds: await raterIdsOf(t, actor.municipalityId, id), dotRoundId: r.dot_round_id, dotWeight: r.dot_weight };
    await t.query(
      'UPDATE scoring_round SET name = $3, dot_round_id = $4, dot_weight = $5, version = version + 1 WHERE municipality_id = $1 AND id = $2',
      [actor.municipalityId, id, input.name ?? r.name, dotRoundId, dotWeight],
    );
    await setMembers(t, actor.municipalityId, id, measureIds, raterIds);
    const after = { name: input.name ?? r.name, measureIds: measureIds ?? before.measureIds, raterIds: raterIds ?? before.raterIds, dotRoundId, dotWeight };
    await recordAudit(t, actor, { entityType: 'scoringRound', entityId: id, action: 'update', before, after });
  });
  return getRound(db, actor, id);
}

export async function deleteRound(db: Db, actor: Actor, id: string, version: number) {
  await db.tx(async (t) => {
    const r = await roundRow(t, actor.municipalityId, id, 'FOR UPDATE');
    if (r.version !== version) throw versionConflict(await getRound(t, actor, id));
    await t.query('DELETE FROM scoring_round WHERE municipality_id = $1 AND id = $2', [actor.municipalityId, id]);
    await recordAudit(t, actor, { entityType: 'scoringRound', entityId: id, action: 'delete', before: { name: r.name, status: r.status }, after: null });
  });
}

/** Reveal (open → revealed) and close (open or revealed → closed; closing also reveals). */
export async function changeStatus(db: Db, actor: Actor, id: string, version: number, to: 'revealed' | 'closed'): Promise<ScoringRoundDetail> {
  await db.tx(async (t) => {
    const r = await roundRow(t, actor.municipalityId, id, 'FOR UPDATE');
    if (r.version !== version) throw versionConflict(await getRound(t, actor, id));
    const allowed = to === 'revealed' ? r.status === 'open' : r.status !== 'closed';
    if (!allowed) {
      throw new AppError(409, 'invalid_status', to === 'revealed' ? 'invalid_status' : 'invalid_status.closed');
    }
    await t.query(
      // clock_timestamp(), not now(): the moment the lock was held, after every score in flight committed
      `UPDATE scoring_round SET status = $3, revealed_at = coalesce(revealed_at, clock_timestamp()),
         closed_at = CASE WHEN $3 = 'closed' THEN clock_timestamp() ELSE closed_at END,
         version = version + 1 WHERE municipality_id = $1 AND id = $2`,
      [actor.municipalityId, id, to],
    );
    await recordAudit(t, actor, { entityType: 'scoringRound', entityId: id, action: 'update', before: { status: r.status }, after: { status: to } });
  });
  return getRound(db, actor, id);
}

/** What a coordinator picks from when creating a round: the members and the closed dot rounds on briefs. */
export async function roundOptions(db: Db, municipalityId: string): Promise<RoundOptions> {
  const [raters, dotRounds] = await Promise.all([
    db.query<RoundOptions['raters'][number]>(
      `SELECT u.id, u.name, ms.role, d.name AS "departmentName" FROM membership ms JOIN app_user u ON u.id = ms.user_id
       LEFT JOIN department d ON d.municipality_id = ms.municipality_id AND d.id = ms.department_id
       WHERE ms.municipality_id = $1 ORDER BY u.name`,
      [municipalityId],
    ),
    db.query<{ id: string; title: string; workshopTitle: string; closed_at: Date | null; totalDots: number; measureIds: string[] }>(
      `SELECT v.id, v.title, w.title AS "workshopTitle", v.closed_at,
         (SELECT count(*)::int FROM dot d WHERE d.municipality_id = v.municipality_id AND d.round_id = v.id) AS "totalDots",
         (SELECT coalesce(array_agg(i.ref_id::text ORDER BY i.ref_id), '{}') FROM vote_item i
          WHERE i.municipality_id = v.municipality_id AND i.round_id = v.id AND i.ref_id IS NOT NULL) AS "measureIds"
       FROM vote_round v JOIN workshop w ON w.municipality_id = v.municipality_id AND w.id = v.workshop_id
       WHERE v.municipality_id = $1 AND v.status = 'closed' AND v.subject = 'measures' ORDER BY v.closed_at DESC NULLS LAST`,
      [municipalityId],
    ),
  ]);
  return { raters, dotRounds: dotRounds.map(({ closed_at, ...v }) => ({ ...v, closedAt: iso(closed_at) })) };
}
