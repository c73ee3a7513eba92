import type { Db } from '../../db/client';
import type { MyRound } from '../../../contract/workshops';
import type { Actor } from '../../plugins/actor';
import { AppError, notFound } from '../../errors';
import { workshopEnded } from './join.service';
import { checkPlacement, checkRemoval, describeRules, maxDotsOnOneItem } from '../../../domain/voting';
import { rulesOf, toRound, type RoundRow } from './rounds.service';

type Who = { actor: Actor | null; deviceHash: string | null };

/** The round and the requester's participant id in one query (the hot path of live voting). */
async function roundAndParticipant(db: Db, roundId: string, who: Who): Promise<{ round: RoundRow; participantId: string }> {
  // Same precedence as findParticipant: the account, then a named participant's device, then a guest's device.
  const [row] = await db.query<RoundRow & { participant_id: string | null; workshop_status: string }>(
    `SELECT r.*, (SELECT status FROM workshop w WHERE w.id = r.workshop_id) AS workshop_status,
       (SELECT p.id FROM participant p LEFT JOIN named_device d ON d.workshop_id = r.workshop_id AND d.device_hash = $4 AND d.participant_id = p.id
        WHERE p.workshop_id = r.workshop_id
        AND ((p.user_id IS NOT NULL AND p.user_id = $2 AND r.municipality_id = $3) OR (p.device_hash IS NOT NULL AND p.device_hash = $4) OR d.participant_id IS NOT NULL)
        ORDER BY (p.user_id = $2) DESC NULLS LAST, (d.participant_id IS NOT NULL) DESC LIMIT 1) AS participant_id
     FROM vote_round r WHERE r.id = $1`,
    [roundId, who.actor?.userId ?? null, who.actor?.municipalityId ?? null, who.deviceHash],
  );
  if (!row) throw notFound('voteRound');
  // A round left open by mistake takes no dots (and gives none back) once its workshop is over.
  if (row.workshop_status === 'done') throw workshopEnded();
  if (!row.participant_id) throw new AppError(401, 'not_joined');
  const { participant_id, workshop_status: _status, ...round } = row;
  return { round, participantId: participant_id };
}

/** Locks for one dot: the participant's row (their taps queue), the round's row shared (closing waits). */
async function lockForDot(t: Db, roundId: string, participantId: string): Promise<RoundRow> {
  const [r] = await t.query<RoundRow>(
    `SELECT r.* FROM vote_round r, participant p WHERE r.id = $1 AND p.id = $2 FOR SHARE OF r FOR UPDATE OF p`,
    [roundId, participantId],
  );
  return r;
}

const isOpen = (r: RoundRow) => r.status === 'open' && (!r.closes_at || new Date(r.closes_at).getTime() > Date.now());

/**
 * The participant's state after a tap: their dots and what is left. The tally is not recomputed here —
 * it reaches every screen through the live stream within a moment (and `results` stays null).
 */
async function afterTap(t: Db, r: RoundRow, participantId: string): Promise<MyRound> {
  const mine = await t.query<{ item_id: string; n: number }>('SELECT item_id, count(*) AS n FROM dot WHERE round_id = $1 AND participant_id = $2 GROUP BY item_id', [r.id, participantId]);
  const used = mine.reduce((a, m) => a + m.n, 0);
  return {
    round: await toRound(t, r),
    rulesText: describeRules(rulesOf(r), 'de'),
    myDots: Object.fromEntries(mine.map((m) => [m.item_id, m.n])),
    remaining: r.dots_per_participant - used,
    results: null,
  };
}

/**
 * One dot, counted exactly once:
 * - the participant's row is locked, so their concurrent taps are checked one after the other against
 *   their budget and the per-item maximum (other participants are not held up);
 * - the round row is share-locked, so closing waits for dots in flight and no dot lands after the close;
 * - the dot's id comes from the client: a retried request finds its dot and changes nothing.
 */
export async function placeDot(db: Db, who: Who, roundId: string, input: { itemId: string; dotId: string }): Promise<MyRound> {
  const { participantId } = await roundAndParticipant(db, roundId, who);
  return db.tx(async (t) => {
    const r = await lockForDot(t, roundId, participantId);
    const [s] = await t.query<{ total: number; on_item: number; item_exists: boolean; existing_participant: string | null; existing_item: string | null }>(
      `SELECT count(*) FILTER (WHERE d.participant_id = $2) AS total,
              count(*) FILTER (WHERE d.participant_id = $2 AND d.item_id = $3) AS on_item,
              EXISTS (SELECT 1 FROM vote_item WHERE round_id = $1 AND id = $3) AS item_exists,
              (SELECT participant_id FROM dot WHERE municipality_id = $5 AND id = $4) AS existing_participant,
              (SELECT item_id FROM dot WHERE municipality_id = $5 AND id = $4) AS existing_item
       FROM dot d WHERE d.round_id = $1 AND d.participant_id = $2`,
      [roundId, participantId, input.itemId, input.dotId, r.municipality_id],
    );
    if (s.existing_participant) {
      if (s.existing_participant !== participantId || s.existing_item !== input.itemId) throw new AppError(409, 'conflict', 'conflict.dot_id_reused');
      return afterTap(t, r, participantId);
    }
    const refusal = checkPlacement(rulesOf(r), { placedTotal: s.total, placedOnItem: s.on_item, roundOpen: isOpen(r), itemExists: s.item_exists });
    if (refusal) {
      const params = { n: rulesOf(r).dotsPerParticipant, placed: Number(s.on_item), max: maxDotsOnOneItem(rulesOf(r)) };
      throw new AppError(refusal.code === 'unknown_item' ? 400 : 409, refusal.code, { key: refusal.code === 'round_closed' ? 'round_closed.dot_place' : refusal.code, params });
    }
    await t.query(
      `WITH ins AS (INSERT INTO dot (municipality_id, id, round_id, item_id, participant_id) VALUES ($1, $2, $3, $4, $5) RETURNING round_id)
       SELECT pg_notify('rf_round', round_id::text) FROM ins`,
      [r.municipality_id, input.dotId, roundId, input.itemId, participantId],
    );
    return afterTap(t, r, participantId);
  });
}

export async function removeDot(db: Db, who: Who, roundId: string, input: { itemId: string }): Promise<MyRound> {
  const { participantId } = await roundAndParticipant(db, roundId, who);
  return db.tx(async (t) => {
    const r = await lockForDot(t, roundId, participantId);
    const [last] = await t.query<{ id: string; n: number }>(
      `SELECT id, count(*) OVER () AS n FROM dot WHERE round_id = $1 AND participant_id = $2 AND item_id = $3 ORDER BY placed_at DESC LIMIT 1`,
      [roundId, participantId, input.itemId],
    );
    const refusal = checkRemoval({ placedOnItem: last?.n ?? 0, roundOpen: isOpen(r) });
    if (refusal) throw new AppError(409, refusal.code, refusal.code === 'round_closed' ? 'round_closed.dot_remove' : refusal.code);
    await t.query(
      `WITH del AS (DELETE FROM dot WHERE municipality_id = $1 AND id = $2 RETURNING round_id) SELECT pg_notify('rf_round', round_id::text) FROM del`,
      [r.municipality_id, last.id],
    );
    return afterTap(t, r, participantId);
  });
}
