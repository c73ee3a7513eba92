import { createHmac, randomBytes } from 'node:crypto';
import type { Db } from '../../db/client';
import type { Actor } from '../../plugins/actor';
import type { JoinInfo, MyRound, Participant } from '../../../contract/workshops';
import { AppError, notFound } from '../../errors';
import { describeRules } from '../../../domain/voting';
import { getParticipant, normaliseCode } from './workshops.service';
import { PERSONAL_CODE_LENGTH } from './named.service';
import { computeResults, rulesOf, toRound, type RoundRow } from './rounds.service';

export const DEVICE_COOKIE = 'rf_device';
export const newDeviceToken = () => randomBytes(32).toString('base64url');
export const deviceHash = (token: string, secret: string) => createHmac('sha256', secret).update(`device:${token}`).digest('hex');
/** The join limit counts clients by an HMAC of their address: the address itself is never stored. */
export const clientHash = (address: string, secret: string) => createHmac('sha256', secret).update(`client:${address}`).digest('hex');

/**
 * New participants one client address may add to one workshop within JOIN_WINDOW_MINUTES. A whole room
 * can sit behind one NAT'd Wi-Fi (one address), so the default admits a room of 60 within ten minutes
 * while one person clearing cookies collects at most that many budgets; larger rooms on one network set
 * JOIN_LIMIT, and workshops that must count exactly use named participants.
 */
export const JOIN_LIMIT = 60;
export const JOIN_WINDOW_MINUTES = 10;

export interface WorkshopRef {
  id: string; municipality_id: string; title: string; starts_on: string | null; place: string; municipality_name: string;
  status: 'planned' | 'running' | 'done'; admission: 'open' | 'named';
  /** opened with a personal code: the participant it belongs to */
  personal: { id: string; name: string } | null;
}

const WORKSHOP_REF = `SELECT w.id, w.municipality_id, w.title, w.starts_on, w.place, w.status, w.admission, m.name AS municipality_name
  FROM workshop w JOIN municipality m ON m.id = w.municipality_id`;

/** The workshop of a code: its join code (6 characters) or a named participant's personal code (10). */
export async function workshopByCode(db: Db, code: string): Promise<WorkshopRef> {
  const normal = normaliseCode(code);
  if (normal.length === PERSONAL_CODE_LENGTH) {
    const [row] = await db.query<Omit<WorkshopRef, 'personal'> & { personal_id: string; personal_name: string }>(
      `${WORKSHOP_REF.replace('SELECT', 'SELECT p.id AS personal_id, p.name AS personal_name,')} JOIN participant p ON p.workshop_id = w.id WHERE p.personal_code = $1`,
      [normal],
    );
    if (!row) throw notFound('workshopByCode');
    const { personal_id, personal_name, ...w } = row;
    return { ...w, personal: { id: personal_id, name: personal_name } };
  }
  const [w] = await db.query<Omit<WorkshopRef, 'personal'>>(`${WORKSHOP_REF} WHERE w.join_code = $1`, [normal]);
  if (!w) throw notFound('workshopByCode');
  return { ...w, personal: null };
}

export const workshopEnded = () => new AppError(409, 'workshop_ended');

/** Participants may look back at a finished workshop, but change nothing in it. */
export function assertNotEnded(w: { status: string }) {
  if (w.status === 'done') throw workshopEnded();
}

export async function joinInfo(db: Db, w: WorkshopRef): Promise<JoinInfo> {
  const groups = await db.query<{ id: string; name: string }>('SELECT id, name FROM workshop_group WHERE workshop_id = $1 ORDER BY position, name', [w.id]);
  return {
    workshopId: w.id, title: w.title, municipalityName: w.municipality_name, startsOn: w.starts_on, place: w.place, groups,
    ended: w.status === 'done', named: w.admission === 'named', personalName: w.personal?.name ?? null,
  };
}

/** Who is this request in the workshop? A member of the municipality by account, anyone else by device. */
export async function findParticipant(db: Db, workshop: { id: string; municipality_id: string }, actor: Actor | null, deviceHashValue: string | null): Promise<Participant | null> {
  // A device a named participant joined with (named_device) counts before a guest's own device.
  const [row] = await db.query<{ id: string }>(
    `SELECT p.id FROM participant p LEFT JOIN named_device d ON d.workshop_id = $1 AND d.device_hash = $3 AND d.participant_id = p.id
     WHERE p.workshop_id = $1 AND ((p.user_id IS NOT NULL AND p.user_id = $2) OR (p.device_hash IS NOT NULL AND p.device_hash = $3) OR d.participant_id IS NOT NULL)
     ORDER BY (p.user_id = $2) DESC NULLS LAST, (d.participant_id IS NOT NULL) DESC LIMIT 1`,
    [workshop.id, actor && actor.municipalityId === workshop.municipality_id ? actor.userId : null, deviceHashValue],
  );
  return row ? getParticipant(db, workshop.municipality_id, row.id) : null;
}

export async function requireParticipant(db: Db, workshop: { id: string; municipality_id: string }, actor: Actor | null, deviceHashValue: string | null) {
  const p = await findParticipant(db, workshop, actor, deviceHashValue);
  if (!p) throw new AppError(401, 'not_joined');
  return p;
}

/** Who joins: `clientHash` null for the server itself (the demo seed), which no limit applies to. */
interface Joiner { actor: Actor | null; deviceHash: string; clientHash: string | null; limit?: number }

/**
 * Joining twice from the same device (or account) returns the same participant; the name may be corrected.
 * A personal code links this device to its named participant: any number of devices, one budget.
 * A finished workshop admits no one; a named one no one by the workshop code; and each client address
 * adds at most `limit` new participants per workshop within the window.
 */
export async function join(db: Db, w: WorkshopRef, who: Joiner, input: { name: string; groupId: string | null }): Promise<Participant> {
  return db.tx(async (t) => {
    if (input.groupId) {
      const [g] = await t.query('SELECT 1 FROM workshop_group WHERE workshop_id = $1 AND id = $2', [w.id, input.groupId]);
      if (!g) throw new AppError(400, 'validation_failed', 'validation_failed.unknown_group', [{ path: ['groupId'], message: 'Unbekannte Gruppe' }]);
    }
    const member = who.actor && who.actor.municipalityId === w.municipality_id ? who.actor : null;
    // Serialise joins of one workshop so a double tap cannot create two participants for one device; the
    // status and admission are read under the lock, so a join cannot slip past the workshop being ended.
    const [now] = await t.query<{ status: string; admission: string }>('SELECT status, admission FROM workshop WHERE id = $1 FOR UPDATE', [w.id]);
    assertNotEnded(now);
    if (w.personal) {
      // The name is the facilitator's; the device (re)joins as this person, whoever it belonged to before.
      await t.query(
        `INSERT INTO named_device (municipality_id, workshop_id, device_hash, participant_id) VALUES ($1, $2, $3, $4)
         ON CONFLICT (workshop_id, device_hash) DO UPDATE SET participant_id = excluded.participant_id`,
        [w.municipality_id, w.id, who.deviceHash, w.personal.id],
      );
      if (input.groupId) await t.query('UPDATE participant SET group_id = $2 WHERE id = $1', [w.personal.id, input.groupId]);
      return getParticipant(t, w.municipality_id, w.personal.id);
    }
    const existing = await findParticipant(t, w, member, who.deviceHash);
    if (existing) {
      const name = existing.hasCode ? existing.name : input.name;
      await t.query('UPDATE participant SET name = $2, group_id = coalesce($3, group_id), device_hash = coalesce(device_hash, $4) WHERE id = $1', [existing.id, name, input.groupId, who.deviceHash]);
      return getParticipant(t, w.municipality_id, existing.id);
    }
    if (now.admission === 'named') {
      throw new AppError(403, 'named_only');
    }
    await admitWithinLimit(t, w.id, who);
    const [{ id }] = await t.query<{ id: string }>(
      'INSERT INTO participant (municipality_id, workshop_id, user_id, device_hash, name, group_id) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
      [w.municipality_id, w.id, member?.userId ?? null, who.deviceHash, input.name, input.groupId],
    );
    await t.query(`SELECT pg_notify('rf_workshop', $1)`, [w.id]);
    // Open rounds show "n of m have voted": a new participant changes m.
    await t.query(`SELECT pg_notify('rf_round', id::text) FROM vote_round WHERE workshop_id = $1 AND status = 'open'`, [w.id]);
    return getParticipant(t, w.municipality_id, id);
  });
}

/** Counts a new participant against the client's limit (runs under the workshop's lock, so counts are exact). */
async function admitWithinLimit(t: Db, workshopId: string, who: Joiner) {
  if (who.clientHash === null) return;
  const limit = who.limit ?? JOIN_LIMIT;
  await t.query(`DELETE FROM workshop_join WHERE workshop_id = $1 AND joined_at < now() - make_interval(mins => $2)`, [workshopId, JOIN_WINDOW_MINUTES]);
  const [{ n }] = await t.query<{ n: number }>('SELECT count(*)::int AS n FROM workshop_join WHERE workshop_id = $1 AND client_hash = $2', [workshopId, who.clientHash]);
  if (n >= limit) {
    throw new AppError(
      429, 'join_limited', { key: 'join_limited', params: { minutes: JOIN_WINDOW_MINUTES, limit } },
    );
  }
  await t.query('INSERT INTO workshop_join (workshop_id, client_hash) VALUES ($1, $2)', [workshopId, who.clientHash]);
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
