-- Synergy finder (issue 4, part 5): pairs of measures of different departments that a person has
-- confirmed as related, or dismissed. A pair is stored once, with the smaller id first, so that
-- "A–B" and "B–A" can never both exist. Both rows go when either measure is deleted (or merged away).
CREATE TABLE measure_relation (
  municipality_id uuid NOT NULL,
  measure_a uuid NOT NULL,
  measure_b uuid NOT NULL,
  score int NOT NULL DEFAULT 0,
  created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
  created_by_name text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, measure_a, measure_b),
  CHECK (measure_a < measure_b),
  FOREIGN KEY (municipality_id, measure_a) REFERENCES measure(municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, measure_b) REFERENCES measure(municipality_id, id) ON DELETE CASCADE
);
CREATE INDEX measure_relation_b ON measure_relation (municipality_id, measure_b);

-- A dismissed pair never returns to the open list (whatever its score becomes) until someone undoes it.
CREATE TABLE synergy_dismissal (
  municipality_id uuid NOT NULL,
  measure_a uuid NOT NULL,
  measure_b uuid NOT NULL,
  dismissed_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
  dismissed_by_name text,
  dismissed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, measure_a, measure_b),
  CHECK (measure_a < measure_b),
  FOREIGN KEY (municipality_id, measure_a) REFERENCES measure(municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, measure_b) REFERENCES measure(municipality_id, id) ON DELETE CASCADE
);
CREATE INDEX synergy_dismissal_b ON synergy_dismissal (municipality_id, measure_b);

-- The synergy index is cached against measure_list_version (migration 0007), bumped at the commit of
-- every transaction that writes measures.

