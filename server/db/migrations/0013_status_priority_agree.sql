-- A measure's status and priority class must agree (domain/measure-state.ts): "prioritised" needs a
-- class, an idea or a brief has none. Before this, nothing linked the two columns, and the demo seeded
-- "Priorisiert" measures that showed "noch nicht priorisiert".
--
-- Existing rows are repaired without inventing a class, and every repair is written to the audit trail:
-- 1. 'prioritised' without a class goes back to 'brief': no decision ever gave it a class.
-- 2. an idea or a brief with a class becomes 'prioritised': the class came from a decision, and a
--    decision moves ideas and briefs to 'prioritised'.
WITH fixed AS (
  UPDATE measure SET status = 'brief', version = version + 1, updated_at = now()
  WHERE status = 'prioritised' AND priority IS NULL
  RETURNING municipality_id, id
)
INSERT INTO audit_event (municipality_id, entity_type, entity_id, action, actor_name, changes)
SELECT municipality_id, 'measure', id::text, 'update', 'Migration 0013 (Status und Priorität)', '{"status": ["prioritised", "brief"]}'::jsonb FROM fixed;

WITH fixed AS (
  UPDATE measure m SET status = 'prioritised', version = m.version + 1, updated_at = now()
  FROM measure old
  WHERE old.id = m.id AND m.status IN ('idea', 'brief') AND m.priority IS NOT NULL
  RETURNING m.municipality_id, m.id, old.status AS old_status
)
INSERT INTO audit_event (municipality_id, entity_type, entity_id, action, actor_name, changes)
SELECT municipality_id, 'measure', id::text, 'update', 'Migration 0013 (Status und Priorität)', jsonb_build_object('status', jsonb_build_array(old_status, 'prioritised')) FROM fixed;

-- The repairs queued the deferred list-version trigger (0007); fire it now, since a table with pending
-- trigger events cannot be altered in the same transaction.
SET CONSTRAINTS ALL IMMEDIATE;

-- From now on the database refuses a contradicting row, whatever path writes it; the services check
-- first and answer 400 with the rule's message (priority_class_required / priority_class_not_allowed).
ALTER TABLE measure ADD CONSTRAINT measure_status_priority CHECK (
  (status <> 'prioritised' OR priority IS NOT NULL) AND (status NOT IN ('idea', 'brief') OR priority IS NULL)
);

-- Back to the declared timing for the migrations that follow in the same transaction (the only
-- deferrable trigger, measure_list_version_bump, is INITIALLY DEFERRED).
SET CONSTRAINTS ALL DEFERRED;
