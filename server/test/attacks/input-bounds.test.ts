import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTenant, createTestApp, json, type Tenant } from '../harness';
import { multipart } from '../multipart';
import type { App } from '../../app';

/**
 * Issue 14, "55 server errors in 10,992 malformed requests": odd text and huge numbers used to reach the
 * database and come back as 500. The contract now refuses them with 400 (docs/architecture.md, "Input rules").
 */
let app: App;
let close: () => Promise<void>;
let t: Tenant;
let joinCode: string;

beforeAll(async () => {
  ({ app, close } = await createTestApp());
  t = await createTenant(app);
  joinCode = json(await call(app, t.cookies.coordinator, 'POST', '/workshops', { title: 'Auftakt', status: 'running' })).joinCode;
});
afterAll(() => close());

const LONE_SURROGATE = 'Gast \ud800 Ende';

describe('text is cleaned at the contract', () => {
  it.each([
    ['a NUL byte', 'Gast\u0000Name'],
    ['a lone surrogate', LONE_SURROGATE],
    ['another C0 control (escape)', 'Gast\u001bName'],
  ])('a guest name with %s is refused with 400, without sign-in', async (_what, name) => {
    const res = await app.inject({ method: 'POST', url: `/api/v1/join/${joinCode}`, payload: { name } });
    expect(res.statusCode).toBe(400);
    expect(json(res).error.code).toBe('validation_failed');
  });

  it('tabs and line breaks stay allowed in long texts, and valid astral characters (emoji) too', async () => {
    const res = await call(app, t.cookies.coordinator, 'POST', '/measures', { title: 'Park 🌳', description: 'Zeile 1\nZeile 2\r\n\tEingerückt' });
    expect(res.statusCode).toBe(201);
    expect(json(res).description).toBe('Zeile 1\nZeile 2\r\n\tEingerückt');
    expect(json(res).title).toBe('Park 🌳');
  });

  it('a NUL byte in a measure title, a tag, a GeoJSON boundary or a search query is refused', async () => {
    const c = t.cookies.coordinator;
    expect((await call(app, c, 'POST', '/measures', { title: 'A\u0000' })).statusCode).toBe(400);
    expect((await call(app, c, 'POST', '/measures', { title: 'A', tags: ['x\u0000'] })).statusCode).toBe(400);
    expect((await call(app, c, 'POST', '/districts', { name: 'Nord', boundary: { type: 'Polygon', coordinates: [], note: 'a\u0000' } })).statusCode).toBe(400);
    expect((await call(app, c, 'GET', '/measures?q=%00abc')).statusCode).toBe(400);
  });
});

describe('file names of uploads', () => {
  it('control characters in a file name become "_", and the name is kept to 200 characters without splitting an emoji', async () => {
    const m = json(await call(app, t.cookies.coordinator, 'POST', '/measures', { title: 'Mit Anhang' }));
    for (const [filename, stored] of [['a\u001bb.txt', 'a_b.txt'], ['c\u0000d.txt', 'c_d.txt'], ['e\u007ff.txt', 'e_f.txt'], [`${'🌳'.repeat(300)}.txt`, '🌳'.repeat(200)]]) {
      const f = multipart([{ name: 'file', filename, contentType: 'text/plain', data: 'Inhalt' }]);
      const res = await app.inject({ method: 'POST', url: `/api/v1/measures/${m.id}/attachments`, headers: { cookie: t.cookies.coordinator, ...f.headers }, payload: f.payload });
      expect(res.statusCode).toBe(201);
      expect(json(res).filename).toBe(stored);
    }
  });
});

describe('integers are bounded at the contract', () => {
  it.each(['/dimensions', '/action-fields', '/goals'])('position 2^31 on %s is refused with 400', async (path) => {
    const body = path === '/goals' ? { title: 'Ziel', position: 2 ** 31 } : { name: 'Name', position: 2 ** 31 };
    const res = await call(app, t.cookies.coordinator, 'POST', path, body);
    expect(res.statusCode).toBe(400);
  });

  it('a version beyond the database integer is refused with 400, in the body and in the query', async () => {
    const m = json(await call(app, t.cookies.coordinator, 'POST', '/measures', { title: 'Versioniert' }));
    expect((await call(app, t.cookies.coordinator, 'PATCH', `/measures/${m.id}`, { version: 2 ** 31, title: 'x' })).statusCode).toBe(400);
    expect((await call(app, t.cookies.coordinator, 'DELETE', `/measures/${m.id}?version=99999999999`)).statusCode).toBe(400);
  });
});

describe('path parameters', () => {
  it('an id that is not a uuid gives 400, never 500', async () => {
    for (const url of ['/measures/not-a-uuid', '/measures/%00', '/workshops/1', `/rounds/${'9'.repeat(40)}`]) {
      const res = await call(app, t.cookies.admin, 'GET', url);
      expect(res.statusCode, url).toBe(400);
    }
  });
  it('a join code with a NUL byte gives 400', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/join/AB%00CD' })).statusCode).toBe(400);
  });
});
