-- Priority class of a measure (A: first, B: second, C: later), set by a coordinator's decision
-- (prioritisation, issue 4) and used as a filter in lists and the cost-and-financing overview.
ALTER TABLE measure ADD COLUMN priority text CHECK (priority IN ('A', 'B', 'C'));
CREATE INDEX measure_priority ON measure (municipality_id, priority);
