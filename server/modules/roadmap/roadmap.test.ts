import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { call, createTenant, createTestApp, json, type Tenant } from '../../test/harness';
import type { App } from '../../app';

let app: App;
let close: () => Promise<void>;
let t: Tenant;
let other: Tenant;
let district: string;
beforeAll(async () => {
  ({ app, close } = await createTestApp());
  t = await createTenant(app, 'Musterstadt');
  other = await createTenant(app, 'Nachbarstadt');
  district = json(await call(app, t.cookies.coordinator, 'POST', '/districts', { name: 'Altstadt' })).id;
});
afterAll(() => close());

type M = { id: string; number: number; version: number };
const create = async (body: Record<string, unknown>, tenant = t) => json<M>(await call(app, tenant.cookies.coordinator, 'POST', '/measures', body));

describe('milestones', () => {
  it('are created, edited and deleted with versions; stale writes get 409; bad input 400', async () => {
    const m = await create({ title: 'Marktplatz planen', plannedStart: '2027-01-01', plannedEnd: '2027-06-30', leadDepartmentId: t.departmentIds[0] });
    const res = await call(app, t.cookies.coordinator, 'POST', `/measures/${m.id}/milestones`, { title: 'Entwurf im Bauausschuss', dueOn: '2027-03-15' });
    expect(res.statusCode).toBe(201);
    const ms = json(res);
    expect(ms).toMatchObject({ measureId: m.id, title: 'Entwurf im Bauausschuss', dueOn: '2027-03-15', done: false, version: 1 });
    const done = await call(app, t.cookies.coordinator, 'PATCH', `/milestones/${ms.id}`, { version: 1, done: true });
    expect(json(done)).toMatchObject({ done: true, version: 2, title: 'Entwurf im Bauausschuss' });
    expect((await call(app, t.cookies.coordinator, 'PATCH', `/milestones/${ms.id}`, { version: 1, title: 'X' })).statusCode).toBe(409);
    expect((await call(app, t.cookies.coordinator, 'POST', `/measures/${m.id}/milestones`, { title: '', dueOn: '2027-03-15' })).statusCode).toBe(400);
    expect((await call(app, t.cookies.coordinator, 'POST', `/measures/${m.id}/milestones`, { title: 'Y', dueOn: '2027-02-30' })).statusCode).toBe(400);
    expect((await call(app, t.cookies.coordinator, 'PATCH', `/milestones/${ms.id}`, { done: true })).statusCode).toBe(400);
    const detail = json(await call(app, t.cookies.reader, 'GET', `/measures/${m.id}/roadmap`));
    expect(detail.milestones).toHaveLength(1);
    const trail = json(await call(app, t.cookies.reader, 'GET', `/measures/${m.id}/audit`));
    expect(trail[0].changes.Meilenstein).toEqual(['Entwurf im Bauausschuss – 15.03.2027', 'Entwurf im Bauausschuss – 15.03.2027 (erledigt)']);
    expect((await call(app, t.cookies.coordinator, 'DELETE', `/milestones/${ms.id}?version=1`)).statusCode).toBe(409);
    expect((await call(app, t.cookies.coordinator, 'DELETE', `/milestones/${ms.id}?version=2`)).statusCode).toBe(204);
    expect(json(await call(app, t.cookies.reader, 'GET', `/measures/${m.id}/roadmap`)).milestones).toEqual([]);
  });

  it('follow the measure rules: readers 403, other departments 403, the lead department may; other tenants 404; anonymous 401', async () => {
    const own = await create({ title: 'Eigene', leadDepartmentId: t.departmentIds[0] });
    const foreign = await create({ title: 'Fremde', leadDepartmentId: t.departmentIds[1] });
    const body = { title: 'Schritt', dueOn: '2027-01-01' };
    expect((await call(app, t.cookies.reader, 'POST', `/measures/${own.id}/milestones`, body)).statusCode).toBe(403);
    expect((await call(app, t.cookies.department, 'POST', `/measures/${foreign.id}/milestones`, body)).statusCode).toBe(403);
    const ms = json(await call(app, t.cookies.department, 'POST', `/measures/${own.id}/milestones`, body));
    expect(ms.version).toBe(1);
    expect((await call(app, other.cookies.admin, 'POST', `/measures/${own.id}/milestones`, body)).statusCode).toBe(404);
    expect((await call(app, other.cookies.admin, 'PATCH', `/milestones/${ms.id}`, { version: 1, done: true })).statusCode).toBe(404);
    expect((await call(app, other.cookies.admin, 'DELETE', `/milestones/${ms.id}?version=1`)).statusCode).toBe(404);
    expect((await call(app, other.cookies.reader, 'GET', `/measures/${own.id}/roadmap`)).statusCode).toBe(404);
    expect((await call(app, t.cookies.reader, 'PATCH', `/milestones/${ms.id}`, { version: 1, done: true })).statusCode).toBe(403);
    expect((await call(app, null, 'POST', `/measures/${own.id}/milestones`, body)).statusCode).toBe(401);
    expect((await call(app, null, 'GET', `/measures/${own.id}/roadmap`)).statusCode).toBe(401);
  });
});

describe('dependencies', () => {
  it('flag a successor that starts before its predecessor ends and a milestone outside the span', async () => {
    const plan = await create({ title: 'Planung Schulhof', plannedStart: '2027-01-01', plannedEnd: '2027-06-30' });
    const build = await create({ title: 'Umbau Schulhof', plannedStart: '2027-05-01', plannedEnd: '2027-12-31' });
    const res = await call(app, t.cookies.coordinator, 'POST', `/measures/${build.id}/dependencies`, { dependsOnId: plan.id });
    expect(res.statusCode).toBe(201);
    await call(app, t.cookies.coordinator, 'POST', `/measures/${plan.id}/milestones`, { title: 'Zu spät', dueOn: '2027-08-01' });
    const r = json(await call(app, t.cookies.reader, 'GET', `/measures/${build.id}/roadmap`));
    expect(r.dependsOn.map((d: M) => d.id)).toEqual([plan.id]);
    expect(r.violations).toEqual([{ kind: 'starts_before_predecessor_ends', measureId: build.id, dependsOnId: plan.id, start: '2027-05-01', predecessorEnd: '2027-06-30' }]);
    const p = json(await call(app, t.cookies.reader, 'GET', `/measures/${plan.id}/roadmap`));
    expect(p.dependents.map((d: M) => d.id)).toEqual([build.id]);
    expect(p.violations.map((v: { kind: string }) => v.kind).sort()).toEqual(['milestone_outside_span', 'starts_before_predecessor_ends']);
    // moving the start after the predecessor's end clears the flag
    await call(app, t.cookies.coordinator, 'PATCH', `/measures/${build.id}`, { version: build.version, plannedStart: '2027-07-01' });
    expect(json(await call(app, t.cookies.reader, 'GET', `/measures/${build.id}/roadmap`)).violations).toEqual([]);
    const trail = json(await call(app, t.cookies.reader, 'GET', `/measures/${build.id}/audit`));
    expect(trail.some((e: { changes: Record<string, unknown> }) => JSON.stringify(e.changes['Abhängig von']) === JSON.stringify([null, `Nr. ${plan.number} Planung Schulhof`]))).toBe(true);
  });

  it('reject cycles (400 with the chain), self-dependency, duplicates (409), foreign ids', async () => {
    const a = await create({ title: 'A' });
    const b = await create({ title: 'B' });
    const c = await create({ title: 'C' });
    const dep = (from: M, to: string, cookie = t.cookies.coordinator) => call(app, cookie, 'POST', `/measures/${from.id}/dependencies`, { dependsOnId: to });
    expect((await dep(b, a.id)).statusCode).toBe(201);
    expect((await dep(c, b.id)).statusCode).toBe(201);
    const cyc = await dep(a, c.id);
    expect(cyc.statusCode).toBe(400);
    expect(json(cyc).error.code).toBe('dependency_cycle');
    expect(json(cyc).error.message).toContain(`Nr. ${a.number} → Nr. ${c.number} → Nr. ${b.number} → Nr. ${a.number}`);
    const self = await dep(a, a.id);
    expect([self.statusCode, json(self).error.code]).toEqual([400, 'dependency_cycle']);
    expect((await dep(b, a.id)).statusCode).toBe(409);
    const foreign = await create({ title: 'Fremd' }, other);
    expect((await dep(a, foreign.id)).statusCode).toBe(400);
    expect((await dep(foreign, a.id, other.cookies.coordinator)).statusCode).toBe(400);
    expect((await dep(a, b.id, other.cookies.coordinator)).statusCode).toBe(404);
    expect((await dep(a, 'nope')).statusCode).toBe(400);
    expect((await dep(a, b.id, t.cookies.reader)).statusCode).toBe(403);
    expect((await call(app, t.cookies.reader, 'DELETE', `/measures/${b.id}/dependencies/${a.id}`)).statusCode).toBe(403);
    expect((await call(app, other.cookies.admin, 'DELETE', `/measures/${b.id}/dependencies/${a.id}`)).statusCode).toBe(404);
    expect((await call(app, t.cookies.coordinator, 'DELETE', `/measures/${b.id}/dependencies/${a.id}`)).statusCode).toBe(204);
    expect((await call(app, t.cookies.coordinator, 'DELETE', `/measures/${b.id}/dependencies/${a.id}`)).statusCode).toBe(404);
    // with B → A gone, A may now wait for C
    expect((await dep(a, c.id)).statusCode).toBe(201);
    expect((await call(app, null, 'DELETE', `/measures/${a.id}/dependencies/${c.id}`)).statusCode).toBe(401);
  });
});

describe('roadmap', () => {
  it('pages dated measures with milestones, lists undated ones apart, filters, and reports the range', async () => {
    const fresh = await createTenant(app, 'Fahrplanstadt');
    const [plan, tief] = fresh.departmentIds;
    const d = json(await call(app, fresh.cookies.coordinator, 'POST', '/districts', { name: 'Nord' })).id;
    const mk = (b: Record<string, unknown>) => create(b, fresh);
    const m1 = await mk({ title: 'Radweg', plannedStart: '2027-03-01', plannedEnd: '2027-09-30', leadDepartmentId: tief, districtIds: [d], status: 'planning' });
    const m2 = await mk({ title: 'Spielplatz', plannedStart: '2026-05-01', plannedEnd: '2026-08-31', leadDepartmentId: plan });
    await mk({ title: 'Nur Beginn', plannedStart: '2028-01-01' });
    await mk({ title: 'Ganz ohne' });
    await call(app, fresh.cookies.coordinator, 'POST', `/measures/${m1.id}/milestones`, { title: 'Ausschreibung', dueOn: '2027-04-15' });
    await call(app, fresh.cookies.coordinator, 'POST', `/measures/${m1.id}/dependencies`, { dependsOnId: m2.id });
    const r = json(await call(app, fresh.cookies.reader, 'GET', '/roadmap'));
    expect(r.items.map((i: { title: string }) => i.title)).toEqual(['Spielplatz', 'Radweg']);
    expect(r.total).toBe(2);
    expect(r.range).toEqual({ start: '2026-05-01', end: '2027-09-30' });
    expect(r.undated.total).toBe(2);
    expect(r.undated.items.map((i: { title: string }) => i.title).sort()).toEqual(['Ganz ohne', 'Nur Beginn']);
    expect(r.items[1].milestones.map((m: { title: string }) => m.title)).toEqual(['Ausschreibung']);
    expect(r.dependencies).toEqual([{ measureId: m1.id, dependsOnId: m2.id }]);
    expect(r.violations).toEqual([]);
    const filtered = json(await call(app, fresh.cookies.reader, 'GET', `/roadmap?district=${d}&status=planning&group=district`));
    expect(filtered.items.map((i: { id: string }) => i.id)).toEqual([m1.id]);
    // the predecessor is off this page: it comes along as a ref so the arrow and the check still work
    expect(filtered.refs.map((x: { id: string }) => x.id)).toEqual([m2.id]);
    const byDept = json(await call(app, fresh.cookies.reader, 'GET', `/roadmap?group=department&department=${tief}`));
    expect(byDept.items.map((i: { id: string }) => i.id)).toEqual([m1.id]);
    const page2 = json(await call(app, fresh.cookies.reader, 'GET', '/roadmap?pageSize=1&page=2'));
    expect([page2.total, page2.items.length, page2.items[0].title]).toEqual([2, 1, 'Radweg']);
    expect((await call(app, fresh.cookies.reader, 'GET', '/roadmap?group=colour')).statusCode).toBe(400);
    expect((await call(app, fresh.cookies.reader, 'GET', '/roadmap?pageSize=0')).statusCode).toBe(400);
    expect((await call(app, null, 'GET', '/roadmap')).statusCode).toBe(401);
    expect(json(await call(app, other.cookies.reader, 'GET', '/roadmap')).items.some((i: { id: string }) => i.id === m1.id)).toBe(false);
  });

  it('exports a PDF that renders', async () => {
    const res = await call(app, t.cookies.reader, 'GET', `/roadmap/export.pdf?group=district&district=${district}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const all = await call(app, t.cookies.reader, 'GET', '/roadmap/export.pdf?group=department');
    expect(all.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = mkdtempSync(join(tmpdir(), 'rf-roadmap-'));
    writeFileSync(join(dir, 'f.pdf'), all.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'f.pdf'), '-']).toString();
    expect(text).toContain('Fahrplan – Musterstadt');
    expect(text).toContain('Planung Schulhof');
    expect(text).toContain('Ohne Zeitraum');
    const png = execFileSync('pdftocairo', ['-png', '-singlefile', join(dir, 'f.pdf'), '-']);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect((await call(app, null, 'GET', '/roadmap/export.pdf')).statusCode).toBe(401);
    expect((await call(app, t.cookies.reader, 'GET', '/roadmap/export.pdf?status=nope')).statusCode).toBe(400);
  });
});
