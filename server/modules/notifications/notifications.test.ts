import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTenant, createTestApp, json, type Tenant } from '../../test/harness';
import type { App } from '../../app';
import { notify } from './notify';

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

const list = async (cookie: string, q = '') => json(await call(app, cookie, 'GET', `/notifications${q}`));

describe('notifications in the app', () => {
  let measure: { id: string; number: number; version: number };

  it('tells the members of a department made lead of a measure, not the one who did it, not other departments', async () => {
    measure = json(await call(app, t.cookies.coordinator, 'POST', '/measures', { title: 'Radweg Südring', costCents: 100 }));
    expect((await list(t.cookies.department)).unread).toBe(0);
    const res = await call(app, t.cookies.coordinator, 'PUT', `/measures/${measure.id}/responsibility/${t.departmentIds[0]}`, { role: 'lead', version: measure.version });
    expect(res.statusCode, res.body).toBe(200);
    const page = await list(t.cookies.department);
    expect(page.unread).toBe(1);
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({
      kind: 'measure_lead_assigned',
      title: `Ihr Amt Stadtplanungsamt ist jetzt federführend für Maßnahme Nr. ${measure.number} „Radweg Südring“.`,
      link: `/measures/${measure.id}`,
      readAt: null,
    });
    // the same list in English
    const en = json(await app.inject({ method: 'GET', url: '/api/v1/notifications', headers: { cookie: t.cookies.department, 'accept-language': 'en' } }));
    expect(en.items[0].title).toBe(`Your department Stadtplanungsamt now leads measure no. ${measure.number} “Radweg Südring”.`);
    for (const role of ['admin', 'coordinator', 'reader'] as const) expect((await list(t.cookies[role])).total).toBe(0);
    expect((await list(other.cookies.department)).total).toBe(0);
  });

  it('tells a new partner department, and a lead set on the measure form as well', async () => {
    const row = json(await call(app, t.cookies.coordinator, 'GET', `/measures/${measure.id}`));
    const res = await call(app, t.cookies.coordinator, 'PATCH', `/measures/${measure.id}`, { version: row.version, partnerDepartmentIds: [t.departmentIds[1]] });
    expect(res.statusCode, res.body).toBe(200);
    const [{ n }] = await app.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM notification n JOIN membership ms ON ms.user_id = n.user_id AND ms.municipality_id = n.municipality_id WHERE n.kind = 'measure_partner_assigned' AND ms.department_id = $1",
      [t.departmentIds[1]],
    );
    // Tiefbauamt has no member in the test tenant: nobody to tell (and no error)
    expect(n).toBe(0);
    const created = json(await call(app, t.cookies.coordinator, 'POST', '/measures', { title: 'Spielplatz', costCents: 1, leadDepartmentId: t.departmentIds[0] }));
    const page = await list(t.cookies.department);
    expect(page.unread).toBe(2);
    expect(page.items[0]).toMatchObject({ kind: 'measure_lead_assigned', link: `/measures/${created.id}` });
  });

  it('marks one read (own only: another person or municipality gets 404), then all', async () => {
    const page = await list(t.cookies.department);
    const id = page.items[1].id;
    expect((await call(app, t.cookies.coordinator, 'POST', `/notifications/${id}/read`)).statusCode).toBe(404);
    expect((await call(app, other.cookies.department, 'POST', `/notifications/${id}/read`)).statusCode).toBe(404);
    expect((await call(app, null, 'POST', `/notifications/${id}/read`)).statusCode).toBe(401);
    expect((await call(app, t.cookies.department, 'POST', '/notifications/not-an-id/read')).statusCode).toBe(400);
    const read = await call(app, t.cookies.department, 'POST', `/notifications/${id}/read`);
    expect(read.statusCode).toBe(200);
    expect(json(read)).toEqual({ unread: 1 });
    expect((await list(t.cookies.department, '?unread=true')).items.map((n: { id: string }) => n.id)).not.toContain(id);
    expect(json(await call(app, t.cookies.department, 'POST', '/notifications/read-all'))).toEqual({ unread: 0 });
    const after = await list(t.cookies.department);
    expect(after.unread).toBe(0);
    expect(after.items.every((n: { readAt: string | null }) => n.readAt)).toBe(true);
  });

  it('pages the list', async () => {
    await app.db.tx(async (tx) => {
      for (let i = 0; i < 5; i++) {
        await notify(tx, { municipalityId: t.municipalityId, kind: 'saved_search_match', userIds: [t.userIds.reader], params: { search: `Suche ${i}`, count: i }, eventKey: `page-${i}` });
      }
      // the same event again: ignored
      await notify(tx, { municipalityId: t.municipalityId, kind: 'saved_search_match', userIds: [t.userIds.reader], params: { search: 'Suche 0', count: 0 }, eventKey: 'page-0' });
      // not a member of this municipality: nobody is told
      await notify(tx, { municipalityId: t.municipalityId, kind: 'saved_search_match', userIds: [other.userIds.reader], params: { search: 'x', count: 1 } });
    });
    const p2 = await list(t.cookies.reader, '?page=2&pageSize=2');
    expect(p2).toMatchObject({ total: 5, unread: 5, page: 2, pageSize: 2 });
    expect(p2.items).toHaveLength(2);
    expect((await list(other.cookies.reader)).total).toBe(0);
    expect((await call(app, t.cookies.reader, 'GET', '/notifications?pageSize=1000')).statusCode).toBe(400);
  });

  it('keeps preferences per person and kind, with defaults, and checks them', async () => {
    const prefs = json(await call(app, t.cookies.reader, 'GET', '/notifications/preferences'));
    expect(prefs.mailEnabled).toBe(false);
    expect(prefs.preferences.find((p: { kind: string }) => p.kind === 'measure_lead_assigned')).toEqual({ kind: 'measure_lead_assigned', mode: 'immediate', default: 'immediate', emitted: true });
    expect(prefs.preferences.find((p: { kind: string }) => p.kind === 'measure_comment')).toMatchObject({ mode: 'digest', emitted: true }); // status report comments
    expect(prefs.preferences.find((p: { kind: string }) => p.kind === 'citizen_idea_to_moderate')).toMatchObject({ mode: 'digest', emitted: false });
    const put = await call(app, t.cookies.reader, 'PUT', '/notifications/preferences', { preferences: [{ kind: 'measure_lead_assigned', mode: 'off' }, { kind: 'funding_deadline', mode: 'digest' }] });
    expect(put.statusCode, put.body).toBe(200);
    const modes = Object.fromEntries(json(put).preferences.map((p: { kind: string; mode: string }) => [p.kind, p.mode]));
    expect(modes).toMatchObject({ measure_lead_assigned: 'off', funding_deadline: 'digest', saved_search_match: 'immediate' });
    // another person's preferences are untouched
    expect(json(await call(app, t.cookies.admin, 'GET', '/notifications/preferences')).preferences[0].mode).toBe('immediate');
    for (const bad of [{ preferences: [{ kind: 'nope', mode: 'off' }] }, { preferences: [{ kind: 'funding_deadline', mode: 'weekly' }] }, { preferences: [{ kind: 'funding_deadline', mode: 'off' }, { kind: 'funding_deadline', mode: 'digest' }] }]) {
      const r = await call(app, t.cookies.reader, 'PUT', '/notifications/preferences', bad);
      expect(r.statusCode, JSON.stringify(bad)).toBe(400);
      expect(json(r).error.code).toBe('validation_failed');
    }
    expect((await call(app, null, 'GET', '/notifications/preferences')).statusCode).toBe(401);
  });

  it('shows the mail outbox to admins only, each their own municipality', async () => {
    await app.db.query(
      `INSERT INTO mail_outbox (municipality_id, kind, recipient, subject, text_body, status, attempts, last_error, idempotency_key)
       VALUES ($1, 'funding_deadline', 'a@example.org', 'Frist', 'x', 'failed', 5, '451 try later', 'test:1'),
              ($1, 'funding_deadline', 'b@example.org', 'Frist', 'x', 'sent', 1, NULL, 'test:2'),
              ($2, 'funding_deadline', 'c@example.org', 'Frist', 'x', 'failed', 5, 'x', 'test:3')`,
      [t.municipalityId, other.municipalityId],
    );
    for (const role of ['coordinator', 'department', 'reader'] as const) expect((await call(app, t.cookies[role], 'GET', '/admin/mail-outbox')).statusCode).toBe(403);
    const all = json(await call(app, t.cookies.admin, 'GET', '/admin/mail-outbox'));
    expect(all).toMatchObject({ total: 2, failed: 1, mailEnabled: false });
    const failed = json(await call(app, t.cookies.admin, 'GET', '/admin/mail-outbox?status=failed'));
    expect(failed.items).toHaveLength(1);
    expect(failed.items[0]).toMatchObject({ recipient: 'a@example.org', status: 'failed', attempts: 5, lastError: '451 try later' });
    const foreign = json(await call(app, other.cookies.admin, 'GET', '/admin/mail-outbox?status=failed')).items[0];
    expect((await call(app, t.cookies.admin, 'POST', `/admin/mail-outbox/${foreign.id}/retry`)).statusCode).toBe(404);
    expect((await call(app, t.cookies.coordinator, 'POST', `/admin/mail-outbox/${failed.items[0].id}/retry`)).statusCode).toBe(403);
    expect((await call(app, t.cookies.admin, 'POST', `/admin/mail-outbox/${failed.items[0].id}/retry`)).statusCode).toBe(204);
    const again = await call(app, t.cookies.admin, 'POST', `/admin/mail-outbox/${failed.items[0].id}/retry`);
    expect(again.statusCode).toBe(409);
    expect(json(again).error.code).toBe('mail_not_failed');
    expect(json(await call(app, t.cookies.admin, 'GET', '/admin/mail-outbox?status=pending')).items[0]).toMatchObject({ attempts: 0, lastError: null });
  });

  it('refuses a forged or broken unsubscribe token', async () => {
    const get = await app.inject({ method: 'GET', url: '/api/v1/notifications/unsubscribe?token=abcdefghijkl.mnopqrstuv' });
    expect(get.statusCode).toBe(400);
    expect(get.headers['content-type']).toContain('text/html');
    expect(get.body).toContain('ungültig');
    const post = await app.inject({ method: 'POST', url: '/api/v1/notifications/unsubscribe?token=abcdefghijkl.mnopqrstuv', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
    expect(post.statusCode).toBe(400);
    expect(json(post).error.code).toBe('unsubscribe_invalid');
  });
});
