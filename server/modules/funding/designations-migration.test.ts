import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { call, createTenant, createTestApp, json, type Tenant } from '../../test/harness';
import type { App } from '../../app';

const MIGRATION = new URL('../../db/migrations/0015_funding_designations.sql', import.meta.url);

let app: App;
let close: () => Promise<void>;
let t: Tenant;
beforeAll(async () => {
  ({ app, close } = await createTestApp());
  t = await createTenant(app, 'Altflaggenstadt');
});
afterAll(() => close());

type Programme = { id: string; name: string; version: number; requiresDesignatedArea: boolean; areaKinds: string[]; settlementTypes: string[]; typicalMaxCents: number | null };

describe('migration 0015: designations per programme', () => {
  it('turns the old yes/no flag into an area whose programme is not recorded, and gives the shipped programmes their area kinds', async () => {
    const flagged = json<{ id: string }>(await call(app, t.cookies.coordinator, 'POST', '/districts', { name: 'Altstadt' })).id;
    const plain = json<{ id: string }>(await call(app, t.cookies.coordinator, 'POST', '/districts', { name: 'Neustadt' })).id;
    const before = json<Programme[]>(await call(app, t.cookies.reader, 'GET', '/funding-programmes'));
    // the schema and data before 0015, as an older installation has them
    await app.db.exec(`
      ALTER TABLE district ADD COLUMN designated_area boolean NOT NULL DEFAULT false;
      ALTER TABLE district DROP COLUMN designations;
      ALTER TABLE municipality DROP COLUMN settlement_type;
      ALTER TABLE funding_programme DROP COLUMN area_kinds, DROP COLUMN settlement_types, DROP COLUMN typical_min_cents, DROP COLUMN typical_max_cents;
      UPDATE funding_programme SET requires_designated_area = false WHERE name LIKE 'LEADER%';
    `);
    await app.db.query('UPDATE district SET designated_area = true WHERE id = $1', [flagged]);

    await app.db.exec(readFileSync(MIGRATION, 'utf8'));

    const districts = json<{ id: string; designations: string[]; designatedArea: boolean }[]>(await call(app, t.cookies.reader, 'GET', '/districts'));
    expect(districts.find((d) => d.id === flagged)).toMatchObject({ designations: ['other'], designatedArea: true });
    expect(districts.find((d) => d.id === plain)).toMatchObject({ designations: [], designatedArea: false });
    expect(json<{ municipality: { settlementType: string } }>(await call(app, t.cookies.reader, 'GET', '/concept')).municipality.settlementType).toBe('urban');
    const after = json<Programme[]>(await call(app, t.cookies.reader, 'GET', '/funding-programmes'));
    const named = (re: RegExp) => after.find((p) => re.test(p.name))!;
    expect(named(/Lebendige Zentren/).areaKinds).toEqual(['lebendige_zentren']);
    expect(named(/^LEADER/)).toMatchObject({ requiresDesignatedArea: true, areaKinds: ['leader'], settlementTypes: ['rural'], typicalMaxCents: 20000000 });
    expect(named(/Kommunalrichtlinie/)).toMatchObject({ areaKinds: [], settlementTypes: [], typicalMaxCents: null });
    // changed programmes get a new version, so an edit based on the old one is refused instead of undoing the migration
    const lzBefore = before.find((p) => /Lebendige Zentren/.test(p.name))!;
    expect(named(/Lebendige Zentren/).version).toBe(lzBefore.version + 1);

    // the migrated district: "Fördergebiet prüfen" with a reason that says what is missing
    const m = json<{ id: string }>(await call(app, t.cookies.coordinator, 'POST', '/measures', { title: 'Umgestaltung des Marktplatzes', tags: ['Marktplatz'], districtIds: [flagged] }));
    type Match = { programmeName: string; state: string; check: { code: string }[] };
    const lz = json<Match[]>(await call(app, t.cookies.reader, 'GET', `/measures/${m.id}/funding-matches`)).find((x) => /Lebendige Zentren/.test(x.programmeName))!;
    expect(lz.state).toBe('check');
    expect(lz.check.map((r) => r.code)).toEqual(['area_unspecified']);
  });
});
