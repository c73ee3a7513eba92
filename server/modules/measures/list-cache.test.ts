import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { openPostgres } from '../../db/client';
import { call, createTenant, createTestApp, json, type Tenant } from '../../test/harness';
import { multipart } from '../../test/multipart';
import { listVersion, queryKey } from './list-cache';
import { MeasurePage, MeasureQuery } from '../../../contract/measures';
import type { App } from '../../app';

/**
 * List/search pages are cached per (municipality, list version in the database, query). These tests
 * show that every kind of write is visible in the very next list call, through the same instance and
 * (on PostgreSQL) through another instance on the same database.
 */
let app: App;
let close: () => Promise<void>;
let t: Tenant;
beforeAll(async () => {
  ({ app, close } = await createTestApp());
  t = await createTenant(app);
});
afterAll(() => close());

type Item = { id: string; title: string; version: number; districtIds: string[] };
type Page = { items: Item[]; total: number };
const list = async (query = '', cookie = t.cookies.coordinator) => json<Page>(await call(app, cookie, 'GET', `/measures?pageSize=100&${query}`));
const create = async (title: string, extra: object = {}) => {
  const res = await call(app, t.cookies.coordinator, 'POST', '/measures', { title, ...extra });
  expect(res.statusCode).toBe(201);
  return json<Item>(res);
};
const version = () => listVersion(app.db, t.municipalityId);

describe('list cache', () => {
  it('shows a create, an edit and a delete in the very next list and search', async () => {
    const a = await create('Sanierung der Stadtbibliothek');
    expect((await list()).items.map((i) => i.title)).toEqual(['Sanierung der Stadtbibliothek']);
    expect((await list('q=Bibliothek')).total).toBe(1);
    // the same two calls again come from the cache (sent as stored JSON), then every write must show at once
    const again = await call(app, t.cookies.coordinator, 'GET', '/measures?pageSize=100&');
    expect(again.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(MeasurePage.parse(json(again)).total).toBe(1);
    const b = await create('Neuer Spielplatz im Schlosspark');
    expect((await list()).items.map((i) => i.title)).toEqual(['Sanierung der Stadtbibliothek', 'Neuer Spielplatz im Schlosspark']);

    const edited = json<Item>(await call(app, t.cookies.coordinator, 'PATCH', `/measures/${a.id}`, { title: 'Erweiterung der Stadtbibliothek', version: a.version }));
    expect((await list()).items.map((i) => i.title)).toContain('Erweiterung der Stadtbibliothek');
    expect((await list('q=Bibliothek')).items.map((i) => i.title)).toEqual(['Erweiterung der Stadtbibliothek']);
    // a word that only the edit brought in is found by the fuzzy (compound/typo) path at once
    expect((await list('q=Erweiterungsbau')).items.map((i) => i.id)).toEqual([a.id]);

    expect((await call(app, t.cookies.coordinator, 'DELETE', `/measures/${b.id}?version=${b.version}`)).statusCode).toBe(204);
    expect((await list()).items.map((i) => i.id)).toEqual([edited.id]);
  });

  it('bumps the version once per writing transaction, and not for a rolled-back one', async () => {
    const v0 = await version();
    await create('Grünes Klassenzimmer');
    expect(await version()).toBe(v0 + 1);

    const csv = 'Titel;Status\r\nRadweg am Mühlgraben;Idee\r\nBrunnen am Markt;Idee\r\nBänke im Stadtpark;Idee';
    const upload = (data: string) => {
      const body = multipart([{ name: 'file', filename: 'm.csv', data }]);
      return app.inject({ method: 'POST', url: '/api/v1/measures/import', headers: { cookie: t.cookies.admin, ...body.headers }, payload: body.payload });
    };
    const before = (await list()).total;
    expect(json(await upload(csv))).toEqual({ imported: 3 });
    expect(await version()).toBe(v0 + 2);
    expect((await list()).total).toBe(before + 3);

    expect((await upload(`${csv}\r\nKaputt;fertig`)).statusCode).toBe(422); // all-or-nothing: nothing written
    expect(await version()).toBe(v0 + 2);
  });

  it('shows a merge at once', async () => {
    const district = json<{ id: string }>(await call(app, t.cookies.coordinator, 'POST', '/districts', { name: 'Hafenviertel' }));
    const keep = await create('Uferpromenade am Hafen', { districtIds: [district.id] });
    const dup = await create('Promenade am Hafenbecken', { districtIds: [district.id], description: 'Neue Sitzbänke entlang der Kaimauer' });
    expect((await list(`district=${district.id}`)).total).toBe(2);

    const merged = await call(app, t.cookies.coordinator, 'POST', `/measures/${keep.id}/merge`, { duplicateId: dup.id, version: keep.version, duplicateVersion: dup.version });
    expect(merged.statusCode).toBe(200);
    expect((await list(`district=${district.id}`)).items.map((i) => i.id)).toEqual([keep.id]);
    expect((await list('q=Kaimauer')).items.map((i) => i.id)).toEqual([keep.id]); // the duplicate's text went into the kept brief
  });

  it('gives every role the same page (so the actor is not part of the key) and keys lists as sets', async () => {
    await create('Digitales Bürgeramt');
    const byRole = await Promise.all((['admin', 'coordinator', 'department', 'reader'] as const).map((r) => list('sort=title', t.cookies[r])));
    for (const page of byRole) expect(page).toEqual(byRole[0]);

    const key = (q: Record<string, string>) => queryKey(MeasureQuery.parse(q));
    expect(key({ status: 'idea,brief', sort: 'title' })).toBe(key({ sort: 'title', status: 'brief,idea' }));
    expect(key({ status: 'idea' })).not.toBe(key({ status: 'brief' }));
    expect(key({ q: 'Radweg' })).not.toBe(key({ q: 'Radweg', page: '2' }));
  });

  it('keeps tenants apart: another municipality\'s write does not change this one\'s version', async () => {
    const other = await createTenant(app);
    const v = await version();
    expect((await call(app, other.cookies.coordinator, 'POST', '/measures', { title: 'Anderswo' })).statusCode).toBe(201);
    expect(await version()).toBe(v);
    expect((await list()).items.map((i) => i.title)).not.toContain('Anderswo');
  });
});

/**
 * Two app instances on one PostgreSQL database (as behind a load balancer), each with its own cache:
 * a write through one is in the next list of the other, because the version lives in the database.
 */
describe.runIf(!!process.env.TEST_DATABASE_URL)('list cache across app instances', () => {
  it('never serves a page that another instance has changed', async () => {
    const a = await createTestApp();
    const dbB = await openPostgres(a.databaseUrl!, 3);
    const b = await buildApp(a.app.config, dbB, { logger: false });
    try {
      const tenant = await createTenant(a.app);
      const cookie = tenant.cookies.coordinator;
      const on = async (x: App, query: string) => json<Page>(await call(x, cookie, 'GET', `/measures?${query}`));
      const m = json<Item>(await call(a.app, cookie, 'POST', '/measures', { title: 'Marktplatz neu gestalten' }));
      // both instances cache the list and a search
      for (const x of [a.app, b]) {
        expect((await on(x, '')).items.map((i) => i.title)).toEqual(['Marktplatz neu gestalten']);
        expect((await on(x, 'q=Marktplatz')).total).toBe(1);
      }
      // an edit through B is seen by A at once …
      const edited = await call(b, cookie, 'PATCH', `/measures/${m.id}`, { title: 'Rathausplatz neu gestalten', version: m.version });
      expect(edited.statusCode).toBe(200);
      expect((await on(a.app, '')).items.map((i) => i.title)).toEqual(['Rathausplatz neu gestalten']);
      expect((await on(a.app, 'q=Marktplatz')).total).toBe(0);
      expect((await on(a.app, 'q=Rathausplatz')).total).toBe(1);
      // … and a new brief through A by B
      expect((await call(a.app, cookie, 'POST', '/measures', { title: 'Marktplatz beleben' })).statusCode).toBe(201);
      expect((await on(b, '')).total).toBe(2);
      expect((await on(b, 'q=Marktplatz')).items.map((i) => i.title)).toEqual(['Marktplatz beleben']);
    } finally {
      await b.close();
      await dbB.close();
      await a.close();
    }
  });
});
