-- Issue 13: personal API tokens for scripts. A token acts as its user in its municipality with the
-- user's current role there (joined with membership on every request), so lowering the role or removing
-- the membership takes effect at once. Only the keyed hash (HMAC-SHA-256 with SESSION_SECRET) is stored;
-- the token itself is shown once. Revoking deletes the row (the audit trail keeps the event).
CREATE TABLE api_token (
  municipality_id uuid NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  read_only boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz,
  last_used_at timestamptz,
  PRIMARY KEY (municipality_id, id)
);
CREATE INDEX api_token_by_user ON api_token (user_id, municipality_id);
