import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTenant, createTestApp, json, type Tenant } from '../../test/harness';
import type { App } from '../../app';

let app: App;
let close: () => Promise<void>;
let t: Tenant;
let other: Tenant;
let bau: string; // a third department
beforeAll(async () => {
  ({ app, close } = await createTestApp());
  t = await createTenant(app, 'Musterstadt');
  other = await createTenant(app, 'Nachbarstadt');
  bau = json(await call(app, t.cookies.admin, 'POST', '/departments', { name: 'Bauordnungsamt' })).id;
});
afterAll(() => close());

type Row = { id: string; version: number; leadDepartmentId: string | null; partnerDepartmentIds: string[]; informedDepartmentIds: string[] };
const create = async (body: Record<string, unknown>) => json<Row>(await call(app, t.cookies.coordinator, 'POST', '/measures', body));
const cell = (cookie: string, m: { id: string; version: number }, dept: string, role: string, version = m.version) =>
  call(app, cookie, 'PUT', `/measures/${m.id}/responsibility/${dept}`, { role, version });

describe('responsibility matrix', () => {
  it('lists measures with their roles and the departments as columns; counts measures without a lead', async () => {
    const a = await create({ title: 'Matrix A', leadDepartmentId: t.departmentIds[0], partnerDepartmentIds: [t.departmentIds[1]] });
    await create({ title: 'Matrix B ohne Federführung' });
    const m = json(await call(app, t.cookies.reader, 'GET', '/responsibility?q=Matrix'));
    expect(m.departments.map((d: { name: string }) => d.name)).toEqual(['Bauordnungsamt', 'Stadtplanungsamt', 'Tiefbauamt']);
    expect(m.total).toBe(2);
    expect(m.withoutLead).toBe(1);
    expect(m.items.find((r: Row) => r.id === a.id)).toMatchObject({ leadDepartmentId: t.departmentIds[0], partnerDepartmentIds: [t.departmentIds[1]], informedDepartmentIds: [] });
    const noLead = json(await call(app, t.cookies.reader, 'GET', '/responsibility?q=Matrix&noLead=true'));
    expect(noLead.items.map((r: { title: string }) => r.title)).toEqual(['Matrix B ohne Federführung']);
    const onlyDept = json(await call(app, t.cookies.reader, 'GET', `/responsibility?department=${bau}`));
    expect(onlyDept.departments.map((d: { id: string }) => d.id)).toEqual([bau]);
    expect(onlyDept.total).toBe(0);
  });

  it('pages the measures', async () => {
    for (let i = 0; i < 5; i++) await create({ title: `Seite ${i}` });
    const p1 = json(await call(app, t.cookies.reader, 'GET', '/responsibility?q=Seite&pageSize=2&page=1'));
    const p3 = json(await call(app, t.cookies.reader, 'GET', '/responsibility?q=Seite&pageSize=2&page=3'));
    expect([p1.total, p1.items.length, p3.items.length]).toEqual([5, 2, 1]);
    expect((await call(app, t.cookies.reader, 'GET', '/responsibility?pageSize=500')).statusCode).toBe(400);
    expect((await call(app, t.cookies.reader, 'GET', '/responsibility?status=bogus')).statusCode).toBe(400);
    expect((await call(app, null, 'GET', '/responsibility')).statusCode).toBe(401);
  });

  it('making a department lead moves the previous lead to the partners; the lead cannot be removed', async () => {
    const [plan, tief] = t.departmentIds;
    let m = await create({ title: 'Wechsel der Federführung', leadDepartmentId: plan });
    const res = await cell(t.cookies.coordinator, m, tief, 'lead');
    expect(res.statusCode).toBe(200);
    const r = json(res);
    expect(r.previousLeadId).toBe(plan);
    expect(r.row).toMatchObject({ leadDepartmentId: tief, partnerDepartmentIds: [plan], version: m.version + 1 });
    m = r.row;
    const removeLead = await cell(t.cookies.coordinator, m, tief, 'none');
    expect(removeLead.statusCode).toBe(400);
    expect(json(removeLead).error.code).toBe('lead_required');
    // partner → informed: exactly one role per department
    m = json(await cell(t.cookies.coordinator, m, plan, 'informed')).row;
    expect(m).toMatchObject({ partnerDepartmentIds: [], informedDepartmentIds: [plan] });
    m = json(await cell(t.cookies.coordinator, m, bau, 'partner')).row;
    m = json(await cell(t.cookies.coordinator, m, plan, 'none')).row;
    expect(m).toMatchObject({ leadDepartmentId: tief, partnerDepartmentIds: [bau], informedDepartmentIds: [] });
    // a measure without a lead gets one
    const free = await create({ title: 'Noch ohne Amt' });
    expect(json(await cell(t.cookies.admin, free, bau, 'lead'))).toMatchObject({ previousLeadId: null, row: { leadDepartmentId: bau } });
  });

  it('writes each change into the measure audit trail', async () => {
    const m = await create({ title: 'Mit Protokoll', leadDepartmentId: t.departmentIds[0] });
    await cell(t.cookies.coordinator, m, bau, 'informed');
    const trail = json(await call(app, t.cookies.reader, 'GET', `/measures/${m.id}/audit`));
    expect(trail[0]).toMatchObject({ action: 'update', changes: { Informiert: ['', 'Bauordnungsamt'] } });
  });

  it('refuses stale versions (409), unknown or foreign departments and measures (404), bad roles (400)', async () => {
    const m = await create({ title: 'Konflikt', leadDepartmentId: t.departmentIds[0] });
    expect((await cell(t.cookies.coordinator, m, bau, 'partner')).statusCode).toBe(200);
    const stale = await cell(t.cookies.coordinator, m, t.departmentIds[1], 'partner');
    expect(stale.statusCode).toBe(409);
    expect(json(stale).error.details.current.version).toBe(m.version + 1);
    expect((await cell(t.cookies.coordinator, m, other.departmentIds[0], 'partner', m.version + 1)).statusCode).toBe(404);
    expect((await cell(other.cookies.coordinator, m, other.departmentIds[0], 'partner', m.version + 1)).statusCode).toBe(404);
    expect((await cell(t.cookies.coordinator, m, bau, 'boss', m.version + 1)).statusCode).toBe(400);
    expect((await call(app, t.cookies.coordinator, 'PUT', `/measures/${m.id}/responsibility/not-a-uuid`, { role: 'partner', version: 1 })).statusCode).toBe(400);
  });

  it('lets department members change only measures their department leads, and not hand the lead away; readers read', async () => {
    const [plan, tief] = t.departmentIds; // the department user belongs to `plan`
    const own = await create({ title: 'Eigene Maßnahme', leadDepartmentId: plan });
    const foreign = await create({ title: 'Fremde Maßnahme', leadDepartmentId: tief });
    expect((await cell(t.cookies.reader, own, tief, 'partner')).statusCode).toBe(403);
    expect((await cell(t.cookies.department, foreign, plan, 'partner')).statusCode).toBe(403);
    expect((await cell(t.cookies.department, own, tief, 'lead')).statusCode).toBe(403);
    expect((await cell(t.cookies.department, own, tief, 'partner')).statusCode).toBe(200);
    expect((await cell(null as unknown as string, own, tief, 'partner')).statusCode).toBe(401);
  });
});

describe('load per department', () => {
  it('counts measures by role and horizon and sums the lead cost', async () => {
    const fresh = await createTenant(app, 'Lastkommune');
    const [plan, tief] = fresh.departmentIds;
    const mk = (b: Record<string, unknown>) => call(app, fresh.cookies.coordinator, 'POST', '/measures', b);
    await mk({ title: 'L1', leadDepartmentId: plan, costCents: 100_00, horizon: 'short', partnerDepartmentIds: [tief] });
    await mk({ title: 'L2', leadDepartmentId: plan, costCents: 250_00, horizon: 'long', status: 'planning' });
    await mk({ title: 'L3', leadDepartmentId: tief, costCents: null, horizon: null });
    const m4 = json(await mk({ title: 'L4' }));
    await cell(fresh.cookies.coordinator, m4, plan, 'informed');
    type Load = { departmentId: string; total: { lead: number; partner: number; informed: number; leadCostCents: number }; byHorizon: Record<string, { lead: number; partner: number; informed: number; leadCostCents: number }> };
    const load = json<Load[]>(await call(app, fresh.cookies.reader, 'GET', '/responsibility/load'));
    const p = load.find((l) => l.departmentId === plan)!;
    const ti = load.find((l) => l.departmentId === tief)!;
    expect(p.total).toEqual({ lead: 2, partner: 0, informed: 1, leadCostCents: 350_00 });
    expect(p.byHorizon.short).toEqual({ lead: 1, partner: 0, informed: 0, leadCostCents: 100_00 });
    expect(p.byHorizon.long.leadCostCents).toBe(250_00);
    expect(p.byHorizon.none.informed).toBe(1);
    expect(ti.total).toEqual({ lead: 1, partner: 1, informed: 0, leadCostCents: 0 });
    expect(ti.byHorizon.none.lead).toBe(1);
    const planning = json<Load[]>(await call(app, fresh.cookies.reader, 'GET', '/responsibility/load?status=planning'));
    expect(planning.find((l) => l.departmentId === plan)!.total.lead).toBe(1);
    expect(json<Load[]>(await call(app, other.cookies.reader, 'GET', '/responsibility/load')).some((l) => l.departmentId === plan)).toBe(false);
    expect((await call(app, null, 'GET', '/responsibility/load')).statusCode).toBe(401);
  });

  it('forgets an informed department when it is deleted', async () => {
    const d = json(await call(app, t.cookies.admin, 'POST', '/departments', { name: 'Kurzlebiges Amt' }));
    const m = await create({ title: 'Informiert ein Amt', leadDepartmentId: t.departmentIds[0] });
    await cell(t.cookies.coordinator, m, d.id, 'informed');
    expect((await call(app, t.cookies.admin, 'DELETE', `/departments/${d.id}?version=${d.version}`)).statusCode).toBe(204);
    const row = json(await call(app, t.cookies.reader, 'GET', '/responsibility?q=Informiert')).items[0];
    expect(row.informedDepartmentIds).toEqual([]);
  });
});
