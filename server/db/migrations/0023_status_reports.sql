-- Implementation monitoring, part 1 (issue 15): status reports per measure and comments on them.
--
-- A measure's implementation state (on track, minor/major issues, done, on hold, cancelled) is its
-- latest report, never a field one could overwrite: every change has an author and a date. The
-- measure's own `status` stays its planning stage (idea … implementation, done, on hold) and is not
-- changed by a report (see docs/architecture.md, monitoring).
CREATE TABLE status_report (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  measure_id uuid NOT NULL,
  author_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  state text NOT NULL CHECK (state IN ('on_track', 'minor_issues', 'major_issues', 'done', 'on_hold', 'cancelled')),
  progress int NOT NULL CHECK (progress BETWEEN 0 AND 100),
  spent_cents bigint NOT NULL CHECK (spent_cents >= 0),
  milestone_ids uuid[] NOT NULL DEFAULT '{}',
  next_steps text NOT NULL DEFAULT '',
  blockers text NOT NULL DEFAULT '',
  board_decision_needed boolean NOT NULL DEFAULT false,
  -- the reporting cycle the report belongs to; cycles come later (no foreign key yet)
  cycle_id uuid,
  -- the report this one followed (null for the first): two people reporting at once are detected by it
  previous_id uuid,
  -- filed with "unchanged": the previous report's content under a new date and author
  unchanged boolean NOT NULL DEFAULT false,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (id),
  FOREIGN KEY (municipality_id, measure_id) REFERENCES measure(municipality_id, id) ON DELETE CASCADE
);
-- one report per predecessor: the second of two concurrent reports fails here even if both passed the check
CREATE UNIQUE INDEX status_report_follows ON status_report (measure_id, coalesce(previous_id, '00000000-0000-0000-0000-000000000000'::uuid));
CREATE INDEX status_report_timeline ON status_report (municipality_id, measure_id, created_at DESC);

CREATE TABLE status_report_comment (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  report_id uuid NOT NULL,
  author_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
  department_id uuid,
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (municipality_id, id),
  UNIQUE (id),
  FOREIGN KEY (municipality_id, report_id) REFERENCES status_report(municipality_id, id) ON DELETE CASCADE
);
CREATE INDEX status_report_comment_report ON status_report_comment (municipality_id, report_id, created_at);

-- The current implementation state of each measure: its latest report.
CREATE VIEW measure_implementation AS
  SELECT DISTINCT ON (measure_id) municipality_id, measure_id, id AS report_id, state, progress, spent_cents, created_at
  FROM status_report ORDER BY measure_id, created_at DESC, id;
