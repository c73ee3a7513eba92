import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTenant, createTestApp, json, type Tenant } from '../../test/harness';
import { addDays, berlinToday } from '../funding/deadlines.service';
import type { App } from '../../app';
import type { DepartmentHome, ProcessHome } from '../../../contract/home';

let app: App;
let close: () => Promise<void>;
let t: Tenant;
let other: Tenant;
const today = berlinToday();
const ids: Record<string, string> = {};

async function measure(cookie: string, body: Record<string, unknown>) {
  const res = await call(app, cookie, 'POST', '/measures', body);
  expect(res.statusCode, res.body).toBe(201);
  return json<{ id: string; number: number; version: number }>(res);
}

beforeAll(async () => {
  ({ app, close } = await createTestApp());
  t = await createTenant(app);
  other = await createTenant(app);
  const [own, second] = t.departmentIds;
  const a = t.cookies.admin;
  // led by the department, planned end passed, still in planning: overdue
  ids.late = (await measure(a, { title: 'Radweg am Lauterufer', leadDepartmentId: own, status: 'planning', plannedStart: addDays(today, -400), plannedEnd: addDays(today, -10) })).id;
  // a partner of another department's measure with a milestone past due
  ids.partner = (await measure(a, { title: 'Mobilitätsstation am Bahnhof', leadDepartmentId: second, partnerDepartmentIds: [own], status: 'planning' })).id;
  expect((await call(app, a, 'POST', `/measures/${ids.partner}/milestones`, { title: 'Förderantrag einreichen', dueOn: addDays(today, -3) })).statusCode).toBe(201);
  expect((await call(app, a, 'POST', `/measures/${ids.partner}/milestones`, { title: 'Bauvergabe', dueOn: addDays(today, 30) })).statusCode).toBe(201);
  expect((await call(app, a, 'POST', `/measures/${ids.partner}/milestones`, { title: 'Planung beauftragt', dueOn: addDays(today, -40), done: true })).statusCode).toBe(201);
  // led by the department, waiting for another department's unfinished measure
  ids.waiting = (await measure(a, { title: 'Fahrradparkhaus', leadDepartmentId: own, status: 'brief', plannedStart: addDays(today, -5), plannedEnd: addDays(today, 300) })).id;
  ids.before = (await measure(a, { title: 'Bahnhofsvorplatz', leadDepartmentId: second, status: 'brief' })).id;
  expect((await call(app, a, 'POST', `/measures/${ids.waiting}/dependencies`, { dependsOnId: ids.before })).statusCode).toBe(201);
  // on hold, its end passed: put off on purpose, not overdue
  ids.held = (await measure(a, { title: 'Freibad', leadDepartmentId: own, status: 'on_hold', plannedEnd: addDays(today, -100) })).id;
  // not the department's at all
  ids.foreign = (await measure(a, { title: 'Ständehaus', leadDepartmentId: second, status: 'planning', plannedEnd: addDays(today, -30) })).id;
  // an application deadline in 20 days for the overdue measure, one for the foreign measure
  const year = addDays(today, 20).slice(0, 4);
  for (const id of [ids.late, ids.foreign]) {
    const plan = await call(app, a, 'PUT', `/measures/${id}/funding-plan`, {
      version: 0, sources: [{ kind: 'third_party', label: 'Stiftung Stadtbild', status: 'preparing', applicationDeadline: addDays(today, 20), amounts: { [year]: 1_000_000 } }],
    });
    expect(plan.statusCode, plan.body).toBe(200);
  }
  // an open scoring round with the department member as a rater
  const round = await call(app, a, 'POST', '/priorities/rounds', { name: 'Bewertung Verkehr', measureIds: [ids.late, ids.partner], raterIds: [t.userIds.department, t.userIds.coordinator], dotRoundId: null, dotWeight: 0 });
  expect(round.statusCode, round.body).toBe(201);
  ids.round = json(round).id;
  // the department member's own edit is not "a change by others"
  const late = json<{ version: number }>(await call(app, t.cookies.department, 'GET', `/measures/${ids.late}`));
  const edit = await call(app, t.cookies.department, 'PATCH', `/measures/${ids.late}`, { goal: 'Sicher am Fluss entlang', version: late.version });
  expect(edit.statusCode, edit.body).toBe(200);
}, 60_000);
afterAll(() => close());

describe('GET /home/department', () => {
  it('shows a department member their department: measures led and partnered, overdue, blocked, ratings owed, deadlines, changes by others', async () => {
    const res = await call(app, t.cookies.department, 'GET', '/home/department');
    expect(res.statusCode, res.body).toBe(200);
    const h = json<DepartmentHome>(res);
    expect(h.department.id).toBe(t.departmentIds[0]);
    expect(h.today).toBe(today);
    expect(h.measures.map((m) => [m.title, m.role])).toEqual([
      ['Radweg am Lauterufer', 'lead'], ['Fahrradparkhaus', 'lead'], ['Freibad', 'lead'], ['Mobilitätsstation am Bahnhof', 'partner'],
    ]);
    expect(h.overdue).toEqual([
      { kind: 'measure_end', measure: expect.objectContaining({ id: ids.late }), milestone: null, dueOn: addDays(today, -10), daysOverdue: 10 },
      { kind: 'milestone', measure: expect.objectContaining({ id: ids.partner }), milestone: 'Förderantrag einreichen', dueOn: addDays(today, -3), daysOverdue: 3 },
    ]);
    expect(h.blocked).toEqual([
      { measure: expect.objectContaining({ id: ids.waiting, title: 'Fahrradparkhaus' }), waitsFor: expect.objectContaining({ id: ids.before, status: 'brief' }), startPassed: true },
    ]);
    expect(h.ratingsOwed).toEqual([{ roundId: ids.round, name: 'Bewertung Verkehr', done: 0, total: 2 * 6 }]);
    expect(h.deadlines).toHaveLength(1);
    expect(h.deadlines[0]).toMatchObject({ date: addDays(today, 20), daysLeft: 20, measure: { id: ids.late }, source: 'Stiftung Stadtbild', sourceStatus: 'preparing' });
    // newest first, the admin's work only; the member's own edit of the goal is left out
    expect(h.recentChanges.length).toBeGreaterThan(0);
    expect(h.recentChanges.every((c) => c.actorName === 'admin user')).toBe(true);
    expect(h.recentChanges.map((c) => c.id)).toEqual([...h.recentChanges.map((c) => c.id)].sort((a, b) => b - a));
    expect(h.recentChanges.some((c) => c.measure.id === ids.foreign)).toBe(false);
    expect(h.departments.map((d) => d.id).sort()).toEqual([...t.departmentIds].sort());
  });

  it('a rater who scored everything owes nothing; ratings are the signed-in user\'s, whichever department they look at', async () => {
    const coord = json<DepartmentHome>(await call(app, t.cookies.coordinator, 'GET', `/home/department?departmentId=${t.departmentIds[0]}`));
    expect(coord.ratingsOwed.map((r) => r.roundId)).toEqual([ids.round]);
    // the member's own change shows for the coordinator
    expect(coord.recentChanges.some((c) => c.fields.includes('goal') && c.actorName === 'department user')).toBe(true);
    const admin = json<DepartmentHome>(await call(app, t.cookies.admin, 'GET', `/home/department?departmentId=${t.departmentIds[0]}`));
    expect(admin.ratingsOwed).toEqual([]);
  });

  it('lets coordinators and admins open any department of their municipality', async () => {
    for (const role of ['coordinator', 'admin'] as const) {
      const res = await call(app, t.cookies[role], 'GET', `/home/department?departmentId=${t.departmentIds[1]}`);
      expect(res.statusCode, role).toBe(200);
      const h = json<DepartmentHome>(res);
      expect(h.department.id).toBe(t.departmentIds[1]);
      expect(h.measures.filter((m) => m.role === 'lead').map((m) => m.title).sort()).toEqual(['Bahnhofsvorplatz', 'Mobilitätsstation am Bahnhof', 'Ständehaus']);
      expect(h.blocked).toEqual([]);
    }
    // without a department named: the first by name
    const first = json<DepartmentHome>(await call(app, t.cookies.coordinator, 'GET', '/home/department'));
    expect(first.department.name).toBe('Stadtplanungsamt');
  });

  it('refuses a department member another department (403), readers (403), the signed-out (401)', async () => {
    expect((await call(app, t.cookies.department, 'GET', `/home/department?departmentId=${t.departmentIds[1]}`)).statusCode).toBe(403);
    expect((await call(app, t.cookies.department, 'GET', `/home/department?departmentId=${t.departmentIds[0]}`)).statusCode).toBe(200);
    expect((await call(app, t.cookies.reader, 'GET', '/home/department')).statusCode).toBe(403);
    expect((await call(app, null, 'GET', '/home/department')).statusCode).toBe(401);
  });

  it('answers 404 for another municipality\'s department and 400 for a malformed id', async () => {
    expect((await call(app, t.cookies.coordinator, 'GET', `/home/department?departmentId=${other.departmentIds[0]}`)).statusCode).toBe(404);
    expect((await call(app, t.cookies.admin, 'GET', `/home/department?departmentId=${other.departmentIds[0]}`)).statusCode).toBe(404);
    expect((await call(app, t.cookies.coordinator, 'GET', '/home/department?departmentId=not-a-uuid')).statusCode).toBe(400);
  });

  it('answers 404 for a department member without a department', async () => {
    const res = await call(app, t.cookies.admin, 'PATCH', `/users/${t.userIds.department}`, { departmentId: null });
    expect(res.statusCode, res.body).toBe(200);
    expect((await call(app, t.cookies.department, 'GET', '/home/department')).statusCode).toBe(404);
    expect((await call(app, t.cookies.admin, 'PATCH', `/users/${t.userIds.department}`, { departmentId: t.departmentIds[0] })).statusCode).toBe(200);
  });
});

describe('GET /home/process', () => {
  it('is for coordinators and admins only', async () => {
    expect((await call(app, t.cookies.coordinator, 'GET', '/home/process')).statusCode).toBe(200);
    expect((await call(app, t.cookies.admin, 'GET', '/home/process')).statusCode).toBe(200);
    expect((await call(app, t.cookies.department, 'GET', '/home/process')).statusCode).toBe(403);
    expect((await call(app, t.cookies.reader, 'GET', '/home/process')).statusCode).toBe(403);
    expect((await call(app, null, 'GET', '/home/process')).statusCode).toBe(401);
  });

  it('counts the municipality\'s own items and names the next action as the process goes on', async () => {
    const c = other.cookies.coordinator;
    let p = json<ProcessHome>(await call(app, c, 'GET', '/home/process'));
    expect(p.counts).toMatchObject({ dimensions: 0, measures: 0, departments: 2, workshops: 0 });
    expect(p.next).toEqual({ step: 'concept', action: 'define_concept', href: '/concept/dimensions', count: null });
    expect(p.steps.map((s) => s.step)).toEqual(['concept', 'workshop', 'briefs', 'dot_vote', 'scoring', 'decision', 'responsibilities', 'funding', 'implementation']);

    const dim = json(await call(app, c, 'POST', '/dimensions', { name: 'Grüne Stadt' }));
    const af = json(await call(app, c, 'POST', '/action-fields', { name: 'Mobilität' }));
    expect((await call(app, c, 'POST', '/goals', { title: 'Weniger Lärm', actionFieldIds: [af.id], dimensionIds: [dim.id] })).statusCode).toBe(201);
    p = json<ProcessHome>(await call(app, c, 'GET', '/home/process'));
    expect(p.steps[0]).toEqual({ step: 'concept', done: true });
    expect(p.next).toMatchObject({ step: 'workshop', action: 'plan_workshop', href: '/workshops' });

    const w = await call(app, c, 'POST', '/workshops', { title: 'Strategiewerkstatt', groups: [] });
    expect(w.statusCode, w.body).toBe(201);
    p = json<ProcessHome>(await call(app, c, 'GET', '/home/process'));
    expect(p.counts.workshops).toBe(1);
    expect(p.next).toMatchObject({ action: 'hold_workshop', href: `/workshops/${json(w).id}` });

    // the other tenant's measures, rounds and overdue measure are not counted here
    expect(p.counts).toMatchObject({ measures: 0, scoringRounds: 0, overdue: 0 });
    const mine = json<ProcessHome>(await call(app, t.cookies.coordinator, 'GET', '/home/process'));
    expect(mine.counts).toMatchObject({ measures: 6, scoringRounds: 1, scoringRoundsRevealed: 0, overdue: 2, workshops: 0 });
  });
});
