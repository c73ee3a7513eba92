-- Funding: a catalogue version for caching, saved searches and their notifications.

-- Bumped in the same transaction as every write to the municipality's programmes (create, edit, delete,
-- import). An instance caches the catalogue with the version it read and re-reads it when the version
-- differs, so two instances behind one PostgreSQL never serve a stale catalogue for matching.
ALTER TABLE municipality ADD COLUMN funding_catalogue_version bigint NOT NULL DEFAULT 0;

-- "Gespeicherte Suchen": which measures (filters) and optionally which programmes a coordinator or admin
-- wants to hear about when a programme or its windows change.
CREATE TABLE saved_search (
  municipality_id uuid NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  owner_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  name text NOT NULL,
  -- {"district": [uuid], "actionField": [uuid], "status": [text], "priority": ["A"|"B"|"C"]}
  measure_filter jsonb NOT NULL DEFAULT '{}',
  -- {"level": [text], "kind": [text], "topic": text}
  programme_filter jsonb NOT NULL DEFAULT '{}',
  notify_email boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  version int NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (id)
);
CREATE UNIQUE INDEX saved_search_name ON saved_search (municipality_id, owner_id, lower(name));

-- One change of the catalogue (a programme created, edited or imported) that was evaluated.
CREATE TABLE funding_change (
  municipality_id uuid NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('create', 'update', 'import')),
  actor_name text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  UNIQUE (id)
);

-- A (measure, programme) fit reported to a saved search: once per pair, so it is never reported twice.
-- seen_at is null while the owner has not looked at it ("neu").
CREATE TABLE saved_search_hit (
  municipality_id uuid NOT NULL,
  saved_search_id uuid NOT NULL,
  measure_id uuid NOT NULL,
  programme_id uuid NOT NULL,
  change_id uuid NOT NULL,
  score int NOT NULL,
  found_at timestamptz NOT NULL DEFAULT now(),
  seen_at timestamptz,
  PRIMARY KEY (saved_search_id, measure_id, programme_id),
  FOREIGN KEY (municipality_id, saved_search_id) REFERENCES saved_search(municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, measure_id) REFERENCES measure(municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, programme_id) REFERENCES funding_programme(municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, change_id) REFERENCES funding_change(municipality_id, id) ON DELETE CASCADE
);
CREATE INDEX saved_search_hit_unseen ON saved_search_hit (saved_search_id) WHERE seen_at IS NULL;
CREATE INDEX saved_search_hit_change ON saved_search_hit (change_id);

-- One e-mail per saved search and change. The row is claimed before sending, so with several app
-- instances each mail goes out once; a failed send removes the claim (a stale claim is taken over).
CREATE TABLE saved_search_mail (
  saved_search_id uuid NOT NULL REFERENCES saved_search(id) ON DELETE CASCADE,
  change_id uuid NOT NULL REFERENCES funding_change(id) ON DELETE CASCADE,
  claimed_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  PRIMARY KEY (saved_search_id, change_id)
);
