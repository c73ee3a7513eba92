import type { Db } from '../../db/client';
import type { Actor } from '../../plugins/actor';
import type { Decision, ScoringRoundDetail } from '../../../contract/priorities';
import type { Horizon, Priority } from '../../../contract/measures';
import { AppError, versionConflict, type MessageKey } from '../../errors';
import { classDeviation, suggestedClass } from '../../../domain/scoring';
import { statusAfterDecision, type MeasureStatus } from '../../../domain/measure-state';
import { diff, recordAudit } from '../audit/audit.service';
import { computeRanking, getRound, roundRow } from './rounds.service';

interface ItemRow { decision_id: string; measure_id: string; priority: Priority; horizon: Horizon; computed_rank: number | null; computed_score: number | null; ranked_count: number }

export async function listDecisions(db: Db, municipalityId: string, roundId: string): Promise<Decision[]> {
  const decisions = await db.query<{ id: string; round_id: string | null; body: string; decided_on: string; note: string; created_by_name: string; created_at: Date }>(
    `SELECT id, round_id, body, decided_on, note, created_by_name, created_at FROM priority_decision
     WHERE municipality_id = $1 AND round_id = $2 ORDER BY created_at DESC`,
    [municipalityId, roundId],
  );
  if (!decisions.length) return [];
  const items = await db.query<ItemRow>(
    `SELECT i.decision_id, i.measure_id, i.priority, i.horizon, i.computed_rank, i.computed_score, i.ranked_count
     FROM priority_decision_item i JOIN measure m ON m.municipality_id = i.municipality_id AND m.id = i.measure_id
     WHERE i.municipality_id = $1 AND i.decision_id = ANY($2::uuid[]) ORDER BY i.computed_rank NULLS LAST, m.number`,
    [municipalityId, decisions.map((d) => d.id)],
  );
  return decisions.map((d) => ({
    id: d.id,
    roundId: d.round_id,
    body: d.body,
    decidedOn: d.decided_on,
    note: d.note,
    createdByName: d.created_by_name,
    createdAt: new Date(d.created_at).toISOString(),
    items: itemsOf(items.filter((i) => i.decision_id === d.id)),
  }));
}

/**
 * A decision's items with their suggestion and departure. A rank is shown as shared when another measure of
 * the same decision had it (the ranking's competition ranks: "1, 2, 2, 4"); the record keeps only the decided
 * measures' ranks, so a tie with a measure left out of the decision is not known here.
 */
function itemsOf(rows: ItemRow[]) {
  const perRank = new Map<number, number>();
  for (const i of rows) if (i.computed_rank != null) perRank.set(i.computed_rank, (perRank.get(i.computed_rank) ?? 0) + 1);
  return rows.map((i) => {
    const suggested = suggestedClass(i.computed_rank, i.ranked_count);
    return {
      measureId: i.measure_id, priority: i.priority, horizon: i.horizon, computedRank: i.computed_rank,
      computedTied: i.computed_rank != null && (perRank.get(i.computed_rank) ?? 0) > 1,
      computedScore: i.computed_score, suggestedClass: suggested, deviation: classDeviation(i.priority, suggested),
    };
  });
}

/**
 * Records a decision and applies it, all in one transaction: the decision with the computed rank of
 * each measure at this moment (so the record shows later where the decision departed from the
 * ranking), then per measure the priority class and horizon with a version bump and an audit entry
 * (the same entry recordAudit writes, inserted for all measures at once).
 * A measure edited meanwhile (stale version) fails the whole decision with 409.
 * Only the measures listed in `items` change: the rest of the round (unscored measures above all)
 * keeps status, class, horizon and version; the form preselects by domain/decision-scope.ts.
 */
export async function decide(
  db: Db, actor: Actor, roundId: string,
  input: { body: string; decidedOn: string; note: string; items: { measureId: string; priority: Priority; horizon: Horizon; version: number }[] },
): Promise<ScoringRoundDetail> {
  await db.tx(async (t) => {
    const r = await roundRow(t, actor.municipalityId, roundId, 'FOR SHARE');
    if (r.status === 'open') throw new AppError(409, 'round_not_revealed');
    const ranking = await computeRanking(t, actor.municipalityId, r);
    const seen = new Set<string>();
    const errors: { path: (string | number)[]; message: string; key: MessageKey }[] = [];
    input.items.forEach((it, i) => {
      if (!ranking.measureIds.includes(it.measureId)) errors.push({ path: ['items', i, 'measureId'], message: 'Die Maßnahme gehört nicht zu dieser Runde.', key: 'validation_failed.measure_not_in_round' });
      if (seen.has(it.measureId)) errors.push({ path: ['items', i, 'measureId'], message: 'Die Maßnahme steht doppelt in der Entscheidung.', key: 'validation_failed.measure_twice' });
      seen.add(it.measureId);
    });
    if (errors.length) throw new AppError(400, 'validation_failed', errors[0].key, errors);
    const [{ id: decisionId }] = await t.query<{ id: string }>(
      `INSERT INTO priority_decision (municipality_id, round_id, body, decided_on, note, created_by, created_by_name) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [actor.municipalityId, roundId, input.body, input.decidedOn, input.note, actor.userId, actor.userName],
    );
    // All measures locked in one statement, in id order (two decisions at once cannot deadlock).
    const ids = input.items.map((it) => it.measureId);
    const current = await t.query<{ id: string; version: number; priority: Priority | null; horizon: Horizon | null; status: MeasureStatus; title: string }>(
      'SELECT id, version, priority, horizon, status, title FROM measure WHERE municipality_id = $1 AND id = ANY($2::uuid[]) ORDER BY id FOR UPDATE',
      [actor.municipalityId, ids],
    );
    const byId = new Map(current.map((m) => [m.id, m]));
    for (const it of input.items) {
      const m = byId.get(it.measureId)!;
      if (m.version !== it.version) throw versionConflict({ measureId: it.measureId, title: m.title, version: m.version, priority: m.priority, horizon: m.horizon });
    }
    // One statement each for the measures, their audit entries and the decision's items, however many.
    // A decided idea or brief is now "prioritised"; a measure already further along keeps its status
    // (domain/measure-state.ts: with the class it gets here, status and class agree either way).
    const applied = input.items.map((it) => ({ ...it, status: statusAfterDecision(byId.get(it.measureId)!.status) }));
    await t.query(
      `UPDATE measure m SET priority = v.priority, horizon = v.horizon, status = v.status, version = m.version + 1, updated_at = now()
       FROM jsonb_to_recordset($2::jsonb) AS v(id uuid, priority text, horizon text, status text)
       WHERE m.municipality_id = $1 AND m.id = v.id`,
      [actor.municipalityId, JSON.stringify(applied.map((it) => ({ id: it.measureId, priority: it.priority, horizon: it.horizon, status: it.status })))],
    );
    const label = `${input.body}, ${input.decidedOn}`;
    const audits = applied.map((it) => {
      const m = byId.get(it.measureId)!;
      return { id: it.measureId, changes: diff({ priority: m.priority, horizon: m.horizon, status: m.status }, { priority: it.priority, horizon: it.horizon, status: it.status, decision: label }) };
    });
    await t.query(
      `INSERT INTO audit_event (municipality_id, entity_type, entity_id, action, actor_id, actor_name, changes)
       SELECT $1, 'measure', a.id, 'update', $2, $3, a.changes FROM jsonb_to_recordset($4::jsonb) AS a(id text, changes jsonb)`,
      [actor.municipalityId, actor.userId, actor.userName, JSON.stringify(audits)],
    );
    const rankOf = new Map(ranking.rows.map((x) => [x.measureId, x]));
    await t.query(
      `INSERT INTO priority_decision_item (municipality_id, decision_id, measure_id, priority, horizon, computed_rank, computed_score, ranked_count)
       SELECT $1, $2, i.measure_id, i.priority, i.horizon, i.computed_rank, i.computed_score, $3
       FROM jsonb_to_recordset($4::jsonb) AS i(measure_id uuid, priority text, horizon text, computed_rank int, computed_score numeric)`,
      [actor.municipalityId, decisionId, ranking.rankedCount, JSON.stringify(input.items.map((it) => {
        const row = rankOf.get(it.measureId)!;
        return {
          measure_id: it.measureId, priority: it.priority, horizon: it.horizon, computed_rank: row.rank,
          computed_score: row.combined == null ? null : Math.round(row.combined * 100) / 100,
        };
      }))],
    );
    await recordAudit(t, actor, {
      entityType: 'priorityDecision', entityId: decisionId, action: 'create', before: null,
      after: { roundId, body: input.body, decidedOn: input.decidedOn, note: input.note, items: input.items.map(({ version: _v, ...i }) => i) },
    });
  });
  return getRound(db, actor, roundId);
}
