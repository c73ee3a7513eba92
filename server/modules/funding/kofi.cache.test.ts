import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { openPostgres, type Db } from '../../db/client';
import { call, createTenant, createTestApp, json, type Tenant } from '../../test/harness';
import { kofiVersion } from './kofi.cache';
import type { App } from '../../app';

/**
 * The KoFi is cached per (municipality, data version, filter) (kofi.cache.ts). These tests show that
 * every write the KoFi depends on is in the very next KoFi — plan saves, brief edits and deletes,
 * programme levels — through the same instance and (on PostgreSQL) through another instance.
 */
let app: App;
let db: Db;
let close: () => Promise<void>;
let t: Tenant;
beforeAll(async () => {
  ({ app, db, close } = await createTestApp());
  t = await createTenant(app, 'Kofistadt');
});
afterAll(() => close());

type Levels = Record<'eu' | 'federal' | 'state' | 'municipality' | 'third_party', number>;
type Kofi = { years: string[]; rows: { measureId: string; title: string; costCents: number | null; byYear: Record<string, Levels> }[]; sums: Record<string, Levels>; totals: { costCents: number; fundedCents: number; gapCents: number } };
const kofi = async (x: App, query = '') => {
  const res = await call(x, t.cookies.reader, 'GET', `/kofi${query}`);
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  return json<Kofi>(res);
};
const createMeasure = async (x: App, title: string, extra: object = {}) => {
  const res = await call(x, t.cookies.coordinator, 'POST', '/measures', { title, ...extra });
  expect(res.statusCode).toBe(201);
  return json<{ id: string; version: number }>(res);
};
const savePlan = async (x: App, measureId: string, sources: object[]) => {
  const { version } = json<{ version: number }>(await call(x, t.cookies.reader, 'GET', `/measures/${measureId}/funding-plan`));
  const res = await call(x, t.cookies.coordinator, 'PUT', `/measures/${measureId}/funding-plan`, { version, sources });
  expect(res.statusCode).toBe(200);
};
const federalProgramme = async () => {
  const all = json<{ id: string; name: string; level: string; version: number }[]>(await call(app, t.cookies.reader, 'GET', '/funding-programmes'));
  return all.find((p) => p.level === 'federal')!;
};

describe('KoFi cache', () => {
  it('shows plan saves, brief edits, deletes and programme level changes in the very next KoFi', async () => {
    const school = await createMeasure(app, 'Schulhof entsiegeln', { costCents: 100_000_00 });
    const park = await createMeasure(app, 'Stadtpark beleuchten', { costCents: 50_000_00 });
    let k = await kofi(app);
    expect(k.rows.map((r) => r.title)).toEqual(['Schulhof entsiegeln', 'Stadtpark beleuchten']);
    expect(k.totals).toMatchObject({ costCents: 150_000_00, fundedCents: 0, gapCents: 150_000_00 });
    expect(await kofi(app)).toEqual(k); // the second one comes from the cache, the same answer

    const programme = await federalProgramme();
    await savePlan(app, school.id, [
      { kind: 'programme', programmeId: programme.id, status: 'applied', amounts: { '2027': 60_000_00 } },
      { kind: 'municipal_budget', status: 'approved', amounts: { '2027': 20_000_00, '2028': 10_000_00 } },
    ]);
    k = await kofi(app);
    expect(k.sums['2027']).toMatchObject({ federal: 60_000_00, municipality: 20_000_00 });
    expect(k.totals).toMatchObject({ fundedCents: 60_000_00, gapCents: 10_000_00 + 50_000_00 });

    // the cache is real: a write that bypasses the brief's row (and so the version) is not seen …
    await db.query("UPDATE funding_source SET amounts = '{\"2027\": 1}' WHERE municipality_id = $1 AND kind = 'programme'", [t.municipalityId]);
    expect((await kofi(app)).sums['2027'].federal).toBe(60_000_00);
    // … which is why the plan save updates the brief's row: the next save is seen at once
    await savePlan(app, school.id, [{ kind: 'programme', programmeId: programme.id, status: 'approved', amounts: { '2027': 70_000_00 } }]);
    k = await kofi(app);
    expect(k.sums['2027']).toMatchObject({ federal: 70_000_00, municipality: 0 });
    expect(k.years).toEqual(['2027']);

    // a programme moved to another level moves its money in the KoFi (catalogue version)
    const v = await kofiVersion(db, t.municipalityId);
    const moved = await call(app, t.cookies.admin, 'PATCH', `/funding-programmes/${programme.id}`, { version: programme.version, level: 'state' });
    expect(moved.statusCode).toBe(200);
    expect(await kofiVersion(db, t.municipalityId)).toBeGreaterThan(v);
    expect((await kofi(app)).sums['2027']).toMatchObject({ federal: 0, state: 70_000_00 });

    // filtered KoFis are cached apart and follow edits too
    const district = json<{ id: string }>(await call(app, t.cookies.coordinator, 'POST', '/districts', { name: 'Nordstadt' }));
    expect((await kofi(app, `?district=${district.id}`)).rows).toEqual([]);
    const parkNow = json<{ version: number }>(await call(app, t.cookies.reader, 'GET', `/measures/${park.id}`));
    const edit = await call(app, t.cookies.coordinator, 'PATCH', `/measures/${park.id}`, { districtIds: [district.id], costCents: 80_000_00, version: parkNow.version });
    expect(edit.statusCode).toBe(200);
    expect((await kofi(app, `?district=${district.id}`)).rows.map((r) => [r.title, r.costCents])).toEqual([['Stadtpark beleuchten', 80_000_00]]);
    expect((await kofi(app)).totals.costCents).toBe(180_000_00);

    const parkLatest = json<{ version: number }>(await call(app, t.cookies.reader, 'GET', `/measures/${park.id}`));
    expect((await call(app, t.cookies.coordinator, 'DELETE', `/measures/${park.id}?version=${parkLatest.version}`)).statusCode).toBe(204);
    expect((await kofi(app)).rows.map((r) => r.title)).toEqual(['Schulhof entsiegeln']);
    expect((await kofi(app, `?district=${district.id}`)).rows).toEqual([]);
  });

  it('keeps tenants apart', async () => {
    const other = await createTenant(app, 'Anderstadt');
    expect((await call(app, other.cookies.coordinator, 'POST', '/measures', { title: 'Fremde Maßnahme', costCents: 1_00 })).statusCode).toBe(201);
    expect((await kofi(app)).rows.map((r) => r.title)).not.toContain('Fremde Maßnahme');
    const theirs = json<Kofi>(await call(app, other.cookies.reader, 'GET', '/kofi'));
    expect(theirs.rows.map((r) => r.title)).toEqual(['Fremde Maßnahme']);
  });
});

describe.runIf(!!process.env.TEST_DATABASE_URL)('KoFi cache across app instances', () => {
  it('never serves a KoFi that another instance has changed', async () => {
    const a = await createTestApp();
    const dbB = await openPostgres(a.databaseUrl!, 3);
    const b = await buildApp(a.app.config, dbB, { logger: false });
    try {
      t = await createTenant(a.app);
      const m = await createMeasure(a.app, 'Brücke sanieren', { costCents: 10_000_00 });
      for (const x of [a.app, b]) expect((await kofi(x)).totals.gapCents).toBe(10_000_00);
      await savePlan(b, m.id, [{ kind: 'third_party', status: 'approved', amounts: { '2029': 4_000_00 } }]);
      expect((await kofi(a.app)).sums['2029'].third_party).toBe(4_000_00);
      expect((await kofi(a.app)).totals.gapCents).toBe(6_000_00);
    } finally {
      await b.close();
      await dbB.close();
      await a.close();
    }
  });
});
