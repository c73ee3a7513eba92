-- Fast fuzzy search (issue 2 speed aims, measured in docs/benchmarks.md).
--
-- 1. Fuzzy matching over distinct words instead of whole texts. Trigram similarity against each
--    brief's ~500 characters had to be computed for most briefs (the trigrams of "sanierung" occur in
--    almost every German text). Now a per-municipality vocabulary (search_word, trigram index) yields
--    the few words similar to a query word ("strasse" → strassenplanung, bahnhofstrasse, …), and the
--    briefs containing one of them come from the GIN index on measure.search_words.
-- 2. A per-municipality list version, bumped in the same transaction as any write to measure, so
--    every app instance on one database knows when its cached list/search results are out of date.

CREATE TABLE search_word (
  municipality_id uuid NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
  word text NOT NULL,
  PRIMARY KEY (municipality_id, word)
);
CREATE INDEX search_word_trgm ON search_word USING gin (word gin_trgm_ops);

ALTER TABLE measure ADD COLUMN search_words text[] NOT NULL DEFAULT '{}';
CREATE INDEX measure_search_words ON measure USING gin (search_words);
-- Nothing reads search_text by trigram any more; the index only cost time on every write.
DROP INDEX measure_search_trgm;

CREATE OR REPLACE FUNCTION measure_search_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search :=
    setweight(to_tsvector('german', coalesce(NEW.title, '')), 'A') ||
    setweight(to_tsvector('german', array_to_string(NEW.tags, ' ')), 'B') ||
    setweight(to_tsvector('german', coalesce(NEW.goal, '') || ' ' || coalesce(NEW.need, '')), 'C') ||
    setweight(to_tsvector('german', coalesce(NEW.description, '') || ' ' || coalesce(NEW.external_actors, '') || ' ' || coalesce(NEW.target_groups, '') || ' ' || coalesce(NEW.origin, '')), 'D');
  NEW.search_text := replace(lower(coalesce(NEW.title, '') || ' ' || array_to_string(NEW.tags, ' ') || ' ' || coalesce(NEW.goal, '') || ' ' || coalesce(NEW.need, '') || ' ' || coalesce(NEW.description, '')), 'ß', 'ss');
  -- Sorted, so concurrent writers add vocabulary rows in the same order and cannot deadlock.
  NEW.search_words := ARRAY(
    SELECT DISTINCT w FROM regexp_split_to_table(NEW.search_text, '[^[:alnum:]]+') w WHERE length(w) >= 3 ORDER BY w);
  IF TG_OP = 'INSERT' OR NEW.search_words IS DISTINCT FROM OLD.search_words THEN
    -- Words of edited or deleted briefs stay in the vocabulary; they match no brief and cost little.
    INSERT INTO search_word (municipality_id, word)
      SELECT NEW.municipality_id, w FROM unnest(NEW.search_words) w ORDER BY w
      ON CONFLICT DO NOTHING;
  END IF;
  RETURN NEW;
END $$;

-- Backfill existing briefs through the trigger above.
UPDATE measure SET search_text = search_text;

CREATE TABLE measure_list_version (
  municipality_id uuid PRIMARY KEY REFERENCES municipality(id) ON DELETE CASCADE,
  version bigint NOT NULL
);

-- Runs at COMMIT (deferred), once per municipality and transaction: a transaction that changes many
-- briefs bumps once, and the version row is locked only at the very end, after every brief lock the
-- transaction takes, so writers of one municipality queue briefly instead of deadlocking.
CREATE FUNCTION measure_list_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  muni uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.municipality_id ELSE NEW.municipality_id END;
  done text := coalesce(current_setting('roter_faden.list_bumped', true), '');
BEGIN
  IF position(muni::text IN done) = 0 THEN
    -- The municipality itself may be going away in this transaction (cascade): then nothing to bump.
    INSERT INTO measure_list_version AS v (municipality_id, version)
      SELECT muni, 1 WHERE EXISTS (SELECT 1 FROM municipality WHERE id = muni)
      ON CONFLICT (municipality_id) DO UPDATE SET version = v.version + 1;
    PERFORM set_config('roter_faden.list_bumped', done || muni::text || ' ', true);
  END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER measure_list_version_bump AFTER INSERT OR UPDATE OR DELETE ON measure
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION measure_list_version_bump();
