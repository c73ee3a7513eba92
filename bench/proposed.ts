/**
 * The index/query change proposed in docs/benchmarks.md, as SQL that bench/explain.ts can apply to a
 * benchmark database (`--proposed`). Nothing here is used by the server.
 *
 * 1. Fuzzy matching over distinct words instead of whole texts: a per-municipality vocabulary
 *    (search_word, trigram index) and the words of each brief (measure.search_words, GIN). A search
 *    first finds the few words similar to the query ("strasse" → bahnhofstrasse, strassenplanung, …),
 *    then the briefs containing one of them — two small index scans instead of word_similarity()
 *    over every brief's ~500 characters.
 * 2. Rank by word similarity to the title (short) instead of the whole text.
 * 3. Page first, then fetch: count and sort only (id, sort key), then read the 25 full rows.
 */
import type { MeasureQuery } from '../contract/measures';
import { foldForTrigram, measureOrder, measureWhere } from '../server/modules/measures/measures.filter';

/** Would be the next migration, server/db/migrations/0006_search_words.sql. */
export const PROPOSED_MIGRATION = `
CREATE TABLE search_word (
  municipality_id uuid NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
  word text NOT NULL,
  PRIMARY KEY (municipality_id, word)
);
CREATE INDEX search_word_trgm ON search_word USING gin (word gin_trgm_ops);
ALTER TABLE measure ADD COLUMN search_words text[] NOT NULL DEFAULT '{}';
CREATE INDEX measure_search_words ON measure USING gin (search_words);
DROP INDEX measure_search_trgm;

CREATE OR REPLACE FUNCTION measure_search_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search :=
    setweight(to_tsvector('german', coalesce(NEW.title, '')), 'A') ||
    setweight(to_tsvector('german', array_to_string(NEW.tags, ' ')), 'B') ||
    setweight(to_tsvector('german', coalesce(NEW.goal, '') || ' ' || coalesce(NEW.need, '')), 'C') ||
    setweight(to_tsvector('german', coalesce(NEW.description, '') || ' ' || coalesce(NEW.external_actors, '') || ' ' || coalesce(NEW.target_groups, '') || ' ' || coalesce(NEW.origin, '')), 'D');
  NEW.search_text := replace(lower(coalesce(NEW.title, '') || ' ' || array_to_string(NEW.tags, ' ') || ' ' || coalesce(NEW.goal, '') || ' ' || coalesce(NEW.need, '') || ' ' || coalesce(NEW.description, '')), 'ß', 'ss');
  NEW.search_words := ARRAY(SELECT DISTINCT w FROM regexp_split_to_table(NEW.search_text, '[^[:alnum:]]+') w WHERE length(w) >= 3);
  -- Stale words (from edited or deleted briefs) stay; they match no brief and cost nothing.
  INSERT INTO search_word (municipality_id, word) SELECT NEW.municipality_id, unnest(NEW.search_words) ON CONFLICT DO NOTHING;
  RETURN NEW;
END $$;
UPDATE measure SET search_text = search_text; -- fills search_words and search_word through the trigger
`;

// The columns of SELECT_LIST in measures.service.ts.
const LIST_COLUMNS = 'm.id, m.number, m.version, m.created_at AS "createdAt", m.updated_at AS "updatedAt", m.title, m.district_ids AS "districtIds", m.lead_department_id AS "leadDepartmentId", m.partner_department_ids AS "partnerDepartmentIds", m.external_actors AS "externalActors", m.target_groups AS "targetGroups", m.cost_cents AS "costCents", m.horizon, m.planned_start AS "plannedStart", m.planned_end AS "plannedEnd", m.status, m.goal_ids AS "goalIds", m.action_field_ids AS "actionFieldIds", m.dimension_ids AS "dimensionIds", m.origin, m.tags';

/** The list query as measures.filter.ts + listMeasures would build it after the change. */
export function proposedList(municipalityId: string, q: MeasureQuery) {
  const f = measureWhere(municipalityId, { ...q, q: undefined });
  let rank = '0';
  if (q.q) {
    const tsq = `websearch_to_tsquery('german', ${f.p(q.q)})`;
    const text = f.p(foldForTrigram(q.q));
    // Every word of the query (≥ 3 letters) must be similar to some word of the brief.
    const words = foldForTrigram(q.q).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3);
    const fuzzy = words.map((w) => `m.search_words && ARRAY(SELECT w.word FROM search_word w WHERE w.municipality_id = $1 AND ${f.p(w)} <% w.word)`);
    f.where += ` AND (m.search @@ ${tsq}${fuzzy.length ? ` OR (${fuzzy.join(' AND ')})` : ''})`;
    rank = `ts_rank(m.search, ${tsq}) + word_similarity(${text}, replace(lower(m.title), 'ß', 'ss'))`;
  }
  const order = measureOrder(q.sort, !!q.q);
  const sql = `WITH page AS (
      SELECT m.id, ${rank} AS rank, count(*) OVER () AS total FROM measure m
      WHERE ${f.where} ORDER BY ${order} LIMIT ${f.p(q.pageSize)} OFFSET ${f.p((q.page - 1) * q.pageSize)})
    SELECT ${LIST_COLUMNS}, page.rank, page.total
    FROM page JOIN measure m ON m.municipality_id = $1 AND m.id = page.id ORDER BY ${order}`;
  return { sql, params: f.params };
}
