import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { call, createTenant, createTestApp, json, login, PASSWORD, type Tenant } from '../../test/harness';
import type { App } from '../../app';
import { eraseExpiredGuests } from './retention';
import { pseudonymFor } from './pseudonym';

let app: App;
let close: () => Promise<void>;
let a: Tenant;
let b: Tenant;
let hash: string;
beforeAll(async () => {
  ({ app, close } = await createTestApp());
  a = await createTenant(app, 'Kommune A');
  b = await createTenant(app, 'Kommune B');
  [{ hash }] = await q<{ hash: string }>('SELECT password_hash AS hash FROM app_user WHERE id = $1', [a.userIds.admin]);
});
afterAll(() => close());

const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => app.db.query<T>(sql, params);

/** A fresh account with the given role in A (and signed in), so erasing it leaves the tenant's own accounts alone. */
async function person(name: string, role = 'coordinator', t: Tenant = a) {
  const email = `${randomUUID().slice(0, 8)}@example.org`;
  const [{ id }] = await q<{ id: string }>('INSERT INTO app_user (email, name, password_hash) VALUES ($1, $2, $3) RETURNING id', [email, name, hash]);
  await q('INSERT INTO membership (municipality_id, user_id, role) VALUES ($1, $2, $3)', [t.municipalityId, id, role]);
  return { id, email, cookie: await login(app, email) };
}

/** A workshop with one named (non-anonymous) round over A, B, C; guests join by code and place dots; the round is closed. */
async function votedWorkshop(guests: string[], dates: { startsOn?: string; endsOn?: string } = {}) {
  const w = json(await call(app, a.cookies.coordinator, 'POST', '/workshops', { title: `Werkstatt ${randomUUID().slice(0, 4)}`, kind: 'citizens', ...dates }));
  const r = json(await call(app, a.cookies.coordinator, 'POST', `/workshops/${w.id}/rounds`, {
    title: 'Was zuerst?', subject: 'options', options: ['A', 'B', 'C'], rules: { dotsPerParticipant: 2, allowCumulation: true, maxDotsPerItem: 2, anonymous: false },
  }));
  expect((await call(app, a.cookies.coordinator, 'POST', `/rounds/${r.id}/open`)).statusCode).toBe(200);
  const ids: string[] = [];
  for (const [i, name] of guests.entries()) {
    const join = await app.inject({ method: 'POST', url: `/api/v1/join/${w.joinCode}`, payload: { name } });
    expect(join.statusCode).toBeLessThan(300);
    const cookie = `rf_device=${join.cookies.find((c) => c.name === 'rf_device')!.value}`;
    for (const item of [r.items[i % 3], r.items[(i + 1) % 3]]) {
      const dot = await app.inject({ method: 'POST', url: `/api/v1/rounds/${r.id}/dots`, headers: { cookie }, payload: { itemId: item.id, dotId: randomUUID() } });
      expect(dot.statusCode).toBeLessThan(300);
    }
    ids.push((await q<{ id: string }>('SELECT id FROM participant WHERE workshop_id = $1 AND name = $2', [w.id, name]))[0].id);
  }
  expect((await call(app, a.cookies.coordinator, 'POST', `/rounds/${r.id}/close`)).statusCode).toBe(200);
  return { workshopId: w.id as string, roundId: r.id as string, participantIds: ids };
}

describe('export of one\'s own data (GET /me/data-export)', () => {
  it('gives the account, memberships, sessions and tokens without secrets, as JSON and PDF, and records each export', async () => {
    const p = await person('Erika Export');
    expect((await call(app, p.cookie, 'POST', '/tokens', { name: 'Mein Skript' })).statusCode).toBe(201);
    expect((await call(app, p.cookie, 'POST', '/measures', { title: 'Spielplatz an der Aue' })).statusCode).toBe(201);
    const res = await call(app, p.cookie, 'GET', '/me/data-export');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/attachment/);
    const d = json(res);
    expect(d.account).toMatchObject({ id: p.id, name: 'Erika Export', email: p.email, twoFactor: { on: false } });
    expect(d.memberships).toEqual([expect.objectContaining({ municipality: 'Kommune A', role: 'coordinator' })]);
    expect(d.sessions.length).toBeGreaterThanOrEqual(1);
    expect(d.apiTokens).toEqual([expect.objectContaining({ name: 'Mein Skript', readOnly: false })]);
    expect(d.measures).toEqual([expect.objectContaining({ title: 'Spielplatz an der Aue', created: true })]);
    expect(d.activity.some((e: { action: string }) => e.action === 'sign_in')).toBe(true);
    // No secrets: no hashes of any kind, no password.
    const [{ hash }] = await q<{ hash: string }>('SELECT password_hash AS hash FROM app_user WHERE id = $1', [p.id]);
    const [{ th }] = await q<{ th: string }>('SELECT token_hash AS th FROM api_token WHERE user_id = $1', [p.id]);
    for (const secret of [hash, th, ...(await q<{ h: string }>('SELECT token_hash AS h FROM session WHERE user_id = $1', [p.id])).map((x) => x.h)]) {
      expect(res.body).not.toContain(secret);
    }
    expect(res.body).not.toMatch(/"(password_?hash|passwordHash|token_?hash|tokenHash|secret)"\s*:/i);

    const pdf = await call(app, p.cookie, 'GET', '/me/data-export.pdf?lang=en');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const trail = json(await call(app, a.cookies.admin, 'GET', `/audit/trail?kind=export&actorId=${p.id}`));
    expect(trail.items.map((e: { entityType: string; changes: { format: string; self: boolean } }) => [e.entityType, e.changes.format, e.changes.self]))
      .toEqual([['personalData', 'pdf', true], ['personalData', 'json', true]]);
  });

  it('includes the status reports, report comments and indicator values the person wrote (JSON and PDF)', async () => {
    const p = await person('Rita Report');
    const m = json(await call(app, p.cookie, 'POST', '/measures', { title: 'Radweg am Mühlbach' }));
    const rep = await call(app, p.cookie, 'POST', `/measures/${m.id}/reports`, { basedOn: null, state: 'minor_issues', progress: 35, spentCents: 120_000, blockers: 'Grunderwerb offen' });
    expect(rep.statusCode, rep.body).toBe(201);
    const reportId = json(rep).id;
    const com = await call(app, p.cookie, 'POST', `/measures/${m.id}/reports/${reportId}/comments`, { body: 'Termin mit dem Eigentümer steht.' });
    expect(com.statusCode, com.body).toBe(201);
    const goal = json(await call(app, p.cookie, 'POST', '/goals', { title: `Mehr Grün ${randomUUID().slice(0, 4)}` }));
    const ind = await call(app, p.cookie, 'POST', `/goals/${goal.id}/indicators`, {
      name: 'Baumbestand', unit: 'Bäume', source: 'Baumkataster', baselineValue: 100, baselineDate: '2025-01-01', kind: 'increase_to', targets: [{ date: '2030-01-01', value: 150 }],
    });
    expect(ind.statusCode, ind.body).toBe(201);
    expect((await call(app, p.cookie, 'POST', `/indicators/${json(ind).id}/values`, { date: '2026-01-01', value: 112.5, note: 'Zählung' })).statusCode).toBe(201);
    // someone else's report on the same measure is not hers
    expect((await call(app, a.cookies.coordinator, 'POST', `/measures/${m.id}/reports`, { basedOn: reportId, state: 'on_track', progress: 40, spentCents: 130_000 })).statusCode).toBe(201);

    const d = json(await call(app, p.cookie, 'GET', '/me/data-export'));
    expect(d.statusReports).toEqual([expect.objectContaining({ measure: 'Radweg am Mühlbach', state: 'minor_issues', progress: 35, spentCents: 120_000, blockers: 'Grunderwerb offen' })]);
    expect(d.reportComments).toEqual([expect.objectContaining({ measure: 'Radweg am Mühlbach', body: 'Termin mit dem Eigentümer steht.' })]);
    expect(d.indicatorValues).toEqual([expect.objectContaining({ indicator: 'Baumbestand', measuredOn: '2026-01-01', value: '112.5', note: 'Zählung' })]);
    const pdf = await call(app, p.cookie, 'GET', '/me/data-export.pdf?lang=de');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('needs a session and a valid language', async () => {
    expect((await call(app, null, 'GET', '/me/data-export')).statusCode).toBe(401);
    expect((await call(app, a.cookies.reader, 'GET', '/me/data-export.pdf?lang=fr')).statusCode).toBe(400);
    const created = json(await call(app, a.cookies.reader, 'POST', '/tokens', { name: 'Skript' }));
    const viaToken = await app.inject({ method: 'GET', url: '/api/v1/me/data-export', headers: { authorization: `Bearer ${created.secret}` } });
    expect([viaToken.statusCode, json(viaToken).error.code]).toEqual([403, 'session_required']);
  });
});

describe('an admin exports a member\'s data (GET /users/{id}/data-export)', () => {
  it('covers only the admin\'s municipality, for admins only, and is recorded', async () => {
    const p = await person('Mia Mehrfach');
    await q(`INSERT INTO membership (municipality_id, user_id, role) VALUES ($1, $2, 'reader')`, [b.municipalityId, p.id]);
    const res = await call(app, a.cookies.admin, 'GET', `/users/${p.id}/data-export`);
    expect(res.statusCode).toBe(200);
    expect(json(res).memberships.map((m: { municipality: string }) => m.municipality)).toEqual(['Kommune A']);
    expect((await call(app, a.cookies.admin, 'GET', `/users/${p.id}/data-export.pdf`)).rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    for (const role of ['coordinator', 'department', 'reader'] as const) {
      expect((await call(app, a.cookies[role], 'GET', `/users/${p.id}/data-export`)).statusCode).toBe(403);
    }
    expect((await call(app, a.cookies.admin, 'GET', `/users/${b.userIds.reader}/data-export`)).statusCode).toBe(404);
    expect((await call(app, a.cookies.admin, 'GET', '/users/not-an-id/data-export')).statusCode).toBe(400);
    const trail = json(await call(app, a.cookies.admin, 'GET', `/audit/trail?kind=export&entityId=${p.id}`));
    expect(trail.items.map((e: { actorId: string; changes: { self: boolean } }) => [e.actorId, e.changes.self])).toEqual([[a.userIds.admin, false], [a.userIds.admin, false]]);
  });
});

describe('erasing a workshop guest', () => {
  it('shows a summary, needs the typed name, replaces the name everywhere and leaves the decided result unchanged', async () => {
    const { workshopId, roundId, participantIds } = await votedWorkshop(['Greta Gast', 'Otto Ohnesorg']);
    const [greta, otto] = participantIds;
    const resultBefore = json(await call(app, a.cookies.coordinator, 'GET', `/rounds/${roundId}/results`));
    expect(JSON.stringify(resultBefore)).toContain('Greta Gast');
    const url = `/workshops/${workshopId}/participants/${greta}/erasure`;

    const summary = json(await call(app, a.cookies.admin, 'GET', url));
    const pseudonym = pseudonymFor(app.config.sessionSecret, greta);
    expect(summary).toMatchObject({ kind: 'guest', name: 'Greta Gast', pseudonym, counts: { participations: 1, dots: 2, roundResults: 1, sessions: 0 }, erasedAt: null });
    expect(pseudonym).toMatch(/^Gelöschte Person [0-9A-F]{4}$/);

    const wrong = await call(app, a.cookies.admin, 'POST', url, { confirmName: 'Greta' });
    expect([wrong.statusCode, json(wrong).error.code]).toEqual([400, 'erasure_confirmation_mismatch']);
    const done = await call(app, a.cookies.admin, 'POST', url, { confirmName: '  greta   gast ' });
    expect(done.statusCode).toBe(200);
    expect(json(done).erasedAt).not.toBeNull();

    const resultAfter = json(await call(app, a.cookies.coordinator, 'GET', `/rounds/${roundId}/results`));
    const text = JSON.stringify(resultAfter);
    expect(text).not.toContain('Greta Gast');
    expect(text).toContain(pseudonym);
    expect(text).toContain('Otto Ohnesorg');
    // Identical once the name is put back: every dot, rank and share as decided.
    expect({ ...JSON.parse(text.split(pseudonym).join('Greta Gast')), seq: 0 }).toEqual({ ...resultBefore, seq: 0 });
    const [row] = await q<{ name: string; device_hash: string | null; personal_code: string | null }>('SELECT name, device_hash, personal_code FROM participant WHERE id = $1', [greta]);
    expect(row).toEqual({ name: pseudonym, device_hash: null, personal_code: null });
    expect((await q('SELECT name FROM participant WHERE id = $1', [otto]))[0]).toEqual({ name: 'Otto Ohnesorg' });

    const again = await call(app, a.cookies.admin, 'POST', url, { confirmName: pseudonym });
    expect([again.statusCode, json(again).error.code]).toEqual([409, 'already_erased']);

    const trail = json(await call(app, a.cookies.admin, 'GET', `/audit/trail?kind=erasure&entityId=${greta}`));
    expect(trail.items).toHaveLength(1);
    expect(trail.items[0]).toMatchObject({ action: 'erasure', entityType: 'participant', actorId: a.userIds.admin, changes: { kind: 'guest', pseudonym, dots: 2 } });
    expect(JSON.stringify(trail.items[0])).not.toContain('Greta');
  });

  it('is for admins of the workshop\'s municipality only; accounts are erased as accounts', async () => {
    const { workshopId, participantIds: [p] } = await votedWorkshop(['Rita Rolle']);
    const url = `/workshops/${workshopId}/participants/${p}/erasure`;
    for (const role of ['coordinator', 'department', 'reader'] as const) {
      expect((await call(app, a.cookies[role], 'GET', url)).statusCode).toBe(403);
      expect((await call(app, a.cookies[role], 'POST', url, { confirmName: 'Rita Rolle' })).statusCode).toBe(403);
    }
    expect((await call(app, b.cookies.admin, 'GET', url)).statusCode).toBe(404);
    expect((await call(app, b.cookies.admin, 'POST', url, { confirmName: 'Rita Rolle' })).statusCode).toBe(404);
    expect((await call(app, a.cookies.admin, 'GET', `/workshops/${workshopId}/participants/${randomUUID()}/erasure`)).statusCode).toBe(404);
    expect((await call(app, a.cookies.admin, 'POST', url, { confirmName: 5 })).statusCode).toBe(400);
    expect((await call(app, a.cookies.admin, 'POST', url, {})).statusCode).toBe(400);
    const member = json(await call(app, a.cookies.coordinator, 'POST', `/workshops/${workshopId}/participants`, { userId: a.userIds.reader, groupId: null }));
    const res = await call(app, a.cookies.admin, 'GET', `/workshops/${workshopId}/participants/${member.id}/erasure`);
    expect([res.statusCode, json(res).error.code]).toEqual([409, 'erasure_account_participant']);
    expect((await q('SELECT name FROM participant WHERE id = $1', [p]))[0]).toEqual({ name: 'Rita Rolle' });
  });
});

describe('erasing an account', () => {
  it('of this municipality alone: pseudonym everywhere incl. the audit trail, no way to sign in; the person\'s rows stay (membership as reader, participation)', async () => {
    const email = `karla.${randomUUID().slice(0, 6)}@example.org`;
    const created = await call(app, a.cookies.admin, 'POST', '/users', { email, name: 'Karla Kontoinhaberin', role: 'coordinator', password: 'Wolke-Brunnen-Tisch-88' });
    expect([created.statusCode, created.body]).toEqual([201, expect.any(String)]);
    const p = { id: json(created).id as string, cookie: await login(app, email, 'Wolke-Brunnen-Tisch-88') };
    expect((await call(app, p.cookie, 'POST', '/tokens', { name: 'Export-Skript' })).statusCode).toBe(201);
    await q(`INSERT INTO two_factor (user_id, secret, enabled_at) VALUES ($1, 'x', now())`, [p.id]);
    // Linked to the municipality's identity provider, with a notification and its e-mail (which holds the address).
    const [{ id: provider }] = await q<{ id: string }>(`INSERT INTO sso_provider (municipality_id, kind, display_name) VALUES ($1, 'oidc', 'Rathaus-Login') RETURNING id`, [a.municipalityId]);
    await q(`INSERT INTO sso_identity (provider_id, subject, user_id) VALUES ($1, 'karla-sub', $2)`, [provider, p.id]);
    await q(`INSERT INTO notification (municipality_id, user_id, kind) VALUES ($1, $2, 'measure_lead_assigned')`, [a.municipalityId, p.id]);
    await q(`INSERT INTO mail_outbox (municipality_id, user_id, kind, recipient, subject, text_body, idempotency_key) VALUES ($1, $2, 'measure_lead_assigned', $3, 'Hallo Karla', 'Text', $4)`,
      [a.municipalityId, p.id, email, randomUUID()]);
    const m = json(await call(app, p.cookie, 'POST', '/measures', { title: 'Brunnen am Markt' }));
    // An admin's change that names the person (membership events carry name and e-mail).
    expect((await call(app, a.cookies.admin, 'PATCH', `/users/${p.id}`, { role: 'department', departmentId: a.departmentIds[0] })).statusCode).toBe(200);
    const { workshopId } = await votedWorkshop([]);
    const joined = json(await call(app, a.cookies.coordinator, 'POST', `/workshops/${workshopId}/participants`, { userId: p.id, groupId: null }));

    const url = `/users/${p.id}/erasure`;
    const summary = json(await call(app, a.cookies.admin, 'GET', url));
    const pseudonym = pseudonymFor(app.config.sessionSecret, p.id);
    expect(summary).toMatchObject({ kind: 'account', name: 'Karla Kontoinhaberin', pseudonym, otherMunicipalities: 0, counts: { apiTokens: 1, twoFactor: 1, participations: 1, notifications: 2 } });
    expect(summary.counts.sessions).toBeGreaterThanOrEqual(1);
    expect(summary.counts.auditActor).toBeGreaterThanOrEqual(2);
    expect(summary.counts.auditMentions).toBeGreaterThanOrEqual(1);

    expect((await call(app, a.cookies.admin, 'POST', url, { confirmName: 'Karla Kontoinhaberin' })).statusCode).toBe(200);

    expect((await call(app, p.cookie, 'GET', '/auth/me')).statusCode).toBe(401);
    expect((await call(app, null, 'POST', '/auth/login', { email, password: PASSWORD })).statusCode).toBe(401);
    const [u] = await q<{ name: string; email: string; password_hash: string | null; erased_at: Date | null }>('SELECT name, email, password_hash, erased_at FROM app_user WHERE id = $1', [p.id]);
    expect(u.name).toBe(pseudonym);
    expect(u.email).toMatch(/@erased\.invalid$/);
    expect(u.password_hash).toBeNull();
    expect(u.erased_at).not.toBeNull();
    for (const table of ['session', 'api_token', 'two_factor', 'sso_identity', 'notification', 'mail_outbox']) {
      expect((await q(`SELECT 1 FROM ${table} WHERE user_id = $1`, [p.id])).length).toBe(0);
    }
    expect((await q('SELECT name FROM participant WHERE id = $1', [joined.id]))[0]).toEqual({ name: pseudonym });
    expect((await q<{ role: string }>('SELECT role FROM membership WHERE user_id = $1', [p.id]))[0].role).toBe('reader');
    // The admin cannot bring it back with a new password, name or role.
    for (const body of [{ password: 'Neues-Fenster-Linde-42' }, { role: 'admin' }, { name: 'Karla' }]) {
      const res = await call(app, a.cookies.admin, 'PATCH', `/users/${p.id}`, body);
      expect([res.statusCode, json(res).error.code]).toEqual([409, 'already_erased']);
    }
    // Nowhere in this municipality's trail is the name or the address left, and the measure keeps its history.
    const leftovers = await q(`SELECT id FROM audit_event WHERE municipality_id = $1 AND (actor_name = $2 OR changes::text ILIKE $3 OR changes::text ILIKE $4)`,
      [a.municipalityId, 'Karla Kontoinhaberin', '%Karla Kontoinhaberin%', `%${email}%`]);
    expect(leftovers).toEqual([]);
    const history = json(await call(app, a.cookies.reader, 'GET', `/measures/${m.id}/audit`));
    expect(history[history.length - 1]).toMatchObject({ action: 'create', actorName: pseudonym });
    const erasure = json(await call(app, a.cookies.admin, 'GET', `/audit/trail?kind=erasure&entityId=${p.id}`)).items;
    expect(erasure).toHaveLength(1);
    expect(JSON.stringify(erasure)).not.toMatch(/Karla|Kontoinhaberin/);
  });

  it('leaves a closed scoring round\'s results exactly as they were (the erased rater\'s scores stay counted)', async () => {
    const p = await person('Rita Raterin');
    const measureIds = [];
    for (const title of ['Schulhof begrünen', 'Radweg Nord']) measureIds.push(json(await call(app, a.cookies.coordinator, 'POST', '/measures', { title })).id);
    const created = await call(app, a.cookies.coordinator, 'POST', '/priorities/rounds', { name: 'Priorisierung', measureIds, raterIds: [p.id, a.userIds.coordinator] });
    expect(created.statusCode).toBe(201);
    const r = json(created);
    for (const [cookie, v] of [[p.cookie, 5], [a.cookies.coordinator, 2]] as const) {
      for (const measureId of measureIds) {
        const res = await call(app, cookie, 'PUT', `/priorities/rounds/${r.id}/scores`, { scores: r.criteria.map((c: { id: string }) => ({ measureId, criterionId: c.id, value: v, comment: '' })) });
        expect(res.statusCode).toBe(200);
      }
    }
    let round = json(await call(app, a.cookies.coordinator, 'GET', `/priorities/rounds/${r.id}`));
    round = json(await call(app, a.cookies.coordinator, 'POST', `/priorities/rounds/${r.id}/reveal`, { version: round.version }));
    expect((await call(app, a.cookies.coordinator, 'POST', `/priorities/rounds/${r.id}/close`, { version: round.version })).statusCode).toBe(200);
    const before = json(await call(app, a.cookies.coordinator, 'GET', `/priorities/rounds/${r.id}`)).results;
    expect(before).toHaveLength(2);
    expect(json(await call(app, a.cookies.admin, 'GET', `/users/${p.id}/erasure`)).counts.scores).toBe(2 * r.criteria.length);
    expect((await call(app, a.cookies.admin, 'POST', `/users/${p.id}/erasure`, { confirmName: 'Rita Raterin' })).statusCode).toBe(200);
    expect(json(await call(app, a.cookies.coordinator, 'GET', `/priorities/rounds/${r.id}`)).results).toEqual(before);
  });

  it('shared with another municipality: the membership here ends and the name is replaced here only', async () => {
    const p = await person('Sven Geteilt');
    await q(`INSERT INTO membership (municipality_id, user_id, role) VALUES ($1, $2, 'reader')`, [b.municipalityId, p.id]);
    const inB = await login(app, p.email); // a session in A (the first membership); sign in to B by switching below
    expect(inB).toMatch(/rf_session=/);
    await q(`INSERT INTO audit_event (municipality_id, entity_type, entity_id, action, actor_id, actor_name) VALUES ($1, 'measure', 'x', 'create', $2, 'Sven Geteilt')`, [b.municipalityId, p.id]);
    const inBBefore = (await q(`SELECT 1 FROM audit_event WHERE municipality_id = $1 AND actor_name = 'Sven Geteilt'`, [b.municipalityId])).length;
    expect(inBBefore).toBeGreaterThanOrEqual(1);
    const url = `/users/${p.id}/erasure`;
    expect(json(await call(app, a.cookies.admin, 'GET', url))).toMatchObject({ kind: 'account_in_municipality', otherMunicipalities: 1 });
    expect((await call(app, a.cookies.admin, 'POST', url, { confirmName: 'Sven Geteilt' })).statusCode).toBe(200);
    expect(await q('SELECT municipality_id FROM membership WHERE user_id = $1', [p.id])).toEqual([{ municipality_id: b.municipalityId }]);
    expect((await q<{ name: string }>('SELECT name FROM app_user WHERE id = $1', [p.id]))[0].name).toBe('Sven Geteilt');
    expect((await q(`SELECT 1 FROM audit_event WHERE municipality_id = $1 AND actor_name = 'Sven Geteilt'`, [a.municipalityId])).length).toBe(0);
    expect((await q(`SELECT 1 FROM audit_event WHERE municipality_id = $1 AND actor_name = 'Sven Geteilt'`, [b.municipalityId])).length).toBe(inBBefore);
    expect((await q('SELECT 1 FROM session WHERE user_id = $1 AND municipality_id = $2', [p.id, a.municipalityId])).length).toBe(0);
  });

  it('refuses one\'s own account, the last admin, other municipalities\' people, other roles and API tokens', async () => {
    const self = await call(app, a.cookies.admin, 'POST', `/users/${a.userIds.admin}/erasure`, { confirmName: 'admin user' });
    expect([self.statusCode, json(self).error.code]).toEqual([409, 'erasure_self']);
    const other = await person('Zweite Admin', 'admin');
    const third = await person('Dritte Admin', 'admin');
    // An admin may erase another admin (the municipality keeps at least the one who erases).
    expect((await call(app, other.cookie, 'POST', `/users/${third.id}/erasure`, { confirmName: 'Dritte Admin' })).statusCode).toBe(200);
    expect(json(await call(app, other.cookie, 'GET', `/users/${third.id}/erasure`)).erasedAt).not.toBeNull();
    const c = await person('Cora Koordination');
    expect((await call(app, b.cookies.admin, 'GET', `/users/${c.id}/erasure`)).statusCode).toBe(404);
    expect((await call(app, b.cookies.admin, 'POST', `/users/${c.id}/erasure`, { confirmName: 'Cora Koordination' })).statusCode).toBe(404);
    expect((await call(app, c.cookie, 'POST', `/users/${a.userIds.reader}/erasure`, { confirmName: 'reader user' })).statusCode).toBe(403);
    expect((await call(app, other.cookie, 'GET', '/users/123/erasure')).statusCode).toBe(400);
    const token = json(await call(app, other.cookie, 'POST', '/tokens', { name: 'Skript' })).secret;
    const viaToken = await app.inject({ method: 'POST', url: `/api/v1/users/${c.id}/erasure`, headers: { authorization: `Bearer ${token}` }, payload: { confirmName: 'Cora Koordination' } });
    expect([viaToken.statusCode, json(viaToken).error.code]).toEqual([403, 'session_required']);
    const solo = await call(app, other.cookie, 'POST', `/users/${other.id}/erasure`, { confirmName: 'Zweite Admin' });
    expect(json(solo).error.code).toBe('erasure_self');
  });
});

describe('the audit trail stays append-only around the erasure exception', () => {
  it('allows only names inside `changes` and actor_name to change, and only with the erasure flag', async () => {
    const [{ id }] = await q<{ id: number }>(
      `INSERT INTO audit_event (municipality_id, entity_type, entity_id, action, actor_name, changes) VALUES ($1, 'measure', 'y', 'update', 'Hanna', '{"contact": ["Hanna", "Ina"]}') RETURNING id`,
      [a.municipalityId],
    );
    await expect(q(`UPDATE audit_event SET changes = '{"contact": ["X", "Ina"]}' WHERE id = $1`, [id])).rejects.toThrow(/append-only/);
    const inTx = (sql: string) => app.db.tx(async (t) => {
      await t.query(`SELECT set_config('rf.audit_erasure', 'on', true)`);
      await t.query(sql, [id]);
    });
    await expect(inTx(`UPDATE audit_event SET changes = '{"other": ["X", "Ina"]}' WHERE id = $1`)).rejects.toThrow(/append-only/);
    await expect(inTx(`UPDATE audit_event SET entity_type = 'goal' WHERE id = $1`)).rejects.toThrow(/append-only/);
    // Texts only: a number, a changed nesting or a dropped value is more than a pseudonym.
    await expect(inTx(`UPDATE audit_event SET changes = '{"contact": ["Hanna", 7]}' WHERE id = $1`)).rejects.toThrow(/append-only/);
    await expect(inTx(`UPDATE audit_event SET changes = '{"contact": ["Hanna"]}' WHERE id = $1`)).rejects.toThrow(/append-only/);
    await expect(inTx(`DELETE FROM audit_event WHERE id = $1`)).rejects.toThrow(/append-only/);
    await inTx(`UPDATE audit_event SET actor_name = 'P', changes = '{"contact": ["P", "Ina"]}' WHERE id = $1`);
    expect((await q('SELECT actor_name, changes FROM audit_event WHERE id = $1', [id]))[0]).toEqual({ actor_name: 'P', changes: { contact: ['P', 'Ina'] } });
  });
});

describe('guests\' names are erased automatically after the retention period', () => {
  const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

  it('erases guests of workshops that ended more than the period ago, once, and keeps accounts and recent workshops', async () => {
    const old = await votedWorkshop(['Alte Anna'], { startsOn: daysAgo(120), endsOn: daysAgo(100) });
    const recent = await votedWorkshop(['Neue Nora'], { startsOn: daysAgo(10), endsOn: daysAgo(10) });
    const undated = await votedWorkshop(['Ohne Datum']);
    const [first, second] = await Promise.all([eraseExpiredGuests(app.db, app.config.sessionSecret), eraseExpiredGuests(app.db, app.config.sessionSecret)]);
    expect(first + second).toBeGreaterThanOrEqual(1);
    const name = async (id: string) => (await q<{ name: string }>('SELECT name FROM participant WHERE id = $1', [id]))[0].name;
    expect(await name(old.participantIds[0])).toBe(pseudonymFor(app.config.sessionSecret, old.participantIds[0]));
    expect(await name(recent.participantIds[0])).toBe('Neue Nora');
    expect(await name(undated.participantIds[0])).toBe('Ohne Datum');
    expect(await eraseExpiredGuests(app.db, app.config.sessionSecret)).toBe(0);
    const events = await q<{ actor_id: string | null; changes: { automatic: boolean; retentionDays: number } }>(
      `SELECT actor_id, changes FROM audit_event WHERE action = 'erasure' AND entity_id = $1`, [old.participantIds[0]]);
    expect(events).toEqual([{ actor_id: null, changes: expect.objectContaining({ automatic: true, retentionDays: 90 }) }]);
  });

  it('follows the municipality\'s setting (0 = never, a shorter period erases sooner)', async () => {
    const w = await votedWorkshop(['Frieda Frist'], { startsOn: daysAgo(40), endsOn: daysAgo(40) });
    const settings = json(await call(app, a.cookies.admin, 'GET', '/privacy/settings'));
    const off = await call(app, a.cookies.admin, 'PUT', '/privacy/settings', { notice: settings.notice, guestRetentionDays: 0, version: settings.version });
    expect([off.statusCode, off.body]).toEqual([200, expect.any(String)]);
    await eraseExpiredGuests(app.db, app.config.sessionSecret);
    expect((await q('SELECT name FROM participant WHERE id = $1', [w.participantIds[0]]))[0]).toEqual({ name: 'Frieda Frist' });
    const s2 = json(await call(app, a.cookies.admin, 'GET', '/privacy/settings'));
    expect((await call(app, a.cookies.admin, 'PUT', '/privacy/settings', { notice: s2.notice, guestRetentionDays: 30, version: s2.version })).statusCode).toBe(200);
    expect(await eraseExpiredGuests(app.db, app.config.sessionSecret)).toBe(1);
    expect((await q('SELECT name FROM participant WHERE id = $1', [w.participantIds[0]]))[0]).toEqual({ name: pseudonymFor(app.config.sessionSecret, w.participantIds[0]) });
  });
});

describe('the privacy page', () => {
  it('is written by admins (versioned, validated, audited) and read by anyone without signing in', async () => {
    const empty = json(await call(app, null, 'GET', `/privacy/notice/${b.municipalityId}`));
    expect(empty).toEqual({ municipalityId: b.municipalityId, municipalityName: 'Kommune B', notice: '', noticeUpdatedAt: null, guestRetentionDays: 90 });
    const s = json(await call(app, b.cookies.admin, 'GET', '/privacy/settings'));
    expect(s).toMatchObject({ notice: '', guestRetentionDays: 90 });
    const text = '# Verantwortlich\nStadt B, Markt 1\n\n- Zweck: Stadtentwicklung\n<script>alert(1)</script>';
    const saved = await call(app, b.cookies.admin, 'PUT', '/privacy/settings', { notice: text, guestRetentionDays: 60, version: s.version });
    expect(saved.statusCode).toBe(200);
    const stale = await call(app, b.cookies.admin, 'PUT', '/privacy/settings', { notice: 'x', guestRetentionDays: 60, version: s.version });
    expect([stale.statusCode, json(stale).error.code]).toEqual([409, 'version_conflict']);
    const pub = json(await call(app, null, 'GET', `/privacy/notice/${b.municipalityId}`));
    expect(pub).toMatchObject({ notice: text, guestRetentionDays: 60 });
    expect(pub.noticeUpdatedAt).not.toBeNull();
    // A does not see B's text.
    expect(json(await call(app, a.cookies.admin, 'GET', '/privacy/settings')).notice).not.toContain('Stadt B');
    const ev = json(await call(app, b.cookies.admin, 'GET', '/audit/trail?entityType=privacySettings'));
    expect(ev.items[0]).toMatchObject({ action: 'update', changes: { guestRetentionDays: [90, 60] } });
  });

  it('refuses other roles, bad input and unknown municipalities', async () => {
    for (const role of ['coordinator', 'department', 'reader'] as const) {
      expect((await call(app, a.cookies[role], 'GET', '/privacy/settings')).statusCode).toBe(403);
      expect((await call(app, a.cookies[role], 'PUT', '/privacy/settings', { notice: '', guestRetentionDays: 90, version: 1 })).statusCode).toBe(403);
    }
    expect((await call(app, null, 'GET', '/privacy/settings')).statusCode).toBe(401);
    const v = json(await call(app, a.cookies.admin, 'GET', '/privacy/settings')).version;
    for (const body of [{ notice: '', guestRetentionDays: 5000, version: v }, { notice: 'a\u0000b', guestRetentionDays: 1, version: v }, { notice: '', guestRetentionDays: -1, version: v }, { notice: 'x'.repeat(50_001), guestRetentionDays: 1, version: v }]) {
      expect((await call(app, a.cookies.admin, 'PUT', '/privacy/settings', body)).statusCode).toBe(400);
    }
    expect((await call(app, null, 'GET', `/privacy/notice/${randomUUID()}`)).statusCode).toBe(404);
    expect((await call(app, null, 'GET', '/privacy/notice/nope')).statusCode).toBe(400);
  });
});

describe('the privacy page for guests (GET /join/{code}/privacy)', () => {
  it('finds the municipality by the workshop code, without signing in', async () => {
    const w = json(await call(app, b.cookies.coordinator, 'POST', '/workshops', { title: 'Bürgerwerkstatt', kind: 'citizens' }));
    const res = await call(app, null, 'GET', `/join/${w.joinCode}/privacy`);
    expect(res.statusCode).toBe(200);
    expect(json(res)).toMatchObject({ municipalityId: b.municipalityId, municipalityName: 'Kommune B' });
    expect((await call(app, null, 'GET', '/join/ZZZZZZ/privacy')).statusCode).toBe(404);
    expect((await call(app, null, 'GET', '/join/ab/privacy')).statusCode).toBe(400);
  });
});
