import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTenant, createTestApp, json, type Tenant } from '../../test/harness';
import type { App } from '../../app';
import { hashPassword } from './auth.service';
import { commonPasswords } from './passwords';

// Issue 14 "Weak passwords are accepted": NIST SP 800-63B rules wherever a password is set.
let app: App;
let close: () => Promise<void>;
let t: Tenant;
beforeAll(async () => {
  ({ app, close } = await createTestApp());
});
afterAll(() => close());

const setupBody = { municipalityName: 'Musterstadt', adminName: 'Anna Admin', adminEmail: 'anna.admin@musterstadt.example' };
const passwordIssue = (res: { json: () => unknown }) => (json(res as never).error.details as { path: string[]; message: string; reason: string }[]).find((d) => d.path[0] === 'password');

describe('weak passwords', () => {
  it('ships a list of several hundred common passwords, German ones included', () => {
    const list = commonPasswords();
    expect(list.size).toBeGreaterThan(500);
    for (const pw of ['passwort', 'hallo123', 'qwertz', 'schalke04', 'sommer2024', 'ichliebedich']) expect(list.has(pw), pw).toBe(true);
  });

  it('refuses weak passwords at setup with a clear German message on the password field, and creates nothing', async () => {
    const cases: [string, string][] = [
      ['aaaaaaaaaa', ''], // too short: the contract's 400
      ['aaaaaaaaaaaa', 'repeated'],
      ['passwort1234', 'common'],
      ['123456789012', 'sequence'],
      ['AnnaAdmin-2026!', 'personal'],
      ['Musterstadt-2026!', 'common'], // the demo town's name is on the list, too
      ['anna.admin@musterstadt.example', 'personal'],
    ];
    for (const [password, reason] of cases) {
      const res = await call(app, null, 'POST', '/setup', { ...setupBody, password });
      expect(res.statusCode, password).toBe(400);
      expect(json(res).error.code).toBe('validation_failed');
      const issue = passwordIssue(res);
      expect(issue, password).toBeTruthy();
      if (reason) {
        expect(issue!.reason, password).toBe(reason);
        expect(issue!.message).toMatch(/Passwort/);
      } else expect(issue!.message).toContain('12');
    }
    expect(json(await call(app, null, 'GET', '/setup')).needsSetup).toBe(true);
    const ok = await call(app, null, 'POST', '/setup', { ...setupBody, password: 'Rathaus-Linde-Fahrrad-26' });
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('refuses weak passwords for a new account and for a reset (400), accepts a good one', async () => {
    t = await createTenant(app, 'Neustadt');
    const mail = `nora.neu.${randomBytes(3).toString('hex')}@example.org`;
    for (const password of ['passwort1234', 'qwertzuiopü1', 'NoraNeu-2026', 'Neustadt1234!']) {
      const res = await call(app, t.cookies.admin, 'POST', '/users', { email: mail, name: 'Nora Neu', role: 'reader', password });
      expect(res.statusCode, password).toBe(400);
      expect(passwordIssue(res), password).toBeTruthy();
    }
    const created = await call(app, t.cookies.admin, 'POST', '/users', { email: mail, name: 'Nora Neu', role: 'reader', password: 'Brunnen-Tulpe-Gleis-9' });
    expect(created.statusCode, created.body).toBe(201);
    const id = json(created).id;
    for (const password of ['Sommer2024!!!', 'hallo123hallo123', 'aaaaaaaaaaaaaaaa', 'Nora-Neu-12345', 'kurz']) {
      const res = await call(app, t.cookies.admin, 'PATCH', `/users/${id}`, { password });
      expect(res.statusCode, password).toBe(400);
    }
    expect((await call(app, t.cookies.admin, 'PATCH', `/users/${id}`, { password: 'Kiesel-Ahorn-Bogen-4' })).statusCode).toBe(200);
  });

  it('still lets an existing account with an older, shorter password sign in', async () => {
    const mail = `alt.${randomBytes(3).toString('hex')}@example.org`;
    const [{ id }] = await app.db.query<{ id: string }>('INSERT INTO app_user (email, name, password_hash) VALUES ($1, $2, $3) RETURNING id', [mail, 'Alt', await hashPassword('alt-kurz10')]);
    await app.db.query(`INSERT INTO membership (municipality_id, user_id, role) VALUES ($1, $2, 'reader')`, [t.municipalityId, id]);
    expect((await call(app, null, 'POST', '/auth/login', { email: mail, password: 'alt-kurz10' })).statusCode).toBe(200);
  });
});
