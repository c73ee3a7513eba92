import { randomInt } from 'node:crypto';
import type { Db } from '../../db/client';
import type { Actor } from '../../plugins/actor';
import type { Participant, Workshop, WorkshopGroup } from '../../../contract/workshops';
import { AppError, conflict, notFound, versionConflict } from '../../errors';
import { recordAudit } from '../audit/audit.service';
import { assertIdsExist, lockRow } from '../concept/concept.service';
import { newPersonalCode, prepareNamedAdmission } from './named.service';

// Letters and digits that cannot be mistaken for each other when read off a projector (no 0/O, 1/I/L, 2/Z, 5/S, 8/B).
export const CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY3479';
export const normaliseCode = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, '');
const newCode = () => Array.from({ length: 6 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
/** "K7MQ4P" → "K7M-Q4P" as shown to people. */
export const displayCode = (code: string) => `${code.slice(0, 3)}-${code.slice(3)}`;

interface WorkshopRow {
  id: string; title: string; kind: Workshop['kind']; starts_on: string | null; ends_on: string | null; place: string;
  online_url: string; facilitators: string; agenda: string; status: Workshop['status']; admission: Workshop['admission']; join_code: string;
  created_at: Date; version: number; participant_count: number;
}

const SELECT = `SELECT w.*, (SELECT count(*) FROM participant p WHERE p.workshop_id = w.id) AS participant_count FROM workshop w`;

async function groupsOf(db: Db, municipalityId: string, workshopId: string): Promise<WorkshopGroup[]> {
  return db.query<WorkshopGroup>(
    `SELECT id, name, district_id AS "districtId", position FROM workshop_group
     WHERE municipality_id = $1 AND workshop_id = $2 ORDER BY position, name`,
    [municipalityId, workshopId],
  );
}

const toWorkshop = (r: WorkshopRow, groups: WorkshopGroup[]): Workshop => ({
  id: r.id, title: r.title, kind: r.kind, startsOn: r.starts_on, endsOn: r.ends_on, place: r.place, onlineUrl: r.online_url,
  facilitators: r.facilitators, agenda: r.agenda, status: r.status, admission: r.admission, joinCode: displayCode(r.join_code), groups,
  participantCount: r.participant_count, createdAt: new Date(r.created_at).toISOString(), version: r.version,
});

export async function getWorkshop(db: Db, municipalityId: string, id: string): Promise<Workshop> {
  const [row] = await db.query<WorkshopRow>(`${SELECT} WHERE w.municipality_id = $1 AND w.id = $2`, [municipalityId, id]);
  if (!row) throw notFound('workshop');
  return toWorkshop(row, await groupsOf(db, municipalityId, id));
}

export async function listWorkshops(db: Db, municipalityId: string): Promise<Workshop[]> {
  const rows = await db.query<WorkshopRow>(`${SELECT} WHERE w.municipality_id = $1 ORDER BY w.starts_on DESC NULLS FIRST, w.created_at DESC`, [municipalityId]);
  const groups = await db.query<WorkshopGroup & { workshopId: string }>(
    `SELECT id, workshop_id AS "workshopId", name, district_id AS "districtId", position FROM workshop_group WHERE municipality_id = $1 ORDER BY position, name`,
    [municipalityId],
  );
  return rows.map((r) => toWorkshop(r, groups.filter((g) => g.workshopId === r.id).map(({ workshopId: _w, ...g }) => g)));
}

type WorkshopInput = {
  title: string; kind: Workshop['kind']; startsOn: string | null; endsOn: string | null; place: string; onlineUrl: string;
  facilitators: string; agenda: string; status: Workshop['status']; admission?: Workshop['admission'];
  groups: { name: string; districtId: string | null }[];
};

export async function createWorkshop(db: Db, actor: Actor, input: WorkshopInput): Promise<Workshop> {
  return db.tx(async (t) => {
    await assertIdsExist(t, actor.municipalityId, 'district', input.groups.map((g) => g.districtId).filter((d): d is string => !!d), 'groups');
    let id: string | null = null;
    for (let attempt = 0; !id; attempt++) {
      const code = newCode();
      const [taken] = await t.query('SELECT 1 FROM workshop WHERE join_code = $1', [code]);
      if (taken) {
        if (attempt > 20) throw new AppError(503, 'unavailable');
        continue;
      }
      [{ id }] = await t.query<{ id: string }>(
        `INSERT INTO workshop (municipality_id, title, kind, starts_on, ends_on, place, online_url, facilitators, agenda, status, join_code, admission)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
        [actor.municipalityId, input.title, input.kind, input.startsOn, input.endsOn, input.place, input.onlineUrl, input.facilitators, input.agenda, input.status, code, input.admission ?? 'open'],
      );
    }
    for (const [position, g] of input.groups.entries()) {
      await t.query('INSERT INTO workshop_group (municipality_id, workshop_id, name, district_id, position) VALUES ($1, $2, $3, $4, $5)', [actor.municipalityId, id, g.name, g.districtId, position]);
    }
    const created = await getWorkshop(t, actor.municipalityId, id);
    await recordAudit(t, actor, { entityType: 'workshop', entityId: id, action: 'create', before: null, after: created });
    return created;
  });
}

const COLUMNS: Record<string, string> = {
  title: 'title', kind: 'kind', startsOn: 'starts_on', endsOn: 'ends_on', place: 'place', onlineUrl: 'online_url',
  facilitators: 'facilitators', agenda: 'agenda', status: 'status', admission: 'admission',
};

export async function updateWorkshop(db: Db, actor: Actor, id: string, input: Partial<WorkshopInput> & { version: number }): Promise<Workshop> {
  return db.tx(async (t) => {
    await lockRow(t, 'workshop', actor.municipalityId, id);
    const before = await getWorkshop(t, actor.municipalityId, id);
    if (before.version !== input.version) throw versionConflict(before);
    const next = { ...before, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) };
    if (next.startsOn && next.endsOn && next.endsOn < next.startsOn) {
      throw new AppError(400, 'validation_failed', 'validation_failed.end_before_start', [{ path: ['endsOn'], message: 'Ende vor Beginn' }]);
    }
    if (input.admission === 'named' && before.admission !== 'named') await prepareNamedAdmission(t, actor.municipalityId, id);
    const fields = Object.keys(COLUMNS).filter((f) => (input as Record<string, unknown>)[f] !== undefined);
    await t.query(
      `UPDATE workshop SET version = version + 1${fields.map((f, i) => `, ${COLUMNS[f]} = $${i + 3}`).join('')} WHERE municipality_id = $1 AND id = $2`,
      [actor.municipalityId, id, ...fields.map((f) => (input as Record<string, unknown>)[f])],
    );
    const after = await getWorkshop(t, actor.municipalityId, id);
    // Participants' phones reload when the workshop ends (they stop offering dots and briefs).
    if (after.status !== before.status) await t.query(`SELECT pg_notify('rf_workshop', $1)`, [id]);
    await recordAudit(t, actor, { entityType: 'workshop', entityId: id, action: 'update', before, after });
    return after;
  });
}

export async function deleteWorkshop(db: Db, actor: Actor, id: string, version: number) {
  await db.tx(async (t) => {
    await lockRow(t, 'workshop', actor.municipalityId, id);
    const before = await getWorkshop(t, actor.municipalityId, id);
    if (before.version !== version) throw versionConflict(before);
    // Briefs written in the workshop stay: they are measures of the municipality now.
    await t.query('UPDATE measure SET origin_group_id = NULL WHERE municipality_id = $1 AND origin_workshop_id = $2', [actor.municipalityId, id]);
    await t.query('DELETE FROM workshop WHERE municipality_id = $1 AND id = $2', [actor.municipalityId, id]);
    await recordAudit(t, actor, { entityType: 'workshop', entityId: id, action: 'delete', before, after: null });
  });
}

type GroupState = { name: string; districtId: string | null } | null;

/**
 * Changes to groups bump the workshop's version, so an open editor notices them. The audit entry holds
 * the group as it was and as it is (null when added or deleted): with a `before` of null a rename lost
 * the old name.
 */
async function touch(t: Db, actor: Actor, workshopId: string, before: GroupState, after: GroupState) {
  await t.query('UPDATE workshop SET version = version + 1 WHERE municipality_id = $1 AND id = $2', [actor.municipalityId, workshopId]);
  await recordAudit(t, actor, { entityType: 'workshop', entityId: workshopId, action: 'update', before: { group: before }, after: { group: after } });
}

export async function addGroup(db: Db, actor: Actor, workshopId: string, input: { name: string; districtId: string | null }) {
  return db.tx(async (t) => {
    await getWorkshop(t, actor.municipalityId, workshopId);
    await assertIdsExist(t, actor.municipalityId, 'district', input.districtId ? [input.districtId] : [], 'districtId');
    const [dup] = await t.query('SELECT 1 FROM workshop_group WHERE workshop_id = $1 AND lower(name) = lower($2)', [workshopId, input.name]);
    if (dup) throw conflict({ key: 'conflict.group_name', params: { name: input.name } });
    await t.query(
      `INSERT INTO workshop_group (municipality_id, workshop_id, name, district_id, position)
       VALUES ($1, $2, $3, $4, (SELECT coalesce(max(position), -1) + 1 FROM workshop_group WHERE workshop_id = $2))`,
      [actor.municipalityId, workshopId, input.name, input.districtId],
    );
    await touch(t, actor, workshopId, null, { name: input.name, districtId: input.districtId });
    return getWorkshop(t, actor.municipalityId, workshopId);
  });
}

export async function updateGroup(db: Db, actor: Actor, workshopId: string, groupId: string, input: { name?: string; districtId?: string | null }) {
  return db.tx(async (t) => {
    const [g] = await t.query<{ name: string; district_id: string | null }>(
      'SELECT name, district_id FROM workshop_group WHERE municipality_id = $1 AND workshop_id = $2 AND id = $3 FOR UPDATE',
      [actor.municipalityId, workshopId, groupId],
    );
    if (!g) throw notFound('group');
    if (input.districtId) await assertIdsExist(t, actor.municipalityId, 'district', [input.districtId], 'districtId');
    await t.query(
      `UPDATE workshop_group SET name = coalesce($3, name), district_id = CASE WHEN $4::boolean THEN $5::uuid ELSE district_id END
       WHERE municipality_id = $1 AND id = $2`,
      [actor.municipalityId, groupId, input.name ?? null, input.districtId !== undefined, input.districtId ?? null],
    );
    const after = { name: input.name ?? g.name, districtId: input.districtId !== undefined ? input.districtId : g.district_id };
    await touch(t, actor, workshopId, { name: g.name, districtId: g.district_id }, after);
    return getWorkshop(t, actor.municipalityId, workshopId);
  });
}

export async function deleteGroup(db: Db, actor: Actor, workshopId: string, groupId: string) {
  return db.tx(async (t) => {
    const [g] = await t.query<{ name: string; district_id: string | null }>(
      'DELETE FROM workshop_group WHERE municipality_id = $1 AND workshop_id = $2 AND id = $3 RETURNING name, district_id',
      [actor.municipalityId, workshopId, groupId],
    );
    if (!g) throw notFound('group');
    await touch(t, actor, workshopId, { name: g.name, districtId: g.district_id }, null);
    return getWorkshop(t, actor.municipalityId, workshopId);
  });
}

const PARTICIPANT = `SELECT id, name, group_id AS "groupId", user_id AS "userId", personal_code IS NOT NULL AS "hasCode", joined_at AS "joinedAt" FROM participant`;
type ParticipantRow = Omit<Participant, 'joinedAt'> & { joinedAt: Date };
const toParticipant = (r: ParticipantRow): Participant => ({ ...r, joinedAt: new Date(r.joinedAt).toISOString() });

export async function listParticipants(db: Db, municipalityId: string, workshopId: string): Promise<Participant[]> {
  await getWorkshop(db, municipalityId, workshopId);
  const rows = await db.query<ParticipantRow>(`${PARTICIPANT} WHERE municipality_id = $1 AND workshop_id = $2 ORDER BY name`, [municipalityId, workshopId]);
  return rows.map(toParticipant);
}

export async function getParticipant(db: Db, municipalityId: string, id: string): Promise<Participant> {
  const [row] = await db.query<ParticipantRow>(`${PARTICIPANT} WHERE municipality_id = $1 AND id = $2`, [municipalityId, id]);
  if (!row) throw notFound('participant');
  return toParticipant(row);
}

async function assertGroup(db: Db, workshopId: string, groupId: string | null | undefined) {
  if (!groupId) return;
  const [g] = await db.query('SELECT 1 FROM workshop_group WHERE workshop_id = $1 AND id = $2', [workshopId, groupId]);
  if (!g) throw new AppError(400, 'validation_failed', 'validation_failed.unknown_group', [{ path: ['groupId'], message: 'Unbekannte Gruppe' }]);
}

/**
 * The facilitator lists a person — an account of the municipality or a guest by name. Each gets a
 * personal code, so they can join on any device as themselves (named participants, issue 14).
 */
export async function addParticipant(db: Db, actor: Actor, workshopId: string, input: { userId?: string; name?: string; groupId: string | null }) {
  return db.tx(async (t) => {
    await getWorkshop(t, actor.municipalityId, workshopId);
    await assertGroup(t, workshopId, input.groupId);
    let name = input.name ?? '';
    if (input.userId) {
      const [user] = await t.query<{ name: string }>(
        'SELECT u.name FROM membership m JOIN app_user u ON u.id = m.user_id WHERE m.municipality_id = $1 AND m.user_id = $2',
        [actor.municipalityId, input.userId],
      );
      if (!user) throw new AppError(400, 'validation_failed', 'validation_failed.not_a_member', [{ path: ['userId'], message: 'Unbekannt' }]);
      const [exists] = await t.query('SELECT 1 FROM participant WHERE workshop_id = $1 AND user_id = $2', [workshopId, input.userId]);
      if (exists) throw conflict({ key: 'conflict.already_participant', params: { name: user.name } });
      name = user.name;
    }
    const [{ id }] = await t.query<{ id: string }>(
      'INSERT INTO participant (municipality_id, workshop_id, user_id, name, group_id, personal_code) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
      [actor.municipalityId, workshopId, input.userId ?? null, name, input.groupId, await newPersonalCode(t)],
    );
    return getParticipant(t, actor.municipalityId, id);
  });
}

export async function updateParticipant(db: Db, actor: Actor, workshopId: string, participantId: string, input: { groupId?: string | null; name?: string }) {
  return db.tx(async (t) => {
    const p = await getParticipant(t, actor.municipalityId, participantId);
    const [inWorkshop] = await t.query('SELECT 1 FROM participant WHERE id = $1 AND workshop_id = $2', [participantId, workshopId]);
    if (!inWorkshop) throw notFound('participant');
    await assertGroup(t, workshopId, input.groupId);
    await t.query(
      'UPDATE participant SET name = coalesce($2, name), group_id = CASE WHEN $3::boolean THEN $4::uuid ELSE group_id END WHERE id = $1',
      [p.id, input.name ?? null, input.groupId !== undefined, input.groupId ?? null],
    );
    return getParticipant(t, actor.municipalityId, participantId);
  });
}

export async function removeParticipant(db: Db, actor: Actor, workshopId: string, participantId: string) {
  const [{ n }] = await db.query<{ n: number }>('SELECT count(*) AS n FROM dot WHERE municipality_id = $1 AND participant_id = $2', [actor.municipalityId, participantId]);
  // Removing a voter would silently drop their dots from the tallies: refuse instead.
  if (n > 0) throw new AppError(409, 'in_use', { key: 'in_use.participant_dots', params: { n } });
  const [row] = await db.query('DELETE FROM participant WHERE municipality_id = $1 AND workshop_id = $2 AND id = $3 RETURNING id', [actor.municipalityId, workshopId, participantId]);
  if (!row) throw notFound('participant');
}
