-- Issue 14, workshop integrity: named participants with personal codes, several devices per named
-- participant, and the per-client join limit.

-- 'open': anyone with the workshop code joins (as before); 'named': only the people the facilitator
-- listed, each with a personal code.
ALTER TABLE workshop ADD COLUMN admission text NOT NULL DEFAULT 'open' CHECK (admission IN ('open', 'named'));

-- A personal code is typed or scanned like the workshop code, so it is unique across all municipalities;
-- it is longer (10 characters) than a workshop code (6), so the two can never be mistaken for each other.
ALTER TABLE participant ADD COLUMN personal_code text;
CREATE UNIQUE INDEX participant_personal_code ON participant (personal_code) WHERE personal_code IS NOT NULL;

-- The devices a named participant joined with: a phone and a tablet with one code are one participant
-- with one budget. A device belongs to at most one participant of a workshop.
CREATE TABLE named_device (
  municipality_id uuid NOT NULL,
  workshop_id uuid NOT NULL,
  device_hash text NOT NULL,
  participant_id uuid NOT NULL,
  PRIMARY KEY (workshop_id, device_hash),
  FOREIGN KEY (municipality_id, participant_id) REFERENCES participant(municipality_id, id) ON DELETE CASCADE
);
CREATE INDEX named_device_participant ON named_device (participant_id);

-- New participants per client address (an HMAC of it, never the address itself) and workshop, kept
-- only for the window of the join limit: older rows are deleted on every join.
CREATE TABLE workshop_join (
  workshop_id uuid NOT NULL REFERENCES workshop(id) ON DELETE CASCADE,
  client_hash text NOT NULL,
  joined_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX workshop_join_client ON workshop_join (workshop_id, client_hash, joined_at);
CREATE INDEX workshop_join_at ON workshop_join (joined_at);
