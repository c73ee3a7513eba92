-- Funding areas are designated for a programme, not in general: a district records the kinds of areas it
-- lies in (a redevelopment area of "Lebendige Zentren", a "Sozialer Zusammenhalt" area, a LEADER region,
-- an ERDF area, …); programmes state the kinds they accept, the kinds of municipality they are for
-- (LEADER: rural), and their typical grant per project. The municipality records its settlement type.

ALTER TABLE district ADD COLUMN designations text[] NOT NULL DEFAULT '{}'
  CHECK (designations <@ ARRAY['lebendige_zentren', 'sozialer_zusammenhalt', 'wachstum_nachhaltige_erneuerung', 'leader', 'efre', 'other']::text[]);
-- The old yes/no flag did not say for which programme: such districts become an area whose programme
-- is not recorded ("other"); the matcher then asks to check the designation instead of guessing one.
UPDATE district SET designations = ARRAY['other'] WHERE designated_area;
ALTER TABLE district DROP COLUMN designated_area;

-- Most users of an urban development concept are towns; rural municipalities change it in the vision form.
ALTER TABLE municipality ADD COLUMN settlement_type text NOT NULL DEFAULT 'urban' CHECK (settlement_type IN ('urban', 'rural'));

ALTER TABLE funding_programme ADD COLUMN area_kinds text[] NOT NULL DEFAULT '{}'
  CHECK (area_kinds <@ ARRAY['lebendige_zentren', 'sozialer_zusammenhalt', 'wachstum_nachhaltige_erneuerung', 'leader', 'efre', 'other']::text[]);
ALTER TABLE funding_programme ADD COLUMN settlement_types text[] NOT NULL DEFAULT '{}'
  CHECK (settlement_types <@ ARRAY['urban', 'rural']::text[]);
ALTER TABLE funding_programme ADD COLUMN typical_min_cents bigint CHECK (typical_min_cents >= 0);
ALTER TABLE funding_programme ADD COLUMN typical_max_cents bigint CHECK (typical_max_cents >= 0);

-- Catalogues copied from the shipped seed before this migration: give the shipped programmes (matched by
-- their exact seed names) the area kinds, settlement types and typical sizes the seed now records
-- (server/db/seed/funding-programmes.ts has the sources). Topics are left alone: they may have been edited.
UPDATE funding_programme SET area_kinds = ARRAY['lebendige_zentren'], version = version + 1
  WHERE name = 'Städtebauförderung – Lebendige Zentren';
UPDATE funding_programme SET area_kinds = ARRAY['sozialer_zusammenhalt'], version = version + 1
  WHERE name = 'Städtebauförderung – Sozialer Zusammenhalt';
UPDATE funding_programme SET area_kinds = ARRAY['wachstum_nachhaltige_erneuerung'], version = version + 1
  WHERE name = 'Städtebauförderung – Wachstum und nachhaltige Erneuerung';
UPDATE funding_programme SET area_kinds = ARRAY['efre'], settlement_types = ARRAY['urban'], version = version + 1
  WHERE name = 'EFRE Nachhaltige Stadtentwicklung Sachsen 2021–2027';
UPDATE funding_programme SET requires_designated_area = true, area_kinds = ARRAY['leader'], settlement_types = ARRAY['rural'],
  typical_max_cents = 20000000, version = version + 1
  WHERE name = 'LEADER Sachsen 2023–2027';
UPDATE funding_programme SET typical_min_cents = 50000000, typical_max_cents = 300000000, version = version + 1
  WHERE name = 'Sanierung kommunaler Einrichtungen in den Bereichen Sport, Jugend und Kultur';
UPDATE municipality SET funding_catalogue_version = funding_catalogue_version + 1;
