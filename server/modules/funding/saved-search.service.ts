import type { Db } from '../../db/client';
import type { Actor } from '../../plugins/actor';
import { SavedSearchMeasureFilter, SavedSearchProgrammeFilter, type SavedSearch, type SavedSearchHit, type SavedSearchInput } from '../../../contract/funding';
import { conflict, notFound, versionConflict } from '../../errors';
import { assertIdsExist } from '../concept/concept.service';

/**
 * Saved searches belong to the user who saved them: only the owner sees, edits and deletes them
 * (another user's search is a 404, as another municipality's would be).
 */
const SELECT = `SELECT s.id, s.name, s.measure_filter AS "measureFilter", s.programme_filter AS "programmeFilter", s.notify_email AS "notifyEmail",
    s.created_at AS "createdAt", s.version,
    (SELECT count(*) FROM saved_search_hit h WHERE h.saved_search_id = s.id AND h.seen_at IS NULL)::int AS "newCount",
    (SELECT count(*) FROM saved_search_hit h WHERE h.saved_search_id = s.id)::int AS "totalCount"
  FROM saved_search s`;

type Row = Omit<SavedSearch, 'createdAt'> & { createdAt: Date | string };
const out = (r: Row): SavedSearch => ({
  ...r,
  measureFilter: SavedSearchMeasureFilter.parse(r.measureFilter),
  programmeFilter: SavedSearchProgrammeFilter.parse(r.programmeFilter),
  createdAt: new Date(r.createdAt).toISOString(),
});

export async function listSavedSearches(db: Db, actor: Actor): Promise<SavedSearch[]> {
  const rows = await db.query<Row>(`${SELECT} WHERE s.municipality_id = $1 AND s.owner_id = $2 ORDER BY lower(s.name)`, [actor.municipalityId, actor.userId]);
  return rows.map(out);
}

export async function getSavedSearch(db: Db, actor: Actor, id: string): Promise<SavedSearch> {
  const [row] = await db.query<Row>(`${SELECT} WHERE s.municipality_id = $1 AND s.owner_id = $2 AND s.id = $3`, [actor.municipalityId, actor.userId, id]);
  if (!row) throw notFound('savedSearch');
  return out(row);
}

async function checkInput(t: Db, actor: Actor, input: Partial<SavedSearchInput>, exceptId: string | null) {
  if (input.measureFilter) {
    await assertIdsExist(t, actor.municipalityId, 'district', input.measureFilter.district, 'measureFilter.district');
    await assertIdsExist(t, actor.municipalityId, 'action_field', input.measureFilter.actionField, 'measureFilter.actionField');
  }
  if (input.name) {
    const [dup] = await t.query('SELECT 1 FROM saved_search WHERE municipality_id = $1 AND owner_id = $2 AND lower(name) = lower($3) AND id IS DISTINCT FROM $4', [
      actor.municipalityId, actor.userId, input.name, exceptId,
    ]);
    if (dup) throw conflict({ key: 'conflict.saved_search_name', params: { name: input.name } });
  }
}

export async function createSavedSearch(db: Db, actor: Actor, input: SavedSearchInput): Promise<SavedSearch> {
  return db.tx(async (t) => {
    await checkInput(t, actor, input, null);
    const [{ id }] = await t.query<{ id: string }>(
      `INSERT INTO saved_search (municipality_id, owner_id, name, measure_filter, programme_filter, notify_email) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [actor.municipalityId, actor.userId, input.name, JSON.stringify(input.measureFilter), JSON.stringify(input.programmeFilter), input.notifyEmail],
    );
    return getSavedSearch(t, actor, id);
  });
}

export async function updateSavedSearch(db: Db, actor: Actor, id: string, input: Partial<SavedSearchInput> & { version: number }): Promise<SavedSearch> {
  return db.tx(async (t) => {
    const [locked] = await t.query('SELECT 1 FROM saved_search WHERE municipality_id = $1 AND owner_id = $2 AND id = $3 FOR UPDATE', [actor.municipalityId, actor.userId, id]);
    if (!locked) throw notFound('savedSearch');
    const before = await getSavedSearch(t, actor, id);
    if (before.version !== input.version) throw versionConflict(before);
    await checkInput(t, actor, input, id);
    await t.query(
      `UPDATE saved_search SET version = version + 1, name = $3, measure_filter = $4, programme_filter = $5, notify_email = $6 WHERE municipality_id = $1 AND id = $2`,
      [
        actor.municipalityId, id, input.name ?? before.name, JSON.stringify(input.measureFilter ?? before.measureFilter),
        JSON.stringify(input.programmeFilter ?? before.programmeFilter), input.notifyEmail ?? before.notifyEmail,
      ],
    );
    return getSavedSearch(t, actor, id);
  });
}

export async function deleteSavedSearch(db: Db, actor: Actor, id: string, version: number) {
  await db.tx(async (t) => {
    const [row] = await t.query<{ version: number }>('SELECT version FROM saved_search WHERE municipality_id = $1 AND owner_id = $2 AND id = $3 FOR UPDATE', [actor.municipalityId, actor.userId, id]);
    if (!row) throw notFound('savedSearch');
    if (row.version !== version) throw versionConflict(await getSavedSearch(t, actor, id));
    await t.query('DELETE FROM saved_search WHERE municipality_id = $1 AND id = $2', [actor.municipalityId, id]);
  });
}

/** The fits reported to a saved search, newest first; `isNew` until the owner marked them seen. */
export async function listHits(db: Db, actor: Actor, id: string): Promise<SavedSearchHit[]> {
  await getSavedSearch(db, actor, id);
  const rows = await db.query<Omit<SavedSearchHit, 'foundAt'> & { foundAt: Date | string }>(
    `SELECT h.measure_id AS "measureId", m.number AS "measureNumber", m.title AS "measureTitle", h.programme_id AS "programmeId",
            p.name AS "programmeName", h.score, h.found_at AS "foundAt", c.kind AS "changeKind", h.seen_at IS NULL AS "isNew"
       FROM saved_search_hit h
       JOIN measure m ON m.municipality_id = h.municipality_id AND m.id = h.measure_id
       JOIN funding_programme p ON p.municipality_id = h.municipality_id AND p.id = h.programme_id
       JOIN funding_change c ON c.id = h.change_id
      WHERE h.municipality_id = $1 AND h.saved_search_id = $2
      ORDER BY h.found_at DESC, p.name, h.score DESC, m.number
      LIMIT 1000`,
    [actor.municipalityId, id],
  );
  return rows.map((r) => ({ ...r, foundAt: new Date(r.foundAt).toISOString() }));
}

/** Marks all reported fits of the saved search as seen; returns how many were new. */
export async function markHitsSeen(db: Db, actor: Actor, id: string): Promise<number> {
  await getSavedSearch(db, actor, id);
  const rows = await db.query('UPDATE saved_search_hit SET seen_at = now() WHERE municipality_id = $1 AND saved_search_id = $2 AND seen_at IS NULL RETURNING 1', [actor.municipalityId, id]);
  return rows.length;
}

/** New fits over all of the user's saved searches (for the count in the navigation). */
export async function unseenCount(db: Db, actor: Actor): Promise<number> {
  const [{ n }] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM saved_search_hit h JOIN saved_search s ON s.id = h.saved_search_id
      WHERE s.municipality_id = $1 AND s.owner_id = $2 AND h.seen_at IS NULL`,
    [actor.municipalityId, actor.userId],
  );
  return n;
}
