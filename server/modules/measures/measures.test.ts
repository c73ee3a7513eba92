import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTenant, createTestApp, json, type Tenant } from '../../test/harness';
import type { App } from '../../app';

let app: App;
let close: () => Promise<void>;
let t: Tenant;
let other: Tenant;
let districtId: string;
beforeAll(async () => {
  ({ app, close } = await createTestApp());
  t = await createTenant(app, 'Musterstadt');
  other = await createTenant(app, 'Nachbarstadt');
  districtId = json(await call(app, t.cookies.coordinator, 'POST', '/districts', { name: 'Altstadt' })).id;
});
afterAll(() => close());

const brief = (extra: Record<string, unknown> = {}) => ({
  title: 'Sanierung des Schulhofs Altstadt',
  need: 'Der Schulhof ist versiegelt und heizt sich im Sommer auf.',
  goal: 'Ein grüner, schattiger Schulhof.',
  costCents: 45000000,
  horizon: 'short',
  plannedStart: '2026-03-01',
  plannedEnd: '2027-06-30',
  status: 'brief',
  tags: ['Klimaanpassung', 'Schule'],
  ...extra,
});

describe('measures: create, read, update, delete', () => {
  it('creates a brief with defaults and a running number, and lists it', async () => {
    const res = await call(app, t.cookies.coordinator, 'POST', '/measures', brief({ districtIds: [districtId], leadDepartmentId: t.departmentIds[0] }));
    expect(res.statusCode).toBe(201);
    const m = json(res);
    expect(m).toMatchObject({ number: 1, version: 1, title: 'Sanierung des Schulhofs Altstadt', districtIds: [districtId], partnerDepartmentIds: [], attachments: [] });
    const second = json(await call(app, t.cookies.coordinator, 'POST', '/measures', { title: 'Zweite Maßnahme' }));
    expect(second).toMatchObject({ number: 2, status: 'idea', costCents: null, horizon: null });
    const list = json(await call(app, t.cookies.reader, 'GET', '/measures'));
    expect(list.total).toBe(2);
    expect(list.items.map((i: { number: number }) => i.number)).toEqual([1, 2]);
  });

  it('rejects bad input with 400 and the field in the details, never 500', async () => {
    for (const body of [
      {},
      { title: '' },
      { title: 'x', costCents: -5 },
      { title: 'x', costCents: 1.5 },
      { title: 'x', status: 'erledigt' },
      { title: 'x', plannedStart: '2027-01-01', plannedEnd: '2026-01-01' },
      { title: 'x', plannedStart: '31.02.2026' },
      { title: 'x', districtIds: ['not-a-uuid'] },
      { title: 'x'.repeat(301) },
    ]) {
      const res = await call(app, t.cookies.coordinator, 'POST', '/measures', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(json(res).error.code).toBe('validation_failed');
      expect(json(res).error.details.length).toBeGreaterThan(0);
    }
    const malformed = await app.inject({ method: 'POST', url: '/api/v1/measures', headers: { cookie: t.cookies.coordinator, 'content-type': 'application/json' }, payload: '{"title":' });
    expect(malformed.statusCode).toBe(400);
  });

  it("refuses links to another municipality's district or department", async () => {
    const foreignDistrict = json(await call(app, other.cookies.coordinator, 'POST', '/districts', { name: 'Fremdviertel' })).id;
    const res = await call(app, t.cookies.coordinator, 'POST', '/measures', brief({ districtIds: [foreignDistrict] }));
    expect(res.statusCode).toBe(400);
    const res2 = await call(app, t.cookies.coordinator, 'POST', '/measures', brief({ leadDepartmentId: other.departmentIds[0] }));
    expect(res2.statusCode).toBe(400);
  });

  it('detects a concurrent edit with 409 and keeps the first change', async () => {
    const m = json(await call(app, t.cookies.coordinator, 'POST', '/measures', brief()));
    const first = await call(app, t.cookies.coordinator, 'PATCH', `/measures/${m.id}`, { version: 1, title: 'Erste Fassung' });
    expect(first.statusCode).toBe(200);
    expect(json(first).version).toBe(2);
    const stale = await call(app, t.cookies.admin, 'PATCH', `/measures/${m.id}`, { version: 1, title: 'Zweite Fassung' });
    expect(stale.statusCode).toBe(409);
    expect(json(stale).error.code).toBe('version_conflict');
    expect(json(stale).error.details.current.title).toBe('Erste Fassung');
    expect(json(await call(app, t.cookies.reader, 'GET', `/measures/${m.id}`)).title).toBe('Erste Fassung');
    const staleDelete = await call(app, t.cookies.admin, 'DELETE', `/measures/${m.id}?version=1`);
    expect(staleDelete.statusCode).toBe(409);
  });

  it('records every change in the audit trail with who and what', async () => {
    const m = json(await call(app, t.cookies.coordinator, 'POST', '/measures', brief()));
    await call(app, t.cookies.admin, 'PATCH', `/measures/${m.id}`, { version: 1, status: 'planning', costCents: 50000000 });
    const audit = json(await call(app, t.cookies.reader, 'GET', `/measures/${m.id}/audit`));
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({ action: 'update', actorName: 'admin user', changes: { status: ['brief', 'planning'], costCents: [45000000, 50000000] } });
    expect(audit[1]).toMatchObject({ action: 'create', actorName: 'coordinator user' });
  });

  it('deletes with the current version', async () => {
    const m = json(await call(app, t.cookies.coordinator, 'POST', '/measures', brief()));
    expect((await call(app, t.cookies.coordinator, 'DELETE', `/measures/${m.id}?version=1`)).statusCode).toBe(204);
    expect((await call(app, t.cookies.coordinator, 'GET', `/measures/${m.id}`)).statusCode).toBe(404);
  });
});

describe('measures: priority class', () => {
  it('is null until a decision sets it, shows on the measure and filters the list', async () => {
    const a = json(await call(app, t.cookies.coordinator, 'POST', '/measures', brief({ title: 'Priorität A Test' })));
    const b = json(await call(app, t.cookies.coordinator, 'POST', '/measures', brief({ title: 'Priorität C Test' })));
    expect(a.priority).toBeNull();
    // The decision module sets the class (and status); here the columns are set directly to test reading and filtering.
    await app.db.query("UPDATE measure SET priority = 'A', status = 'prioritised' WHERE id = $1", [a.id]);
    await app.db.query("UPDATE measure SET priority = 'C', status = 'prioritised' WHERE id = $1", [b.id]);
    expect(json(await call(app, t.cookies.reader, 'GET', `/measures/${a.id}`)).priority).toBe('A');
    const onlyA = json(await call(app, t.cookies.reader, 'GET', '/measures?priority=A'));
    expect(onlyA.items.map((m: { id: string }) => m.id)).toEqual([a.id]);
    expect(onlyA.items[0].priority).toBe('A');
    const aOrC = json(await call(app, t.cookies.reader, 'GET', '/measures?priority=A,C'));
    expect(aOrC.items.map((m: { id: string }) => m.id).sort()).toEqual([a.id, b.id].sort());
    const bad = await call(app, t.cookies.reader, 'GET', '/measures?priority=D');
    expect(bad.statusCode).toBe(400);
    expect(json(bad).error.code).toBe('validation_failed');
    // The form cannot set it: priority is not an editable field of the brief.
    const upd = await call(app, t.cookies.coordinator, 'PATCH', `/measures/${b.id}`, { version: b.version, priority: 'A' });
    expect(json(await call(app, t.cookies.reader, 'GET', `/measures/${b.id}`)).priority).toBe('C');
    expect(upd.statusCode).toBe(200);
  });

  it('must agree with the status: "prioritised" needs a class, an idea or brief cannot have one (400, never 500)', async () => {
    // no class without a decision, so the form cannot make a measure "prioritised" (a class in the body is ignored)
    for (const body of [brief({ status: 'prioritised' }), brief({ status: 'prioritised', priority: 'A' })]) {
      const res = await call(app, t.cookies.coordinator, 'POST', '/measures', body);
      expect(res.statusCode).toBe(400);
      expect(json(res).error).toMatchObject({ code: 'priority_class_required', message: expect.stringMatching(/„Priorisiert“ braucht eine Prioritätsklasse/) });
      expect(json(res).error.details[0].path).toEqual(['status']);
    }
    const m = json(await call(app, t.cookies.coordinator, 'POST', '/measures', brief({ title: 'Status-Regel' })));
    const toPrioritised = await call(app, t.cookies.coordinator, 'PATCH', `/measures/${m.id}`, { version: m.version, status: 'prioritised' });
    expect(toPrioritised.statusCode).toBe(400);
    expect(json(toPrioritised).error.code).toBe('priority_class_required');
    expect(json(await call(app, t.cookies.reader, 'GET', `/measures/${m.id}`))).toMatchObject({ status: 'brief', version: m.version });
    // later stages need no class: running work taken over without a decision
    const planning = json(await call(app, t.cookies.coordinator, 'PATCH', `/measures/${m.id}`, { version: m.version, status: 'planning' }));
    expect(planning).toMatchObject({ status: 'planning', priority: null });
    // once a decision gave it a class, it cannot fall back to brief (the class would contradict it)
    await app.db.query("UPDATE measure SET priority = 'B' WHERE id = $1", [m.id]);
    const back = await call(app, t.cookies.coordinator, 'PATCH', `/measures/${m.id}`, { version: planning.version, status: 'brief' });
    expect(back.statusCode).toBe(400);
    expect(json(back).error).toMatchObject({ code: 'priority_class_not_allowed', message: expect.stringMatching(/Prioritätsklasse B/) });
    const onHold = await call(app, t.cookies.coordinator, 'PATCH', `/measures/${m.id}`, { version: planning.version, status: 'on_hold' });
    expect(json(onHold)).toMatchObject({ status: 'on_hold', priority: 'B' });
    const prioritised = await call(app, t.cookies.coordinator, 'PATCH', `/measures/${m.id}`, { version: json(onHold).version, status: 'prioritised' });
    expect(json(prioritised)).toMatchObject({ status: 'prioritised', priority: 'B' });
    // other edits of a consistent measure go through as before
    expect((await call(app, t.cookies.coordinator, 'PATCH', `/measures/${m.id}`, { version: json(prioritised).version, title: 'Status-Regel (neu)' })).statusCode).toBe(200);
  });

  it('is guarded by the database too: no row can hold a contradicting status and class', async () => {
    const m = json(await call(app, t.cookies.coordinator, 'POST', '/measures', brief({ title: 'Datenbankregel' })));
    await expect(app.db.query("UPDATE measure SET status = 'prioritised' WHERE id = $1", [m.id])).rejects.toThrow(/measure_status_priority/);
    await expect(app.db.query("UPDATE measure SET priority = 'A' WHERE id = $1", [m.id])).rejects.toThrow(/measure_status_priority/);
  });
});

describe('measures: roles and tenants', () => {
  it('401 without session on every measure route', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    for (const [method, url] of [['GET', '/measures'], ['POST', '/measures'], ['GET', `/measures/${id}`], ['PATCH', `/measures/${id}`], ['DELETE', `/measures/${id}?version=1`], ['GET', `/measures/${id}/audit`], ['GET', '/dashboard'], ['GET', '/measures/export.xlsx'], ['GET', `/measures/${id}/brief.pdf`]] as const) {
      expect((await call(app, null, method, url, method === 'POST' || method === 'PATCH' ? { title: 'x', version: 1 } : undefined)).statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('readers read but cannot write (403)', async () => {
    const m = json(await call(app, t.cookies.coordinator, 'POST', '/measures', brief()));
    expect((await call(app, t.cookies.reader, 'POST', '/measures', brief())).statusCode).toBe(403);
    expect((await call(app, t.cookies.reader, 'PATCH', `/measures/${m.id}`, { version: 1, title: 'x' })).statusCode).toBe(403);
    expect((await call(app, t.cookies.reader, 'DELETE', `/measures/${m.id}?version=1`)).statusCode).toBe(403);
  });

  it("department members edit their department's measures only", async () => {
    const own = json(await call(app, t.cookies.department, 'POST', '/measures', { title: 'Eigene Maßnahme' }));
    expect(own.leadDepartmentId).toBe(t.departmentIds[0]);
    expect((await call(app, t.cookies.department, 'PATCH', `/measures/${own.id}`, { version: 1, title: 'Geändert' })).statusCode).toBe(200);
    const foreign = json(await call(app, t.cookies.coordinator, 'POST', '/measures', brief({ leadDepartmentId: t.departmentIds[1] })));
    expect((await call(app, t.cookies.department, 'PATCH', `/measures/${foreign.id}`, { version: 1, title: 'x' })).statusCode).toBe(403);
    expect((await call(app, t.cookies.department, 'POST', '/measures', brief({ leadDepartmentId: t.departmentIds[1] }))).statusCode).toBe(403);
    // handing the measure to another department would lock the member out: refused
    expect((await call(app, t.cookies.department, 'PATCH', `/measures/${own.id}`, { version: 2, leadDepartmentId: t.departmentIds[1] })).statusCode).toBe(403);
  });

  it("404 for another municipality's measure on every route", async () => {
    const foreign = json(await call(app, other.cookies.coordinator, 'POST', '/measures', brief()));
    const c = t.cookies.admin;
    expect((await call(app, c, 'GET', `/measures/${foreign.id}`)).statusCode).toBe(404);
    expect((await call(app, c, 'PATCH', `/measures/${foreign.id}`, { version: 1, title: 'gekapert' })).statusCode).toBe(404);
    expect((await call(app, c, 'DELETE', `/measures/${foreign.id}?version=1`)).statusCode).toBe(404);
    expect((await call(app, c, 'GET', `/measures/${foreign.id}/audit`)).statusCode).toBe(404);
    expect((await call(app, c, 'GET', `/measures/${foreign.id}/brief.pdf`)).statusCode).toBe(404);
    expect((await call(app, c, 'GET', `/measures/${foreign.id}/brief.docx`)).statusCode).toBe(404);
    const list = json(await call(app, c, 'GET', '/measures?pageSize=200'));
    expect(list.items.some((i: { id: string }) => i.id === foreign.id)).toBe(false);
    expect(json(await call(app, other.cookies.reader, 'GET', `/measures/${foreign.id}`)).title).toBe(foreign.title);
  });
});

describe('merging duplicates', () => {
  it('unites links and texts, moves attachments and deletes the duplicate; only coordinators; stale versions 409', async () => {
    const d2 = json(await call(app, t.cookies.coordinator, 'POST', '/districts', { name: 'Neustadt' })).id;
    const keep = json(await call(app, t.cookies.coordinator, 'POST', '/measures', { title: 'Jugendtreff Altstadt', need: 'Kein Treffpunkt.', districtIds: [districtId], tags: ['Jugend'], costCents: 100 }));
    const dup = json(await call(app, t.cookies.coordinator, 'POST', '/measures', { title: 'Jugendclub', need: 'Jugendliche wünschen sich einen Raum.', districtIds: [d2], tags: ['Jugend', 'Freizeit'], costCents: 500, leadDepartmentId: t.departmentIds[1] }));
    expect((await call(app, t.cookies.department, 'POST', `/measures/${keep.id}/merge`, { duplicateId: dup.id, version: 1, duplicateVersion: 1 })).statusCode).toBe(403);
    expect((await call(app, t.cookies.coordinator, 'POST', `/measures/${keep.id}/merge`, { duplicateId: dup.id, version: 1, duplicateVersion: 9 })).statusCode).toBe(409);
    expect((await call(app, t.cookies.coordinator, 'POST', `/measures/${keep.id}/merge`, { duplicateId: keep.id, version: 1, duplicateVersion: 1 })).statusCode).toBe(400);
    const res = await call(app, t.cookies.coordinator, 'POST', `/measures/${keep.id}/merge`, { duplicateId: dup.id, version: 1, duplicateVersion: 1 });
    expect(res.statusCode).toBe(200);
    const m = json(res);
    expect(m.districtIds.sort()).toEqual([districtId, d2].sort());
    expect(m.tags).toEqual(['Jugend', 'Freizeit']);
    expect(m.need).toBe('Kein Treffpunkt.\n\nAus „Jugendclub“: Jugendliche wünschen sich einen Raum.');
    expect(m).toMatchObject({ costCents: 500, leadDepartmentId: t.departmentIds[1], version: 2 });
    expect((await call(app, t.cookies.coordinator, 'GET', `/measures/${dup.id}`)).statusCode).toBe(404);
    const foreign = json(await call(app, other.cookies.coordinator, 'POST', '/measures', { title: 'fremd' }));
    expect((await call(app, t.cookies.coordinator, 'POST', `/measures/${keep.id}/merge`, { duplicateId: foreign.id, version: 2, duplicateVersion: 1 })).statusCode).toBe(404);
  });
});
