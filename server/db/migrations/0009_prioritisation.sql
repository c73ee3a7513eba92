-- Prioritisation (issue 4, parts 1 and 2): criteria with weights, scoring rounds with independent
-- raters, and recorded decisions (priority class and time horizon per measure).

-- The municipality's criteria. Edited as one set (the weights must sum to 100), so the set has one version.
CREATE TABLE priority_criterion (
  municipality_id uuid NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  position int NOT NULL DEFAULT 0,
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  weight int NOT NULL CHECK (weight BETWEEN 0 AND 100),
  -- impact: a high score means more benefit; effort: a high score means LESS effort (cheap, easy),
  -- so the chart's effort is 100 minus the normalised score
  axis text NOT NULL CHECK (axis IN ('impact', 'effort')),
  -- the written meaning of the scores 1..5, as a JSON array of five texts
  levels jsonb NOT NULL,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (id)
);
CREATE INDEX priority_criterion_position ON priority_criterion (municipality_id, position);

CREATE TABLE priority_settings (
  municipality_id uuid PRIMARY KEY REFERENCES municipality(id) ON DELETE CASCADE,
  criteria_version int NOT NULL DEFAULT 1
);

-- A scoring round (Bewertungsrunde). It keeps a copy of the criteria as they were when it was created,
-- so later edits of the criteria never change the scores or results of a past round.
CREATE TABLE scoring_round (
  municipality_id uuid NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL,
  -- open: raters score, each sees only their own; revealed: everyone sees all; closed: no more edits
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'revealed', 'closed')),
  criteria jsonb NOT NULL,
  dot_round_id uuid,
  dot_weight int NOT NULL DEFAULT 0 CHECK (dot_weight BETWEEN 0 AND 100),
  created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  revealed_at timestamptz,
  closed_at timestamptz,
  version int NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (id),
  FOREIGN KEY (municipality_id, dot_round_id) REFERENCES vote_round(municipality_id, id) ON DELETE SET NULL (dot_round_id)
);

CREATE TABLE scoring_round_measure (
  municipality_id uuid NOT NULL,
  round_id uuid NOT NULL,
  measure_id uuid NOT NULL,
  position int NOT NULL DEFAULT 0,
  PRIMARY KEY (municipality_id, round_id, measure_id),
  FOREIGN KEY (municipality_id, round_id) REFERENCES scoring_round(municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, measure_id) REFERENCES measure(municipality_id, id) ON DELETE CASCADE
);

CREATE TABLE scoring_round_rater (
  municipality_id uuid NOT NULL,
  round_id uuid NOT NULL,
  user_id uuid NOT NULL,
  PRIMARY KEY (municipality_id, round_id, user_id),
  FOREIGN KEY (municipality_id, round_id) REFERENCES scoring_round(municipality_id, id) ON DELETE CASCADE,
  -- a user who leaves the municipality is no longer a rater (and their scores go with them)
  FOREIGN KEY (municipality_id, user_id) REFERENCES membership(municipality_id, user_id) ON DELETE CASCADE
);

-- One rater's score of one measure on one criterion (criterion_id refers to the round's copy).
CREATE TABLE priority_score (
  municipality_id uuid NOT NULL,
  round_id uuid NOT NULL,
  measure_id uuid NOT NULL,
  criterion_id uuid NOT NULL,
  rater_id uuid NOT NULL,
  value smallint NOT NULL CHECK (value BETWEEN 1 AND 5),
  comment text NOT NULL DEFAULT '',
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, round_id, measure_id, criterion_id, rater_id),
  FOREIGN KEY (municipality_id, round_id, measure_id) REFERENCES scoring_round_measure(municipality_id, round_id, measure_id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, round_id, rater_id) REFERENCES scoring_round_rater(municipality_id, round_id, user_id) ON DELETE CASCADE
);
CREATE INDEX priority_score_rater ON priority_score (municipality_id, round_id, rater_id);

-- A recorded decision (e.g. "Stadtrat, 12.10.2023") and what it set per measure, with the computed
-- rank and score at the time, so the record shows where the decision departed from the ranking.
CREATE TABLE priority_decision (
  municipality_id uuid NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  round_id uuid,
  body text NOT NULL,
  decided_on date NOT NULL,
  note text NOT NULL DEFAULT '',
  created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
  created_by_name text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  UNIQUE (id),
  FOREIGN KEY (municipality_id, round_id) REFERENCES scoring_round(municipality_id, id) ON DELETE SET NULL (round_id)
);
CREATE INDEX priority_decision_round ON priority_decision (municipality_id, round_id, created_at);

CREATE TABLE priority_decision_item (
  municipality_id uuid NOT NULL,
  decision_id uuid NOT NULL,
  measure_id uuid NOT NULL,
  priority text NOT NULL CHECK (priority IN ('A', 'B', 'C')),
  horizon text NOT NULL CHECK (horizon IN ('short', 'medium', 'long')),
  computed_rank int,
  computed_score numeric(6, 2),
  ranked_count int NOT NULL DEFAULT 0,
  PRIMARY KEY (municipality_id, decision_id, measure_id),
  FOREIGN KEY (municipality_id, decision_id) REFERENCES priority_decision(municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, measure_id) REFERENCES measure(municipality_id, id) ON DELETE CASCADE
);
