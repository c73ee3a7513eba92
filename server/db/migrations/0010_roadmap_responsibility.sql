-- Responsibility matrix and shared roadmap (issue 4, parts 3 and 4).

-- Departments kept informed about a measure (besides the lead and the partners). Being informed does
-- not block deleting a department: the trigger below drops the id from every measure instead.
ALTER TABLE measure ADD COLUMN informed_department_ids uuid[] NOT NULL DEFAULT '{}';
CREATE INDEX measure_informed ON measure USING gin (informed_department_ids);

CREATE FUNCTION department_forget_informed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE measure SET informed_department_ids = array_remove(informed_department_ids, OLD.id)
  WHERE municipality_id = OLD.municipality_id AND OLD.id = ANY(informed_department_ids);
  RETURN OLD;
END $$;
CREATE TRIGGER department_forget_informed AFTER DELETE ON department
  FOR EACH ROW EXECUTE FUNCTION department_forget_informed();

-- Milestones of a measure: a dated step, done or not. Own version for concurrent edits.
CREATE TABLE milestone (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  measure_id uuid NOT NULL,
  title text NOT NULL,
  due_on date NOT NULL,
  done boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  version int NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (id),
  FOREIGN KEY (municipality_id, measure_id) REFERENCES measure(municipality_id, id) ON DELETE CASCADE
);
CREATE INDEX milestone_measure ON milestone (municipality_id, measure_id, due_on);

-- Finish-to-start: measure_id may start only once depends_on_id has ended. Cycles are refused by the
-- service (domain/dependencies.ts) under a lock on the municipality row.
CREATE TABLE measure_dependency (
  municipality_id uuid NOT NULL,
  measure_id uuid NOT NULL,
  depends_on_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, measure_id, depends_on_id),
  CHECK (measure_id <> depends_on_id),
  FOREIGN KEY (municipality_id, measure_id) REFERENCES measure(municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, depends_on_id) REFERENCES measure(municipality_id, id) ON DELETE CASCADE
);
CREATE INDEX measure_dependency_predecessor ON measure_dependency (municipality_id, depends_on_id);

-- The roadmap pages dated measures by start; with the end included, counting them and finding the
-- date range of an unfiltered roadmap is an index-only scan instead of a pass over the wide rows.
CREATE INDEX measure_start ON measure (municipality_id, planned_start, number) INCLUDE (planned_end);
-- Grouped roadmaps page in group order: without these the page query sorts every dated measure.
CREATE INDEX measure_roadmap_district ON measure (municipality_id, (district_ids[1]), planned_start, number)
  WHERE planned_start IS NOT NULL AND planned_end IS NOT NULL;
CREATE INDEX measure_roadmap_field ON measure (municipality_id, (action_field_ids[1]), planned_start, number)
  WHERE planned_start IS NOT NULL AND planned_end IS NOT NULL;
CREATE INDEX measure_roadmap_lead ON measure (municipality_id, lead_department_id, planned_start, number)
  WHERE planned_start IS NOT NULL AND planned_end IS NOT NULL;
