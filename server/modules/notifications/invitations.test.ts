/**
 * Issue 14, "low but real": an admin adding an existing account of another municipality learns neither
 * the person's name nor adds them without consent. The invitation reaches the person by notification
 * (and e-mail over real SMTP), valid 14 days; only the person can accept or decline it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTenant, createTestApp, json, login, type Tenant } from '../../test/harness';
import type { App } from '../../app';
import { readMessage, startSmtp, type TestSmtp } from '../funding/test-smtp';
import { createMailer, type Mailer } from './mailer';
import { runOutbox } from './outbox';

let app: App;
let close: () => Promise<void>;
let home: Tenant;
let inviting: Tenant;
let smtp: TestSmtp;
let mailer: Mailer;
let email: string;

beforeAll(async () => {
  smtp = await startSmtp();
  mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${smtp.port}`, mailFrom: 'Roter Faden <x@localhost>' })!;
  ({ app, close } = await createTestApp());
  home = await createTenant(app, 'Heimatstadt');
  inviting = await createTenant(app, 'Gaststadt');
  email = (await app.db.query<{ email: string }>('SELECT email FROM app_user WHERE id = $1', [home.userIds.department]))[0].email;
});
afterAll(async () => {
  mailer.close();
  await close();
  await smtp.stop();
});

const invitationsOf = async (cookie: string) => json(await call(app, cookie, 'GET', '/invitations'));

describe('inviting an existing account', () => {
  it('answers 202 without the name, adds nobody, and tells the person in the app and by e-mail', async () => {
    const res = await call(app, inviting.cookies.admin, 'POST', '/users', { email, name: 'Geraten', role: 'department', departmentId: inviting.departmentIds[1] });
    expect(res.statusCode).toBe(202);
    expect(json(res)).toEqual({ invited: true, email });
    expect(res.body).not.toContain('department user');
    expect(json(await call(app, inviting.cookies.admin, 'GET', '/users')).map((u: { id: string }) => u.id)).not.toContain(home.userIds.department);
    // the trail of the inviting municipality names an invitation, not the person
    const trail = await app.db.query<{ changes: unknown }>("SELECT changes FROM audit_event WHERE municipality_id = $1 AND entity_type = 'invitation'", [inviting.municipalityId]);
    expect(trail).toHaveLength(1);
    expect(JSON.stringify(trail)).not.toContain('department user');

    const invitations = await invitationsOf(home.cookies.department);
    expect(invitations).toEqual([
      { id: expect.any(String), municipalityId: inviting.municipalityId, municipalityName: 'Gaststadt', role: 'department', departmentName: 'Tiefbauamt', invitedBy: 'admin user', createdAt: expect.any(String) },
    ]);
    // the bell at home counts it
    expect(json(await call(app, home.cookies.department, 'GET', '/notifications')).invitations).toBe(1);
    // one e-mail, with the one-click unsubscribe like every mail
    expect(await runOutbox(app.db, mailer, { secret: app.config.sessionSecret, baseUrl: 'https://isek.example', digestHour: 7, now: new Date('2027-01-01T03:00:00Z') })).toMatchObject({ sent: 1 });
    const mail = readMessage(smtp.received[0].raw);
    expect(smtp.received[0].rcptTo).toEqual([email.toLowerCase()]);
    expect(mail.header('subject')).toBe('admin user lädt Sie als Fachbereich in die Kommune Gaststadt ein. Annehmen oder ablehnen: unter „Benachrichtigungen“');
    expect(mail.text).toContain('https://isek.example/notifications');
    expect(mail.header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
  });

  it('renews a pending invitation instead of doubling it; only the person may answer (session only)', async () => {
    expect((await call(app, inviting.cookies.admin, 'POST', '/users', { email, name: 'x', role: 'reader' })).statusCode).toBe(202);
    const [invitation] = await invitationsOf(home.cookies.department);
    expect((await invitationsOf(home.cookies.department))).toHaveLength(1);
    expect(invitation).toMatchObject({ role: 'reader', departmentName: null });
    for (const cookie of [home.cookies.admin, inviting.cookies.admin, inviting.cookies.department]) {
      expect((await call(app, cookie, 'POST', `/invitations/${invitation.id}/accept`)).statusCode).toBe(404);
      expect((await call(app, cookie, 'POST', `/invitations/${invitation.id}/decline`)).statusCode).toBe(404);
    }
    expect((await call(app, null, 'POST', `/invitations/${invitation.id}/accept`)).statusCode).toBe(401);
    const token = json(await call(app, home.cookies.department, 'POST', '/tokens', { name: 'Skript' })).secret;
    const byScript = await app.inject({ method: 'POST', url: `/api/v1/invitations/${invitation.id}/accept`, headers: { authorization: `Bearer ${token}` } });
    expect(byScript.statusCode).toBe(403);
    expect(json(byScript).error.code).toBe('session_required');
  });

  it('makes the person a member when they accept (once), with the role chosen; they can switch', async () => {
    const [invitation] = await invitationsOf(home.cookies.department);
    expect(json(await call(app, home.cookies.department, 'POST', `/invitations/${invitation.id}/accept`))).toEqual({ municipalityId: inviting.municipalityId });
    expect((await call(app, home.cookies.department, 'POST', `/invitations/${invitation.id}/accept`)).statusCode).toBe(404);
    expect(await invitationsOf(home.cookies.department)).toEqual([]);
    const member = json(await call(app, inviting.cookies.admin, 'GET', '/users')).find((u: { id: string }) => u.id === home.userIds.department);
    expect(member).toMatchObject({ name: 'department user', role: 'reader', departmentId: null });
    const switched = await call(app, home.cookies.department, 'POST', '/auth/switch', { municipalityId: inviting.municipalityId });
    expect(json(switched).current).toMatchObject({ municipalityName: 'Gaststadt', role: 'reader' });
    // inviting a member again: the usual 409
    expect((await call(app, inviting.cookies.admin, 'POST', '/users', { email, name: 'x', role: 'reader' })).statusCode).toBe(409);
  });

  it('lets the person decline, and lets an invitation expire after 14 days', async () => {
    const other = await createTenant(app, 'Drittstadt');
    const reader = (await app.db.query<{ email: string }>('SELECT email FROM app_user WHERE id = $1', [home.userIds.reader]))[0].email;
    expect((await call(app, other.cookies.admin, 'POST', '/users', { email: reader, name: 'x', role: 'coordinator' })).statusCode).toBe(202);
    const [first] = await invitationsOf(home.cookies.reader);
    expect((await call(app, home.cookies.reader, 'POST', `/invitations/${first.id}/decline`)).statusCode).toBe(204);
    expect(await invitationsOf(home.cookies.reader)).toEqual([]);
    expect((await call(app, home.cookies.reader, 'POST', `/invitations/${first.id}/accept`)).statusCode).toBe(404);
    // invited again, but it lies 15 days back: gone
    expect((await call(app, other.cookies.admin, 'POST', '/users', { email: reader, name: 'x', role: 'coordinator' })).statusCode).toBe(202);
    const [second] = await invitationsOf(home.cookies.reader);
    await app.db.query("UPDATE notification SET created_at = now() - interval '15 days' WHERE id = $1", [second.id]);
    expect(await invitationsOf(home.cookies.reader)).toEqual([]);
    expect((await call(app, home.cookies.reader, 'POST', `/invitations/${second.id}/accept`)).statusCode).toBe(404);
    const readerLogin = await login(app, reader);
    expect(json(await call(app, readerLogin, 'GET', '/auth/me')).memberships).toHaveLength(1);
  });
});
