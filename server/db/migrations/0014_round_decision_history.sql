-- Every tie decision recorded for a round, oldest first. A recorded decision is final; an explicit
-- revision (with its reason) appends to this list instead of overwriting, so the round page can show
-- what was decided before. `decision` stays the one in force (the last entry).
ALTER TABLE vote_round ADD COLUMN decision_history jsonb NOT NULL DEFAULT '[]'::jsonb;
UPDATE vote_round SET decision_history = jsonb_build_array(decision) WHERE decision IS NOT NULL;
