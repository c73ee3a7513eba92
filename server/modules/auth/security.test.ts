import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTenant, createTestApp, json, login, PASSWORD, type Tenant } from '../../test/harness';
import type { App } from '../../app';
import { totp } from '../../../domain/totp';

let app: App;
let close: () => Promise<void>;
beforeAll(async () => ({ app, close } = await createTestApp()));
afterAll(() => close());

const now = () => Date.now() / 1000;
const emailOf = async (userId: string) => (await app.db.query<{ email: string }>('SELECT email FROM app_user WHERE id = $1', [userId]))[0].email;
const cookieOf = (res: { cookies: { name: string; value: string }[] }) => `rf_session=${res.cookies.find((c) => c.name === 'rf_session')!.value}`;

/** Turns two-factor sign-in on for the person behind `cookie`; returns the Base32 secret and the recovery codes. */
async function turnOn(cookie: string) {
  const setup = await call(app, cookie, 'POST', '/auth/two-factor/setup');
  expect(setup.statusCode).toBe(200);
  const { secret, otpauthUri, qrSvgDataUrl } = json(setup);
  expect(otpauthUri).toContain(`secret=${secret}`);
  expect(qrSvgDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
  const confirmed = await call(app, cookie, 'POST', '/auth/two-factor/confirm', { code: totp(secret, now()) });
  expect(confirmed.statusCode).toBe(200);
  return { secret: secret as string, recoveryCodes: json(confirmed).recoveryCodes as string[] };
}

async function passwordStep(email: string, password = PASSWORD) {
  const res = await call(app, null, 'POST', '/auth/login', { email, password });
  return res;
}

describe('two-factor sign-in', () => {
  let t: Tenant;
  let email: string;
  let secret: string;
  let recoveryCodes: string[];
  beforeAll(async () => {
    t = await createTenant(app);
    email = await emailOf(t.userIds.coordinator);
  });

  it('is off at first; a wrong first code does not turn it on; the right one does and gives ten recovery codes', async () => {
    expect(json(await call(app, t.cookies.coordinator, 'GET', '/auth/two-factor'))).toEqual({ enabled: false, pending: false, recoveryCodesLeft: 0, required: false });
    const setup = json(await call(app, t.cookies.coordinator, 'POST', '/auth/two-factor/setup'));
    expect(json(await call(app, t.cookies.coordinator, 'GET', '/auth/two-factor')).pending).toBe(true);
    const wrong = await call(app, t.cookies.coordinator, 'POST', '/auth/two-factor/confirm', { code: totp(setup.secret, now() - 120) });
    expect(wrong.statusCode).toBe(400);
    expect(json(wrong).error.code).toBe('two_factor_code_invalid');
    ({ secret, recoveryCodes } = await turnOn(t.cookies.coordinator));
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect(json(await call(app, t.cookies.coordinator, 'GET', '/auth/two-factor'))).toMatchObject({ enabled: true, pending: false, recoveryCodesLeft: 10 });
    expect((await call(app, t.cookies.coordinator, 'POST', '/auth/two-factor/setup')).statusCode).toBe(409);
    // Stored: the secret encrypted, the recovery codes hashed.
    const [row] = await app.db.query<{ secret: string }>('SELECT secret FROM two_factor WHERE user_id = $1', [t.userIds.coordinator]);
    expect(row.secret).not.toContain(secret);
    const hashes = await app.db.query<{ code_hash: string }>('SELECT code_hash FROM two_factor_recovery WHERE user_id = $1', [t.userIds.coordinator]);
    expect(hashes.map((h) => h.code_hash)).not.toContain(recoveryCodes[0]);
  });

  it('asks for the second factor after the right password, with no session until the code is right', async () => {
    const step = await passwordStep(email);
    expect(step.statusCode).toBe(202);
    expect(step.cookies.filter((c) => c.name === 'rf_session')).toHaveLength(0);
    const { pendingToken, secondFactorRequired } = json(step);
    expect(secondFactorRequired).toBe(true);
    // The pending token is no session.
    expect((await call(app, `rf_session=${pendingToken}`, 'GET', '/auth/me')).statusCode).toBe(401);
    const code = totp(secret, now() + 30); // the confirmation spent the current step
    const ok = await call(app, null, 'POST', '/auth/login/second-factor', { pendingToken, code });
    expect(ok.statusCode).toBe(200);
    expect(json(ok).user.email).toBe(email);
    expect(json(await call(app, cookieOf(ok), 'GET', '/auth/me')).user.email).toBe(email);
    // The pending token is spent, and the code too: a replay is refused.
    expect(json(await call(app, null, 'POST', '/auth/login/second-factor', { pendingToken, code })).error.code).toBe('sign_in_expired');
    const again = json(await passwordStep(email)).pendingToken;
    const replay = await call(app, null, 'POST', '/auth/login/second-factor', { pendingToken: again, code });
    expect(replay.statusCode).toBe(401);
    expect(json(replay).error.code).toBe('second_factor_invalid');
  });

  it('accepts each recovery code once', async () => {
    const first = json(await passwordStep(email)).pendingToken;
    const ok = await call(app, null, 'POST', '/auth/login/second-factor', { pendingToken: first, code: recoveryCodes[0].toUpperCase() });
    expect(ok.statusCode).toBe(200);
    const second = json(await passwordStep(email)).pendingToken;
    const used = await call(app, null, 'POST', '/auth/login/second-factor', { pendingToken: second, code: recoveryCodes[0] });
    expect(used.statusCode).toBe(401);
    expect(json(await call(app, cookieOf(ok), 'GET', '/auth/two-factor')).recoveryCodesLeft).toBe(9);
  });

  it('counts wrong codes in the sign-in throttle: after five, even the right code is refused with 429', async () => {
    const u = await createTenant(app);
    const mail = await emailOf(u.userIds.reader);
    const { secret: s } = await turnOn(u.cookies.reader);
    const pendingToken = json(await passwordStep(mail)).pendingToken;
    // A code valid in none of the accepted steps around now.
    const valid = new Set([-60, -30, 0, 30, 60].map((d) => totp(s, now() + d)));
    const wrongCode = ['000000', '111111', '222222', '333333', '444444', '555555'].find((c) => !valid.has(c))!;
    for (let i = 0; i < 5; i++) {
      const wrong = await call(app, null, 'POST', '/auth/login/second-factor', { pendingToken, code: wrongCode });
      expect(wrong.statusCode).toBe(401);
    }
    const blocked = await call(app, null, 'POST', '/auth/login/second-factor', { pendingToken, code: totp(s, now() + 30) });
    expect(blocked.statusCode).toBe(429);
    expect(json(blocked).error.code).toBe('rate_limited');
    // The password step is throttled as well (same keys).
    expect((await passwordStep(mail)).statusCode).toBe(429);
    const failed = await app.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'sign_in_failed' AND actor_id = $1 AND changes->>'reason' = 'second_factor'`,
      [u.userIds.reader],
    );
    expect(failed[0].n).toBe(5);
  });

  it('turns off only with the password or a current code', async () => {
    const u = await createTenant(app);
    const { secret: s } = await turnOn(u.cookies.department);
    const wrong = await call(app, u.cookies.department, 'POST', '/auth/two-factor/disable', { password: 'nicht-das-passwort' });
    expect(wrong.statusCode).toBe(403);
    expect(json(wrong).error.code).toBe('two_factor_reauth_failed');
    expect((await call(app, u.cookies.department, 'POST', '/auth/two-factor/disable', {})).statusCode).toBe(400);
    expect((await call(app, u.cookies.department, 'POST', '/auth/two-factor/disable', { code: totp(s, now() + 30) })).statusCode).toBe(204);
    expect(json(await call(app, u.cookies.department, 'GET', '/auth/two-factor')).enabled).toBe(false);
    // Signing in needs the password alone again.
    expect((await passwordStep(await emailOf(u.userIds.department))).statusCode).toBe(200);
    await turnOn(u.cookies.department);
    expect((await call(app, u.cookies.department, 'POST', '/auth/two-factor/disable', { password: PASSWORD })).statusCode).toBe(204);
    expect((await call(app, u.cookies.department, 'POST', '/auth/two-factor/disable', { password: PASSWORD })).statusCode).toBe(409);
  });

  it('needs a session for every two-factor route', async () => {
    for (const [method, url] of [['GET', '/auth/two-factor'], ['POST', '/auth/two-factor/setup'], ['GET', '/auth/sessions'], ['POST', '/auth/sessions/end-others']] as const) {
      expect((await call(app, null, method, url)).statusCode).toBe(401);
    }
  });
});

describe('two-factor required for admins', () => {
  it('is an admin-only setting; an admin without it gets 403 two_factor_required except for their own account, until set up', async () => {
    const t = await createTenant(app);
    expect((await call(app, t.cookies.coordinator, 'GET', '/security/settings')).statusCode).toBe(403);
    expect((await call(app, t.cookies.coordinator, 'PUT', '/security/settings', { requireAdminTwoFactor: true, version: 1 })).statusCode).toBe(403);
    const settings = json(await call(app, t.cookies.admin, 'GET', '/security/settings'));
    expect(settings).toEqual({ requireAdminTwoFactor: false, version: 1 });
    // Only an admin who uses it may require it.
    const first = await call(app, t.cookies.admin, 'PUT', '/security/settings', { requireAdminTwoFactor: true, version: 1 });
    expect(first.statusCode).toBe(409);
    expect(json(first).error.code).toBe('two_factor_needed_first');
    await turnOn(t.cookies.admin);
    const saved = await call(app, t.cookies.admin, 'PUT', '/security/settings', { requireAdminTwoFactor: true, version: 1 });
    expect(json(saved)).toEqual({ requireAdminTwoFactor: true, version: 2 });
    // A second admin, without it, is led to set it up:
    const second = { email: `zweite.${Date.now()}@example.org`, name: 'Zweite Admin', role: 'admin', password: 'Linde-Gleis-Tulpe-Rathaus-7' };
    const added = await call(app, t.cookies.admin, 'POST', '/users', second);
    expect(added.statusCode).toBe(201);
    const admin2 = await login(app, second.email, second.password);
    const blocked = await call(app, admin2, 'GET', '/measures');
    expect(blocked.statusCode).toBe(403);
    expect(json(blocked).error.code).toBe('two_factor_required');
    expect((await call(app, admin2, 'GET', '/audit/trail')).statusCode).toBe(403);
    expect((await call(app, admin2, 'PUT', '/security/settings', { requireAdminTwoFactor: false, version: 2 })).statusCode).toBe(403);
    expect((await call(app, admin2, 'GET', '/auth/me')).statusCode).toBe(200);
    expect(json(await call(app, admin2, 'GET', '/auth/two-factor')).required).toBe(true);
    expect((await call(app, admin2, 'GET', '/auth/sessions')).statusCode).toBe(200);
    // The admin who uses it and other roles are not concerned.
    expect((await call(app, t.cookies.admin, 'GET', '/measures')).statusCode).toBe(200);
    expect((await call(app, t.cookies.coordinator, 'GET', '/measures')).statusCode).toBe(200);
    await turnOn(admin2);
    expect((await call(app, admin2, 'GET', '/measures')).statusCode).toBe(200);
    // A stale version is a conflict.
    expect((await call(app, t.cookies.admin, 'PUT', '/security/settings', { requireAdminTwoFactor: false, version: 1 })).statusCode).toBe(409);
  });
});

describe('sessions', () => {
  it('lists my sessions with browser and network, ends another one, and all others', async () => {
    const t = await createTenant(app);
    const email = await emailOf(t.userIds.reader);
    const firefox = await app.inject({
      method: 'POST', url: '/api/v1/auth/login', payload: { email, password: PASSWORD },
      headers: { 'user-agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0' },
    });
    const other = cookieOf(firefox);
    const third = await login(app, email);
    const body = json(await call(app, t.cookies.reader, 'GET', '/auth/sessions'));
    expect(body.idleMinutes).toBe(120);
    const list = body.sessions;
    expect(list).toHaveLength(3);
    expect(list[0].current).toBe(true);
    const ff = list.find((s: { browser: string }) => s.browser === 'Firefox 128 · Windows');
    expect(ff).toBeTruthy();
    expect(ff.address).toBe('127.0.0.x');
    expect(Object.keys(ff).sort()).toEqual(['address', 'browser', 'createdAt', 'current', 'id', 'lastActiveAt']);
    // Someone else cannot end my session: 404, as for an unknown id.
    const u = await createTenant(app);
    expect((await call(app, u.cookies.reader, 'DELETE', `/auth/sessions/${ff.id}`)).statusCode).toBe(404);
    expect((await call(app, t.cookies.reader, 'DELETE', '/auth/sessions/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await call(app, t.cookies.reader, 'DELETE', `/auth/sessions/${ff.id}`)).statusCode).toBe(204);
    expect((await call(app, other, 'GET', '/auth/me')).statusCode).toBe(401);
    expect(json(await call(app, t.cookies.reader, 'POST', '/auth/sessions/end-others'))).toEqual({ ended: 1 });
    expect((await call(app, third, 'GET', '/auth/me')).statusCode).toBe(401);
    expect((await call(app, t.cookies.reader, 'GET', '/auth/me')).statusCode).toBe(200);
    expect(json(await call(app, t.cookies.reader, 'GET', '/auth/sessions')).sessions).toHaveLength(1);
  });

  it('ends a session idle for longer than the idle time with 401, and writes last activity at most once a minute', async () => {
    const t = await createTenant(app);
    const hashOf = async () => (await app.db.query<{ token_hash: string }>('SELECT token_hash FROM session WHERE user_id = $1', [t.userIds.reader]))[0].token_hash;
    const h = await hashOf();
    const lastActive = async () => (await app.db.query<{ at: Date }>('SELECT last_active_at AS at FROM session WHERE token_hash = $1', [h]))[0]?.at;
    // 30 seconds ago: no write.
    await app.db.query(`UPDATE session SET last_active_at = now() - interval '30 seconds' WHERE token_hash = $1`, [h]);
    const before = await lastActive();
    expect((await call(app, t.cookies.reader, 'GET', '/auth/me')).statusCode).toBe(200);
    expect(await lastActive()).toEqual(before);
    // 5 minutes ago: written.
    await app.db.query(`UPDATE session SET last_active_at = now() - interval '5 minutes' WHERE token_hash = $1`, [h]);
    const old = await lastActive();
    expect((await call(app, t.cookies.reader, 'GET', '/auth/me')).statusCode).toBe(200);
    expect(new Date(await lastActive()).getTime()).toBeGreaterThan(new Date(old).getTime());
    // Idle for 121 minutes (default 120): ended.
    await app.db.query(`UPDATE session SET last_active_at = now() - interval '121 minutes' WHERE token_hash = $1`, [h]);
    expect((await call(app, t.cookies.reader, 'GET', '/auth/me')).statusCode).toBe(401);
    expect(await lastActive()).toBeUndefined();
  });

  it('follows SESSION_IDLE_MINUTES', async () => {
    const short = await createTestApp({ sessionIdleMinutes: 5 });
    try {
      const t = await createTenant(short.app);
      await short.db.query(`UPDATE session SET last_active_at = now() - interval '6 minutes' WHERE user_id = $1`, [t.userIds.reader]);
      expect((await call(short.app, t.cookies.reader, 'GET', '/auth/me')).statusCode).toBe(401);
      await short.db.query(`UPDATE session SET last_active_at = now() - interval '4 minutes' WHERE user_id = $1`, [t.userIds.admin]);
      expect((await call(short.app, t.cookies.admin, 'GET', '/auth/me')).statusCode).toBe(200);
    } finally {
      await short.close();
    }
  }, 180_000); // a second app on a fresh database takes a while to start on a busy machine
});
