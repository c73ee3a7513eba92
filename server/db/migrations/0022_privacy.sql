-- Issue 14 part 5, data protection (GDPR): per-municipality privacy settings (notice text, how long
-- workshop guests' names are kept), erased accounts and guests, and the audit trail's erasure exception.

-- `notice` is the privacy page the admin writes (plain text with a few Markdown-like marks, rendered
-- without HTML). `guest_retention_days`: days after a workshop's end (ends_on, else starts_on) after which
-- its guests' names are replaced by pseudonyms; 0 = never automatically (the admin erases by hand).
CREATE TABLE privacy_settings (
  municipality_id uuid PRIMARY KEY REFERENCES municipality(id) ON DELETE CASCADE,
  notice text NOT NULL DEFAULT '',
  notice_updated_at timestamptz,
  guest_retention_days int NOT NULL DEFAULT 90 CHECK (guest_retention_days BETWEEN 0 AND 3650),
  version int NOT NULL DEFAULT 1
);

-- Erased rows stay (their ids keep dots, scores and history consistent); only who they were is gone.
ALTER TABLE app_user ADD COLUMN erased_at timestamptz;
ALTER TABLE participant ADD COLUMN erased_at timestamptz;
CREATE INDEX participant_guest_kept ON participant (municipality_id, workshop_id) WHERE erased_at IS NULL AND user_id IS NULL;

ALTER TABLE audit_event DROP CONSTRAINT audit_event_action_check;
ALTER TABLE audit_event ADD CONSTRAINT audit_event_action_check CHECK (action IN (
  'create', 'update', 'delete',
  'sign_in', 'sign_in_failed', 'sign_out', 'session_end',
  'two_factor_on', 'two_factor_off', 'export', 'erasure'
));

-- `changes` with every string value blanked: two events have the same shape when they differ at most in
-- their texts (keys, numbers, booleans, nulls and the nesting all equal).
CREATE FUNCTION audit_json_shape(j jsonb) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN CASE jsonb_typeof(j)
    WHEN 'object' THEN coalesce((SELECT jsonb_object_agg(k, audit_json_shape(v)) FROM jsonb_each(j) AS e(k, v)), '{}'::jsonb)
    WHEN 'array' THEN coalesce((SELECT jsonb_agg(audit_json_shape(v) ORDER BY i) FROM jsonb_array_elements(j) WITH ORDINALITY AS e(v, i)), '[]'::jsonb)
    WHEN 'string' THEN '""'::jsonb
    ELSE j
  END;
END
$$;

-- The append-only rule of 0019, with exception 3 widened for the GDPR erasure: inside a transaction that
-- ran `SELECT set_config('rf.audit_erasure', 'on', true)`, an UPDATE may change actor_name and the texts
-- inside `changes` (names and e-mail addresses replaced by a pseudonym) — nothing but texts: the shape of
-- `changes` (keys, numbers, booleans, nesting) and every other column must stay as they were.
CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF NOT EXISTS (SELECT 1 FROM municipality WHERE id = OLD.municipality_id) THEN
      RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit_event is append-only: DELETE refused' USING ERRCODE = 'P0001', HINT = 'audit_append_only';
  END IF;
  IF (NEW.id, NEW.municipality_id, NEW.entity_type, NEW.entity_id, NEW.action, NEW.at)
     IS NOT DISTINCT FROM (OLD.id, OLD.municipality_id, OLD.entity_type, OLD.entity_id, OLD.action, OLD.at) THEN
    IF NEW.changes IS NOT DISTINCT FROM OLD.changes AND OLD.actor_id IS NOT NULL AND NEW.actor_id IS NULL
       AND NEW.actor_name IS NOT DISTINCT FROM OLD.actor_name
       AND NOT EXISTS (SELECT 1 FROM app_user WHERE id = OLD.actor_id) THEN
      RETURN NEW;
    END IF;
    IF current_setting('rf.audit_erasure', true) = 'on' AND NEW.actor_id IS NOT DISTINCT FROM OLD.actor_id
       AND audit_json_shape(NEW.changes) = audit_json_shape(OLD.changes) THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'audit_event is append-only: UPDATE refused' USING ERRCODE = 'P0001', HINT = 'audit_append_only';
END
$$;
