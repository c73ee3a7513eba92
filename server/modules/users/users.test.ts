import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTenant, createTestApp, json, login, PASSWORD, type Tenant } from '../../test/harness';
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

const NEW_PASSWORD = 'ganz-neues-passwort-456';
const email = (who: string) => `${who}.${randomBytes(4).toString('hex')}@example.org`;
const emailOf = async (userId: string) =>
  (await app.db.query<{ email: string }>('SELECT email FROM app_user WHERE id = $1', [userId]))[0].email;
const loginStatus = async (mail: string, password: string) =>
  (await call(app, null, 'POST', '/auth/login', { email: mail, password })).statusCode;

describe('users: list and add', () => {
  it('lists the members of the current municipality, sorted by name, for admins', async () => {
    const res = await call(app, t.cookies.admin, 'GET', '/users');
    expect(res.statusCode).toBe(200);
    const rows = json(res);
    expect(rows.map((u: { name: string }) => u.name)).toEqual(['admin user', 'coordinator user', 'department user', 'reader user']);
    expect(rows.find((u: { id: string }) => u.id === t.userIds.department)).toEqual({
      id: t.userIds.department, email: await emailOf(t.userIds.department), name: 'department user', role: 'department', departmentId: t.departmentIds[0],
    });
    expect(rows.find((u: { id: string }) => u.id === t.userIds.reader)).toMatchObject({ role: 'reader', departmentId: null });
    // nobody of the other municipality
    expect(rows.some((u: { id: string }) => Object.values(other.userIds).includes(u.id))).toBe(false);
  });

  it('adds a new person with a password (201); they can sign in with the given role', async () => {
    const fresh = await createTenant(app);
    const mail = email('neu');
    const res = await call(app, fresh.cookies.admin, 'POST', '/users', { email: mail, name: 'Nora Neu', role: 'department', departmentId: fresh.departmentIds[1], password: PASSWORD });
    expect(res.statusCode).toBe(201);
    const row = json(res);
    expect(row).toEqual({ id: expect.any(String), email: mail, name: 'Nora Neu', role: 'department', departmentId: fresh.departmentIds[1] });
    expect(json(await call(app, fresh.cookies.admin, 'GET', '/users')).map((u: { id: string }) => u.id)).toContain(row.id);

    const cookie = await login(app, mail, PASSWORD);
    const me = json(await call(app, cookie, 'GET', '/auth/me'));
    expect(me.user).toMatchObject({ id: row.id, name: 'Nora Neu' });
    expect(me.current).toEqual({ municipalityId: fresh.municipalityId, municipalityName: expect.any(String), role: 'department', departmentId: fresh.departmentIds[1] });
    // and the role works: the new member may create a measure for their own department
    expect((await call(app, cookie, 'POST', '/measures', { title: 'Von Nora' })).statusCode).toBe(201);
  });

  it('invites an existing account of another municipality (202, without its name); it joins only when the person accepts, then can switch', async () => {
    const fresh = await createTenant(app, 'Zweitstadt');
    const guestMail = await emailOf(other.userIds.reader);
    const res = await call(app, fresh.cookies.admin, 'POST', '/users', { email: guestMail.toUpperCase(), name: 'anderer Name', role: 'coordinator' });
    expect(res.statusCode).toBe(202);
    // the admin learns neither the name nor the account's id, and nobody was added
    expect(json(res)).toEqual({ invited: true, email: guestMail.toUpperCase() });
    expect(res.body).not.toContain('reader user');
    expect(json(await call(app, fresh.cookies.admin, 'GET', '/users')).map((u: { id: string }) => u.id)).not.toContain(other.userIds.reader);
    expect((await app.db.query('SELECT id FROM app_user WHERE lower(email) = lower($1)', [guestMail]))).toHaveLength(1);

    const guest = await login(app, guestMail);
    expect(json(await call(app, guest, 'GET', '/auth/me')).memberships).toHaveLength(1);
    const [invitation] = json(await call(app, guest, 'GET', '/invitations'));
    expect(invitation).toMatchObject({ municipalityId: fresh.municipalityId, municipalityName: 'Zweitstadt', role: 'coordinator', departmentName: null, invitedBy: 'admin user' });
    expect(json(await call(app, guest, 'POST', `/invitations/${invitation.id}/accept`))).toEqual({ municipalityId: fresh.municipalityId });
    // the account is reused, not copied: same id, same name as before
    expect(json(await call(app, fresh.cookies.admin, 'GET', '/users')).find((u: { id: string }) => u.id === other.userIds.reader)).toEqual({
      id: other.userIds.reader, email: guestMail, name: 'reader user', role: 'coordinator', departmentId: null,
    });
    const me = json(await call(app, guest, 'GET', '/auth/me'));
    expect(me.memberships.map((m: { municipalityName: string }) => m.municipalityName).sort()).toEqual(['Nachbarstadt', 'Zweitstadt']);
    const switched = await call(app, guest, 'POST', '/auth/switch', { municipalityId: fresh.municipalityId });
    expect(switched.statusCode).toBe(200);
    expect(json(switched).current).toMatchObject({ municipalityId: fresh.municipalityId, municipalityName: 'Zweitstadt', role: 'coordinator' });
    expect(json(await call(app, guest, 'GET', '/concept')).municipality.name).toBe('Zweitstadt');
    // as coordinator there the guest may edit the concept; at home they are still a reader
    expect((await call(app, guest, 'POST', '/districts', { name: 'Gastviertel' })).statusCode).toBe(201);
    await call(app, guest, 'POST', '/auth/switch', { municipalityId: other.municipalityId });
    expect((await call(app, guest, 'POST', '/districts', { name: 'Gastviertel' })).statusCode).toBe(403);
  });

  it("adding an existing account with a password leaves that account's password alone", async () => {
    const fresh = await createTenant(app);
    const owner = await createTenant(app);
    const mail = await emailOf(owner.userIds.coordinator);
    const res = await call(app, fresh.cookies.admin, 'POST', '/users', { email: mail, name: 'x', role: 'reader', password: NEW_PASSWORD });
    expect(res.statusCode).toBe(202);
    expect(await loginStatus(mail, NEW_PASSWORD)).toBe(401);
    expect(await loginStatus(mail, PASSWORD)).toBe(200);
    expect((await call(app, owner.cookies.coordinator, 'GET', '/concept')).statusCode).toBe(200);
  });

  it('refuses a new e-mail without a password with 400 and creates no account', async () => {
    const mail = email('ohne.passwort');
    const res = await call(app, t.cookies.admin, 'POST', '/users', { email: mail, name: 'Ohne Passwort', role: 'reader' });
    expect(res.statusCode).toBe(400);
    expect(json(res).error.code).toBe('validation_failed');
    expect(JSON.stringify(json(res).error.details)).toContain('password');
    expect(await app.db.query('SELECT 1 FROM app_user WHERE lower(email) = lower($1)', [mail])).toHaveLength(0);
  });

  it('refuses invalid input with 400', async () => {
    for (const body of [
      {},
      { email: 'kein-mail', name: 'X', role: 'reader', password: PASSWORD },
      { email: email('x'), name: '', role: 'reader', password: PASSWORD },
      { email: email('x'), name: 'X', role: 'superuser', password: PASSWORD },
      { email: email('x'), name: 'X', role: 'reader', password: 'kurz' },
      { email: email('x'), name: 'X', role: 'reader', password: PASSWORD, departmentId: 'kein-uuid' },
    ]) {
      const res = await call(app, t.cookies.admin, 'POST', '/users', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(json(res).error.code).toBe('validation_failed');
    }
  });

  it('refuses a person who is already a member with 409 conflict, whatever the case of the e-mail', async () => {
    const mail = await emailOf(t.userIds.coordinator);
    for (const m of [mail, mail.toUpperCase()]) {
      const res = await call(app, t.cookies.admin, 'POST', '/users', { email: m, name: 'Doppelt', role: 'reader' });
      expect(res.statusCode, m).toBe(409);
      expect(json(res).error.code).toBe('conflict');
    }
    expect(json(await call(app, t.cookies.admin, 'GET', '/users')).find((u: { id: string }) => u.id === t.userIds.coordinator).role).toBe('coordinator');
  });

  it("refuses an unknown or another municipality's department with 400 and adds nobody", async () => {
    for (const departmentId of [randomUUID(), other.departmentIds[0]]) {
      const mail = email('abteilung');
      const res = await call(app, t.cookies.admin, 'POST', '/users', { email: mail, name: 'Falsches Amt', role: 'department', departmentId, password: PASSWORD });
      expect(res.statusCode).toBe(400);
      expect(json(res).error.code).toBe('validation_failed');
      expect(await app.db.query('SELECT 1 FROM app_user WHERE lower(email) = lower($1)', [mail])).toHaveLength(0);
    }
  });
});

describe('users: change and remove', () => {
  const addPerson = async (tenant: Tenant, role = 'reader', departmentId: string | null = null) => {
    const mail = email('person');
    const res = await call(app, tenant.cookies.admin, 'POST', '/users', { email: mail, name: 'Paula Person', role, departmentId, password: PASSWORD });
    expect(res.statusCode).toBe(201);
    return { id: json(res).id as string, mail };
  };

  it('changes role and department; the person’s session sees the new role at once', async () => {
    const p = await addPerson(t);
    const cookie = await login(app, p.mail);
    const res = await call(app, t.cookies.admin, 'PATCH', `/users/${p.id}`, { role: 'department', departmentId: t.departmentIds[1] });
    expect(res.statusCode).toBe(200);
    expect(json(res)).toMatchObject({ id: p.id, role: 'department', departmentId: t.departmentIds[1], name: 'Paula Person' });
    expect(json(await call(app, cookie, 'GET', '/auth/me')).current).toMatchObject({ role: 'department', departmentId: t.departmentIds[1] });

    // a change of only the name keeps role and department; null clears the department
    expect(json(await call(app, t.cookies.admin, 'PATCH', `/users/${p.id}`, { name: 'Paula Neu' }))).toMatchObject({ name: 'Paula Neu', role: 'department', departmentId: t.departmentIds[1] });
    expect(json(await call(app, t.cookies.admin, 'PATCH', `/users/${p.id}`, { role: 'coordinator', departmentId: null }))).toMatchObject({ role: 'coordinator', departmentId: null });
  });

  it("refuses an unknown or another municipality's department (400) and invalid input (400); nothing changes", async () => {
    const p = await addPerson(t, 'department', t.departmentIds[0]);
    for (const body of [{ departmentId: randomUUID() }, { departmentId: other.departmentIds[0] }, { role: 'reader', departmentId: other.departmentIds[1] }]) {
      const res = await call(app, t.cookies.admin, 'PATCH', `/users/${p.id}`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(json(res).error.code).toBe('validation_failed');
    }
    for (const body of [{ role: 'chef' }, { name: '' }, { password: 'kurz' }, { departmentId: 'kein-uuid' }]) {
      expect((await call(app, t.cookies.admin, 'PATCH', `/users/${p.id}`, body)).statusCode, JSON.stringify(body)).toBe(400);
    }
    expect(json(await call(app, t.cookies.admin, 'GET', '/users')).find((u: { id: string }) => u.id === p.id)).toMatchObject({
      role: 'department', departmentId: t.departmentIds[0], name: 'Paula Person',
    });
  });

  it('resets a password: the old one fails, the new one works, the person’s old sessions end', async () => {
    const p = await addPerson(t);
    const oldSession = await login(app, p.mail);
    const res = await call(app, t.cookies.admin, 'PATCH', `/users/${p.id}`, { password: NEW_PASSWORD });
    expect(res.statusCode).toBe(200);
    expect(JSON.stringify(json(res))).not.toContain(NEW_PASSWORD);
    expect(await loginStatus(p.mail, PASSWORD)).toBe(401);
    expect(await loginStatus(p.mail, NEW_PASSWORD)).toBe(200);
    expect((await call(app, oldSession, 'GET', '/auth/me')).statusCode).toBe(401);
    // the admin who reset it stays signed in
    expect((await call(app, t.cookies.admin, 'GET', '/users')).statusCode).toBe(200);
    // the audit trail notes the reset without the password or its hash
    const [event] = await app.db.query<{ changes: unknown }>(
      `SELECT changes FROM audit_event WHERE municipality_id = $1 AND entity_type = 'membership' AND entity_id = $2 AND action = 'update' ORDER BY id DESC LIMIT 1`,
      [t.municipalityId, p.id],
    );
    expect(JSON.stringify(event.changes)).not.toContain(NEW_PASSWORD);
    expect(JSON.stringify(event.changes)).not.toContain('argon2');
  });

  it("does not let an admin reset the password of an account that also belongs to another municipality", async () => {
    // An admin can invite any existing account by e-mail; once the person accepts, resetting that account's
    // password would hand the admin the account, including its admin rights in the other municipality.
    const attacker = await createTenant(app);
    const victim = await createTenant(app);
    const victimMail = await emailOf(victim.userIds.admin);
    const added = await call(app, attacker.cookies.admin, 'POST', '/users', { email: victimMail, name: 'x', role: 'reader' });
    expect(added.statusCode).toBe(202);
    const [invitation] = json(await call(app, victim.cookies.admin, 'GET', '/invitations'));
    expect((await call(app, victim.cookies.admin, 'POST', `/invitations/${invitation.id}/accept`)).statusCode).toBe(200);
    const res = await call(app, attacker.cookies.admin, 'PATCH', `/users/${victim.userIds.admin}`, { password: NEW_PASSWORD });
    expect(res.statusCode).toBe(403);
    expect(json(res).error.code).toBe('forbidden');
    expect(await loginStatus(victimMail, NEW_PASSWORD)).toBe(401);
    expect(await loginStatus(victimMail, PASSWORD)).toBe(200);
    expect((await call(app, victim.cookies.admin, 'GET', '/users')).statusCode).toBe(200);
  });

  it('never removes or demotes the last admin (409); with a second admin both work', async () => {
    const fresh = await createTenant(app);
    const adminId = fresh.userIds.admin;
    const demote = await call(app, fresh.cookies.admin, 'PATCH', `/users/${adminId}`, { role: 'coordinator' });
    expect(demote.statusCode).toBe(409);
    expect(json(demote).error.code).toBe('conflict');
    const remove = await call(app, fresh.cookies.admin, 'DELETE', `/users/${adminId}`);
    expect(remove.statusCode).toBe(409);
    expect(json(remove).error.code).toBe('conflict');
    expect(json(await call(app, fresh.cookies.admin, 'GET', '/auth/me')).current.role).toBe('admin');
    // keeping the admin role while changing something else is fine
    expect((await call(app, fresh.cookies.admin, 'PATCH', `/users/${adminId}`, { role: 'admin', name: 'Alleinige Admin' })).statusCode).toBe(200);

    const second = await addPerson(fresh, 'admin');
    const secondCookie = await login(app, second.mail);
    expect((await call(app, fresh.cookies.admin, 'PATCH', `/users/${adminId}`, { role: 'coordinator' })).statusCode).toBe(200);
    // now the second one is the last admin
    expect((await call(app, secondCookie, 'DELETE', `/users/${second.id}`)).statusCode).toBe(409);
    expect((await call(app, secondCookie, 'PATCH', `/users/${second.id}`, { role: 'reader' })).statusCode).toBe(409);
  });

  it('two admins demoted or removed at the same time still leave one admin (checked under concurrency)', async () => {
    // On PostgreSQL requests run in parallel: "is there another admin?" must not pass for both at once.
    const fresh = await createTenant(app);
    const second = await addPerson(fresh, 'admin');
    const results = await Promise.all([
      call(app, fresh.cookies.admin, 'PATCH', `/users/${fresh.userIds.admin}`, { role: 'coordinator' }),
      call(app, fresh.cookies.admin, 'DELETE', `/users/${second.id}`),
    ]);
    // one of the two goes through (PATCH 200 or DELETE 204), the other is refused
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 409)).toHaveLength(1);
    expect(codes.filter((c) => c === 200 || c === 204)).toHaveLength(1);
    const admins = await app.db.query(`SELECT 1 FROM membership WHERE municipality_id = $1 AND role = 'admin'`, [fresh.municipalityId]);
    expect(admins).toHaveLength(1);
  });

  it("removes a membership (204); that person's session for this municipality then gets 401", async () => {
    const p = await addPerson(t, 'coordinator');
    const cookie = await login(app, p.mail);
    expect((await call(app, cookie, 'GET', '/concept')).statusCode).toBe(200);
    const res = await call(app, t.cookies.admin, 'DELETE', `/users/${p.id}`);
    expect(res.statusCode).toBe(204);
    expect((await call(app, cookie, 'GET', '/concept')).statusCode).toBe(401);
    expect((await call(app, cookie, 'POST', '/districts', { name: 'Nach dem Entfernen' })).statusCode).toBe(401);
    expect(json(await call(app, t.cookies.admin, 'GET', '/users')).some((u: { id: string }) => u.id === p.id)).toBe(false);
    expect((await call(app, t.cookies.admin, 'DELETE', `/users/${p.id}`)).statusCode).toBe(404);
  });

  it('removing a shared person ends only their access to this municipality', async () => {
    const fresh = await createTenant(app, 'Drittstadt');
    const guestMail = await emailOf(other.userIds.coordinator);
    expect((await call(app, fresh.cookies.admin, 'POST', '/users', { email: guestMail, name: 'Gast', role: 'reader' })).statusCode).toBe(202);
    const here = await login(app, guestMail);
    const [invitation] = json(await call(app, here, 'GET', '/invitations'));
    expect((await call(app, here, 'POST', `/invitations/${invitation.id}/accept`)).statusCode).toBe(200);
    expect((await call(app, here, 'POST', '/auth/switch', { municipalityId: fresh.municipalityId })).statusCode).toBe(200);
    const home = await login(app, guestMail);
    expect(json(await call(app, home, 'GET', '/auth/me')).current.municipalityId).toBe(other.municipalityId);

    expect((await call(app, fresh.cookies.admin, 'DELETE', `/users/${other.userIds.coordinator}`)).statusCode).toBe(204);
    expect((await call(app, here, 'GET', '/concept')).statusCode).toBe(401);
    expect(json(await call(app, home, 'GET', '/concept')).municipality.name).toBe('Nachbarstadt');
    expect((await call(app, home, 'POST', '/auth/switch', { municipalityId: fresh.municipalityId })).statusCode).toBe(404);
    expect(json(await call(app, other.cookies.admin, 'GET', '/users')).find((u: { id: string }) => u.id === other.userIds.coordinator).role).toBe('coordinator');
  });
});

describe('users: who may', () => {
  it('coordinators, department members and readers get 403 on every /users route', async () => {
    const target = t.userIds.reader;
    for (const role of ['coordinator', 'department', 'reader'] as const) {
      const c = t.cookies[role];
      expect((await call(app, c, 'GET', '/users')).statusCode, role).toBe(403);
      const post = await call(app, c, 'POST', '/users', { email: email('verboten'), name: 'X', role: 'admin', password: PASSWORD });
      expect(post.statusCode, role).toBe(403);
      expect(json(post).error.code).toBe('forbidden');
      expect((await call(app, c, 'PATCH', `/users/${target}`, { role: 'admin' })).statusCode, role).toBe(403);
      expect((await call(app, c, 'PATCH', `/users/${t.userIds[role]}`, { role: 'admin' })).statusCode, role).toBe(403);
      expect((await call(app, c, 'DELETE', `/users/${target}`)).statusCode, role).toBe(403);
    }
    expect(json(await call(app, t.cookies.reader, 'GET', '/auth/me')).current.role).toBe('reader');
  });

  it('answers 401 without a session', async () => {
    const id = t.userIds.reader;
    expect((await call(app, null, 'GET', '/users')).statusCode).toBe(401);
    expect((await call(app, null, 'POST', '/users', { email: email('anonym'), name: 'X', role: 'admin', password: PASSWORD })).statusCode).toBe(401);
    expect((await call(app, null, 'PATCH', `/users/${id}`, { role: 'admin' })).statusCode).toBe(401);
    expect((await call(app, null, 'DELETE', `/users/${id}`)).statusCode).toBe(401);
  });

  it("answers 404 for another municipality's user and changes nothing there", async () => {
    const foreign = other.userIds.coordinator;
    const foreignMail = await emailOf(foreign);
    for (const body of [{ role: 'reader' }, { name: 'gekapert' }, { password: NEW_PASSWORD }]) {
      const res = await call(app, t.cookies.admin, 'PATCH', `/users/${foreign}`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(404);
      expect(json(res).error.code).toBe('not_found');
    }
    expect((await call(app, t.cookies.admin, 'DELETE', `/users/${foreign}`)).statusCode).toBe(404);
    expect((await call(app, t.cookies.admin, 'PATCH', `/users/${randomUUID()}`, { role: 'reader' })).statusCode).toBe(404);
    expect(json(await call(app, other.cookies.admin, 'GET', '/users')).find((u: { id: string }) => u.id === foreign)).toMatchObject({ role: 'coordinator', name: 'coordinator user' });
    expect(await loginStatus(foreignMail, PASSWORD)).toBe(200);
  });
});
