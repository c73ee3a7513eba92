-- Recompute a brief's search columns only when a text they are built from is written. Decisions,
-- dot results, matrix edits and imports of dates touch thousands of rows without changing any text;
-- on PGlite the full recomputation was most of a 200-measure decision's time (bench/priorities.ts).
DROP TRIGGER measure_search_refresh ON measure;
CREATE TRIGGER measure_search_refresh
  BEFORE INSERT OR UPDATE OF title, tags, goal, need, description, external_actors, target_groups, origin, search_text ON measure
  FOR EACH ROW EXECUTE FUNCTION measure_search_refresh();
