import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTenant, createTestApp, json, type Tenant } from '../../test/harness';
import type { App } from '../../app';

let app: App;
let close: () => Promise<void>;
let t: Tenant;
let other: Tenant;
beforeAll(async () => {
  ({ app, close } = await createTestApp());
  t = await createTenant(app, 'Musterstadt');
  other = await createTenant(app, 'Nachbarstadt');
});
afterAll(() => close());

let seq = 0;
/** A name no other test uses, so tests sharing a tenant never collide on the unique-name rule. */
const uniq = (base: string) => `${base} ${++seq}`;

const POLYGON = { type: 'Polygon', coordinates: [[[7.0, 51.0], [7.1, 51.0], [7.1, 51.1], [7.0, 51.0]]] };

interface Spec {
  path: string;
  /** the field that names an item and must be unique (case-insensitive) */
  nameField: 'name' | 'title';
  nameMax: number;
  /** what a create with only a name stores */
  defaults: Record<string, unknown>;
  /** a valid change of every other field */
  change: Record<string, unknown>;
  /** bodies (besides the name) the API must refuse with 400 */
  invalid: Record<string, unknown>[];
  /** list order: by position then name, or by name only */
  orderedBy: 'position' | 'name';
  /** measure fields that make a measure use the item, and how to undo that */
  uses: { link: (id: string) => Record<string, unknown>; unlink: Record<string, unknown> }[];
}

const SPECS: Spec[] = [
  {
    path: '/dimensions',
    nameField: 'name',
    nameMax: 200,
    defaults: { description: '', color: '#2f6f4e', position: 0 },
    change: { description: 'Klimaschutz und Klimaanpassung', color: '#AA3300', position: 2 },
    invalid: [{ color: '#12' }, { color: 'red' }, { color: '#12345g' }, { position: -1 }, { description: 'x'.repeat(5001) }],
    orderedBy: 'position',
    uses: [{ link: (id) => ({ dimensionIds: [id] }), unlink: { dimensionIds: [] } }],
  },
  {
    path: '/action-fields',
    nameField: 'name',
    nameMax: 200,
    defaults: { description: '', position: 0 },
    change: { description: 'Wege, Plätze und Verkehr', position: 3 },
    invalid: [{ position: 1.5 }, { position: -1 }, { description: 42 }],
    orderedBy: 'position',
    uses: [{ link: (id) => ({ actionFieldIds: [id] }), unlink: { actionFieldIds: [] } }],
  },
  {
    path: '/goals',
    nameField: 'title',
    nameMax: 300,
    defaults: { description: '', position: 0, actionFieldIds: [], dimensionIds: [] },
    change: { description: 'Bis 2035 klimaneutral', position: 1 },
    invalid: [
      { actionFieldIds: [randomUUID()] },
      { dimensionIds: [randomUUID()] },
      { actionFieldIds: ['kein-uuid'] },
      { position: -3 },
    ],
    orderedBy: 'position',
    uses: [{ link: (id) => ({ goalIds: [id] }), unlink: { goalIds: [] } }],
  },
  {
    path: '/districts',
    nameField: 'name',
    nameMax: 200,
    defaults: { description: '', boundary: null, designations: [], designatedArea: false },
    change: { description: 'Historischer Kern', boundary: POLYGON },
    invalid: [
      { boundary: { type: 'Point', coordinates: [7.0, 51.0] } },
      { boundary: { type: 'LineString', coordinates: [[7.0, 51.0], [7.1, 51.1]] } },
      { boundary: { coordinates: [] } },
      { boundary: 'POLYGON((7 51, 7.1 51, 7 51))' },
    ],
    orderedBy: 'name',
    uses: [{ link: (id) => ({ districtIds: [id] }), unlink: { districtIds: [] } }],
  },
  {
    path: '/departments',
    nameField: 'name',
    nameMax: 200,
    defaults: { shortName: '', head: '' },
    change: { shortName: 'SPA', head: 'Dr. Erika Beispiel' },
    invalid: [{ shortName: 'x'.repeat(31) }, { head: 'x'.repeat(201) }],
    orderedBy: 'name',
    uses: [
      { link: (id) => ({ leadDepartmentId: id }), unlink: { leadDepartmentId: null } },
      { link: (id) => ({ partnerDepartmentIds: [id] }), unlink: { partnerDepartmentIds: [] } },
    ],
  },
];

const names = (list: Record<string, unknown>[], field: string) => list.map((i) => i[field] as string);

describe.each(SPECS)('concept items $path', (spec) => {
  const body = (name: string, extra: Record<string, unknown> = {}) => ({ [spec.nameField]: name, ...extra });
  const create = async (tenant: Tenant, name: string, extra: Record<string, unknown> = {}) => {
    const res = await call(app, tenant.cookies.coordinator, 'POST', spec.path, body(name, extra));
    expect(res.statusCode, res.body).toBe(201);
    return json(res);
  };
  const list = async (tenant: Tenant) => json<Record<string, unknown>[]>(await call(app, tenant.cookies.reader, 'GET', spec.path));

  it('creates an item with defaults, version 1, and lists it', async () => {
    const name = uniq('Neues Element');
    const res = await call(app, t.cookies.coordinator, 'POST', spec.path, body(`  ${name}  `));
    expect(res.statusCode).toBe(201);
    const item = json(res);
    expect(item).toEqual({ id: expect.any(String), version: 1, [spec.nameField]: name, ...spec.defaults });
    const listed = (await list(t)).find((i) => i.id === item.id);
    expect(listed).toEqual(item);
  });

  it(`lists in order (${spec.orderedBy === 'position' ? 'position, then name' : 'name'})`, async () => {
    const fresh = await createTenant(app);
    const already = names(await list(fresh), spec.nameField);
    const created = ['Bravo', 'Alpha', 'Charlie'];
    if (spec.orderedBy === 'position') {
      await create(fresh, 'Bravo', { position: 1 });
      await create(fresh, 'Alpha', { position: 1 });
      await create(fresh, 'Charlie', { position: 0 });
      expect(names(await list(fresh), spec.nameField)).toEqual(['Charlie', 'Alpha', 'Bravo']);
    } else {
      for (const n of created) await create(fresh, n);
      const all = names(await list(fresh), spec.nameField);
      expect(all.filter((n) => created.includes(n))).toEqual(['Alpha', 'Bravo', 'Charlie']);
      expect(all).toEqual([...already, ...created].sort());
    }
  });

  it('updates with the current version (version + 1) and refuses a stale one with 409 and the stored record', async () => {
    const item = await create(t, uniq('Entwurf'));
    const newName = uniq('Überarbeitet');
    const res = await call(app, t.cookies.coordinator, 'PATCH', `${spec.path}/${item.id}`, { version: 1, [spec.nameField]: newName, ...spec.change });
    expect(res.statusCode).toBe(200);
    expect(json(res)).toEqual({ ...item, ...spec.change, [spec.nameField]: newName, version: 2 });

    const stale = await call(app, t.cookies.admin, 'PATCH', `${spec.path}/${item.id}`, { version: 1, [spec.nameField]: uniq('Zu spät') });
    expect(stale.statusCode).toBe(409);
    expect(json(stale).error.code).toBe('version_conflict');
    expect(json(stale).error.details.current).toMatchObject({ id: item.id, version: 2, [spec.nameField]: newName });

    const staleDelete = await call(app, t.cookies.coordinator, 'DELETE', `${spec.path}/${item.id}?version=1`);
    expect(staleDelete.statusCode).toBe(409);
    expect(json(staleDelete).error.code).toBe('version_conflict');
    expect((await list(t)).find((i) => i.id === item.id)).toMatchObject({ version: 2, [spec.nameField]: newName });
  });

  it('refuses a duplicate name, ignoring case, on create and on rename; other tenants may reuse it', async () => {
    const name = uniq('Grünflächen und Freiräume');
    const first = await create(t, name);
    for (const dup of [name.toUpperCase(), name.toLowerCase(), ` ${name} `]) {
      const res = await call(app, t.cookies.coordinator, 'POST', spec.path, body(dup));
      expect(res.statusCode, dup).toBe(409);
      expect(json(res).error.code).toBe('conflict');
    }
    expect((await list(t)).filter((i) => (i[spec.nameField] as string).toLowerCase() === name.toLowerCase())).toHaveLength(1);

    const second = await create(t, uniq('Anderes Element'));
    const rename = await call(app, t.cookies.coordinator, 'PATCH', `${spec.path}/${second.id}`, { version: 1, [spec.nameField]: name.toUpperCase() });
    expect(rename.statusCode).toBe(409);
    expect(json(rename).error.code).toBe('conflict');
    expect((await list(t)).find((i) => i.id === second.id)).toMatchObject({ version: 1, [spec.nameField]: second[spec.nameField] });

    // changing only the case of its own name is fine
    const own = await call(app, t.cookies.coordinator, 'PATCH', `${spec.path}/${first.id}`, { version: 1, [spec.nameField]: name.toUpperCase() });
    expect(own.statusCode).toBe(200);
    expect((await call(app, other.cookies.coordinator, 'POST', spec.path, body(name))).statusCode).toBe(201);
  });

  it('rejects invalid input with 400 validation_failed and stores nothing', async () => {
    const before = (await list(t)).length;
    const bad = [{}, body(''), body('   '), body('x'.repeat(spec.nameMax + 1)), ...spec.invalid.map((b) => body(uniq('Ungültig'), b))];
    for (const b of bad) {
      const res = await call(app, t.cookies.coordinator, 'POST', spec.path, b);
      expect(res.statusCode, JSON.stringify(b)).toBe(400);
      expect(json(res).error.code).toBe('validation_failed');
      expect(json(res).error.details.length, JSON.stringify(b)).toBeGreaterThan(0);
    }
    expect(await list(t)).toHaveLength(before);

    const item = await create(t, uniq('Gültig'));
    for (const b of [{ [spec.nameField]: 'ohne Version' }, { version: 0 }, { version: 1, [spec.nameField]: '' }, ...spec.invalid.map((x) => ({ version: 1, ...x }))]) {
      const res = await call(app, t.cookies.coordinator, 'PATCH', `${spec.path}/${item.id}`, b);
      expect(res.statusCode, JSON.stringify(b)).toBe(400);
      expect(json(res).error.code).toBe('validation_failed');
    }
    expect((await list(t)).find((i) => i.id === item.id)).toEqual(item);
    expect((await call(app, t.cookies.coordinator, 'PATCH', `${spec.path}/not-a-uuid`, { version: 1 })).statusCode).toBe(400);
    expect((await call(app, t.cookies.coordinator, 'DELETE', `${spec.path}/${item.id}`)).statusCode).toBe(400);
    expect((await call(app, t.cookies.coordinator, 'DELETE', `${spec.path}/${item.id}?version=abc`)).statusCode).toBe(400);
  });

  it('deletes with ?version (204); the item is gone afterwards', async () => {
    const item = await create(t, uniq('Wegwerf'));
    const res = await call(app, t.cookies.coordinator, 'DELETE', `${spec.path}/${item.id}?version=1`);
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    expect((await list(t)).some((i) => i.id === item.id)).toBe(false);
    expect((await call(app, t.cookies.coordinator, 'PATCH', `${spec.path}/${item.id}`, { version: 1, [spec.nameField]: 'x' })).statusCode).toBe(404);
    expect((await call(app, t.cookies.coordinator, 'DELETE', `${spec.path}/${item.id}?version=1`)).statusCode).toBe(404);
  });

  for (const [i, use] of spec.uses.entries()) {
    it(`refuses to delete an item a measure still uses with 409 in_use${spec.uses.length > 1 ? ` (link ${i + 1})` : ''}`, async () => {
      const item = await create(t, uniq('In Gebrauch'));
      const m = json(await call(app, t.cookies.coordinator, 'POST', '/measures', { title: uniq('Maßnahme'), ...use.link(item.id) }));
      const res = await call(app, t.cookies.coordinator, 'DELETE', `${spec.path}/${item.id}?version=1`);
      expect(res.statusCode).toBe(409);
      expect(json(res).error.code).toBe('in_use');
      expect(json(res).error.details).toEqual({ measures: 1 });
      expect((await list(t)).find((x) => x.id === item.id)).toEqual(item);
      expect(json(await call(app, t.cookies.reader, 'GET', `/measures/${m.id}`))).toMatchObject(use.link(item.id));

      // once the measure lets go, the item can be deleted
      expect((await call(app, t.cookies.coordinator, 'PATCH', `/measures/${m.id}`, { version: 1, ...use.unlink })).statusCode).toBe(200);
      expect((await call(app, t.cookies.coordinator, 'DELETE', `${spec.path}/${item.id}?version=1`)).statusCode).toBe(204);
    });
  }

  it('readers and department members read (200) but cannot write (403); admins can', async () => {
    const item = await create(t, uniq('Geschützt'));
    for (const role of ['reader', 'department'] as const) {
      const c = t.cookies[role];
      expect((await call(app, c, 'GET', spec.path)).statusCode).toBe(200);
      expect((await call(app, c, 'POST', spec.path, body(uniq('Von Lesenden')))).statusCode, role).toBe(403);
      expect(json(await call(app, c, 'PATCH', `${spec.path}/${item.id}`, { version: 1, [spec.nameField]: 'gekapert' })).error.code).toBe('forbidden');
      expect((await call(app, c, 'DELETE', `${spec.path}/${item.id}?version=1`)).statusCode, role).toBe(403);
    }
    expect((await list(t)).find((i) => i.id === item.id)).toEqual(item);
    const byAdmin = await call(app, t.cookies.admin, 'PATCH', `${spec.path}/${item.id}`, { version: 1, [spec.nameField]: uniq('Vom Admin') });
    expect(byAdmin.statusCode).toBe(200);
  });

  it('answers 401 without a session', async () => {
    const id = randomUUID();
    expect((await call(app, null, 'GET', spec.path)).statusCode).toBe(401);
    expect((await call(app, null, 'POST', spec.path, body('Anonym'))).statusCode).toBe(401);
    expect((await call(app, null, 'PATCH', `${spec.path}/${id}`, { version: 1, [spec.nameField]: 'Anonym' })).statusCode).toBe(401);
    expect((await call(app, null, 'DELETE', `${spec.path}/${id}?version=1`)).statusCode).toBe(401);
  });

  it("answers 404 for another municipality's item and leaves it alone", async () => {
    const foreign = await create(other, uniq('Fremd'));
    const patch = await call(app, t.cookies.admin, 'PATCH', `${spec.path}/${foreign.id}`, { version: 1, [spec.nameField]: 'gekapert' });
    expect(patch.statusCode).toBe(404);
    expect(json(patch).error.code).toBe('not_found');
    expect((await call(app, t.cookies.admin, 'DELETE', `${spec.path}/${foreign.id}?version=1`)).statusCode).toBe(404);
    expect((await list(t)).some((i) => i.id === foreign.id)).toBe(false);
    expect((await list(other)).find((i) => i.id === foreign.id)).toEqual(foreign);
  });
});

describe('goals and their links', () => {
  const post = async (path: string, b: Record<string, unknown>, tenant = t) => {
    const res = await call(app, tenant.cookies.coordinator, 'POST', path, b);
    expect(res.statusCode, res.body).toBe(201);
    return json(res).id as string;
  };
  const sorted = (a: string[]) => [...a].sort();
  const goal = async (id: string) => json(await call(app, t.cookies.reader, 'GET', '/goals')).find((g: { id: string }) => g.id === id);

  it('stores actionFieldIds and dimensionIds, keeps them on other edits and replaces them when given', async () => {
    const af1 = await post('/action-fields', { name: uniq('Mobilität') });
    const af2 = await post('/action-fields', { name: uniq('Wohnen') });
    const d1 = await post('/dimensions', { name: uniq('Grüne Stadt') });
    const d2 = await post('/dimensions', { name: uniq('Gerechte Stadt') });
    const res = await call(app, t.cookies.coordinator, 'POST', '/goals', { title: uniq('Weniger Autoverkehr'), actionFieldIds: [af1, af2, af1], dimensionIds: [d1] });
    expect(res.statusCode).toBe(201);
    const g = json(res);
    expect(sorted(g.actionFieldIds)).toEqual(sorted([af1, af2]));
    expect(g.dimensionIds).toEqual([d1]);

    const renamed = json(await call(app, t.cookies.coordinator, 'PATCH', `/goals/${g.id}`, { version: 1, title: uniq('Mehr Rad- und Fußverkehr') }));
    expect(renamed.version).toBe(2);
    expect(sorted(renamed.actionFieldIds)).toEqual(sorted([af1, af2]));
    expect(renamed.dimensionIds).toEqual([d1]);

    const relinked = json(await call(app, t.cookies.coordinator, 'PATCH', `/goals/${g.id}`, { version: 2, actionFieldIds: [af2], dimensionIds: [d2, d1] }));
    expect(relinked.actionFieldIds).toEqual([af2]);
    expect(sorted(relinked.dimensionIds)).toEqual(sorted([d1, d2]));
    const cleared = json(await call(app, t.cookies.coordinator, 'PATCH', `/goals/${g.id}`, { version: 3, dimensionIds: [] }));
    expect(cleared).toMatchObject({ version: 4, actionFieldIds: [af2], dimensionIds: [] });

    expect(await goal(g.id)).toEqual(cleared);
    const concept = json(await call(app, t.cookies.reader, 'GET', '/concept'));
    expect(concept.goals.find((x: { id: string }) => x.id === g.id)).toEqual(cleared);
  });

  it("refuses links to another municipality's action field or dimension with 400 and changes nothing", async () => {
    const foreignField = await post('/action-fields', { name: uniq('Fremdes Feld') }, other);
    const foreignDim = await post('/dimensions', { name: uniq('Fremde Dimension') }, other);
    const own = await post('/action-fields', { name: uniq('Eigenes Feld') });
    const title = uniq('Gekapertes Ziel');

    for (const b of [{ actionFieldIds: [foreignField] }, { actionFieldIds: [own, foreignField] }, { dimensionIds: [foreignDim] }]) {
      const res = await call(app, t.cookies.coordinator, 'POST', '/goals', { title, ...b });
      expect(res.statusCode, JSON.stringify(b)).toBe(400);
      expect(json(res).error.code).toBe('validation_failed');
    }
    // the insert happened before the link check: the transaction must have undone it
    expect(json(await call(app, t.cookies.reader, 'GET', '/goals')).some((g: { title: string }) => g.title === title)).toBe(false);

    const id = await post('/goals', { title, actionFieldIds: [own] });
    const before = await goal(id);
    const res = await call(app, t.cookies.coordinator, 'PATCH', `/goals/${id}`, { version: 1, title: uniq('Neu'), actionFieldIds: [foreignField] });
    expect(res.statusCode).toBe(400);
    expect(await goal(id)).toEqual(before);
  });

  it('deleting an action field or dimension that no measure uses drops it from the goals that link it', async () => {
    const af = await post('/action-fields', { name: uniq('Kurzlebig') });
    const d = await post('/dimensions', { name: uniq('Kurzlebig') });
    const id = await post('/goals', { title: uniq('Ziel mit Verknüpfung'), actionFieldIds: [af], dimensionIds: [d] });
    expect((await call(app, t.cookies.coordinator, 'DELETE', `/action-fields/${af}?version=1`)).statusCode).toBe(204);
    expect((await call(app, t.cookies.coordinator, 'DELETE', `/dimensions/${d}?version=1`)).statusCode).toBe(204);
    expect(await goal(id)).toMatchObject({ actionFieldIds: [], dimensionIds: [] });
  });
});

describe('departments with members', () => {
  it('a department only people belong to can be deleted; they stay members without a department', async () => {
    const fresh = await createTenant(app);
    const dep = json(await call(app, fresh.cookies.coordinator, 'POST', '/departments', { name: 'Ordnungsamt' }));
    const patched = await call(app, fresh.cookies.admin, 'PATCH', `/users/${fresh.userIds.department}`, { departmentId: dep.id });
    expect(patched.statusCode).toBe(200);
    expect((await call(app, fresh.cookies.coordinator, 'DELETE', `/departments/${dep.id}?version=1`)).statusCode).toBe(204);
    const me = json(await call(app, fresh.cookies.department, 'GET', '/auth/me'));
    expect(me.current).toMatchObject({ role: 'department', departmentId: null });
  });
});

describe('municipality', () => {
  it('updates vision and time horizon with the version; GET /concept shows the change', async () => {
    const fresh = await createTenant(app, 'Kleinstadt');
    const res = await call(app, fresh.cookies.coordinator, 'PATCH', '/municipality', {
      version: 1, vision: '  Eine grüne, lebendige Innenstadt für alle.  ', horizonStart: 2025, horizonEnd: 2035,
    });
    expect(res.statusCode).toBe(200);
    expect(json(res)).toEqual({ id: fresh.municipalityId, name: 'Kleinstadt', vision: 'Eine grüne, lebendige Innenstadt für alle.', horizonStart: 2025, horizonEnd: 2035, financiallyWeak: false, settlementType: 'urban', version: 2 });
    expect(json(await call(app, fresh.cookies.reader, 'GET', '/concept')).municipality).toEqual(json(res));

    // a partial change keeps the other fields; null clears the horizon
    const partial = json(await call(app, fresh.cookies.admin, 'PATCH', '/municipality', { version: 2, horizonEnd: null }));
    expect(partial).toMatchObject({ vision: 'Eine grüne, lebendige Innenstadt für alle.', horizonStart: 2025, horizonEnd: null, version: 3 });
  });

  it('refuses a stale version with 409 and the stored record', async () => {
    const fresh = await createTenant(app);
    await call(app, fresh.cookies.coordinator, 'PATCH', '/municipality', { version: 1, vision: 'Erste Fassung' });
    const stale = await call(app, fresh.cookies.admin, 'PATCH', '/municipality', { version: 1, vision: 'Zweite Fassung' });
    expect(stale.statusCode).toBe(409);
    expect(json(stale).error.code).toBe('version_conflict');
    expect(json(stale).error.details.current).toMatchObject({ vision: 'Erste Fassung', version: 2 });
    expect(json(await call(app, fresh.cookies.reader, 'GET', '/concept')).municipality.vision).toBe('Erste Fassung');
  });

  it('refuses an end before the start with 400, also against the stored start', async () => {
    const fresh = await createTenant(app);
    const both = await call(app, fresh.cookies.coordinator, 'PATCH', '/municipality', { version: 1, horizonStart: 2035, horizonEnd: 2025 });
    expect(both.statusCode).toBe(400);
    expect(json(both).error.code).toBe('validation_failed');
    expect(JSON.stringify(json(both).error.details)).toContain('horizonEnd');

    expect((await call(app, fresh.cookies.coordinator, 'PATCH', '/municipality', { version: 1, horizonStart: 2030 })).statusCode).toBe(200);
    const onlyEnd = await call(app, fresh.cookies.coordinator, 'PATCH', '/municipality', { version: 2, horizonEnd: 2020 });
    expect(onlyEnd.statusCode).toBe(400);
    expect(json(onlyEnd).error.code).toBe('validation_failed');
    for (const b of [{ version: 2, name: '' }, { version: 2, horizonStart: 1800 }, { version: 2, horizonStart: 2030.5 }, { vision: 'ohne Version' }]) {
      expect((await call(app, fresh.cookies.coordinator, 'PATCH', '/municipality', b)).statusCode, JSON.stringify(b)).toBe(400);
    }
    expect(json(await call(app, fresh.cookies.reader, 'GET', '/concept')).municipality).toMatchObject({ horizonStart: 2030, horizonEnd: null, version: 2 });
  });

  it('readers and department members get 403, anonymous 401', async () => {
    const fresh = await createTenant(app);
    for (const role of ['reader', 'department'] as const) {
      const res = await call(app, fresh.cookies[role], 'PATCH', '/municipality', { version: 1, vision: 'gekapert' });
      expect(res.statusCode, role).toBe(403);
      expect(json(res).error.code).toBe('forbidden');
    }
    expect((await call(app, null, 'PATCH', '/municipality', { version: 1, vision: 'gekapert' })).statusCode).toBe(401);
    expect(json(await call(app, fresh.cookies.reader, 'GET', '/concept')).municipality).toMatchObject({ vision: '', version: 1 });
  });
});

describe('GET /concept', () => {
  it("returns the municipality and every list of the current municipality only, to every member", async () => {
    const fresh = await createTenant(app, 'Konzeptstadt');
    const c = fresh.cookies.coordinator;
    const dim = json(await call(app, c, 'POST', '/dimensions', { name: 'Grüne Stadt', color: '#1e6b3a' }));
    const af = json(await call(app, c, 'POST', '/action-fields', { name: 'Mobilität' }));
    const goal = json(await call(app, c, 'POST', '/goals', { title: 'Weniger Lärm', actionFieldIds: [af.id], dimensionIds: [dim.id] }));
    const district = json(await call(app, c, 'POST', '/districts', { name: 'Altstadt', boundary: POLYGON }));
    await call(app, other.cookies.coordinator, 'POST', '/districts', { name: uniq('Fremdes Viertel') });

    for (const role of ['admin', 'coordinator', 'department', 'reader'] as const) {
      const res = await call(app, fresh.cookies[role], 'GET', '/concept');
      expect(res.statusCode, role).toBe(200);
      const concept = json(res);
      expect(concept.municipality).toMatchObject({ id: fresh.municipalityId, name: 'Konzeptstadt' });
      expect(concept.dimensions).toEqual([dim]);
      expect(concept.actionFields).toEqual([af]);
      expect(concept.goals).toEqual([goal]);
      expect(concept.districts).toEqual([district]);
      expect(concept.districts[0].boundary).toEqual(POLYGON);
      expect(concept.departments.map((d: { name: string }) => d.name)).toEqual(['Stadtplanungsamt', 'Tiefbauamt']);
    }
    expect((await call(app, null, 'GET', '/concept')).statusCode).toBe(401);
  });
});

describe('audit of concept changes', () => {
  it('writes create, update and delete events with actor and changes; /audit is for admins and coordinators', async () => {
    const fresh = await createTenant(app);
    const c = fresh.cookies.coordinator;
    const d = json(await call(app, c, 'POST', '/dimensions', { name: 'Produktive Stadt' }));
    await call(app, fresh.cookies.admin, 'PATCH', `/dimensions/${d.id}`, { version: 1, color: '#1f4e8c' });
    await call(app, c, 'DELETE', `/dimensions/${d.id}?version=2`);
    await call(app, c, 'PATCH', '/municipality', { version: 1, vision: 'Vision 2040' });

    const rows = await app.db.query<{ entity_type: string; action: string; actor_name: string; actor_id: string; changes: Record<string, unknown> }>(
      // sign-ins of the test accounts are in the trail too (admins' audit view); here only the changes count
      "SELECT entity_type, action, actor_name, actor_id, changes FROM audit_event WHERE municipality_id = $1 AND entity_type <> 'account' ORDER BY id",
      [fresh.municipalityId],
    );
    expect(rows.map((r) => [r.entity_type, r.action, r.actor_name])).toEqual([
      ['dimension', 'create', 'coordinator user'],
      ['dimension', 'update', 'admin user'],
      ['dimension', 'delete', 'coordinator user'],
      ['municipality', 'update', 'coordinator user'],
    ]);
    expect(rows[0].actor_id).toBe(fresh.userIds.coordinator);
    expect(rows[1].changes).toEqual({ color: ['#2f6f4e', '#1f4e8c'] });
    expect(rows[3].changes).toEqual({ vision: ['', 'Vision 2040'] });

    for (const role of ['coordinator', 'admin'] as const) {
      const res = await call(app, fresh.cookies[role], 'GET', `/audit?entityType=dimension&entityId=${d.id}`);
      expect(res.statusCode, role).toBe(200);
      expect(json(res).map((e: { action: string }) => e.action)).toEqual(['delete', 'update', 'create']);
      expect(json(res)[1]).toMatchObject({ actorName: 'admin user', entityType: 'dimension', entityId: d.id, changes: { color: ['#2f6f4e', '#1f4e8c'] } });
    }
    expect((await call(app, fresh.cookies.reader, 'GET', '/audit')).statusCode).toBe(403);
    expect((await call(app, fresh.cookies.department, 'GET', '/audit')).statusCode).toBe(403);
    expect((await call(app, null, 'GET', '/audit')).statusCode).toBe(401);
    // another municipality never sees these events
    expect(json(await call(app, other.cookies.coordinator, 'GET', `/audit?entityId=${d.id}`))).toEqual([]);
  });
});

// On PostgreSQL requests run in parallel (PGlite runs them one after the other), so these checks
// only bite there: the version check and the unique-name check must hold under concurrency too.
describe('concurrent writes', () => {
  const statuses = (rs: { statusCode: number }[]) => rs.map((r) => r.statusCode).sort();

  it('several edits based on the same version: exactly one wins, the others get 409', async () => {
    const d = json(await call(app, t.cookies.coordinator, 'POST', '/dimensions', { name: uniq('Umkämpft') }));
    const results = await Promise.all([1, 2, 3, 4].map((i) => call(app, t.cookies.coordinator, 'PATCH', `/dimensions/${d.id}`, { version: 1, description: `Fassung ${i}` })));
    expect(statuses(results)).toEqual([200, 409, 409, 409]);
    const winner = json(results.find((r) => r.statusCode === 200)!);
    const stored = json(await call(app, t.cookies.reader, 'GET', '/dimensions')).find((x: { id: string }) => x.id === d.id);
    expect(stored).toEqual(winner);
    expect(stored.version).toBe(2);
  });

  it('several edits of the municipality based on the same version: exactly one wins', async () => {
    const fresh = await createTenant(app);
    const results = await Promise.all([1, 2, 3, 4].map((i) => call(app, fresh.cookies.coordinator, 'PATCH', '/municipality', { version: 1, vision: `Vision ${i}` })));
    expect(statuses(results)).toEqual([200, 409, 409, 409]);
    const winner = json(results.find((r) => r.statusCode === 200)!);
    expect(json(await call(app, fresh.cookies.reader, 'GET', '/concept')).municipality).toEqual(winner);
  });

  it('creating the same name several times at once creates it only once', async () => {
    const name = uniq('Gleichzeitig');
    const results = await Promise.all([1, 2, 3, 4].map(() => call(app, t.cookies.coordinator, 'POST', '/districts', { name })));
    expect(statuses(results)).toEqual([201, 409, 409, 409]);
    const all = json(await call(app, t.cookies.reader, 'GET', '/districts'));
    expect(all.filter((x: { name: string }) => x.name === name)).toHaveLength(1);
  });
});
