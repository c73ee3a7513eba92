import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTenant, createTestApp, json, login, PASSWORD, type Tenant } from '../../test/harness';
import { hashPassword } from '../auth/auth.service';
import type { App } from '../../app';

let app: App;
let close: () => Promise<void>;
let t: Tenant;
let other: Tenant;
/** a member of the second department (Tiefbauamt), partner of the measures below */
let partner: string;
let partnerId: string;

beforeAll(async () => {
  ({ app, close } = await createTestApp());
  t = await createTenant(app, 'Musterstadt');
  other = await createTenant(app, 'Nachbarstadt');
  const email = `partner.${Date.now()}@example.org`;
  const [{ id }] = await app.db.query<{ id: string }>('INSERT INTO app_user (email, name, password_hash) VALUES ($1, $2, $3) RETURNING id', [email, 'Petra Partner', await hashPassword(PASSWORD)]);
  await app.db.query("INSERT INTO membership (municipality_id, user_id, role, department_id) VALUES ($1, $2, 'department', $3)", [t.municipalityId, id, t.departmentIds[1]]);
  partner = await login(app, email);
  partnerId = id;
});
afterAll(() => close());

type M = { id: string; number: number; version: number };
const measure = async (body: Record<string, unknown> = {}) =>
  json<M>(await call(app, t.cookies.coordinator, 'POST', '/measures', { title: 'Marktplatz umgestalten', leadDepartmentId: t.departmentIds[0], partnerDepartmentIds: [t.departmentIds[1]], ...body }));
const base = { state: 'on_track', progress: 20, spentCents: 500_000, nextSteps: 'Ausschreibung', blockers: '', boardDecisionNeeded: false };

describe('status reports', () => {
  it('the lead department reports; the timeline, the latest report and the audit trail show it with author and date', async () => {
    const m = await measure();
    const empty = json(await call(app, t.cookies.department, 'GET', `/measures/${m.id}/reports`));
    expect(empty).toMatchObject({ items: [], latest: null, canReport: true, canComment: true, flags: [] });
    const ms = json(await call(app, t.cookies.department, 'POST', `/measures/${m.id}/milestones`, { title: 'Entwurf', dueOn: '2027-03-01' }));
    const res = await call(app, t.cookies.department, 'POST', `/measures/${m.id}/reports`, { ...base, basedOn: null, milestoneIds: [ms.id] });
    expect(res.statusCode).toBe(201);
    const r1 = json(res);
    expect(r1).toMatchObject({ measureId: m.id, authorName: 'department user', state: 'on_track', progress: 20, spentCents: 500_000, milestoneIds: [ms.id], previousId: null, unchanged: false, cycleId: null, comments: [] });
    expect(Date.now() - Date.parse(r1.createdAt)).toBeLessThan(60_000);
    const latest = json(await call(app, t.cookies.reader, 'GET', `/measures/${m.id}/reports/latest`));
    expect(latest.latest.id).toBe(r1.id);
    const r2 = json(await call(app, t.cookies.department, 'POST', `/measures/${m.id}/reports`, { ...base, basedOn: r1.id, state: 'minor_issues', progress: 35, blockers: 'Gutachten fehlt' }));
    expect(r2).toMatchObject({ previousId: r1.id, state: 'minor_issues', progress: 35 });
    const tl = json(await call(app, t.cookies.reader, 'GET', `/measures/${m.id}/reports`));
    expect(tl.items.map((r: { id: string }) => r.id)).toEqual([r2.id, r1.id]);
    expect(tl.latest.id).toBe(r2.id);
    expect([tl.canReport, tl.canComment]).toEqual([false, false]);
    const trail = json(await call(app, t.cookies.reader, 'GET', `/measures/${m.id}/audit`));
    expect(trail[0].changes.Statusbericht).toEqual([null, 'Kleinere Probleme, 35 % Fortschritt, 5.000 € ausgegeben']);
    // the planning status of the measure is not touched by a report
    expect(json(await call(app, t.cookies.reader, 'GET', `/measures/${m.id}`)).status).toBe('idea');
  });

  it('"unchanged" copies the latest report under a new date; without a report it is refused with a clear message', async () => {
    const m = await measure();
    const none = await call(app, t.cookies.department, 'POST', `/measures/${m.id}/reports/unchanged`, { basedOn: '00000000-0000-4000-8000-000000000000' });
    expect([none.statusCode, json(none).error.code]).toEqual([400, 'validation_failed']);
    expect(json(none).error.message).toContain('noch keinen Bericht');
    const r1 = json(await call(app, t.cookies.department, 'POST', `/measures/${m.id}/reports`, { ...base, basedOn: null, blockers: 'Personal fehlt', boardDecisionNeeded: true }));
    const res = await call(app, t.cookies.department, 'POST', `/measures/${m.id}/reports/unchanged`, { basedOn: r1.id });
    expect(res.statusCode).toBe(201);
    const r2 = json(res);
    expect(r2).toMatchObject({ previousId: r1.id, unchanged: true, state: 'on_track', progress: 20, spentCents: 500_000, nextSteps: 'Ausschreibung', blockers: 'Personal fehlt', boardDecisionNeeded: true });
    expect(r2.id).not.toBe(r1.id);
    // the same blocker in two reports in a row, and the decision asked for, are flagged with their reasons
    const tl = json(await call(app, t.cookies.reader, 'GET', `/measures/${m.id}/reports`));
    expect(tl.flags.map((f: { kind: string }) => f.kind)).toEqual(['blocker_persists', 'board_decision']);
    expect(tl.flags[0].reason.de).toBe('Hindernis seit 2 Berichten in Folge: Personal fehlt');
  });

  it('two people reporting at once: the second, based on an older report, gets 409 report_stale with the newer one', async () => {
    const m = await measure();
    const r1 = json(await call(app, t.cookies.department, 'POST', `/measures/${m.id}/reports`, { ...base, basedOn: null }));
    const first = await call(app, t.cookies.coordinator, 'POST', `/measures/${m.id}/reports`, { ...base, basedOn: null, progress: 5 });
    expect([first.statusCode, json(first).error.code, json(first).error.details.current.id]).toEqual([409, 'report_stale', r1.id]);
    const r2 = json(await call(app, t.cookies.department, 'POST', `/measures/${m.id}/reports`, { ...base, basedOn: r1.id, progress: 40 }));
    const stale = await call(app, t.cookies.coordinator, 'POST', `/measures/${m.id}/reports`, { ...base, basedOn: r1.id, progress: 30 });
    expect([stale.statusCode, json(stale).error.code, json(stale).error.details.current.progress]).toEqual([409, 'report_stale', 40]);
    expect((await call(app, t.cookies.coordinator, 'POST', `/measures/${m.id}/reports/unchanged`, { basedOn: r1.id })).statusCode).toBe(409);
    // at the same time: exactly one of two reports on the same latest one is accepted
    const both = await Promise.all([
      call(app, t.cookies.department, 'POST', `/measures/${m.id}/reports`, { ...base, basedOn: r2.id, progress: 50 }),
      call(app, t.cookies.coordinator, 'POST', `/measures/${m.id}/reports`, { ...base, basedOn: r2.id, progress: 60 }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(json(await call(app, t.cookies.reader, 'GET', `/measures/${m.id}/reports`)).items).toHaveLength(3);
  });

  it('bad numbers and foreign milestones are refused with a clear message (400), never a 500', async () => {
    const m = await measure();
    const otherM = await measure({ title: 'Andere' });
    const foreign = json(await call(app, t.cookies.coordinator, 'POST', `/measures/${otherM.id}/milestones`, { title: 'Fremd', dueOn: '2027-01-01' }));
    const post = (body: Record<string, unknown>) => call(app, t.cookies.department, 'POST', `/measures/${m.id}/reports`, { ...base, basedOn: null, ...body });
    for (const [body, text] of [
      [{ progress: 101 }, 'zwischen 0 und 100'],
      [{ progress: -1 }, 'zwischen 0 und 100'],
      [{ spentCents: -100 }, 'nicht negativ'],
      [{ milestoneIds: [foreign.id] }, 'nur Meilensteine dieser Maßnahme'],
      [{ state: 'done', progress: 90 }, '100 % Fortschritt'],
    ] as const) {
      const res = await post(body);
      expect([JSON.stringify(body), res.statusCode, json(res).error.code]).toEqual([JSON.stringify(body), 400, 'validation_failed']);
      expect(JSON.stringify(json(res).error)).toContain(text);
    }
    for (const body of [{ state: 'great' }, { progress: 'viel' }, { progress: 12.5 }, { basedOn: 'x' }, { nextSteps: 'a\u0000b' }]) {
      expect((await post(body)).statusCode).toBe(400);
    }
    const en = await app.inject({ method: 'POST', url: `/api/v1/measures/${m.id}/reports`, headers: { cookie: t.cookies.department, 'accept-language': 'en' }, payload: { ...base, basedOn: null, milestoneIds: [foreign.id] } });
    expect(json(en).error.message).toBe('Only milestones of this measure can be marked as reached.');
    expect(json(await call(app, t.cookies.reader, 'GET', `/measures/${m.id}/reports`)).items).toEqual([]);
  });

  it('roles: a partner department may not report (403) but comments; readers 403; another municipality 404; anonymous 401', async () => {
    const m = await measure();
    const led = await measure({ title: 'Vom Tiefbauamt', leadDepartmentId: t.departmentIds[1], partnerDepartmentIds: [] });
    const pr = await call(app, partner, 'POST', `/measures/${m.id}/reports`, { ...base, basedOn: null });
    expect([pr.statusCode, json(pr).error.message]).toEqual([403, 'Berichten kann nur das federführende Amt der Maßnahme (oder die Koordination).']);
    expect((await call(app, t.cookies.department, 'POST', `/measures/${led.id}/reports`, { ...base, basedOn: null })).statusCode).toBe(403);
    expect((await call(app, t.cookies.reader, 'POST', `/measures/${m.id}/reports`, { ...base, basedOn: null })).statusCode).toBe(403);
    const r = json(await call(app, t.cookies.department, 'POST', `/measures/${m.id}/reports`, { ...base, basedOn: null }));
    expect((await call(app, partner, 'POST', `/measures/${m.id}/reports/unchanged`, { basedOn: r.id })).statusCode).toBe(403);
    // the partner comments; the lead department hears of it, the partner does not hear of their own comment
    const c = await call(app, partner, 'POST', `/measures/${m.id}/reports/${r.id}/comments`, { body: 'Wir können die Vermessung im März übernehmen.' });
    expect(c.statusCode).toBe(201);
    expect(json(c)).toMatchObject({ reportId: r.id, authorName: 'Petra Partner', departmentName: 'Tiefbauamt', body: 'Wir können die Vermessung im März übernehmen.' });
    const notes = json(await call(app, t.cookies.department, 'GET', '/notifications')).items.filter((n: { kind: string }) => n.kind === 'measure_comment');
    expect(notes).toHaveLength(1);
    expect(notes[0].link).toBe(`/measures/${m.id}#umsetzung`);
    const [{ n }] = await app.db.query<{ n: number }>("SELECT count(*)::int AS n FROM notification WHERE user_id = $1 AND kind = 'measure_comment'", [partnerId]);
    expect(Number(n)).toBe(0);
    expect((await call(app, t.cookies.department, 'POST', `/measures/${m.id}/reports/${r.id}/comments`, { body: 'Danke!' })).statusCode).toBe(201);
    expect((await call(app, t.cookies.reader, 'POST', `/measures/${m.id}/reports/${r.id}/comments`, { body: 'Ich auch' })).statusCode).toBe(403);
    // a department neither lead nor partner may not comment
    const dept2 = json(await call(app, t.cookies.department, 'POST', `/measures/${led.id}/reports`, { ...base, basedOn: null })); // 403 body
    expect(dept2.error.code).toBe('forbidden');
    const lr = json(await call(app, t.cookies.coordinator, 'POST', `/measures/${led.id}/reports`, { ...base, basedOn: null }));
    expect((await call(app, t.cookies.department, 'POST', `/measures/${led.id}/reports/${lr.id}/comments`, { body: 'x' })).statusCode).toBe(403);
    expect((await call(app, partner, 'POST', `/measures/${m.id}/reports/${r.id}/comments`, { body: '   ' })).statusCode).toBe(400);
    const comments = json(await call(app, t.cookies.reader, 'GET', `/measures/${m.id}/reports/${r.id}/comments`));
    expect(comments.map((x: { body: string }) => x.body)).toEqual(['Wir können die Vermessung im März übernehmen.', 'Danke!']);
    expect(json(await call(app, t.cookies.reader, 'GET', `/measures/${m.id}/reports`)).items[0].comments).toHaveLength(2);
    // a report id of another measure is not found under this one
    expect((await call(app, t.cookies.reader, 'GET', `/measures/${led.id}/reports/${r.id}/comments`)).statusCode).toBe(404);
    // another municipality: every route 404, also with its admin
    for (const [method, url, body] of [
      ['GET', `/measures/${m.id}/reports`, undefined],
      ['GET', `/measures/${m.id}/reports/latest`, undefined],
      ['POST', `/measures/${m.id}/reports`, { ...base, basedOn: r.id }],
      ['POST', `/measures/${m.id}/reports/unchanged`, { basedOn: r.id }],
      ['GET', `/measures/${m.id}/reports/${r.id}/comments`, undefined],
      ['POST', `/measures/${m.id}/reports/${r.id}/comments`, { body: 'fremd' }],
    ] as const) {
      expect([url, method, (await call(app, other.cookies.admin, method, url, body)).statusCode]).toEqual([url, method, 404]);
      expect((await call(app, null, method, url, body)).statusCode).toBe(401);
    }
  });
});
