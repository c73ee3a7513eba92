import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, createTestApp, json, PASSWORD } from '../../test/harness';
import type { App } from '../../app';

// Issue 14 "Sign-in protection fails both ways": a forged X-Forwarded-For must not dodge the per-client
// limit, and an attacker's failures must not lock the owner out of their own account.
let app: App;
let close: () => Promise<void>;
beforeAll(async () => ({ app, close } = await createTestApp()));
afterAll(() => close());

const signIn = (remoteAddress: string, email: string, password: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress, headers, payload: { email, password } });

async function emailOf(userId: string) {
  const [{ email }] = await app.db.query<{ email: string }>('SELECT email FROM app_user WHERE id = $1', [userId]);
  return email;
}

describe('sign-in throttle', () => {
  it('still answers 429 to one client spraying many accounts while rotating X-Forwarded-For (TRUST_PROXY off)', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 60; i++) {
      const res = await signIn('198.51.100.20', `opfer${i}@example.org`, 'falsch-falsch-1', { 'x-forwarded-for': `10.${i}.${i}.${i}` });
      codes.push(res.statusCode);
    }
    const limited = codes.filter((c) => c === 429).length;
    expect(limited).toBeGreaterThan(0);
    expect(codes.slice(0, 50).every((c) => c === 401)).toBe(true);
    expect(codes.slice(50).every((c) => c === 429)).toBe(true);
    // another client is not affected
    expect((await signIn('198.51.100.21', 'opfer0@example.org', 'falsch-falsch-1')).statusCode).toBe(401);
  });

  it("lets the owner sign in from their own client after an attacker's failures from other clients", async () => {
    const t = await createTenant(app);
    const email = await emailOf(t.userIds.coordinator);
    const attack: number[] = [];
    for (const attacker of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) {
      for (let i = 0; i < 6; i++) attack.push((await signIn(attacker, email, `geraten-${i}-abcdef`)).statusCode);
    }
    // the first two clients: 5 guesses each, then 429; once the account has 10 failures, a third client
    // gets a single guess before it counts as failed itself
    expect(attack).toEqual([...[401, 401, 401, 401, 401, 429], ...[401, 401, 401, 401, 401, 429], ...[401, 429, 429, 429, 429, 429]]);
    expect((await signIn('198.51.100.1', email, PASSWORD)).statusCode).toBe(429);
    const owner = await signIn('192.0.2.10', email, PASSWORD);
    expect(owner.statusCode, owner.body).toBe(200);
    expect(json(owner).user.email).toBe(email);
  });

  it('refuses further guesses at an attacked account from a client that has failed elsewhere', async () => {
    const t = await createTenant(app);
    const email = await emailOf(t.userIds.reader);
    for (const attacker of ['198.51.100.4', '198.51.100.5']) {
      for (let i = 0; i < 5; i++) expect((await signIn(attacker, email, `geraten-${i}-abcdef`)).statusCode).toBe(401);
    }
    expect((await signIn('198.51.100.6', 'jemand@example.org', 'falsch-falsch-1')).statusCode).toBe(401);
    const res = await signIn('198.51.100.6', email, 'noch-ein-versuch-1');
    expect(res.statusCode).toBe(429);
    expect(json(res).error.code).toBe('rate_limited');
  });
});
