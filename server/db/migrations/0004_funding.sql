-- Funding: each municipality's catalogue of programmes (seeded from the shipped catalogue, then its own),
-- designated funding areas, financially weak status, and each measure's funding plan.

ALTER TABLE municipality ADD COLUMN financially_weak boolean NOT NULL DEFAULT false;
ALTER TABLE municipality ADD COLUMN funding_seeded boolean NOT NULL DEFAULT false;
ALTER TABLE district ADD COLUMN designated_area boolean NOT NULL DEFAULT false;
-- The funding plan is saved as a whole; its own version detects concurrent edits of the plan.
ALTER TABLE measure ADD COLUMN funding_version int NOT NULL DEFAULT 0;

CREATE TABLE funding_programme (
  municipality_id uuid NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL,
  provider text NOT NULL DEFAULT '',
  level text NOT NULL CHECK (level IN ('eu', 'federal', 'state', 'other')),
  kind text NOT NULL CHECK (kind IN ('grant', 'loan', 'prize')),
  rate_text text NOT NULL DEFAULT '',
  rate_percent numeric(5, 2) CHECK (rate_percent BETWEEN 0 AND 100),
  rate_weak_percent numeric(5, 2) CHECK (rate_weak_percent BETWEEN 0 AND 100),
  min_amount_cents bigint CHECK (min_amount_cents >= 0),
  max_amount_cents bigint CHECK (max_amount_cents >= 0),
  applicants text[] NOT NULL DEFAULT '{}',
  topics text[] NOT NULL DEFAULT '{}',
  requires_designated_area boolean NOT NULL DEFAULT false,
  climate_requirement boolean NOT NULL DEFAULT false,
  windows jsonb NOT NULL DEFAULT '[]',
  required_documents text NOT NULL DEFAULT '',
  description text NOT NULL DEFAULT '',
  source_url text NOT NULL DEFAULT '',
  last_checked date,
  version int NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (id)
);
CREATE UNIQUE INDEX funding_programme_name ON funding_programme (municipality_id, lower(name));

CREATE TABLE funding_source (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  measure_id uuid NOT NULL,
  position int NOT NULL DEFAULT 0,
  kind text NOT NULL CHECK (kind IN ('programme', 'municipal_budget', 'third_party')),
  programme_id uuid,
  label text NOT NULL DEFAULT '',
  status text NOT NULL DEFAULT 'idea' CHECK (status IN ('idea', 'preparing', 'applied', 'approved', 'rejected', 'paid_out')),
  application_deadline date,
  -- year → cents, e.g. {"2027": 50000000, "2028": 25000000}
  amounts jsonb NOT NULL DEFAULT '{}',
  note text NOT NULL DEFAULT '',
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, measure_id) REFERENCES measure(municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, programme_id) REFERENCES funding_programme(municipality_id, id) ON DELETE RESTRICT
);
CREATE INDEX funding_source_measure ON funding_source (municipality_id, measure_id, position);
CREATE INDEX funding_source_programme ON funding_source (municipality_id, programme_id);
