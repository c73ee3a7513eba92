import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { call, createTenant, createTestApp, json, login, PASSWORD, type Tenant } from '../../test/harness';
import type { App } from '../../app';

let app: App;
let close: () => Promise<void>;
let a: Tenant;
let b: Tenant;
beforeAll(async () => {
  ({ app, close } = await createTestApp());
  a = await createTenant(app, 'Kommune A');
  b = await createTenant(app, 'Kommune B');
});
afterAll(() => close());

const emailOf = async (userId: string) => (await app.db.query<{ email: string }>('SELECT email FROM app_user WHERE id = $1', [userId]))[0].email;
type Ev = { action: string; actorId: string | null; actorName: string | null; entityType: string; entityId: string; changes: Record<string, unknown> };

describe('the admins\' audit view', () => {
  it('is for admins only', async () => {
    for (const role of ['coordinator', 'department', 'reader'] as const) {
      expect((await call(app, a.cookies[role], 'GET', '/audit/trail')).statusCode).toBe(403);
      expect((await call(app, a.cookies[role], 'GET', '/audit/trail.csv')).statusCode).toBe(403);
      expect((await call(app, a.cookies[role], 'GET', '/audit/trail.xlsx')).statusCode).toBe(403);
    }
    expect((await call(app, null, 'GET', '/audit/trail')).statusCode).toBe(401);
  });

  it('shows sign-ins, failed sign-ins, sign-outs, role changes and changes of its own municipality only', async () => {
    const readerMail = await emailOf(a.userIds.reader);
    expect((await call(app, null, 'POST', '/auth/login', { email: readerMail, password: 'falsch-falsch-falsch' })).statusCode).toBe(401);
    const extra = await login(app, readerMail);
    expect((await call(app, extra, 'POST', '/auth/logout')).statusCode).toBe(204);
    expect((await call(app, a.cookies.admin, 'PATCH', `/users/${a.userIds.reader}`, { role: 'coordinator' })).statusCode).toBe(200);
    expect((await call(app, a.cookies.admin, 'POST', '/measures', { title: 'Radweg am Fluss' })).statusCode).toBe(201);

    const page = json(await call(app, a.cookies.admin, 'GET', '/audit/trail?pageSize=200'));
    const items = page.items as Ev[];
    const actions = new Set(items.map((e) => e.action));
    for (const x of ['sign_in', 'sign_in_failed', 'sign_out', 'update', 'create']) expect(actions).toContain(x);
    const failed = items.find((e) => e.action === 'sign_in_failed')!;
    expect(failed).toMatchObject({ actorId: a.userIds.reader, entityType: 'account', changes: { reason: 'password', address: '127.0.0.x' } });
    // Nothing of municipality B, whose users signed in too.
    const bUsers = new Set(Object.values(b.userIds));
    expect(items.some((e) => e.actorId && bUsers.has(e.actorId))).toBe(false);
    expect(page.actors.map((x: { id: string }) => x.id)).not.toContain(b.userIds.admin);
    expect(page.actors.map((x: { id: string }) => x.id)).toContain(a.userIds.reader);
    // B's admin sees none of A's events, even when filtering for A's people.
    const foreign = json(await call(app, b.cookies.admin, 'GET', `/audit/trail?actorId=${a.userIds.reader}`));
    expect(foreign.total).toBe(0);
  });

  it('filters by kind, person, entity and time, and pages', async () => {
    const byKind = async (kind: string) => json(await call(app, a.cookies.admin, 'GET', `/audit/trail?kind=${kind}&pageSize=200`)).items as Ev[];
    expect((await byKind('sign_in')).every((e) => e.action === 'sign_in')).toBe(true);
    expect((await byKind('sign_out')).every((e) => ['sign_out', 'session_end'].includes(e.action))).toBe(true);
    const roles = await byKind('role_change');
    expect(roles.length).toBeGreaterThanOrEqual(1);
    expect(roles.every((e) => e.entityType === 'membership')).toBe(true);
    expect(roles[0].changes.role).toEqual(['reader', 'coordinator']);
    expect((await byKind('change')).every((e) => ['create', 'update', 'delete'].includes(e.action))).toBe(true);

    const mine = json(await call(app, a.cookies.admin, 'GET', `/audit/trail?actorId=${a.userIds.reader}&pageSize=200`)).items as Ev[];
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((e) => e.actorId === a.userIds.reader)).toBe(true);
    const measures = json(await call(app, a.cookies.admin, 'GET', '/audit/trail?entityType=measure')).items as Ev[];
    expect(measures.length).toBe(1);

    const today = new Date().toISOString().slice(0, 10);
    const all = json(await call(app, a.cookies.admin, 'GET', '/audit/trail?pageSize=1'));
    expect(json(await call(app, a.cookies.admin, 'GET', `/audit/trail?from=2000-01-01&to=2000-12-31`)).total).toBe(0);
    expect(json(await call(app, a.cookies.admin, 'GET', `/audit/trail?from=2000-01-01&to=2999-12-31`)).total).toBe(all.total);
    expect(json(await call(app, a.cookies.admin, 'GET', `/audit/trail?from=${today}`)).total).toBeGreaterThan(0);
    expect(all.items).toHaveLength(1);
    const p2 = json(await call(app, a.cookies.admin, 'GET', '/audit/trail?pageSize=1&page=2'));
    expect(p2.items[0].id).toBeLessThan(all.items[0].id);
    expect((await call(app, a.cookies.admin, 'GET', '/audit/trail?kind=unknown')).statusCode).toBe(400);
    expect((await call(app, a.cookies.admin, 'GET', '/audit/trail?pageSize=201')).statusCode).toBe(400);
  });

  it('exports CSV (UTF-8 with BOM, ";") and XLSX with the filter, and records each export', async () => {
    const csv = await call(app, a.cookies.admin, 'GET', '/audit/trail.csv?kind=sign_in');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="Protokoll-\d{4}-\d{2}-\d{2}\.csv"/);
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Zeit;Ereignis;Person;Objekt;Objekt-ID;Einzelheiten');
    expect(lines.slice(1).every((l) => l.split(';')[1] === 'Anmeldung')).toBe(true);
    expect(lines.length).toBeGreaterThan(1);
    expect(csv.body).toMatch(/\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2};Anmeldung;admin user;Konto;/);

    const xlsx = await call(app, a.cookies.admin, 'GET', '/audit/trail.xlsx?lang=en&kind=sign_in_failed');
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).getCell(2).value).toBe('Event');
    expect(ws.getRow(2).getCell(2).value).toBe('Failed sign-in');
    expect(ws.getRow(2).getCell(6).value).toContain('reason: password');

    const exports = json(await call(app, a.cookies.admin, 'GET', '/audit/trail?kind=export')).items as Ev[];
    expect(exports.map((e) => e.changes.format).sort()).toEqual(['csv', 'xlsx']);
    expect(exports[0]).toMatchObject({ actorId: a.userIds.admin, entityType: 'auditTrail' });
    // B's admin does not see A's exports.
    expect(json(await call(app, b.cookies.admin, 'GET', '/audit/trail?kind=export')).total).toBe(0);
  });

  it('records the download of a workshop protocol (it names the participants) as an export', async () => {
    const w = json(await call(app, a.cookies.coordinator, 'POST', '/workshops', { title: 'Zukunftswerkstatt', kind: 'leadership', startsOn: '2026-06-22', endsOn: '2026-06-23', groups: [] }));
    expect((await call(app, a.cookies.reader, 'GET', `/workshops/${w.id}/protocol.docx`)).statusCode).toBe(200);
    const items = json(await call(app, a.cookies.admin, 'GET', `/audit/trail?kind=export&entityType=workshop&entityId=${w.id}`)).items as Ev[];
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ actorId: a.userIds.reader, changes: { document: 'protocol', format: 'docx' } });
  });

  it('records two-factor on and off for each municipality of the account', async () => {
    // A's coordinator also belongs to B: account events go to both trails.
    await app.db.query(`INSERT INTO membership (municipality_id, user_id, role) VALUES ($1, $2, 'reader')`, [b.municipalityId, a.userIds.coordinator]);
    const { totp } = await import('../../../domain/totp');
    const setup = json(await call(app, a.cookies.coordinator, 'POST', '/auth/two-factor/setup'));
    expect((await call(app, a.cookies.coordinator, 'POST', '/auth/two-factor/confirm', { code: totp(setup.secret, Date.now() / 1000) })).statusCode).toBe(200);
    expect((await call(app, a.cookies.coordinator, 'POST', '/auth/two-factor/disable', { password: PASSWORD })).statusCode).toBe(204);
    for (const t of [a, b]) {
      const items = json(await call(app, t.cookies.admin, 'GET', '/audit/trail?kind=two_factor')).items as Ev[];
      expect(items.map((e) => e.action)).toEqual(['two_factor_off', 'two_factor_on']);
    }
  });
});

describe('append-only', () => {
  const tx = <T>(fn: (q: App['db']) => Promise<T>) => app.db.tx(fn);

  it('refuses UPDATE and DELETE of audit events', async () => {
    const [{ id }] = await app.db.query<{ id: string }>('SELECT id FROM audit_event WHERE municipality_id = $1 ORDER BY id LIMIT 1', [a.municipalityId]);
    await expect(app.db.query(`UPDATE audit_event SET changes = '{}' WHERE id = $1`, [id])).rejects.toThrow(/append-only/);
    await expect(app.db.query('UPDATE audit_event SET actor_name = $2 WHERE id = $1', [id, 'Jemand'])).rejects.toThrow(/append-only/);
    await expect(app.db.query('DELETE FROM audit_event WHERE id = $1', [id])).rejects.toThrow(/append-only/);
    await expect(app.db.query('DELETE FROM audit_event')).rejects.toThrow(/append-only/);
  });

  it('lets an erasure replace actor names, and nothing else, inside a transaction that says so', async () => {
    const [{ id, actor_id }] = await app.db.query<{ id: string; actor_id: string }>(
      'SELECT id, actor_id FROM audit_event WHERE municipality_id = $1 AND actor_id IS NOT NULL ORDER BY id LIMIT 1',
      [a.municipalityId],
    );
    await tx(async (t) => {
      await t.query(`SELECT set_config('rf.audit_erasure', 'on', true)`);
      await t.query('UPDATE audit_event SET actor_name = $2 WHERE actor_id = $1', [actor_id, 'Person 7f3a']);
    });
    const [row] = await app.db.query<{ actor_name: string }>('SELECT actor_name FROM audit_event WHERE id = $1', [id]);
    expect(row.actor_name).toBe('Person 7f3a');
    // Even then: no other column, no deletion.
    await expect(tx(async (t) => {
      await t.query(`SELECT set_config('rf.audit_erasure', 'on', true)`);
      await t.query(`UPDATE audit_event SET changes = '{}' WHERE id = $1`, [id]);
    })).rejects.toThrow(/append-only/);
    await expect(tx(async (t) => {
      await t.query(`SELECT set_config('rf.audit_erasure', 'on', true)`);
      await t.query('DELETE FROM audit_event WHERE id = $1', [id]);
    })).rejects.toThrow(/append-only/);
    // The setting was local to its transaction.
    await expect(app.db.query('UPDATE audit_event SET actor_name = $2 WHERE id = $1', [id, 'X'])).rejects.toThrow(/append-only/);
  });

  it('still lets an account be deleted (its events keep the name) and a whole municipality with its trail', async () => {
    const t = await createTenant(app, 'Kommune C');
    const [{ n: before }] = await app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_event WHERE actor_id = $1', [t.userIds.reader]);
    expect(before).toBeGreaterThan(0);
    await app.db.query('DELETE FROM app_user WHERE id = $1', [t.userIds.reader]);
    const kept = await app.db.query<{ actor_id: string | null; actor_name: string }>(
      `SELECT actor_id, actor_name FROM audit_event WHERE municipality_id = $1 AND entity_id = $2`,
      [t.municipalityId, t.userIds.reader],
    );
    expect(kept.length).toBe(before);
    expect(kept.every((r) => r.actor_id === null && r.actor_name === 'reader user')).toBe(true);
    await app.db.query('DELETE FROM municipality WHERE id = $1', [t.municipalityId]);
    const [{ n }] = await app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_event WHERE municipality_id = $1', [t.municipalityId]);
    expect(n).toBe(0);
  });
});
