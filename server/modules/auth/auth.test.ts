import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTenant, createTestApp, json, login, PASSWORD } from '../../test/harness';
import type { App } from '../../app';

let app: App;
let close: () => Promise<void>;
beforeAll(async () => ({ app, close } = await createTestApp()));
afterAll(() => close());

describe('first-run setup', () => {
  it('reports setup needed, creates municipality and admin once, with the charter dimensions, and signs in', async () => {
    expect(json(await call(app, null, 'GET', '/setup'))).toEqual({ needsSetup: true, tokenRequired: false });
    const bad = await call(app, null, 'POST', '/setup', { municipalityName: '', adminName: 'A', adminEmail: 'kein-mail', password: 'kurz' });
    expect(bad.statusCode).toBe(400);
    expect(json(bad).error.code).toBe('validation_failed');
    const res = await call(app, null, 'POST', '/setup', { municipalityName: 'Neustadt', adminName: 'Anna Admin', adminEmail: 'anna@example.org', password: PASSWORD });
    expect(res.statusCode).toBe(201);
    expect(json(res).current.role).toBe('admin');
    const cookie = `rf_session=${res.cookies.find((c) => c.name === 'rf_session')!.value}`;
    expect(res.cookies[0].httpOnly).toBe(true);
    const concept = json(await call(app, cookie, 'GET', '/concept'));
    expect(concept.dimensions.map((d: { name: string }) => d.name)).toEqual(['Gerechte Stadt', 'Grüne Stadt', 'Produktive Stadt']);
    expect(json(await call(app, null, 'GET', '/setup'))).toEqual({ needsSetup: false, tokenRequired: false });
    const again = await call(app, null, 'POST', '/setup', { municipalityName: 'X', adminName: 'B', adminEmail: 'b@example.org', password: PASSWORD });
    expect(again.statusCode).toBe(409);
    expect(json(again).error.code).toBe('setup_done');
  });
});

describe('sign in and out', () => {
  it('rejects a wrong password with 401 and no cookie, accepts the right one', async () => {
    const wrong = await call(app, null, 'POST', '/auth/login', { email: 'anna@example.org', password: 'falsch-falsch' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.cookies).toHaveLength(0);
    const cookie = await login(app, 'ANNA@example.org');
    const me = json(await call(app, cookie, 'GET', '/auth/me'));
    expect(me.user.email).toBe('anna@example.org');
    expect((await call(app, cookie, 'POST', '/auth/logout')).statusCode).toBe(204);
    expect((await call(app, cookie, 'GET', '/auth/me')).statusCode).toBe(401);
  });

  it('answers 401 without a session and for a forged cookie', async () => {
    expect((await call(app, null, 'GET', '/auth/me')).statusCode).toBe(401);
    expect((await call(app, 'rf_session=forged', 'GET', '/measures')).statusCode).toBe(401);
  });

  it('rate-limits repeated failures for one e-mail from one client with 429, even for the right password', async () => {
    const t = await createTenant(app);
    const [{ email }] = await app.db.query<{ email: string }>('SELECT email FROM app_user WHERE id = $1', [t.userIds.reader]);
    for (let i = 0; i < 5; i++) {
      expect((await call(app, null, 'POST', '/auth/login', { email, password: 'falsch-falsch' })).statusCode).toBe(401);
    }
    const blocked = await call(app, null, 'POST', '/auth/login', { email, password: PASSWORD });
    expect(blocked.statusCode).toBe(429);
    expect(json(blocked).error.code).toBe('rate_limited');
  });
});

describe('several municipalities', () => {
  it('lets a member switch between municipalities and refuses one they do not belong to', async () => {
    const a = await createTenant(app, 'Kommune A');
    const b = await createTenant(app, 'Kommune B');
    const created = await call(app, a.cookies.admin, 'POST', '/municipalities', { name: 'Kommune C' });
    expect(created.statusCode).toBe(201);
    const c = json(created).memberships.find((m: { municipalityName: string }) => m.municipalityName === 'Kommune C');
    expect(c.role).toBe('admin');
    const switched = await call(app, a.cookies.admin, 'POST', '/auth/switch', { municipalityId: c.municipalityId });
    expect(json(switched).current.municipalityName).toBe('Kommune C');
    expect(json(await call(app, a.cookies.admin, 'GET', '/concept')).municipality.name).toBe('Kommune C');
    const foreign = await call(app, a.cookies.admin, 'POST', '/auth/switch', { municipalityId: b.municipalityId });
    expect(foreign.statusCode).toBe(404);
    expect((await call(app, a.cookies.coordinator, 'POST', '/municipalities', { name: 'D' })).statusCode).toBe(403);
  });

  it('updates the profile language', async () => {
    const t = await createTenant(app);
    const res = await call(app, t.cookies.reader, 'PATCH', '/auth/profile', { locale: 'en' });
    expect(json(res).user.locale).toBe('en');
  });
});

describe('cross-site requests', () => {
  it('refuses a cookie-authenticated write from a foreign origin with 403, and a garbage origin too', async () => {
    const t = await createTenant(app);
    for (const origin of ['https://evil.example', 'null']) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/measures', headers: { cookie: t.cookies.admin, origin }, payload: { title: 'x' } });
      expect(res.statusCode).toBe(403);
    }
    const same = await app.inject({ method: 'POST', url: '/api/v1/measures', headers: { cookie: t.cookies.admin, origin: 'http://localhost:3000', host: 'localhost:3000' }, payload: { title: 'x' } });
    expect(same.statusCode).toBe(201);
  });
});
