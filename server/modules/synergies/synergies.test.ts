import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTenant, createTestApp, json, type Tenant } from '../../test/harness';
import type { App } from '../../app';
import type { SynergyPage } from '../../../contract/synergies';

let app: App;
let close: () => Promise<void>;
let t: Tenant;
let other: Tenant;
let planning: string; // departmentIds[0]: the department user's own
let roads: string;
let culture: string;
const ids: Record<string, string> = {};
const measures: Record<string, { id: string; version: number }> = {};

const post = async (path: string, body: unknown, cookie = t.cookies.admin) => {
  const res = await call(app, cookie, 'POST', path, body);
  if (res.statusCode !== 201) throw new Error(`${path}: ${res.statusCode} ${res.body}`);
  return json(res);
};

beforeAll(async () => {
  ({ app, close } = await createTestApp());
  t = await createTenant(app, 'Musterstadt');
  other = await createTenant(app, 'Nachbarstadt');
  [planning, roads] = t.departmentIds;
  culture = (await post('/departments', { name: 'Kulturamt' })).id;
  for (const d of ['Altstadt', 'Neustadt', 'Südstadt']) ids[d] = (await post('/districts', { name: d })).id;
  for (const g of ['Grün', 'Mobilität']) ids[g] = (await post('/goals', { title: g })).id;
  const m = async (key: string, lead: string | null, districts: string[], goals: string[], extra: object = {}) => {
    measures[key] = await post('/measures', {
      title: key, leadDepartmentId: lead, districtIds: districts.map((d) => ids[d]), goalIds: goals.map((g) => ids[g]), horizon: 'short', ...extra,
    });
  };
  // park (planning) and trees (roads): same district and goal across departments, at the same time → 70
  const dated = { plannedStart: '2026-04-01', plannedEnd: '2027-10-31' };
  await m('Stadtpark Altstadt', planning, ['Altstadt'], ['Grün'], dated);
  await m('Straßenbäume Altstadt', roads, ['Altstadt'], ['Grün'], dated);
  // same department as the park: never a pair with it
  await m('Grünzug Altstadt', planning, ['Altstadt'], ['Grün'], dated);
  // culture in the Neustadt, mobility: only the district with the bus stop; no dates, so no time → 30
  await m('Kulturhaus Neustadt', culture, ['Neustadt'], []);
  await m('Bushaltestelle Neustadt', roads, ['Neustadt'], ['Mobilität']);
  // roads in the Südstadt (no measure of planning there)
  await m('Radweg Südstadt', roads, ['Südstadt'], ['Mobilität']);
});
afterAll(() => close());

const list = async (query: string, cookie = t.cookies.reader) => {
  const res = await call(app, cookie, 'GET', `/synergies${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return json<SynergyPage>(res);
};
const titles = (p: SynergyPage) => p.items.map((x) => [x.a.title, x.b.title].sort().join(' + '));

describe('GET /synergies', () => {
  it('lists pairs of different departments by score with reasons; the same department never pairs', async () => {
    const page = await list('?minScore=0');
    const park = page.items.find((x) => [x.a.title, x.b.title].includes('Stadtpark Altstadt') && [x.a.title, x.b.title].includes('Straßenbäume Altstadt'))!;
    expect(park.score).toBe(70);
    expect(park.reasons.map((r) => r.kind)).toEqual(['district', 'goal', 'time']);
    expect(park.reasons[0].ids).toEqual([ids.Altstadt]);
    expect(park.status).toBe('open');
    expect(page.items[0].score).toBe(70);
    for (let i = 1; i < page.items.length; i++) expect(page.items[i - 1].score).toBeGreaterThanOrEqual(page.items[i].score);
    expect(titles(page)).not.toContain('Grünzug Altstadt + Stadtpark Altstadt');
    expect(titles(page)).toContain('Kulturhaus Neustadt + Bushaltestelle Neustadt'.split(' + ').sort().join(' + '));
  });

  it('for one department: only pairs with one of its measures; min score and paging', async () => {
    const page = await list(`?department=${planning}&minScore=0`);
    expect(page.items.length).toBeGreaterThan(0);
    for (const p of page.items) expect([p.a.leadDepartmentId, p.b.leadDepartmentId].filter((d) => d === planning)).toHaveLength(1);
    const high = await list(`?department=${planning}&minScore=65`);
    expect(high.items.every((p) => p.score >= 65)).toBe(true);
    expect(high.total).toBe(2); // park + trees, green corridor + trees
    const p1 = await list(`?department=${planning}&minScore=0&pageSize=1&page=2`);
    expect(p1.items).toHaveLength(1);
    expect(p1.items[0].key).toBe(page.items[1].key);
    expect((await list(`?department=${culture}&minScore=0`)).items.map((x) => x.score)).toEqual([30]);
  });

  it('checks input (400), sign-in (401), and departments of other municipalities (404)', async () => {
    expect((await call(app, t.cookies.reader, 'GET', '/synergies?minScore=101')).statusCode).toBe(400);
    expect((await call(app, t.cookies.reader, 'GET', '/synergies?department=nope')).statusCode).toBe(400);
    expect((await call(app, t.cookies.reader, 'GET', '/synergies?status=maybe')).statusCode).toBe(400);
    expect((await call(app, null, 'GET', '/synergies')).statusCode).toBe(401);
    expect((await call(app, t.cookies.reader, 'GET', `/synergies?department=${other.departmentIds[0]}`)).statusCode).toBe(404);
    expect((await list('?minScore=0', other.cookies.reader)).total).toBe(0);
  });
});

describe('confirm, dismiss, undo', () => {
  it('confirms a pair as related: shown on both measures, gone from the open list; 409 twice; unlink', async () => {
    const { id: park } = measures['Stadtpark Altstadt'];
    const { id: trees } = measures['Straßenbäume Altstadt'];
    const res = await call(app, t.cookies.department, 'POST', '/synergies/relations', { measureIds: [trees, park] });
    expect(res.statusCode, res.body).toBe(201);
    expect(json(res)).toMatchObject({ measureIds: [park, trees].sort(), by: 'department user' });
    expect((await call(app, t.cookies.coordinator, 'POST', '/synergies/relations', { measureIds: [park, trees] })).statusCode).toBe(409);
    const onPark = json(await call(app, t.cookies.reader, 'GET', `/measures/${park}/related`));
    expect(onPark.map((r: { title: string }) => r.title)).toEqual(['Straßenbäume Altstadt']);
    const onTrees = json(await call(app, t.cookies.reader, 'GET', `/measures/${trees}/related`));
    expect(onTrees.map((r: { title: string }) => r.title)).toEqual(['Stadtpark Altstadt']);
    expect(titles(await list('?minScore=0'))).not.toContain('Stadtpark Altstadt + Straßenbäume Altstadt');
    const related = await list('?status=related');
    expect(related.items.map((p) => [p.key, p.status, p.score, p.by])).toEqual([[[park, trees].sort().join('|'), 'related', 70, 'department user']]);
    // dismissing a related pair is refused
    expect((await call(app, t.cookies.admin, 'POST', '/synergies/dismissals', { measureIds: [park, trees] })).statusCode).toBe(409);
    // unlink: it is a candidate again
    expect((await call(app, t.cookies.reader, 'DELETE', `/synergies/relations/${park}/${trees}`)).statusCode).toBe(403);
    expect((await call(app, t.cookies.coordinator, 'DELETE', `/synergies/relations/${trees}/${park}`)).statusCode).toBe(204);
    expect((await call(app, t.cookies.coordinator, 'DELETE', `/synergies/relations/${trees}/${park}`)).statusCode).toBe(404);
    expect(json(await call(app, t.cookies.reader, 'GET', `/measures/${park}/related`))).toEqual([]);
    expect(titles(await list('?minScore=0'))).toContain('Stadtpark Altstadt + Straßenbäume Altstadt');
  });

  it('a dismissed pair never returns (even after its measures change) until undone; who and when are kept', async () => {
    const culturePair = [measures['Kulturhaus Neustadt'].id, measures['Bushaltestelle Neustadt'].id] as const;
    const res = await call(app, t.cookies.coordinator, 'POST', '/synergies/dismissals', { measureIds: culturePair });
    expect(res.statusCode).toBe(201);
    expect(json(res).by).toBe('coordinator user');
    expect((await call(app, t.cookies.coordinator, 'POST', '/synergies/dismissals', { measureIds: culturePair })).statusCode).toBe(409);
    const keys = async () => (await list('?minScore=0')).items.map((p) => p.key);
    const key = [...culturePair].sort().join('|');
    expect(await keys()).not.toContain(key);
    // the measures change (new data version, higher score): still dismissed
    const bus = measures['Bushaltestelle Neustadt'];
    const edited = await call(app, t.cookies.admin, 'PATCH', `/measures/${bus.id}`, { version: bus.version, actionFieldIds: [], goalIds: [] , description: 'Kulturhaus Bushaltestelle' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(await keys()).not.toContain(key);
    const dismissed = await list('?status=dismissed');
    expect(dismissed.items.map((p) => [p.key, p.by])).toEqual([[key, 'coordinator user']]);
    expect(dismissed.items[0].at).toMatch(/^\d{4}-\d\d-\d\dT/);
    // the department user of planning touches neither measure
    expect((await call(app, t.cookies.department, 'DELETE', `/synergies/dismissals/${culturePair[0]}/${culturePair[1]}`)).statusCode).toBe(403);
    expect((await call(app, t.cookies.coordinator, 'DELETE', `/synergies/dismissals/${culturePair[0]}/${culturePair[1]}`)).statusCode).toBe(204);
    expect(await keys()).toContain(key);
    expect((await list('?status=dismissed')).total).toBe(0);
  });

  it('roles, bad input and other municipalities', async () => {
    const pair = [measures['Stadtpark Altstadt'].id, measures['Radweg Südstadt'].id];
    const foreign = json(await call(app, other.cookies.admin, 'POST', '/measures', { title: 'Fremd' })).id;
    for (const path of ['/synergies/relations', '/synergies/dismissals']) {
      expect((await call(app, null, 'POST', path, { measureIds: pair })).statusCode).toBe(401);
      expect((await call(app, t.cookies.reader, 'POST', path, { measureIds: pair })).statusCode).toBe(403);
      expect((await call(app, t.cookies.admin, 'POST', path, { measureIds: [pair[0]] })).statusCode).toBe(400);
      expect((await call(app, t.cookies.admin, 'POST', path, { measureIds: [pair[0], pair[0]] })).statusCode).toBe(400);
      expect((await call(app, t.cookies.admin, 'POST', path, { measureIds: [pair[0], 'x'] })).statusCode).toBe(400);
      expect((await call(app, t.cookies.admin, 'POST', path, { measureIds: [pair[0], foreign] })).statusCode).toBe(404);
      expect((await call(app, other.cookies.admin, 'POST', path, { measureIds: pair })).statusCode).toBe(404);
      // a department member acts only on pairs touching their department's measures
      const notMine = [measures['Kulturhaus Neustadt'].id, measures['Radweg Südstadt'].id];
      expect((await call(app, t.cookies.department, 'POST', path, { measureIds: notMine })).statusCode).toBe(403);
    }
    for (const path of ['/synergies/relations', '/synergies/dismissals']) {
      expect((await call(app, other.cookies.admin, 'DELETE', `${path}/${pair[0]}/${pair[1]}`)).statusCode).toBe(404);
      expect((await call(app, t.cookies.admin, 'DELETE', `${path}/${pair[0]}/nope`)).statusCode).toBe(400);
      expect((await call(app, null, 'DELETE', `${path}/${pair[0]}/${pair[1]}`)).statusCode).toBe(401);
    }
    expect((await call(app, other.cookies.reader, 'GET', `/measures/${pair[0]}/related`)).statusCode).toBe(404);
    expect((await call(app, null, 'GET', `/measures/${pair[0]}/related`)).statusCode).toBe(401);
  });

  it('merging a pair (POST /measures/:id/merge) removes it and its marks; stale versions get 409', async () => {
    const keep = await post('/measures', { title: 'Spielplatz Südstadt sanieren', leadDepartmentId: roads, districtIds: [ids['Südstadt']] });
    const dup = await post('/measures', { title: 'Sanierung Spielplatz Südstadt', leadDepartmentId: culture, districtIds: [ids['Südstadt']] });
    // new measures show up at once (the cached index notices the change)
    expect((await list('?minScore=0')).items.map((p) => p.key)).toContain([keep.id, dup.id].sort().join('|'));
    await post('/synergies/relations', { measureIds: [keep.id, dup.id] });
    expect((await call(app, t.cookies.admin, 'POST', `/measures/${keep.id}/merge`, { duplicateId: dup.id, version: keep.version + 1, duplicateVersion: dup.version })).statusCode).toBe(409);
    const merged = await call(app, t.cookies.coordinator, 'POST', `/measures/${keep.id}/merge`, { duplicateId: dup.id, version: keep.version, duplicateVersion: dup.version });
    expect(merged.statusCode).toBe(200);
    expect(json(await call(app, t.cookies.reader, 'GET', `/measures/${keep.id}/related`))).toEqual([]);
    expect((await list('?minScore=0')).items.some((p) => [p.a.id, p.b.id].includes(dup.id))).toBe(false);
  });
});

describe('GET /synergies/in-my-districts', () => {
  it("lists other departments' measures in the districts where the department has measures", async () => {
    const mine = json(await call(app, t.cookies.department, 'GET', '/synergies/in-my-districts'));
    expect(mine.departmentId).toBe(planning);
    expect(mine.districts.map((d: { name: string; own: number; total: number }) => [d.name, d.own, d.total])).toEqual([['Altstadt', 2, 1]]);
    expect(mine.districts[0].measures.map((m: { title: string }) => m.title)).toEqual(['Straßenbäume Altstadt']);
    const ofRoads = json(await call(app, t.cookies.reader, 'GET', `/synergies/in-my-districts?department=${roads}`));
    expect(ofRoads.districts.map((d: { name: string; total: number }) => [d.name, d.total])).toEqual([['Altstadt', 2], ['Neustadt', 1], ['Südstadt', 0]]);
  });

  it('needs a department (400), sign-in (401); other municipalities 404', async () => {
    expect((await call(app, t.cookies.reader, 'GET', '/synergies/in-my-districts')).statusCode).toBe(400);
    expect((await call(app, t.cookies.reader, 'GET', '/synergies/in-my-districts?department=x')).statusCode).toBe(400);
    expect((await call(app, null, 'GET', `/synergies/in-my-districts?department=${roads}`)).statusCode).toBe(401);
    expect((await call(app, other.cookies.reader, 'GET', `/synergies/in-my-districts?department=${roads}`)).statusCode).toBe(404);
  });
});

describe('precision (issue 12)', () => {
  it('the default minimum (70) keeps pairs worth a conversation; no time without dates; a shared partner counts; strongest reason first', async () => {
    const market = await post('/measures', {
      title: 'Marktplatz', leadDepartmentId: planning, districtIds: [ids.Altstadt], goalIds: [ids['Grün']], horizon: 'medium',
      plannedStart: '2027-01-01', plannedEnd: '2030-12-31', externalActors: 'Gewerbeverein Altstadt, Landesamt für Denkmalpflege',
    });
    // no dates, only a horizon: no time reason may be invented for it
    const shops = await post('/measures', {
      title: 'Leerstandsmanagement', leadDepartmentId: culture, districtIds: [ids.Altstadt], goalIds: [ids['Grün']], horizon: 'medium',
      externalActors: 'gewerbeverein altstadt; IHK',
    });
    const byDefault = await list('');
    expect(byDefault.items.every((p) => p.score >= 70)).toBe(true);
    const pair = byDefault.items.find((p) => p.key === [market.id, shops.id].sort().join('|'))!;
    expect(pair.score).toBe(80);
    expect(pair.reasons.map((r) => [r.kind, r.points])).toEqual([['district', 30], ['goal', 30], ['actor', 20]]);
    expect(pair.reasons[2].actors).toEqual([expect.stringMatching(/^gewerbeverein altstadt$/i)]);
    // district + goal alone (60) is below the default, listed on request
    const trees = measures['Straßenbäume Altstadt'].id;
    const keys = byDefault.items.map((p) => p.key);
    expect(keys).not.toContain([shops.id, trees].sort().join('|'));
    expect((await list('?minScore=60')).items.map((p) => p.key)).toContain([shops.id, trees].sort().join('|'));
    // a dated pair in one place: time, with the real overlapping period of the planned dates
    const withTime = byDefault.items.find((p) => p.key === [market.id, trees].sort().join('|'))!;
    expect(withTime.reasons.map((r) => [r.kind, r.points])).toEqual([['district', 30], ['goal', 30], ['time', 10]]);
    expect(withTime.reasons[2]).toMatchObject({ from: '2027-01-01', to: '2027-10-31' });
  });
});
