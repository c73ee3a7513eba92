-- Roter Faden: accounts, municipalities, concept structure, measures (project briefs), audit.
-- Runs on PostgreSQL 15 and on PGlite (PG 18): no uuidv7(), no PG16+ syntax.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE municipality (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  vision text NOT NULL DEFAULT '',
  horizon_start int,
  horizon_end int,
  created_at timestamptz NOT NULL DEFAULT now(),
  version int NOT NULL DEFAULT 1
);

CREATE TABLE app_user (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL,
  name text NOT NULL,
  password_hash text,
  locale text NOT NULL DEFAULT 'de',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX app_user_email ON app_user (lower(email));

CREATE TABLE department (
  municipality_id uuid NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL,
  short_name text NOT NULL DEFAULT '',
  head text NOT NULL DEFAULT '',
  version int NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (id)
);

CREATE TABLE membership (
  municipality_id uuid NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('admin', 'coordinator', 'department', 'reader')),
  department_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, user_id),
  FOREIGN KEY (municipality_id, department_id) REFERENCES department(municipality_id, id) ON DELETE SET NULL (department_id)
);
CREATE INDEX membership_user ON membership (user_id);

-- The cookie holds a random token; only its SHA-256 is stored, so a database leak yields no sessions.
CREATE TABLE session (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  municipality_id uuid NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX session_by_user ON session (user_id);

-- Failed logins per key (e-mail or client address) in the database, so every app instance sees them.
CREATE TABLE login_failure (
  key text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failure_key_at ON login_failure (key, at);

CREATE TABLE dimension (
  municipality_id uuid NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  color text NOT NULL DEFAULT '#2f6f4e',
  position int NOT NULL DEFAULT 0,
  version int NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (id)
);

CREATE TABLE action_field (
  municipality_id uuid NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  position int NOT NULL DEFAULT 0,
  version int NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (id)
);

CREATE TABLE goal (
  municipality_id uuid NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  position int NOT NULL DEFAULT 0,
  version int NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (id)
);

CREATE TABLE goal_action_field (
  municipality_id uuid NOT NULL,
  goal_id uuid NOT NULL,
  action_field_id uuid NOT NULL,
  PRIMARY KEY (municipality_id, goal_id, action_field_id),
  FOREIGN KEY (municipality_id, goal_id) REFERENCES goal(municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, action_field_id) REFERENCES action_field(municipality_id, id) ON DELETE CASCADE
);

CREATE TABLE goal_dimension (
  municipality_id uuid NOT NULL,
  goal_id uuid NOT NULL,
  dimension_id uuid NOT NULL,
  PRIMARY KEY (municipality_id, goal_id, dimension_id),
  FOREIGN KEY (municipality_id, goal_id) REFERENCES goal(municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, dimension_id) REFERENCES dimension(municipality_id, id) ON DELETE CASCADE
);

CREATE TABLE district (
  municipality_id uuid NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  boundary jsonb,
  version int NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (id)
);

-- A measure keeps its link lists as uuid arrays: one row per brief makes the filtered list and the
-- search a single index scan; the concept services clean the arrays when an item is deleted.
CREATE TABLE measure (
  municipality_id uuid NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  number int NOT NULL,
  title text NOT NULL,
  need text NOT NULL DEFAULT '',
  goal text NOT NULL DEFAULT '',
  description text NOT NULL DEFAULT '',
  district_ids uuid[] NOT NULL DEFAULT '{}',
  lead_department_id uuid,
  partner_department_ids uuid[] NOT NULL DEFAULT '{}',
  external_actors text NOT NULL DEFAULT '',
  target_groups text NOT NULL DEFAULT '',
  cost_cents bigint CHECK (cost_cents >= 0),
  horizon text CHECK (horizon IN ('short', 'medium', 'long')),
  planned_start date,
  planned_end date,
  status text NOT NULL DEFAULT 'idea'
    CHECK (status IN ('idea', 'brief', 'prioritised', 'planning', 'implementation', 'done', 'on_hold')),
  goal_ids uuid[] NOT NULL DEFAULT '{}',
  action_field_ids uuid[] NOT NULL DEFAULT '{}',
  dimension_ids uuid[] NOT NULL DEFAULT '{}',
  origin text NOT NULL DEFAULT '',
  tags text[] NOT NULL DEFAULT '{}',
  search tsvector,
  search_text text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version int NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (id),
  UNIQUE (municipality_id, number),
  FOREIGN KEY (municipality_id, lead_department_id) REFERENCES department(municipality_id, id) ON DELETE SET NULL (lead_department_id),
  CHECK (planned_end IS NULL OR planned_start IS NULL OR planned_end >= planned_start)
);
CREATE INDEX measure_search ON measure USING gin (search);
CREATE INDEX measure_search_trgm ON measure USING gin (search_text gin_trgm_ops);
CREATE INDEX measure_districts ON measure USING gin (district_ids);
CREATE INDEX measure_goals ON measure USING gin (goal_ids);
CREATE INDEX measure_fields ON measure USING gin (action_field_ids);
CREATE INDEX measure_dimensions ON measure USING gin (dimension_ids);
CREATE INDEX measure_partners ON measure USING gin (partner_department_ids);
CREATE INDEX measure_tags ON measure USING gin (tags);
CREATE INDEX measure_lead ON measure (municipality_id, lead_department_id);
CREATE INDEX measure_status ON measure (municipality_id, status);
CREATE INDEX measure_updated ON measure (municipality_id, updated_at DESC);

-- The search document: German stemming with weights (title first), plus a folded lower-case text for
-- trigram matching of compounds and typos ("Strasse" → "Straßenplanung").
CREATE FUNCTION measure_search_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search :=
    setweight(to_tsvector('german', coalesce(NEW.title, '')), 'A') ||
    setweight(to_tsvector('german', array_to_string(NEW.tags, ' ')), 'B') ||
    setweight(to_tsvector('german', coalesce(NEW.goal, '') || ' ' || coalesce(NEW.need, '')), 'C') ||
    setweight(to_tsvector('german', coalesce(NEW.description, '') || ' ' || coalesce(NEW.external_actors, '') || ' ' || coalesce(NEW.target_groups, '') || ' ' || coalesce(NEW.origin, '')), 'D');
  NEW.search_text := replace(lower(coalesce(NEW.title, '') || ' ' || array_to_string(NEW.tags, ' ') || ' ' || coalesce(NEW.goal, '') || ' ' || coalesce(NEW.need, '') || ' ' || coalesce(NEW.description, '')), 'ß', 'ss');
  RETURN NEW;
END $$;
CREATE TRIGGER measure_search_refresh BEFORE INSERT OR UPDATE ON measure
  FOR EACH ROW EXECUTE FUNCTION measure_search_refresh();

CREATE TABLE attachment (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  measure_id uuid NOT NULL,
  filename text NOT NULL,
  mime_type text NOT NULL,
  size_bytes int NOT NULL,
  data bytea NOT NULL,
  created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, measure_id) REFERENCES measure(municipality_id, id) ON DELETE CASCADE
);
CREATE INDEX attachment_measure ON attachment (municipality_id, measure_id);

-- Append-only: who changed what, when. Written in the same transaction as the change.
CREATE TABLE audit_event (
  id bigserial PRIMARY KEY,
  municipality_id uuid NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
  entity_type text NOT NULL,
  entity_id text NOT NULL,
  action text NOT NULL CHECK (action IN ('create', 'update', 'delete')),
  actor_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
  actor_name text,
  at timestamptz NOT NULL DEFAULT now(),
  changes jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_event_entity ON audit_event (municipality_id, entity_type, entity_id, id DESC);
