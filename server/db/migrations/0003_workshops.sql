-- Workshops, small groups, participants (accounts or guests by code), dot-voting rounds.

CREATE TABLE workshop (
  municipality_id uuid NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  title text NOT NULL,
  kind text NOT NULL DEFAULT 'strategy' CHECK (kind IN ('leadership', 'strategy', 'network', 'citizens', 'other')),
  starts_on date,
  ends_on date,
  place text NOT NULL DEFAULT '',
  online_url text NOT NULL DEFAULT '',
  facilitators text NOT NULL DEFAULT '',
  agenda text NOT NULL DEFAULT '',
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'running', 'done')),
  join_code text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  version int NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (id),
  CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on)
);
-- Codes are typed on phones: unique across all municipalities, so a code alone finds its workshop.
CREATE UNIQUE INDEX workshop_join_code ON workshop (join_code);

CREATE TABLE workshop_group (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  workshop_id uuid NOT NULL,
  name text NOT NULL,
  district_id uuid,
  position int NOT NULL DEFAULT 0,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (id),
  FOREIGN KEY (municipality_id, workshop_id) REFERENCES workshop(municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, district_id) REFERENCES district(municipality_id, id) ON DELETE SET NULL (district_id)
);

-- A participant is an account of the municipality or a guest known by a device token (hash) from
-- the join cookie: the same device rejoining is the same participant.
CREATE TABLE participant (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  workshop_id uuid NOT NULL,
  user_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
  device_hash text,
  name text NOT NULL,
  group_id uuid,
  joined_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  UNIQUE (id),
  FOREIGN KEY (municipality_id, workshop_id) REFERENCES workshop(municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, group_id) REFERENCES workshop_group(municipality_id, id) ON DELETE SET NULL (group_id)
);
CREATE UNIQUE INDEX participant_user ON participant (workshop_id, user_id) WHERE user_id IS NOT NULL;
CREATE UNIQUE INDEX participant_device ON participant (workshop_id, device_hash) WHERE device_hash IS NOT NULL;

ALTER TABLE measure ADD COLUMN origin_workshop_id uuid;
ALTER TABLE measure ADD COLUMN origin_group_id uuid;
ALTER TABLE measure ADD COLUMN dots int;
ALTER TABLE measure ADD COLUMN dot_rank int;
CREATE INDEX measure_origin_workshop ON measure (municipality_id, origin_workshop_id);
ALTER TABLE goal ADD COLUMN dots int;
ALTER TABLE goal ADD COLUMN dot_rank int;

CREATE TABLE vote_round (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  workshop_id uuid NOT NULL,
  title text NOT NULL,
  subject text NOT NULL CHECK (subject IN ('measures', 'goals', 'options')),
  dots_per_participant int NOT NULL DEFAULT 3 CHECK (dots_per_participant BETWEEN 1 AND 50),
  allow_cumulation boolean NOT NULL DEFAULT false,
  max_dots_per_item int NOT NULL DEFAULT 1 CHECK (max_dots_per_item >= 1),
  anonymous boolean NOT NULL DEFAULT true,
  results_visibility text NOT NULL DEFAULT 'live' CHECK (results_visibility IN ('live', 'after_close')),
  timer_seconds int,
  top_n int NOT NULL DEFAULT 5,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'closed')),
  opened_at timestamptz,
  closes_at timestamptz,
  closed_at timestamptz,
  parent_round_id uuid,
  decision jsonb,
  -- the result as it stood when the round closed: kept as the record of the round
  result jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  version int NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (id),
  FOREIGN KEY (municipality_id, workshop_id) REFERENCES workshop(municipality_id, id) ON DELETE CASCADE
);

CREATE TABLE vote_item (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  round_id uuid NOT NULL,
  ref_id uuid,
  label text NOT NULL,
  position int NOT NULL DEFAULT 0,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (id),
  FOREIGN KEY (municipality_id, round_id) REFERENCES vote_round(municipality_id, id) ON DELETE CASCADE
);
CREATE INDEX vote_item_round ON vote_item (round_id, position);

-- One row per dot. The id comes from the client (one per tap), so a retried request is not a second dot.
CREATE TABLE dot (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  round_id uuid NOT NULL,
  item_id uuid NOT NULL,
  participant_id uuid NOT NULL,
  placed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, round_id) REFERENCES vote_round(municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, item_id) REFERENCES vote_item(municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, participant_id) REFERENCES participant(municipality_id, id) ON DELETE CASCADE
);
CREATE INDEX dot_round_participant ON dot (round_id, participant_id);
CREATE INDEX dot_round_item ON dot (round_id, item_id);
