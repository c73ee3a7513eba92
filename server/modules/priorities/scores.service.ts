import type { Db } from '../../db/client';
import type { Actor } from '../../plugins/actor';
import type { ScoringRoundDetail } from '../../../contract/priorities';
import { AppError, type MessageKey } from '../../errors';
import { recordAudit } from '../audit/audit.service';
import { getRound, roundRow } from './rounds.service';

type ScoreInput = { measureId: string; criterionId: string; value: number | null; comment: string };

/**
 * A rater saves their own scores (a null value removes one). Nobody can write another person's
 * scores: the rater is always the signed-in user. The round row is share-locked, so a concurrent
 * close waits for scores in flight and no score lands after it.
 */
export async function saveScores(db: Db, actor: Actor, roundId: string, scores: ScoreInput[]): Promise<ScoringRoundDetail> {
  await db.tx(async (t) => {
    const r = await roundRow(t, actor.municipalityId, roundId, 'FOR SHARE');
    const [rater] = await t.query('SELECT 1 FROM scoring_round_rater WHERE municipality_id = $1 AND round_id = $2 AND user_id = $3', [actor.municipalityId, roundId, actor.userId]);
    if (!rater) throw new AppError(403, 'not_a_rater');
    if (r.status === 'closed') throw new AppError(409, 'round_closed');
    const measures = new Set(
      (await t.query<{ measure_id: string }>('SELECT measure_id FROM scoring_round_measure WHERE municipality_id = $1 AND round_id = $2', [actor.municipalityId, roundId])).map((x) => x.measure_id),
    );
    const criteria = new Set(r.criteria.map((c) => c.id));
    const errors: { path: (string | number)[]; message: string; key: MessageKey }[] = [];
    scores.forEach((s, i) => {
      if (!measures.has(s.measureId)) errors.push({ path: ['scores', i, 'measureId'], message: 'Die Maßnahme gehört nicht zu dieser Runde.', key: 'validation_failed.measure_not_in_round' });
      if (!criteria.has(s.criterionId)) errors.push({ path: ['scores', i, 'criterionId'], message: 'Das Kriterium gehört nicht zu dieser Runde.', key: 'validation_failed.criterion_not_in_round' });
    });
    if (errors.length) throw new AppError(400, 'validation_failed', errors[0].key, errors);
    for (const s of scores) {
      if (s.value == null) {
        await t.query(
          'DELETE FROM priority_score WHERE municipality_id = $1 AND round_id = $2 AND measure_id = $3 AND criterion_id = $4 AND rater_id = $5',
          [actor.municipalityId, roundId, s.measureId, s.criterionId, actor.userId],
        );
      } else {
        await t.query(
          // clock_timestamp(): when the score was written, comparable with the round's closed_at
          `INSERT INTO priority_score (municipality_id, round_id, measure_id, criterion_id, rater_id, value, comment, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, clock_timestamp())
           ON CONFLICT (municipality_id, round_id, measure_id, criterion_id, rater_id) DO UPDATE SET value = EXCLUDED.value, comment = EXCLUDED.comment, updated_at = EXCLUDED.updated_at`,
          [actor.municipalityId, roundId, s.measureId, s.criterionId, actor.userId, s.value, s.comment],
        );
      }
    }
    // The trail records that this rater scored, not the values: the audit list must not reveal
    // scores before the coordinator does.
    const [{ n }] = await t.query<{ n: number }>('SELECT count(*)::int AS n FROM priority_score WHERE municipality_id = $1 AND round_id = $2 AND rater_id = $3', [actor.municipalityId, roundId, actor.userId]);
    await recordAudit(t, actor, { entityType: 'scoringRound', entityId: roundId, action: 'update', before: {}, after: { scoresSaved: scores.length, scoresOfRater: n } });
  });
  return getRound(db, actor, roundId);
}
