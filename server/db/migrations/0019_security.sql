-- Issue 14, security: two-factor sign-in (TOTP), visible sessions with an idle timeout, and an
-- append-only audit trail that also records sign-ins, sign-outs, two-factor changes and exports.

-- One TOTP secret per account. `secret` is encrypted with a key derived from SESSION_SECRET (AES-256-GCM),
-- so a copy of the database alone does not yield the codes. `enabled_at` is null while the person has
-- not yet confirmed the secret with a code. `last_step` is the 30-second step of the last code accepted:
-- a code is accepted only for a later step, so each code works once.
CREATE TABLE two_factor (
  user_id uuid PRIMARY KEY REFERENCES app_user(id) ON DELETE CASCADE,
  secret text NOT NULL,
  enabled_at timestamptz,
  last_step bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Ten one-time recovery codes per account, stored as SHA-256 hashes (they are random, 50 bits each).
CREATE TABLE two_factor_recovery (
  user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  code_hash text NOT NULL,
  used_at timestamptz,
  PRIMARY KEY (user_id, code_hash)
);

-- Between the password and the second factor: a short-lived token (only its keyed hash) and no session.
CREATE TABLE sign_in_pending (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  municipality_id uuid NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
  expires_at timestamptz NOT NULL
);
CREATE INDEX sign_in_pending_user ON sign_in_pending (user_id);

-- Sessions a person can see and end: a public id (never the token's hash), when it was last used
-- (written at most once a minute), the browser's User-Agent (cut to 300 characters) and the client
-- address shortened to its network (IPv4 /24, IPv6 /48) — enough to recognise, not to locate.
ALTER TABLE session ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE session ADD COLUMN last_active_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE session ADD COLUMN user_agent text NOT NULL DEFAULT '';
ALTER TABLE session ADD COLUMN address text NOT NULL DEFAULT '';
CREATE UNIQUE INDEX session_id ON session (id);

-- Per municipality: whether its admins must use two-factor sign-in.
CREATE TABLE security_settings (
  municipality_id uuid PRIMARY KEY REFERENCES municipality(id) ON DELETE CASCADE,
  require_admin_two_factor boolean NOT NULL DEFAULT false,
  version int NOT NULL DEFAULT 1
);

-- The audit trail records more than changes now.
ALTER TABLE audit_event DROP CONSTRAINT audit_event_action_check;
ALTER TABLE audit_event ADD CONSTRAINT audit_event_action_check CHECK (action IN (
  'create', 'update', 'delete',
  'sign_in', 'sign_in_failed', 'sign_out', 'session_end',
  'two_factor_on', 'two_factor_off', 'export'
));
CREATE INDEX audit_event_time ON audit_event (municipality_id, at DESC, id DESC);

-- Append-only, enforced by the database. Three narrow exceptions, each needed by something else:
--  1. DELETE when the municipality itself is gone: its ON DELETE CASCADE removes the whole trail with it.
--  2. UPDATE that only sets actor_id to NULL after the account was deleted (the FK's ON DELETE SET NULL).
--  3. UPDATE of actor_name alone inside a transaction that has run
--     `SELECT set_config('rf.audit_erasure', 'on', true)` (transaction-local): the GDPR erasure of a person
--     replaces their name by a pseudonym; every other column must stay as it was.
-- TRUNCATE is not covered (it needs the table owner's rights, as dropping the table does).
CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF NOT EXISTS (SELECT 1 FROM municipality WHERE id = OLD.municipality_id) THEN
      RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit_event is append-only: DELETE refused' USING ERRCODE = 'P0001', HINT = 'audit_append_only';
  END IF;
  IF (NEW.id, NEW.municipality_id, NEW.entity_type, NEW.entity_id, NEW.action, NEW.at, NEW.changes)
     IS NOT DISTINCT FROM (OLD.id, OLD.municipality_id, OLD.entity_type, OLD.entity_id, OLD.action, OLD.at, OLD.changes) THEN
    IF OLD.actor_id IS NOT NULL AND NEW.actor_id IS NULL AND NEW.actor_name IS NOT DISTINCT FROM OLD.actor_name
       AND NOT EXISTS (SELECT 1 FROM app_user WHERE id = OLD.actor_id) THEN
      RETURN NEW;
    END IF;
    IF current_setting('rf.audit_erasure', true) = 'on' AND NEW.actor_id IS NOT DISTINCT FROM OLD.actor_id THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'audit_event is append-only: UPDATE refused' USING ERRCODE = 'P0001', HINT = 'audit_append_only';
END
$$;
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
