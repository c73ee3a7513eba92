import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../app';
import { call, createTenant, createTestApp, json, login, type Tenant } from '../../test/harness';
import { CookieJar, decodeJwt, signInAtProvider, startTestProvider, type TestProvider } from './oidc-test-provider';

const APP = 'http://app.test';
let app: App;
let close: () => Promise<void>;
let idp: TestProvider;
let a: Tenant;
let b: Tenant;
let providerId: string;
const emailOf = async (userId: string) => (await app.db.query<{ email: string }>('SELECT email FROM app_user WHERE id = $1', [userId]))[0].email;

const settings = () => ({
  kind: 'oidc',
  displayName: 'Stadt-Login',
  oidc: { issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret },
  mapping: {
    groupClaim: 'groups',
    roles: [
      { value: 'isek-admin', role: 'admin' },
      { value: 'isek-koordination', role: 'coordinator' },
      { value: 'amt', role: 'department' },
      { value: 'lesen', role: 'reader' },
    ],
    departments: [{ value: 'amt-61', departmentId: a.departmentIds[1] }],
  },
  passwordsOff: false,
  emergencyAdminId: null,
});

beforeAll(async () => {
  ({ app, close } = await createTestApp({ publicUrl: APP }));
  idp = await startTestProvider({ redirectUris: [`${APP}/api/v1/auth/sso/oidc/callback`], postLogoutRedirectUris: [`${APP}/login`] });
  a = await createTenant(app, 'Kommune A');
  b = await createTenant(app, 'Kommune B');
  const res = await call(app, a.cookies.admin, 'PUT', '/sso/provider', settings());
  expect(res.statusCode).toBe(200);
  providerId = json(res).id;
}, 60_000);
afterAll(async () => {
  await close();
  await idp.close();
});

/** Start at the app, sign in at the provider's own pages, come back to the callback in the same browser. */
async function ssoSignIn(loginName: string, opts: { abort?: boolean; id?: string } = {}) {
  const start = await app.inject({ method: 'GET', url: `/api/v1/auth/sso/start?provider=${opts.id ?? providerId}` });
  if (start.statusCode !== 302) return { res: start, callback: '', browser: '' };
  const browser = start.cookies.find((c) => c.name === 'rf_sso')!.value;
  const back = await signInAtProvider(start.headers.location as string, loginName, APP, new CookieJar(), opts);
  const callback = back.slice(APP.length);
  const res = await app.inject({ method: 'GET', url: callback, headers: { cookie: `rf_sso=${browser}` } });
  return { res, callback, browser };
}
const sessionOf = (res: { cookies: { name: string; value: string }[] }) => {
  const c = res.cookies.find((x) => x.name === 'rf_session');
  return c ? `rf_session=${c.value}` : null;
};
const refusal = (res: { statusCode: number; headers: Record<string, unknown> }) => {
  expect(res.statusCode).toBe(303);
  return String(res.headers.location).replace('/login/refused?reason=', '');
};

describe('single sign-on settings (admin only)', () => {
  it('admits admins only, and never returns the client secret', async () => {
    expect((await call(app, null, 'GET', '/sso/provider')).statusCode).toBe(401);
    for (const role of ['coordinator', 'department', 'reader'] as const) {
      expect((await call(app, a.cookies[role], 'GET', '/sso/provider')).statusCode).toBe(403);
      expect((await call(app, a.cookies[role], 'PUT', '/sso/provider', settings())).statusCode).toBe(403);
      expect((await call(app, a.cookies[role], 'DELETE', '/sso/provider')).statusCode).toBe(403);
    }
    const res = await call(app, a.cookies.admin, 'GET', '/sso/provider');
    expect(res.statusCode).toBe(200);
    expect(json(res).oidc).toEqual({ issuer: idp.issuer, clientId: idp.clientId, hasClientSecret: true });
    expect(json(res).redirectUri).toBe(`${APP}/api/v1/auth/sso/oidc/callback`);
    expect(res.body).not.toContain(idp.clientSecret);
    const [row] = await app.db.query<{ oidc_client_secret: string }>('SELECT oidc_client_secret FROM sso_provider WHERE id = $1', [providerId]);
    expect(row.oidc_client_secret).not.toContain(idp.clientSecret);
    // another municipality sees none (its own is not configured)
    expect((await call(app, b.cookies.admin, 'GET', '/sso/provider')).statusCode).toBe(404);
    const trail = await app.db.query<{ changes: unknown }>(`SELECT changes FROM audit_event WHERE entity_type = 'sso_provider' AND entity_id = $1`, [providerId]);
    expect(trail.length).toBe(1);
    expect(JSON.stringify(trail)).not.toContain(idp.clientSecret);
  });

  it('keeps the stored secret when none is sent, and checks departments and the emergency admin', async () => {
    const { clientSecret: _omit, ...oidc } = settings().oidc;
    expect((await call(app, a.cookies.admin, 'PUT', '/sso/provider', { ...settings(), oidc })).statusCode).toBe(200);
    const bad = await call(app, a.cookies.admin, 'PUT', '/sso/provider', { ...settings(), mapping: { ...settings().mapping, departments: [{ value: 'x', departmentId: b.departmentIds[0] }] } });
    expect(bad.statusCode).toBe(400);
    expect((await call(app, a.cookies.admin, 'PUT', '/sso/provider', { ...settings(), passwordsOff: true })).statusCode).toBe(400);
    expect((await call(app, a.cookies.admin, 'PUT', '/sso/provider', { ...settings(), passwordsOff: true, emergencyAdminId: a.userIds.coordinator })).statusCode).toBe(400);
    expect((await call(app, a.cookies.admin, 'PUT', '/sso/provider', { ...settings(), passwordsOff: true, emergencyAdminId: b.userIds.admin })).statusCode).toBe(400);
    expect((await call(app, a.cookies.admin, 'PUT', '/sso/provider', { ...settings(), oidc: { ...oidc, issuer: 'http://10.0.0.1' } })).statusCode).toBe(400);
  });

  it('lists the configured providers for the sign-in page', async () => {
    const res = await call(app, null, 'GET', '/auth/sso/providers');
    expect(json(res)).toEqual([{ id: providerId, displayName: 'Stadt-Login', municipalityName: 'Kommune A' }]);
  });
});

describe('sign-in through the OpenID Connect provider', () => {
  it('creates the account on first sign-in, with role and department from the groups, and no second factor', async () => {
    idp.people.alice = { email: 'alice@stadt.test', email_verified: true, name: 'Alice Amsel', groups: ['isek-koordination', 'amt-61'] };
    const { res } = await ssoSignIn('alice');
    expect([res.statusCode, res.headers.location]).toEqual([303, '/']);
    const me = json(await call(app, sessionOf(res), 'GET', '/auth/me'));
    expect(me.user).toMatchObject({ email: 'alice@stadt.test', name: 'Alice Amsel' });
    expect(me.current).toMatchObject({ municipalityId: a.municipalityId, role: 'coordinator', departmentId: a.departmentIds[1] });
    const [ev] = await app.db.query<{ changes: { method: string } }>(
      `SELECT changes FROM audit_event WHERE municipality_id = $1 AND action = 'sign_in' AND actor_id = $2`, [a.municipalityId, me.user.id]);
    expect(ev.changes.method).toBe('oidc');
  });

  it('updates role and department at every sign-in', async () => {
    idp.people.alice.groups = ['lesen'];
    const { res } = await ssoSignIn('alice');
    const me = json(await call(app, sessionOf(res), 'GET', '/auth/me'));
    expect(me.current).toMatchObject({ role: 'reader', departmentId: null });
  });

  it('refuses a person without any mapped group', async () => {
    idp.people.bob = { email: 'bob@stadt.test', email_verified: true, groups: ['kantine'] };
    const { res } = await ssoSignIn('bob');
    expect(refusal(res)).toBe('no_group');
    expect(sessionOf(res)).toBeNull();
    expect(await app.db.query(`SELECT 1 FROM app_user WHERE email = 'bob@stadt.test'`)).toEqual([]);
  });

  it('links an existing account by verified e-mail, and refuses an unverified one', async () => {
    idp.people.carla = { email: (await emailOf(a.userIds.reader)).toUpperCase(), email_verified: true, groups: ['isek-admin'] };
    const { res } = await ssoSignIn('carla');
    const me = json(await call(app, sessionOf(res), 'GET', '/auth/me'));
    expect(me.user.id).toBe(a.userIds.reader);
    expect(me.current.role).toBe('admin');

    idp.people.dora = { email: await emailOf(a.userIds.coordinator), email_verified: false, groups: ['isek-admin'] };
    const refused = await ssoSignIn('dora');
    expect(refusal(refused.res)).toBe('email_unverified');
    const [m] = await app.db.query<{ role: string }>('SELECT role FROM membership WHERE user_id = $1 AND municipality_id = $2', [a.userIds.coordinator, a.municipalityId]);
    expect(m.role).toBe('coordinator');
    const failed = await app.db.query<{ changes: { reason: string } }>(`SELECT changes FROM audit_event WHERE action = 'sign_in_failed' AND actor_id = $1`, [a.userIds.coordinator]);
    expect(failed.map((f) => f.changes.reason)).toContain('email_unverified');
  });

  it('refuses an ID token from another issuer, an expired one and a tampered one', async () => {
    idp.people.erik = { email: 'erik@stadt.test', email_verified: true, groups: ['lesen'] };
    const cases: [string, (t: string) => string][] = [
      ['issuer_mismatch', (t) => idp.signAsProvider(decodeJwt(t).header, { ...decodeJwt(t).payload, iss: 'http://127.0.0.1:1' })],
      ['token_expired', (t) => idp.signAsProvider(decodeJwt(t).header, { ...decodeJwt(t).payload, iat: Math.floor(Date.now() / 1000) - 7200, exp: Math.floor(Date.now() / 1000) - 3600 })],
      ['token_invalid', (t) => { const [h, , s] = t.split('.'); return `${h}.${Buffer.from(JSON.stringify({ ...decodeJwt(t).payload, groups: ['isek-admin'] })).toString('base64url')}.${s}`; }],
      ['token_invalid', (t) => idp.signWithOtherKey(decodeJwt(t).header, decodeJwt(t).payload)],
      ['token_invalid', (t) => idp.signAsProvider(decodeJwt(t).header, { ...decodeJwt(t).payload, nonce: 'ein-anderer' })],
    ];
    try {
      for (const [reason, tamper] of cases) {
        idp.tamper = tamper;
        const { res } = await ssoSignIn('erik');
        expect([reason, refusal(res)]).toEqual([reason, reason]);
        expect(sessionOf(res)).toBeNull();
      }
    } finally {
      idp.tamper = null;
    }
    expect(await app.db.query(`SELECT 1 FROM app_user WHERE email = 'erik@stadt.test'`)).toEqual([]);
    const failures = await app.db.query(`SELECT 1 FROM audit_event WHERE entity_type = 'sso_provider' AND action = 'sign_in_failed' AND municipality_id = $1`, [a.municipalityId]);
    expect(failures.length).toBeGreaterThanOrEqual(cases.length);
    // the admins' trail shows them (no person attached)
    const trail = await call(app, a.cookies.admin, 'GET', '/audit/trail?kind=sign_in_failed');
    expect(trail.statusCode).toBe(200);
    expect(trail.body).toContain('token_expired');
  });

  it('refuses a replayed state, a state from another browser, and the provider\'s access_denied', async () => {
    idp.people.finn = { email: 'finn@stadt.test', email_verified: true, groups: ['lesen'] };
    const first = await ssoSignIn('finn');
    expect(first.res.headers.location).toBe('/');
    const replay = await app.inject({ method: 'GET', url: first.callback, headers: { cookie: `rf_sso=${first.browser}` } });
    expect(refusal(replay)).toBe('state_unknown');

    const start = await app.inject({ method: 'GET', url: `/api/v1/auth/sso/start?provider=${providerId}` });
    const back = await signInAtProvider(start.headers.location as string, 'finn', APP);
    const stranger = await app.inject({ method: 'GET', url: back.slice(APP.length), headers: { cookie: 'rf_sso=someone-else' } });
    expect(refusal(stranger)).toBe('state_unknown');
    expect(sessionOf(stranger)).toBeNull();

    const { res } = await ssoSignIn('finn', { abort: true });
    expect(refusal(res)).toBe('denied');
    const unknown = await call(app, null, 'GET', '/auth/sso/oidc/callback?code=x&state=erfunden');
    expect(refusal(unknown)).toBe('state_unknown');
  });

  it('refuses when the provider is unreachable or its discovery names another issuer', async () => {
    const cfg = settings();
    const unreachable = { ...cfg, displayName: 'B-Login', oidc: { ...cfg.oidc, issuer: 'http://127.0.0.1:9' }, mapping: { ...cfg.mapping, departments: [] } };
    const put = await call(app, b.cookies.admin, 'PUT', '/sso/provider', unreachable);
    expect(put.statusCode).toBe(200);
    const start = await app.inject({ method: 'GET', url: `/api/v1/auth/sso/start?provider=${json(put).id}` });
    expect(refusal(start)).toBe('unreachable');
    const other = await call(app, b.cookies.admin, 'PUT', '/sso/provider', { ...unreachable, oidc: { ...cfg.oidc, issuer: idp.issuer.replace('127.0.0.1', 'localhost') } });
    const start2 = await app.inject({ method: 'GET', url: `/api/v1/auth/sso/start?provider=${json(other).id}` });
    expect(refusal(start2)).toBe('issuer_mismatch');
    expect((await call(app, b.cookies.admin, 'DELETE', '/sso/provider')).statusCode).toBe(204);
    const gone = await app.inject({ method: 'GET', url: `/api/v1/auth/sso/start?provider=${json(other).id}` });
    expect(refusal(gone)).toBe('not_configured');
  });

  it('sends requests only to the configured provider, even when its metadata names another host', async () => {
    // a provider whose discovery document is its own, but whose token endpoint lies on another host
    let elsewhere = 0;
    const other = createServer((_req, res) => { elsewhere++; res.writeHead(500).end(); });
    await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
    const meta = createServer((req, res) => {
      const self = `http://127.0.0.1:${(meta.address() as { port: number }).port}`;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({
        issuer: self, authorization_endpoint: `${self}/auth`, jwks_uri: `${self}/jwks`, response_types_supported: ['code'],
        subject_types_supported: ['public'], id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint: `http://localhost:${(other.address() as { port: number }).port}/token`,
      }));
      void req;
    });
    await new Promise<void>((r) => meta.listen(0, '127.0.0.1', r));
    try {
      const cfg = settings();
      const put = await call(app, b.cookies.admin, 'PUT', '/sso/provider', {
        ...cfg, oidc: { ...cfg.oidc, issuer: `http://127.0.0.1:${(meta.address() as { port: number }).port}` }, mapping: { ...cfg.mapping, departments: [] },
      });
      const start = await app.inject({ method: 'GET', url: `/api/v1/auth/sso/start?provider=${json(put).id}` });
      expect(start.statusCode).toBe(302);
      const state = new URL(start.headers.location as string).searchParams.get('state');
      const browser = start.cookies.find((c) => c.name === 'rf_sso')!.value;
      const res = await app.inject({ method: 'GET', url: `/api/v1/auth/sso/oidc/callback?code=abc&state=${state}`, headers: { cookie: `rf_sso=${browser}` } });
      expect(refusal(res)).toBe('provider_error');
      expect(elsewhere).toBe(0);
    } finally {
      await call(app, b.cookies.admin, 'DELETE', '/sso/provider');
      other.close();
      meta.close();
    }
  });

  it('keeps a provider of municipality A out of municipality B', async () => {
    // A's provider vouching for the e-mail of B's admin links nothing: the account belongs to B
    idp.people.greta = { email: await emailOf(b.userIds.admin), email_verified: true, groups: ['isek-admin'] };
    const refused = await ssoSignIn('greta');
    expect(refusal(refused.res)).toBe('account_elsewhere');
    expect(sessionOf(refused.res)).toBeNull();
    const memberships = await app.db.query<{ municipality_id: string; role: string }>('SELECT municipality_id, role FROM membership WHERE user_id = $1', [b.userIds.admin]);
    expect(memberships).toEqual([{ municipality_id: b.municipalityId, role: 'admin' }]);
    expect(await app.db.query('SELECT 1 FROM sso_identity WHERE user_id = $1', [b.userIds.admin])).toEqual([]);
    // B's admins see that A's provider tried
    const [tried] = await app.db.query<{ changes: { reason: string } }>(
      `SELECT changes FROM audit_event WHERE municipality_id = $1 AND action = 'sign_in_failed' AND actor_id = $2`, [b.municipalityId, b.userIds.admin]);
    expect(tried.changes.reason).toBe('account_elsewhere');

    // someone signed in through A's provider who (by invitation) also belongs to B: the session stays in A
    idp.people.hugo = { email: 'hugo@stadt.test', email_verified: true, groups: ['lesen'] };
    const { res } = await ssoSignIn('hugo');
    const cookie = sessionOf(res)!;
    const me = json(await call(app, cookie, 'GET', '/auth/me'));
    await app.db.query(`INSERT INTO membership (municipality_id, user_id, role) VALUES ($1, $2, 'admin')`, [b.municipalityId, me.user.id]);
    expect(me.current).toMatchObject({ municipalityId: a.municipalityId, role: 'reader' });
    const sw = await call(app, cookie, 'POST', '/auth/switch', { municipalityId: b.municipalityId });
    expect([sw.statusCode, json(sw).error.code]).toEqual([403, 'sso_session_bound']);
    expect((await call(app, cookie, 'GET', '/users')).statusCode).toBe(403);
  });

  it('counts the provider\'s sign-in for an admin whom the municipality requires to use two factors', async () => {
    await app.db.query('INSERT INTO security_settings (municipality_id, require_admin_two_factor) VALUES ($1, true) ON CONFLICT (municipality_id) DO UPDATE SET require_admin_two_factor = true', [a.municipalityId]);
    try {
      idp.people.hanna = { email: 'hanna@stadt.test', email_verified: true, groups: ['isek-admin'] };
      const { res } = await ssoSignIn('hanna');
      expect((await call(app, sessionOf(res), 'GET', '/users')).statusCode).toBe(200);
      // a password admin of the same municipality is still held at the two-factor gate
      expect((await call(app, a.cookies.admin, 'GET', '/users')).statusCode).toBe(403);
    } finally {
      await app.db.query('UPDATE security_settings SET require_admin_two_factor = false WHERE municipality_id = $1', [a.municipalityId]);
    }
  });

  it('signs out here and gives the provider\'s sign-out address with the ID token as hint', async () => {
    idp.people.ida = { email: 'ida@stadt.test', email_verified: true, groups: ['lesen'] };
    const { res } = await ssoSignIn('ida');
    const cookie = sessionOf(res)!;
    const out = await call(app, cookie, 'POST', '/auth/sso/logout');
    expect(out.statusCode).toBe(200);
    const url = new URL(json(out).providerLogoutUrl);
    expect(url.origin).toBe(idp.issuer);
    expect(url.searchParams.get('post_logout_redirect_uri')).toBe(`${APP}/login`);
    expect(decodeJwt(url.searchParams.get('id_token_hint')!).payload.email).toBe('ida@stadt.test');
    expect((await fetch(url)).status).toBe(200);
    expect((await call(app, cookie, 'GET', '/auth/me')).statusCode).toBe(401);
    // a password session has no provider to leave
    const pw = await login(app, await emailOf(a.userIds.department));
    expect(json(await call(app, pw, 'POST', '/auth/sso/logout'))).toEqual({ providerLogoutUrl: null });
  });
});

describe('changing the provider', () => {
  it('forgets the links to the old provider\'s subjects when the issuer changes, not when other settings do', async () => {
    const links = async () => (await app.db.query('SELECT 1 FROM sso_identity WHERE provider_id = $1', [providerId])).length;
    expect(await links()).toBeGreaterThan(0);
    expect((await call(app, a.cookies.admin, 'PUT', '/sso/provider', { ...settings(), displayName: 'Rathaus-Login' })).statusCode).toBe(200);
    expect(await links()).toBeGreaterThan(0);
    const cfg = settings();
    expect((await call(app, a.cookies.admin, 'PUT', '/sso/provider', { ...cfg, oidc: { ...cfg.oidc, issuer: 'http://localhost:1' } })).statusCode).toBe(200);
    expect(await links()).toBe(0);
    expect((await call(app, a.cookies.admin, 'PUT', '/sso/provider', settings())).statusCode).toBe(200);
  });
});

describe('local passwords turned off', () => {
  it('refuses passwords except for the emergency admin', async () => {
    const put = await call(app, a.cookies.admin, 'PUT', '/sso/provider', { ...settings(), passwordsOff: true, emergencyAdminId: a.userIds.admin });
    expect(put.statusCode).toBe(200);
    try {
      const res = await call(app, null, 'POST', '/auth/login', { email: await emailOf(a.userIds.department), password: 'richtig-geheim-123' });
      expect([res.statusCode, json(res).error.code]).toEqual([403, 'password_sign_in_off']);
      expect(json(res).error.message).toContain('Stadt-Login');
      // a wrong password still says only that
      const wrong = await call(app, null, 'POST', '/auth/login', { email: await emailOf(a.userIds.department), password: 'falsch-falsch-falsch' });
      expect(wrong.statusCode).toBe(401);
      expect(await login(app, await emailOf(a.userIds.admin))).toMatch(/^rf_session=/);
      // B's people are not affected by A's choice
      expect(await login(app, await emailOf(b.userIds.coordinator))).toMatch(/^rf_session=/);
    } finally {
      await call(app, a.cookies.admin, 'PUT', '/sso/provider', settings());
    }
  });
});
