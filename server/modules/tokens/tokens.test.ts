import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { call, createTenant, createTestApp, json, type Tenant } from '../../test/harness';
import type { App } from '../../app';
import type { Db } from '../../db/client';

let app: App;
let db: Db;
let close: () => Promise<void>;
let a: Tenant;
let b: Tenant;

beforeAll(async () => {
  ({ app, db, close } = await createTestApp());
  a = await createTenant(app, 'Tokenstadt');
  b = await createTenant(app, 'Andersdorf');
});
afterAll(() => close());

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
/** A script's request: only the Authorization header, no cookie. */
const bearer = (token: string, method: Method, url: string, payload?: unknown): Promise<LightMyRequestResponse> =>
  app.inject({ method, url: `/api/v1${url}`, headers: { authorization: `Bearer ${token}` }, ...(payload !== undefined ? { payload: payload as object } : {}) });

async function newToken(cookie: string, body: Record<string, unknown> = {}) {
  const res = await call(app, cookie, 'POST', '/tokens', { name: 'Skript', ...body });
  expect(res.statusCode).toBe(201);
  return json<{ token: { id: string; name: string; readOnly: boolean; expiresAt: string | null }; secret: string }>(res);
}

describe('personal API tokens', () => {
  it('are created once with their secret, listed without it, and the database keeps only a hash', async () => {
    const { token, secret } = await newToken(a.cookies.reader, { name: 'Haushaltsexport', expiresInDays: 30, readOnly: true });
    expect(secret).toMatch(/^rf_[A-Za-z0-9_-]{43}$/);
    expect(token).toMatchObject({ name: 'Haushaltsexport', readOnly: true });
    expect(new Date(token.expiresAt!).getTime()).toBeGreaterThan(Date.now() + 29 * 86400_000);
    const list = json(await call(app, a.cookies.reader, 'GET', '/tokens'));
    expect(list).toEqual([expect.objectContaining({ id: token.id, name: 'Haushaltsexport', lastUsedAt: null })]);
    expect(JSON.stringify(list)).not.toContain(secret);
    const rows = await db.query<{ token_hash: string }>('SELECT token_hash FROM api_token WHERE id = $1', [token.id]);
    expect(rows[0].token_hash).not.toContain(secret.slice(3, 20));
    // Others' lists do not show it.
    expect(json(await call(app, a.cookies.admin, 'GET', '/tokens'))).toEqual([]);
    const audit = await db.query<{ action: string; changes: object }>(`SELECT action, changes FROM audit_event WHERE entity_type = 'api_token' AND entity_id = $1`, [token.id]);
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0].changes)).not.toContain(secret);
  });

  it('act as their user: reads work, "who am I" answers, and last use is recorded', async () => {
    const { token, secret } = await newToken(a.cookies.coordinator);
    const me = await bearer(secret, 'GET', '/auth/me');
    expect(me.statusCode).toBe(200);
    expect(json(me).current).toMatchObject({ municipalityId: a.municipalityId, role: 'coordinator' });
    expect((await bearer(secret, 'GET', '/measures')).statusCode).toBe(200);
    const created = await bearer(secret, 'POST', '/dimensions', { name: 'Per Skript' });
    expect(created.statusCode).toBe(201);
    const [listed] = json(await call(app, a.cookies.coordinator, 'GET', '/tokens')).filter((t: { id: string }) => t.id === token.id);
    expect(listed.lastUsedAt).not.toBeNull();
  });

  it('respect the role: a department token cannot do coordinator writes, and follows a lowered role or a removed membership', async () => {
    const { secret } = await newToken(a.cookies.department);
    expect((await bearer(secret, 'GET', '/concept')).statusCode).toBe(200);
    const refused = await bearer(secret, 'POST', '/dimensions', { name: 'Nicht erlaubt' });
    expect(refused.statusCode).toBe(403);
    expect(json(refused).error.code).toBe('forbidden');

    const { secret: coord } = await newToken(a.cookies.coordinator);
    await db.query(`UPDATE membership SET role = 'reader' WHERE user_id = $1 AND municipality_id = $2`, [a.userIds.coordinator, a.municipalityId]);
    try {
      expect((await bearer(coord, 'POST', '/dimensions', { name: 'Jetzt Leser' })).statusCode).toBe(403);
      expect(json(await bearer(coord, 'GET', '/auth/me')).current.role).toBe('reader');
    } finally {
      await db.query(`UPDATE membership SET role = 'coordinator' WHERE user_id = $1 AND municipality_id = $2`, [a.userIds.coordinator, a.municipalityId]);
    }
    const { secret: gone } = await newToken(a.cookies.reader);
    await db.query('DELETE FROM membership WHERE user_id = $1 AND municipality_id = $2', [a.userIds.reader, a.municipalityId]);
    const res = await bearer(gone, 'GET', '/measures');
    expect(res.statusCode).toBe(401);
    expect(json(res).error.code).toBe('invalid_token');
    await db.query(`INSERT INTO membership (municipality_id, user_id, role) VALUES ($1, $2, 'reader')`, [a.municipalityId, a.userIds.reader]);
  });

  it('created read-only are refused on every write (403 read_only_token) but read', async () => {
    const { secret } = await newToken(a.cookies.admin, { readOnly: true });
    expect((await bearer(secret, 'GET', '/users')).statusCode).toBe(200);
    for (const [method, url, body] of [['POST', '/dimensions', { name: 'x' }], ['PATCH', '/municipality', { version: 1 }], ['DELETE', `/users/${a.userIds.reader}`, undefined]] as const) {
      const res = await bearer(secret, method, url, body);
      expect([url, res.statusCode, json(res).error.code]).toEqual([url, 403, 'read_only_token']);
    }
  });

  it('cannot manage tokens, sign out, switch or change the profile (403 session_required)', async () => {
    const { token, secret } = await newToken(a.cookies.admin);
    for (const [method, url, body] of [
      ['GET', '/tokens', undefined],
      ['POST', '/tokens', { name: 'Kette' }],
      ['DELETE', `/tokens/${token.id}`, undefined],
      ['PATCH', '/auth/profile', { name: 'Skript' }],
      ['POST', '/auth/switch', { municipalityId: b.municipalityId }],
      ['POST', '/auth/logout', undefined],
    ] as const) {
      const res = await bearer(secret, method, url, body);
      expect([method, url, res.statusCode, json(res).error.code]).toEqual([method, url, 403, 'session_required']);
    }
  });

  it('cannot set a password, not even an admin\'s token through user management (403 session_required); other user edits work', async () => {
    const { secret } = await newToken(a.cookies.admin);
    const res = await bearer(secret, 'PATCH', `/users/${a.userIds.admin}`, { password: 'Ganz-neues-Kennwort-42' });
    expect([res.statusCode, json(res).error.code]).toEqual([403, 'session_required']);
    expect((await bearer(secret, 'PATCH', `/users/${a.userIds.reader}`, { name: 'Lesende Person' })).statusCode).toBe(200);
  });

  it('are refused after revocation (401), and only their owner can revoke them (another user\'s id → 404)', async () => {
    const { token, secret } = await newToken(a.cookies.coordinator);
    expect((await bearer(secret, 'GET', '/measures')).statusCode).toBe(200);
    expect((await call(app, a.cookies.admin, 'DELETE', `/tokens/${token.id}`)).statusCode).toBe(404);
    expect((await call(app, b.cookies.coordinator, 'DELETE', `/tokens/${token.id}`)).statusCode).toBe(404);
    expect((await bearer(secret, 'GET', '/measures')).statusCode).toBe(200);
    expect((await call(app, a.cookies.coordinator, 'DELETE', `/tokens/${token.id}`)).statusCode).toBe(204);
    const res = await bearer(secret, 'GET', '/measures');
    expect(res.statusCode).toBe(401);
    expect(json(res).error.code).toBe('invalid_token');
    expect((await call(app, a.cookies.coordinator, 'DELETE', `/tokens/${token.id}`)).statusCode).toBe(404);
    const audit = await db.query<{ action: string }>(`SELECT action FROM audit_event WHERE entity_type = 'api_token' AND entity_id = $1 ORDER BY id`, [token.id]);
    expect(audit.map((r) => r.action)).toEqual(['create', 'delete']);
  });

  it('are refused after expiry (401)', async () => {
    const { token, secret } = await newToken(a.cookies.reader, { expiresInDays: 1 });
    expect((await bearer(secret, 'GET', '/measures')).statusCode).toBe(200);
    await db.query(`UPDATE api_token SET expires_at = now() - interval '1 second' WHERE id = $1`, [token.id]);
    expect((await bearer(secret, 'GET', '/measures')).statusCode).toBe(401);
  });

  it('of municipality A cannot read B (404 on B\'s ids), and unknown or malformed tokens are 401', async () => {
    const { secret } = await newToken(a.cookies.admin);
    const dim = await call(app, b.cookies.admin, 'POST', '/dimensions', { name: 'Nur in B' });
    const id = json(dim).id;
    expect((await bearer(secret, 'PATCH', `/dimensions/${id}`, { name: 'Übernommen', version: 1 })).statusCode).toBe(404);
    const concept = json(await bearer(secret, 'GET', '/concept'));
    expect(JSON.stringify(concept)).not.toContain('Nur in B');
    for (const header of ['Bearer rf_falsch', 'Bearer ', 'Basic abc', `Bearer ${secret}x`, secret]) {
      const res = await app.inject({ method: 'GET', url: '/api/v1/measures', headers: { authorization: header } });
      expect([header, res.statusCode]).toEqual([header, 401]);
    }
  });

  it('ignore the session cookie and the Origin check on a bearer request, but a cookie write from a foreign page stays refused', async () => {
    const { secret } = await newToken(a.cookies.department);
    // The admin cookie beside a department token does not lend the admin's role.
    const res = await app.inject({ method: 'POST', url: '/api/v1/dimensions', payload: { name: 'Gemischt' }, headers: { authorization: `Bearer ${secret}`, cookie: a.cookies.admin } });
    expect(res.statusCode).toBe(403);
    const foreign = await app.inject({ method: 'POST', url: '/api/v1/dimensions', payload: { name: 'Fremd' }, headers: { cookie: a.cookies.admin, origin: 'https://evil.example' } });
    expect(foreign.statusCode).toBe(403);
    const { secret: coord } = await newToken(a.cookies.coordinator);
    const scripted = await app.inject({ method: 'POST', url: '/api/v1/dimensions', payload: { name: 'Skript mit Origin' }, headers: { authorization: `Bearer ${coord}`, origin: 'https://intranet.example' } });
    expect(scripted.statusCode).toBe(201);
  });

  it('validate their input: name required, expiry 1–3650 days', async () => {
    for (const body of [{ name: '' }, { name: 'x', expiresInDays: 0 }, { name: 'x', expiresInDays: 3651 }, { name: 'x'.repeat(101) }]) {
      expect((await call(app, a.cookies.admin, 'POST', '/tokens', body)).statusCode).toBe(400);
    }
    expect((await call(app, null, 'POST', '/tokens', { name: 'anonym' })).statusCode).toBe(401);
  });
});

describe('the API docs with API_DOCS=signed-in', () => {
  it('serve the OpenAPI document to a script with a valid token, and refuse a bad one (401)', async () => {
    const made = await createTestApp({ production: true, apiDocs: 'signed-in' });
    try {
      const t = await createTenant(made.app, 'Dokudorf');
      const res = await call(made.app, t.cookies.reader, 'POST', '/tokens', { name: 'Doku', readOnly: true });
      const { secret } = json<{ secret: string }>(res);
      const ok = await made.app.inject({ method: 'GET', url: '/api/docs/json', headers: { authorization: `Bearer ${secret}` } });
      expect(ok.statusCode).toBe(200);
      expect(ok.json().paths['/tokens']).toBeDefined();
      expect((await made.app.inject({ method: 'GET', url: '/api/docs/json', headers: { authorization: 'Bearer rf_nein' } })).statusCode).toBe(401);
      expect((await made.app.inject({ method: 'GET', url: '/api/docs/json' })).statusCode).toBe(401);
    } finally {
      await made.close();
    }
  });
});
