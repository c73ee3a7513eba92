-- Implementation monitoring, part 4 (issue 15): reporting cycles.
--
-- The coordinators open a cycle with a due date; reports filed while it is open belong to it
-- (status_report.cycle_id). Closing it stores the latest report of every measure as an immutable
-- snapshot (JSON in `snapshot`), from which the cycle's board report can be reproduced at any time;
-- later reports belong to the next cycle. A closed cycle refuses every change (trigger below, besides
-- the service's 409 `cycle_closed`), and no report can be filed into it.
CREATE TABLE reporting_cycle (
  municipality_id uuid NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  opened_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  opened_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
  due_on date NOT NULL,
  reminder_days_before int NOT NULL DEFAULT 7 CHECK (reminder_days_before BETWEEN 0 AND 90),
  closed_at timestamptz,
  closed_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
  -- at closing: [{measureId, number, title, leadDepartmentId, report: {...} | null}], never changed afterwards
  snapshot jsonb,
  version int NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (id),
  UNIQUE (municipality_id, title),
  CHECK ((closed_at IS NULL) = (snapshot IS NULL))
);
-- at most one open cycle per municipality: the second of two concurrent openings fails here
CREATE UNIQUE INDEX reporting_cycle_one_open ON reporting_cycle (municipality_id) WHERE closed_at IS NULL;

CREATE FUNCTION reporting_cycle_closed_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- only the authors' references may still change (set null when an account is deleted)
  IF OLD.closed_at IS NOT NULL AND (NEW.title, NEW.due_on, NEW.reminder_days_before, NEW.closed_at, NEW.snapshot, NEW.opened_at, NEW.version)
       IS DISTINCT FROM (OLD.title, OLD.due_on, OLD.reminder_days_before, OLD.closed_at, OLD.snapshot, OLD.opened_at, OLD.version) THEN
    RAISE EXCEPTION 'reporting cycle % is closed', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER reporting_cycle_closed_is_final BEFORE UPDATE ON reporting_cycle
  FOR EACH ROW EXECUTE FUNCTION reporting_cycle_closed_is_final();

ALTER TABLE status_report ADD FOREIGN KEY (municipality_id, cycle_id) REFERENCES reporting_cycle(municipality_id, id);
CREATE INDEX status_report_cycle ON status_report (cycle_id, measure_id) WHERE cycle_id IS NOT NULL;

CREATE FUNCTION status_report_open_cycle_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.cycle_id IS NOT NULL AND EXISTS (SELECT 1 FROM reporting_cycle WHERE id = NEW.cycle_id AND closed_at IS NOT NULL) THEN
    RAISE EXCEPTION 'reporting cycle % is closed', NEW.cycle_id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER status_report_open_cycle_only BEFORE INSERT OR UPDATE OF cycle_id ON status_report
  FOR EACH ROW EXECUTE FUNCTION status_report_open_cycle_only();

-- Reminders per department: `auto` once per cycle (the daily job; unique, so two instances send it once),
-- `manual` when a coordinator reminds again (not twice within an hour, checked by the service).
CREATE TABLE reporting_cycle_reminder (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  cycle_id uuid NOT NULL,
  department_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('auto', 'manual')),
  sent_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  sent_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, cycle_id) REFERENCES reporting_cycle(municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, department_id) REFERENCES department(municipality_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX reporting_cycle_reminder_auto ON reporting_cycle_reminder (cycle_id, department_id) WHERE kind = 'auto';
CREATE INDEX reporting_cycle_reminder_dept ON reporting_cycle_reminder (cycle_id, department_id, sent_at DESC);
