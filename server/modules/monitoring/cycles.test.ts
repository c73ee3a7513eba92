/**
 * Reporting cycles (issue 15, part 4) over the API: roles per route, tenants, one open cycle, reports
 * carrying the open cycle's id, the status per department, reminding again, and the closed cycle's
 * immutable snapshot (refused by the service with 409 `cycle_closed` and by the database itself).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTenant, createTestApp, json, login, PASSWORD, type Tenant } from '../../test/harness';
import { hashPassword } from '../auth/auth.service';
import { berlinToday } from '../funding/deadlines.service';
import type { App } from '../../app';

let app: App;
let close: () => Promise<void>;
let t: Tenant;
let other: Tenant;
/** a member of the second department (Tiefbauamt) */
let tiefbau: string;

const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const due = addDays(berlinToday(), 40);
const quarter = `Q${Math.floor((Number(due.slice(5, 7)) - 1) / 3) + 1} ${due.slice(0, 4)}`;
type M = { id: string; number: number; version: number };
let m1: M, m2: M, m3: M;
const base = { state: 'on_track', progress: 20, spentCents: 500_000, nextSteps: 'Ausschreibung', blockers: '', boardDecisionNeeded: false };

beforeAll(async () => {
  ({ app, close } = await createTestApp());
  t = await createTenant(app, 'Musterstadt');
  other = await createTenant(app, 'Nachbarstadt');
  const email = `tiefbau.${Date.now()}@example.org`;
  const [{ id }] = await app.db.query<{ id: string }>('INSERT INTO app_user (email, name, password_hash) VALUES ($1, $2, $3) RETURNING id', [email, 'Tom Tiefbau', await hashPassword(PASSWORD)]);
  await app.db.query("INSERT INTO membership (municipality_id, user_id, role, department_id) VALUES ($1, $2, 'department', $3)", [t.municipalityId, id, t.departmentIds[1]]);
  tiefbau = await login(app, email);
  const measure = async (title: string, dept: string) => json<M>(await call(app, t.cookies.coordinator, 'POST', '/measures', { title, leadDepartmentId: dept }));
  m1 = await measure('Marktplatz umgestalten', t.departmentIds[0]);
  m2 = await measure('Grünes Band', t.departmentIds[0]);
  m3 = await measure('Radweg Südring', t.departmentIds[1]);
});
afterAll(() => close());

describe('reporting cycles', () => {
  let cycleId: string;
  let version: number;

  it('only coordinators and admins open a cycle; the title defaults to the quarter of the due date', async () => {
    for (const who of ['department', 'reader'] as const) {
      expect((await call(app, t.cookies[who], 'POST', '/reporting-cycles', { dueOn: due })).statusCode).toBe(403);
    }
    const past = await call(app, t.cookies.coordinator, 'POST', '/reporting-cycles', { dueOn: addDays(berlinToday(), -1) });
    expect(past.statusCode).toBe(400);
    expect(json(past).error.message).toBe('Die Fälligkeit darf nicht in der Vergangenheit liegen.');
    const res = await call(app, t.cookies.coordinator, 'POST', '/reporting-cycles', { dueOn: due });
    expect(res.statusCode).toBe(201);
    const c = json(res);
    expect(c).toMatchObject({ title: quarter, dueOn: due, reminderDaysBefore: 7, closedAt: null, snapshot: null });
    cycleId = c.id;
    version = c.version;
  });

  it('at most one cycle is open: a second opening gets 409 cycle_open_exists', async () => {
    const res = await call(app, t.cookies.admin, 'POST', '/reporting-cycles', { dueOn: addDays(due, 90), title: 'Sondersitzung' });
    expect(res.statusCode).toBe(409);
    expect(json(res).error).toMatchObject({ code: 'cycle_open_exists', details: { openId: cycleId } });
    expect(json(res).error.message).toContain(`(${quarter})`);
    // another municipality opens its own
    expect((await call(app, other.cookies.coordinator, 'POST', '/reporting-cycles', { dueOn: due })).statusCode).toBe(201);
  });

  it("another municipality's cycle is 404 on every route, and not listed", async () => {
    const list = json(await call(app, other.cookies.coordinator, 'GET', '/reporting-cycles'));
    expect(list.map((c: { id: string }) => c.id)).not.toContain(cycleId);
    expect((await call(app, other.cookies.coordinator, 'GET', `/reporting-cycles/${cycleId}`)).statusCode).toBe(404);
    expect((await call(app, other.cookies.department, 'GET', `/reporting-cycles/${cycleId}/my-reports`)).statusCode).toBe(404);
    expect((await call(app, other.cookies.coordinator, 'POST', `/reporting-cycles/${cycleId}/departments/${t.departmentIds[1]}/remind`)).statusCode).toBe(404);
    expect((await call(app, other.cookies.coordinator, 'POST', `/reporting-cycles/${cycleId}/close`, { version })).statusCode).toBe(404);
    // and a department of another municipality is 404 in one's own cycle
    expect((await call(app, t.cookies.coordinator, 'POST', `/reporting-cycles/${cycleId}/departments/${other.departmentIds[1]}/remind`)).statusCode).toBe(404);
  });

  it('department members see the measures their department leads; readers none; the status per department is for coordinators', async () => {
    const mine = json(await call(app, t.cookies.department, 'GET', `/reporting-cycles/${cycleId}/my-reports`));
    expect(mine.cycle.id).toBe(cycleId);
    expect(mine.items.map((i: { measureId: string }) => i.measureId)).toEqual([m1.id, m2.id]);
    expect(mine.items[0]).toMatchObject({ departmentName: 'Stadtplanungsamt', latestReportId: null, reportedInCycle: false });
    const theirs = json(await call(app, tiefbau, 'GET', `/reporting-cycles/${cycleId}/my-reports`));
    expect(theirs.items.map((i: { measureId: string }) => i.measureId)).toEqual([m3.id]);
    expect(json(await call(app, t.cookies.coordinator, 'GET', `/reporting-cycles/${cycleId}/my-reports`)).items).toHaveLength(3);
    expect((await call(app, t.cookies.reader, 'GET', `/reporting-cycles/${cycleId}/my-reports`)).statusCode).toBe(403);
    for (const who of ['department', 'reader'] as const) {
      expect((await call(app, t.cookies[who], 'GET', `/reporting-cycles/${cycleId}`)).statusCode).toBe(403);
      expect((await call(app, t.cookies[who], 'POST', `/reporting-cycles/${cycleId}/departments/${t.departmentIds[0]}/remind`)).statusCode).toBe(403);
      expect((await call(app, t.cookies[who], 'POST', `/reporting-cycles/${cycleId}/close`, { version })).statusCode).toBe(403);
    }
    expect(json(await call(app, t.cookies.reader, 'GET', '/reporting-cycles')).map((c: { id: string }) => c.id)).toEqual([cycleId]);
  });

  it('reports filed while the cycle is open carry its id (also "unchanged"); the coordinator sees who has reported', async () => {
    const r1 = json(await call(app, t.cookies.department, 'POST', `/measures/${m1.id}/reports`, { ...base, basedOn: null }));
    expect(r1.cycleId).toBe(cycleId);
    const r2 = json(await call(app, t.cookies.department, 'POST', `/measures/${m1.id}/reports/unchanged`, { basedOn: r1.id }));
    expect(r2).toMatchObject({ cycleId, unchanged: true });
    const d = json(await call(app, t.cookies.coordinator, 'GET', `/reporting-cycles/${cycleId}`));
    expect(d.departments).toEqual([
      { departmentId: t.departmentIds[0], departmentName: 'Stadtplanungsamt', led: 2, reported: 1, missing: [{ measureId: m2.id, number: m2.number, title: 'Grünes Band' }], lastReminderAt: null },
      { departmentId: t.departmentIds[1], departmentName: 'Tiefbauamt', led: 1, reported: 0, missing: [{ measureId: m3.id, number: m3.number, title: 'Radweg Südring' }], lastReminderAt: null },
    ]);
    const mine = json(await call(app, t.cookies.department, 'GET', `/reporting-cycles/${cycleId}/my-reports`));
    expect(mine.items.map((i: { reportedInCycle: boolean }) => i.reportedInCycle)).toEqual([true, false]);
    expect(mine.items[0]).toMatchObject({ latestReportId: r2.id, latestState: 'on_track', latestProgress: 20 });
  });

  it('reminds a department again, but not twice within an hour', async () => {
    const res = await call(app, t.cookies.coordinator, 'POST', `/reporting-cycles/${cycleId}/departments/${t.departmentIds[1]}/remind`);
    expect(res.statusCode).toBe(200);
    expect(json(res)).toEqual({ notified: 1, missing: 1 });
    const again = await call(app, t.cookies.admin, 'POST', `/reporting-cycles/${cycleId}/departments/${t.departmentIds[1]}/remind`);
    expect(again.statusCode).toBe(409);
    expect(json(again).error.code).toBe('cycle_remind_too_soon');
    const n = json(await call(app, tiefbau, 'GET', '/notifications'));
    const overdue = n.items.filter((i: { kind: string }) => i.kind === 'status_report_overdue');
    expect(overdue).toHaveLength(1);
    expect(overdue[0].title).toContain(`Nr. ${m3.number} „Radweg Südring“`);
    const d = json(await call(app, t.cookies.coordinator, 'GET', `/reporting-cycles/${cycleId}`));
    expect(d.departments[1].lastReminderAt).not.toBeNull();
  });

  it('closes with the current version into an immutable snapshot; a closed cycle refuses changes with 409 cycle_closed', async () => {
    const stale = await call(app, t.cookies.coordinator, 'POST', `/reporting-cycles/${cycleId}/close`, { version: version + 5 });
    expect(stale.statusCode).toBe(409);
    expect(json(stale).error.code).toBe('version_conflict');
    const res = await call(app, t.cookies.coordinator, 'POST', `/reporting-cycles/${cycleId}/close`, { version });
    expect(res.statusCode).toBe(200);
    const c = json(res);
    expect(c.closedAt).not.toBeNull();
    expect(c.closedByName).toBe('coordinator user');
    expect(c.snapshot.map((s: { measureId: string }) => s.measureId)).toEqual([m1.id, m2.id, m3.id]);
    expect(c.snapshot[0].report).toMatchObject({ state: 'on_track', progress: 20, spentCents: 500_000, cycleId });
    expect(c.snapshot[1].report).toBeNull();
    for (const [method, url, body] of [
      ['POST', `/reporting-cycles/${cycleId}/close`, { version: c.version }],
      ['POST', `/reporting-cycles/${cycleId}/departments/${t.departmentIds[1]}/remind`, undefined],
    ] as const) {
      const r = await call(app, t.cookies.coordinator, method, url, body);
      expect(r.statusCode).toBe(409);
      expect(json(r).error).toMatchObject({ code: 'cycle_closed', message: 'Dieser Berichtszyklus ist abgeschlossen und kann nicht mehr geändert werden. Spätere Berichte gehören zum nächsten Zyklus.' });
    }
    // the database refuses too: the snapshot and the cycle stay as they were
    await expect(app.db.query("UPDATE reporting_cycle SET snapshot = '[]'::jsonb WHERE id = $1", [cycleId])).rejects.toThrow(/closed/);
    await expect(app.db.query("UPDATE status_report SET cycle_id = $1 WHERE measure_id = $2", [cycleId, m3.id])).resolves.toBeDefined(); // no report of m3: nothing to refuse
    await expect(app.db.query(
      `INSERT INTO status_report (municipality_id, measure_id, state, progress, spent_cents, cycle_id, previous_id)
       SELECT municipality_id, $2, 'on_track', 10, 0, $1, NULL FROM reporting_cycle WHERE id = $1`, [cycleId, m3.id],
    )).rejects.toThrow(/closed/);
    expect(json(await call(app, t.cookies.coordinator, 'GET', `/reporting-cycles/${cycleId}`)).snapshot).toEqual(c.snapshot);
  });

  it('reports after closing belong to the next cycle', async () => {
    const later = json(await call(app, tiefbau, 'POST', `/measures/${m3.id}/reports`, { ...base, basedOn: null }));
    expect(later.cycleId).toBeNull();
    const next = json(await call(app, t.cookies.coordinator, 'POST', '/reporting-cycles', { dueOn: addDays(due, 90), title: 'Nächste Sitzung' }));
    const tl = json(await call(app, tiefbau, 'GET', `/measures/${m3.id}/reports`));
    expect(tl.latest.cycleId).toBe(next.id);
    expect(next.departments.find((d: { departmentId: string }) => d.departmentId === t.departmentIds[1])).toMatchObject({ led: 1, reported: 1, missing: [] });
    // the old one is unchanged
    const old = json(await call(app, t.cookies.coordinator, 'GET', `/reporting-cycles/${cycleId}`));
    expect(old.departments.find((d: { departmentId: string }) => d.departmentId === t.departmentIds[1])).toMatchObject({ reported: 0 });
  });
});
