import type { Db } from '../../db/client';
import type { Actor } from '../../plugins/actor';
import type { Decision, ScoringRoundDetail } from '../../../contract/priorities';
import type { Horizon, Priority } from '../../../contract/measures';
import { AppError, versionConflict } from '../../errors';
import { classDeviation, suggestedClass } from '../../../domain/scoring';
import { recordAudit } from '../audit/audit.service';
import { lockRow } from '../concept/concept.service';
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
    items: items
      .filter((i) => i.decision_id === d.id)
      .map((i) => {
        const suggested = suggestedClass(i.computed_rank, i.ranked_count);
        return {
          measureId: i.measure_id, priority: i.priority, horizon: i.horizon, computedRank: i.computed_rank,
          computedScore: i.computed_score, suggestedClass: suggested, deviation: classDeviation(i.priority, suggested),
        };
      }),
  }));
}

/**
 * Records a decision and applies it, all in one transaction: the decision with the computed rank of
 * each measure at this moment (so the record shows later where the decision departed from the
 * ranking), then per measure the priority class and horizon with a version bump and an audit entry.
 * A measure edited meanwhile (stale version) fails the whole decision with 409.
 */
export async function decide(
  db: Db, actor: Actor, roundId: string,
  input: { body: string; decidedOn: string; note: string; items: { measureId: string; priority: Priority; horizon: Horizon; version: number }[] },
): Promise<ScoringRoundDetail> {
  await db.tx(async (t) => {
    const r = await roundRow(t, actor.municipalityId, roundId, 'FOR SHARE');
    if (r.status === 'open') throw new AppError(409, 'round_not_revealed', 'Bitte decken Sie die Bewertungen zuerst auf: entschieden wird über die sichtbare Rangfolge.');
    const ranking = await computeRanking(t, actor.municipalityId, r);
    const seen = new Set<string>();
    const errors: { path: (string | number)[]; message: string }[] = [];
    input.items.forEach((it, i) => {
      if (!ranking.measureIds.includes(it.measureId)) errors.push({ path: ['items', i, 'measureId'], message: 'Die Maßnahme gehört nicht zu dieser Runde.' });
      if (seen.has(it.measureId)) errors.push({ path: ['items', i, 'measureId'], message: 'Die Maßnahme steht doppelt in der Entscheidung.' });
      seen.add(it.measureId);
    });
    if (errors.length) throw new AppError(400, 'validation_failed', errors[0].message, errors);
    const [{ id: decisionId }] = await t.query<{ id: string }>(
      `INSERT INTO priority_decision (municipality_id, round_id, body, decided_on, note, created_by, created_by_name) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [actor.municipalityId, roundId, input.body, input.decidedOn, input.note, actor.userId, actor.userName],
    );
    for (const it of input.items) {
      await lockRow(t, 'measure', actor.municipalityId, it.measureId);
      const [m] = await t.query<{ version: number; priority: Priority | null; horizon: Horizon | null; title: string }>(
        'SELECT version, priority, horizon, title FROM measure WHERE municipality_id = $1 AND id = $2',
        [actor.municipalityId, it.measureId],
      );
      if (m.version !== it.version) throw versionConflict({ measureId: it.measureId, title: m.title, version: m.version, priority: m.priority, horizon: m.horizon });
      await t.query(
        'UPDATE measure SET priority = $3, horizon = $4, version = version + 1, updated_at = now() WHERE municipality_id = $1 AND id = $2',
        [actor.municipalityId, it.measureId, it.priority, it.horizon],
      );
      await recordAudit(t, actor, {
        entityType: 'measure', entityId: it.measureId, action: 'update',
        before: { priority: m.priority, horizon: m.horizon },
        after: { priority: it.priority, horizon: it.horizon, decision: `${input.body}, ${input.decidedOn}` },
      });
      const row = ranking.rows.find((x) => x.measureId === it.measureId)!;
      await t.query(
        `INSERT INTO priority_decision_item (municipality_id, decision_id, measure_id, priority, horizon, computed_rank, computed_score, ranked_count)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [actor.municipalityId, decisionId, it.measureId, it.priority, it.horizon, row.rank, row.combined == null ? null : Math.round(row.combined * 100) / 100, ranking.rankedCount],
      );
    }
    await recordAudit(t, actor, {
      entityType: 'priorityDecision', entityId: decisionId, action: 'create', before: null,
      after: { roundId, body: input.body, decidedOn: input.decidedOn, note: input.note, items: input.items.map(({ version: _v, ...i }) => i) },
    });
  });
  return getRound(db, actor, roundId);
}
