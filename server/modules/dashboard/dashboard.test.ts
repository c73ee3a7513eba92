import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTenant, createTestApp, json, type Tenant } from '../../test/harness';
import type { App } from '../../app';

let app: App;
let close: () => Promise<void>;
beforeAll(async () => ({ app, close } = await createTestApp()));
afterAll(() => close());

interface Bucket { key: string; label: string; count: number; costCents: number }
const STATUS_KEYS = ['idea', 'brief', 'prioritised', 'planning', 'implementation', 'done', 'on_hold'];
const STATUS_LABELS = ['Idee', 'Steckbrief', 'Priorisiert', 'In Planung', 'In Umsetzung', 'Abgeschlossen', 'Zurückgestellt'];
/** The full status list with the given counts and costs; every other status is 0. */
const statuses = (nonZero: Record<string, [number, number]>): Bucket[] =>
  STATUS_KEYS.map((key, i) => ({ key, label: STATUS_LABELS[i], count: nonZero[key]?.[0] ?? 0, costCents: nonZero[key]?.[1] ?? 0 }));
const named = (buckets: Bucket[]) => buckets.filter((b) => b.key !== 'none');

/**
 * A municipality with two dimensions, two districts, its two departments and four measures:
 *
 * | # | status   | districts           | dimensions    | lead   | partner | cost (cents) | horizon |
 * |---|----------|---------------------|---------------|--------|---------|--------------|---------|
 * | 1 | done     | Altstadt            | Grün          | Planung| –       | 10 000 000   | short   |
 * | 2 | planning | Altstadt, Nordviertel| Grün, Gerecht| Tiefbau| –       |    250 000   | medium  |
 * | 3 | done     | Nordviertel         | Gerecht       | –      | –       | –            | –       |
 * | 4 | idea     | –                   | –             | Planung| Tiefbau |      5 000   | long    |
 */
async function scenario() {
  const t = await createTenant(app, 'Dashboardstadt');
  const c = t.cookies.coordinator;
  const post = async (path: string, body: Record<string, unknown>) => {
    const res = await call(app, c, 'POST', path, body);
    expect(res.statusCode, res.body).toBe(201);
    return json(res).id as string;
  };
  const green = await post('/dimensions', { name: 'Grüne Stadt', position: 0 });
  const fair = await post('/dimensions', { name: 'Gerechte Stadt', position: 1 });
  const oldTown = await post('/districts', { name: 'Altstadt' });
  const north = await post('/districts', { name: 'Nordviertel' });
  const [planning, civil] = t.departmentIds; // Stadtplanungsamt, Tiefbauamt
  const m = [
    await post('/measures', { title: 'Schulhof entsiegeln', status: 'done', districtIds: [oldTown], dimensionIds: [green], leadDepartmentId: planning, costCents: 10_000_000, horizon: 'short' }),
    await post('/measures', { title: 'Radweg Nord', status: 'planning', districtIds: [oldTown, north], dimensionIds: [green, fair], leadDepartmentId: civil, costCents: 250_000, horizon: 'medium' }),
    await post('/measures', { title: 'Stadtteilfest', status: 'done', districtIds: [north], dimensionIds: [fair] }),
    await post('/measures', { title: 'Ideenwerkstatt', status: 'idea', leadDepartmentId: planning, partnerDepartmentIds: [civil], costCents: 5_000, horizon: 'long' }),
  ];
  return { t, green, fair, oldTown, north, planning, civil, m };
}

const dashboard = async (cookie: string | null, query = '') => call(app, cookie, 'GET', `/dashboard${query}`);

describe('dashboard', () => {
  it('counts and sums all measures exactly, per status, dimension, district, department and horizon', async () => {
    const s = await scenario();
    const res = await dashboard(s.t.cookies.reader);
    expect(res.statusCode).toBe(200);
    const d = json(res);
    expect(d.total).toBe(4);
    expect(d.totalCostCents).toBe(10_255_000);
    expect(d.byStatus).toEqual(statuses({ idea: [1, 5_000], planning: [1, 250_000], done: [2, 10_000_000] }));
    expect(named(d.byDimension)).toEqual([
      { key: s.green, label: 'Grüne Stadt', count: 2, costCents: 10_250_000 },
      { key: s.fair, label: 'Gerechte Stadt', count: 2, costCents: 250_000 },
    ]);
    expect(named(d.byDistrict)).toEqual([
      { key: s.oldTown, label: 'Altstadt', count: 2, costCents: 10_250_000 },
      { key: s.north, label: 'Nordviertel', count: 2, costCents: 250_000 },
    ]);
    // by lead department only (partners do not count); a measure without lead goes to "none"
    expect(d.byDepartment).toEqual([
      { key: s.planning, label: 'Stadtplanungsamt', count: 2, costCents: 10_005_000 },
      { key: s.civil, label: 'Tiefbauamt', count: 1, costCents: 250_000 },
      { key: 'none', label: 'ohne Federführung', count: 1, costCents: 0 },
    ]);
    expect(d.byHorizon).toEqual([
      { key: 'short', label: 'kurzfristig', count: 1, costCents: 10_000_000 },
      { key: 'medium', label: 'mittelfristig', count: 1, costCents: 250_000 },
      { key: 'long', label: 'langfristig', count: 1, costCents: 5_000 },
      { key: 'none', label: 'ohne Zeithorizont', count: 1, costCents: 0 },
    ]);
  });

  it('counts measures without a district or dimension in an "ohne …" bucket, like those without a lead', async () => {
    // Measure 4 has neither districts nor dimensions, measure 3 no lead: all three appear as "none".
    const s = await scenario();
    const d = json(await dashboard(s.t.cookies.reader));
    expect(d.byDepartment.find((b: Bucket) => b.key === 'none')).toEqual({ key: 'none', label: 'ohne Federführung', count: 1, costCents: 0 });
    expect(d.byDistrict.find((b: Bucket) => b.key === 'none')).toEqual({ key: 'none', label: 'ohne Stadtteil', count: 1, costCents: 5_000 });
    expect(d.byDimension.find((b: Bucket) => b.key === 'none')).toEqual({ key: 'none', label: 'ohne Dimension', count: 1, costCents: 5_000 });
  });

  it('narrows every figure to the filtered measures', async () => {
    const s = await scenario();
    const r = s.t.cookies.reader;

    const done = json(await dashboard(r, '?status=done')); // measures 1 and 3
    expect(done).toMatchObject({ total: 2, totalCostCents: 10_000_000 });
    expect(done.byStatus).toEqual(statuses({ done: [2, 10_000_000] }));
    expect(named(done.byDistrict)).toEqual([
      { key: s.oldTown, label: 'Altstadt', count: 1, costCents: 10_000_000 },
      { key: s.north, label: 'Nordviertel', count: 1, costCents: 0 },
    ]);
    expect(done.byDepartment).toEqual([
      { key: s.planning, label: 'Stadtplanungsamt', count: 1, costCents: 10_000_000 },
      { key: s.civil, label: 'Tiefbauamt', count: 0, costCents: 0 },
      { key: 'none', label: 'ohne Federführung', count: 1, costCents: 0 },
    ]);

    const north = json(await dashboard(r, `?district=${s.north}`)); // measures 2 and 3
    expect(north).toMatchObject({ total: 2, totalCostCents: 250_000 });
    expect(north.byStatus).toEqual(statuses({ planning: [1, 250_000], done: [1, 0] }));
    expect(named(north.byDimension)).toEqual([
      { key: s.green, label: 'Grüne Stadt', count: 1, costCents: 250_000 },
      { key: s.fair, label: 'Gerechte Stadt', count: 2, costCents: 250_000 },
    ]);

    // values of one filter combine with OR, filters with AND
    expect(json(await dashboard(r, '?status=done,idea'))).toMatchObject({ total: 3, totalCostCents: 10_005_000 });
    expect(json(await dashboard(r, `?status=done,planning&district=${s.oldTown}`))).toMatchObject({ total: 2, totalCostCents: 10_250_000 });
    expect(json(await dashboard(r, `?status=idea&district=${s.oldTown}`))).toMatchObject({ total: 0, totalCostCents: 0 });
    // the department filter also finds partner departments (measure 4), the buckets still go by lead
    const civil = json(await dashboard(r, `?department=${s.civil}`)); // measures 2 and 4
    expect(civil).toMatchObject({ total: 2, totalCostCents: 255_000 });
    expect(named(civil.byDepartment)).toEqual([
      { key: s.planning, label: 'Stadtplanungsamt', count: 1, costCents: 5_000 },
      { key: s.civil, label: 'Tiefbauamt', count: 1, costCents: 250_000 },
    ]);
    expect(json(await dashboard(r, `?dimension=${s.fair}`))).toMatchObject({ total: 2, totalCostCents: 250_000 });
    expect(json(await dashboard(r, '?horizon=short,long'))).toMatchObject({ total: 2, totalCostCents: 10_005_000 });
  });

  it('an empty result has zero totals and all buckets at zero', async () => {
    const s = await scenario();
    const d = json(await dashboard(s.t.cookies.reader, '?status=on_hold'));
    expect(d.total).toBe(0);
    expect(d.totalCostCents).toBe(0);
    expect(d.byStatus).toEqual(statuses({}));
    expect(d.byDepartment.map((b: Bucket) => b.count)).toEqual([0, 0]);
    expect(d.byHorizon.map((b: Bucket) => b.key)).toEqual(['short', 'medium', 'long']);
  });

  it('never counts measures of another municipality, nor lists its districts or departments', async () => {
    const s = await scenario();
    const other: Tenant = await createTenant(app, 'Nachbarstadt');
    const foreignDistrict = json(await call(app, other.cookies.coordinator, 'POST', '/districts', { name: 'Fremdviertel' })).id;
    for (const status of ['done', 'done', 'implementation']) {
      const res = await call(app, other.cookies.coordinator, 'POST', '/measures', {
        title: `Fremd ${status}`, status, costCents: 99_000_000, districtIds: [foreignDistrict], leadDepartmentId: other.departmentIds[0], horizon: 'short',
      });
      expect(res.statusCode).toBe(201);
    }
    const d = json(await dashboard(s.t.cookies.admin));
    expect(d).toMatchObject({ total: 4, totalCostCents: 10_255_000 });
    expect(d.byStatus).toEqual(statuses({ idea: [1, 5_000], planning: [1, 250_000], done: [2, 10_000_000] }));
    const keys = [...d.byDistrict, ...d.byDepartment, ...d.byDimension].map((b: Bucket) => b.key);
    expect(keys).not.toContain(foreignDistrict);
    expect(keys).not.toContain(other.departmentIds[0]);
    expect(json(await dashboard(s.t.cookies.admin, `?district=${foreignDistrict}`))).toMatchObject({ total: 0, totalCostCents: 0 });

    const theirs = json(await dashboard(other.cookies.reader));
    expect(theirs).toMatchObject({ total: 3, totalCostCents: 297_000_000 });
    expect(named(theirs.byDistrict)).toEqual([{ key: foreignDistrict, label: 'Fremdviertel', count: 3, costCents: 297_000_000 }]);
  });

  it('is open to every member, refuses bad filters with 400 and anonymous callers with 401', async () => {
    const s = await scenario();
    for (const role of ['admin', 'coordinator', 'department', 'reader'] as const) {
      expect((await dashboard(s.t.cookies[role])).statusCode, role).toBe(200);
    }
    for (const q of ['?status=erledigt', '?district=kein-uuid', '?horizon=bald']) {
      const res = await dashboard(s.t.cookies.reader, q);
      expect(res.statusCode, q).toBe(400);
      expect(json(res).error.code).toBe('validation_failed');
    }
    const anon = await dashboard(null);
    expect(anon.statusCode).toBe(401);
    expect(json(anon).error.code).toBe('unauthenticated');
  });
});
