import { createHmac, randomBytes } from 'node:crypto';
import type { Db } from '../../db/client';
import type { Actor } from '../../plugins/actor';
import type { JoinInfo, MyRound, Participant } from '../../../contract/workshops';
import { AppError, notFound } from '../../errors';
import { describeRules } from '../../../domain/voting';
import { getParticipant, normaliseCode } from './workshops.service';
import { computeResults, rulesOf, toRound, type RoundRow } from './rounds.service';

export const DEVICE_COOKIE = 'rf_device';
export const newDeviceToken = () => randomBytes(32).toString('base64url');
export const deviceHash = (token: string, secret: string) => createHmac('sha256', secret).update(`device:${token}`).digest('hex');

interface WorkshopRef { id: string; municipality_id: string; title: string; starts_on: string | null; place: string; municipality_name: string }

export async function workshopByCode(db: Db, code: string): Promise<WorkshopRef> {
  const [w] = await db.query<WorkshopRef>(
    `SELECT w.id, w.municipality_id, w.title, w.starts_on, w.place, m.name AS municipality_name
     FROM workshop w JOIN municipality m ON m.id = w.municipality_id WHERE w.join_code = $1`,
    [normaliseCode(code)],
  );
  if (!w) throw notFound('Workshop mit diesem Code');
  return w;
}

export async function joinInfo(db: Db, w: WorkshopRef): Promise<JoinInfo> {
  const groups = await db.query<{ id: string; name: string }>('SELECT id, name FROM workshop_group WHERE workshop_id = $1 ORDER BY position, name', [w.id]);
  return { workshopId: w.id, title: w.title, municipalityName: w.municipality_name, startsOn: w.starts_on, place: w.place, groups };
}

/** Who is this request in the workshop? A member of the municipality by account, anyone else by device. */
export async function findParticipant(db: Db, workshop: { id: string; municipality_id: string }, actor: Actor | null, deviceHashValue: string | null): Promise<Participant | null> {
  const [row] = await db.query<{ id: string }>(
    `SELECT id FROM participant WHERE workshop_id = $1 AND ((user_id IS NOT NULL AND user_id = $2) OR (device_hash IS NOT NULL AND device_hash = $3))
     ORDER BY (user_id = $2) DESC NULLS LAST LIMIT 1`,
    [workshop.id, actor && actor.municipalityId === workshop.municipality_id ? actor.userId : null, deviceHashValue],
  );
  return row ? getParticipant(db, workshop.municipality_id, row.id) : null;
}

export async function requireParticipant(db: Db, workshop: { id: string; municipality_id: string }, actor: Actor | null, deviceHashValue: string | null) {
  const p = await findParticipant(db, workshop, actor, deviceHashValue);
  if (!p) throw new AppError(401, 'not_joined', 'Bitte treten Sie dem Workshop zuerst mit dem Code bei.');
  return p;
}

/** Joining twice from the same device (or account) returns the same participant; the name may be corrected. */
export async function join(db: Db, w: WorkshopRef, actor: Actor | null, deviceHashValue: string, input: { name: string; groupId: string | null }): Promise<Participant> {
  return db.tx(async (t) => {
    if (input.groupId) {
      const [g] = await t.query('SELECT 1 FROM workshop_group WHERE workshop_id = $1 AND id = $2', [w.id, input.groupId]);
      if (!g) throw new AppError(400, 'validation_failed', 'Unbekannte Gruppe.', [{ path: ['groupId'], message: 'Unbekannte Gruppe' }]);
    }
    const member = actor && actor.municipalityId === w.municipality_id ? actor : null;
    // Serialise joins of one workshop so a double tap cannot create two participants for one device.
    await t.query('SELECT 1 FROM workshop WHERE id = $1 FOR UPDATE', [w.id]);
    const existing = await findParticipant(t, w, member, deviceHashValue);
    if (existing) {
      await t.query('UPDATE participant SET name = $2, group_id = coalesce($3, group_id), device_hash = coalesce(device_hash, $4) WHERE id = $1', [existing.id, input.name, input.groupId, deviceHashValue]);
      return getParticipant(t, w.municipality_id, existing.id);
    }
    const [{ id }] = await t.query<{ id: string }>(
      'INSERT INTO participant (municipality_id, workshop_id, user_id, device_hash, name, group_id) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
      [w.municipality_id, w.id, member?.userId ?? null, deviceHashValue, input.name, input.groupId],
    );
    await t.query(`SELECT pg_notify('rf_workshop', $1)`, [w.id]);
    // Open rounds show "n of m have voted": a new participant changes m.
    await t.query(`SELECT pg_notify('rf_round', id::text) FROM vote_round WHERE workshop_id = $1 AND status = 'open'`, [w.id]);
    return getParticipant(t, w.municipality_id, id);
  });
}

/** A participant's view of one round: the rules in plain words, their dots, what is left, and the tally when visible. */
export async function myRound(db: Db, r: RoundRow, participantId: string, locale: 'de' | 'en' = 'de'): Promise<MyRound> {
  const mine = await db.query<{ item_id: string; n: number }>('SELECT item_id, count(*) AS n FROM dot WHERE round_id = $1 AND participant_id = $2 GROUP BY item_id', [r.id, participantId]);
  const myDots = Object.fromEntries(mine.map((m) => [m.item_id, m.n]));
  const used = mine.reduce((a, m) => a + m.n, 0);
  const results = r.status === 'draft' ? null : await computeResults(db, r, { facilitator: false });
  return {
    round: await toRound(db, r),
    rulesText: describeRules(rulesOf(r), locale),
    myDots,
    remaining: rulesOf(r).dotsPerParticipant - used,
    results: results && results.visible ? results : results,
  };
}

export async function participantHome(db: Db, w: WorkshopRef, p: Participant, locale: 'de' | 'en') {
  const rounds = await db.query<RoundRow>(`SELECT * FROM vote_round WHERE workshop_id = $1 AND status <> 'draft' ORDER BY created_at`, [w.id]);
  return { participant: p, workshop: await joinInfo(db, w), rounds: await Promise.all(rounds.map((r) => myRound(db, r, p.id, locale))) };
}
