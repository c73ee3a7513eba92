-- Implementation monitoring, part 3 (issue 15): indicators of strategic goals, their target path and measured values.
--
-- An indicator's state (on course / at risk / off course / no data) is not stored: it follows from the
-- values, the target path and the rule list in domain/indicators.ts at the time it is read.
CREATE TABLE indicator (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  goal_id uuid NOT NULL,
  name text NOT NULL,
  unit text NOT NULL DEFAULT '',
  source text NOT NULL DEFAULT '',
  baseline_value numeric NOT NULL,
  baseline_date date NOT NULL,
  kind text NOT NULL CHECK (kind IN ('increase_to', 'decrease_to', 'within_range')),
  -- the department that measures and enters the values (optional); its members may enter values
  department_id uuid,
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (municipality_id, id),
  UNIQUE (id),
  FOREIGN KEY (municipality_id, goal_id) REFERENCES goal(municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, department_id) REFERENCES department(municipality_id, id) ON DELETE SET NULL (department_id)
);
CREATE UNIQUE INDEX indicator_name ON indicator (municipality_id, goal_id, lower(name));

-- One point of the target path: a value (increase/decrease) or a range (within_range) to be reached by a date.
CREATE TABLE indicator_target (
  municipality_id uuid NOT NULL,
  indicator_id uuid NOT NULL,
  target_date date NOT NULL,
  value numeric,
  min_value numeric,
  max_value numeric,
  PRIMARY KEY (municipality_id, indicator_id, target_date),
  CHECK ((value IS NOT NULL AND min_value IS NULL AND max_value IS NULL) OR (value IS NULL AND min_value IS NOT NULL AND max_value IS NOT NULL AND min_value <= max_value)),
  FOREIGN KEY (municipality_id, indicator_id) REFERENCES indicator(municipality_id, id) ON DELETE CASCADE
);

CREATE TABLE indicator_value (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  indicator_id uuid NOT NULL,
  measured_on date NOT NULL,
  value numeric NOT NULL,
  note text NOT NULL DEFAULT '',
  entered_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (municipality_id, id),
  UNIQUE (id),
  -- one value per indicator and date: a second import of the same file cannot double the series
  UNIQUE (indicator_id, measured_on),
  FOREIGN KEY (municipality_id, indicator_id) REFERENCES indicator(municipality_id, id) ON DELETE CASCADE
);
