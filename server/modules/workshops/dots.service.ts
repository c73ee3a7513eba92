import type { Db } from '../../db/client';
import type { MyRound } from '../../../contract/workshops';
import { AppError } from '../../errors';
import { checkPlacement, checkRemoval } from '../../../domain/voting';
import { myRound, requireParticipant } from './join.service';
import { notifyRound, roundRow, rulesOf, type RoundRow } from './rounds.service';
import type { Actor } from '../../plugins/actor';

/**
 * One dot, counted exactly once:
 * - the participant's row is locked, so their concurrent taps are checked one after the other against
 *   their budget and the per-item maximum (other participants are not held up);
 * - the round row is share-locked, so closing waits for dots in flight and no dot lands after the close;
 * - the dot's id comes from the client: a retried request finds its dot and changes nothing.
 */
export async function placeDot(db: Db, who: { actor: Actor | null; deviceHash: string | null }, roundId: string, input: { itemId: string; dotId: string }): Promise<MyRound> {
  const r0 = await roundRow(db, roundId);
  const p = await requireParticipant(db, { id: r0.workshop_id, municipality_id: r0.municipality_id }, who.actor, who.deviceHash);
  return db.tx(async (t) => {
    await t.query('SELECT 1 FROM participant WHERE id = $1 FOR UPDATE', [p.id]);
    const [r] = await t.query<RoundRow>('SELECT * FROM vote_round WHERE id = $1 FOR SHARE', [roundId]);
    const [existing] = await t.query<{ participant_id: string; item_id: string }>('SELECT participant_id, item_id FROM dot WHERE municipality_id = $1 AND id = $2', [r.municipality_id, input.dotId]);
    if (existing) {
      if (existing.participant_id !== p.id || existing.item_id !== input.itemId) throw new AppError(409, 'conflict', 'Diese Punkt-Kennung wurde schon für einen anderen Punkt verwendet.');
      return myRound(t, r, p.id);
    }
    const [counts] = await t.query<{ total: number; on_item: number; item_exists: boolean }>(
      `SELECT (SELECT count(*) FROM dot WHERE round_id = $1 AND participant_id = $2) AS total,
              (SELECT count(*) FROM dot WHERE round_id = $1 AND participant_id = $2 AND item_id = $3) AS on_item,
              EXISTS (SELECT 1 FROM vote_item WHERE round_id = $1 AND id = $3) AS item_exists`,
      [roundId, p.id, input.itemId],
    );
    const open = r.status === 'open' && (!r.closes_at || new Date(r.closes_at).getTime() > Date.now());
    const refusal = checkPlacement(rulesOf(r), { placedTotal: counts.total, placedOnItem: counts.on_item, roundOpen: open, itemExists: counts.item_exists });
    if (refusal) throw new AppError(refusal.code === 'unknown_item' ? 400 : 409, refusal.code, refusal.message);
    await t.query('INSERT INTO dot (municipality_id, id, round_id, item_id, participant_id) VALUES ($1, $2, $3, $4, $5)', [r.municipality_id, input.dotId, roundId, input.itemId, p.id]);
    await notifyRound(t, r);
    return myRound(t, r, p.id);
  });
}

export async function removeDot(db: Db, who: { actor: Actor | null; deviceHash: string | null }, roundId: string, input: { itemId: string }): Promise<MyRound> {
  const r0 = await roundRow(db, roundId);
  const p = await requireParticipant(db, { id: r0.workshop_id, municipality_id: r0.municipality_id }, who.actor, who.deviceHash);
  return db.tx(async (t) => {
    await t.query('SELECT 1 FROM participant WHERE id = $1 FOR UPDATE', [p.id]);
    const [r] = await t.query<RoundRow>('SELECT * FROM vote_round WHERE id = $1 FOR SHARE', [roundId]);
    const [last] = await t.query<{ id: string; n: number }>(
      `SELECT id, count(*) OVER () AS n FROM dot WHERE round_id = $1 AND participant_id = $2 AND item_id = $3 ORDER BY placed_at DESC LIMIT 1`,
      [roundId, p.id, input.itemId],
    );
    const open = r.status === 'open' && (!r.closes_at || new Date(r.closes_at).getTime() > Date.now());
    const refusal = checkRemoval({ placedOnItem: last?.n ?? 0, roundOpen: open });
    if (refusal) throw new AppError(409, refusal.code, refusal.message);
    await t.query('DELETE FROM dot WHERE municipality_id = $1 AND id = $2', [r.municipality_id, last.id]);
    await notifyRound(t, r);
    return myRound(t, r, p.id);
  });
}
