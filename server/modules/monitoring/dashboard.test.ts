import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTenant, createTestApp, json, type Tenant } from '../../test/harness';
import type { App } from '../../app';

let app: App;
let close: () => Promise<void>;
let t: Tenant;
let other: Tenant;
let goalId: string;
let districtId: string;
const ids: Record<'a' | 'b' | 'c' | 'd', string> = { a: '', b: '', c: '', d: '' };

const report = (measureId: string, body: Record<string, unknown>) =>
  call(app, t.cookies.coordinator, 'POST', `/measures/${measureId}/reports`, { basedOn: null, spentCents: 0, nextSteps: '', blockers: '', boardDecisionNeeded: false, ...body });

/*
 * Fixture (one goal, four measures):
 *   A  1.000 € planned, reported on track at 40 % with 800 € spent (80 % spent: 40 points ahead → flagged), district Altstadt
 *   B  3.000 € planned, reported minor issues at 80 %, district Altstadt
 *   C  2.000 € planned, reported cancelled (left out)
 *   D  4.000 € planned, no report (counts 0 %), lead: the second department
 * By cost: (1000·40 + 3000·80 + 4000·0) ÷ 8000 = 35 %. Equally: (40 + 80 + 0) ÷ 3 = 40 %.
 */
beforeAll(async () => {
  ({ app, close } = await createTestApp());
  t = await createTenant(app, 'Musterstadt');
  other = await createTenant(app, 'Nachbarstadt');
  goalId = json(await call(app, t.cookies.coordinator, 'POST', '/goals', { title: 'Lebendige Altstadt' })).id;
  districtId = json(await call(app, t.cookies.coordinator, 'POST', '/districts', { name: 'Altstadt' })).id;
  const make = async (title: string, costCents: number, extra: Record<string, unknown> = {}) =>
    json<{ id: string }>(await call(app, t.cookies.coordinator, 'POST', '/measures', { title, costCents, goalIds: [goalId], leadDepartmentId: t.departmentIds[0], ...extra })).id;
  ids.a = await make('Marktplatz umgestalten', 100_000, { districtIds: [districtId] });
  ids.b = await make('Radweg Bahnhofstraße', 300_000, { districtIds: [districtId] });
  ids.c = await make('Parkhaus Nord', 200_000);
  ids.d = await make('Stadtgarten', 400_000, { leadDepartmentId: t.departmentIds[1] });
  expect((await report(ids.a, { state: 'on_track', progress: 40, spentCents: 80_000 })).statusCode).toBe(201);
  expect((await report(ids.b, { state: 'minor_issues', progress: 80, spentCents: 100_000 })).statusCode).toBe(201);
  expect((await report(ids.c, { state: 'cancelled', progress: 10 })).statusCode).toBe(201);
});
afterAll(() => close());

describe('monitoring dashboard', () => {
  it('rolls progress up by cost with the weights shown, cancelled left out, unreported counted 0 %; state counts and flags kept apart', async () => {
    const res = await call(app, t.cookies.reader, 'GET', '/monitoring/dashboard');
    expect(res.statusCode).toBe(200);
    const d = json(res);
    expect(d.weighting).toBe('cost');
    expect(d.overall).toMatchObject({ measureCount: 4, progress: 35, exact: 35, weighting: 'cost', cancelled: [ids.c], unreported: [ids.d], withoutCost: [], flagged: 1 });
    expect(d.overall.weights).toEqual([
      { measureId: ids.a, weight: 100_000, sharePercent: 12.5, progress: 40 },
      { measureId: ids.b, weight: 300_000, sharePercent: 37.5, progress: 80 },
      { measureId: ids.d, weight: 400_000, sharePercent: 50, progress: 0 },
    ]);
    expect(d.overall.states).toEqual({ on_track: 1, minor_issues: 1, major_issues: 0, done: 0, on_hold: 0, cancelled: 1, none: 1 });
    expect(d.overall.rule.de).toContain('gewichtet mit den geplanten Kosten');
    const [goal] = d.groupings.goal;
    expect(goal).toMatchObject({ key: goalId, label: 'Lebendige Altstadt', progress: 35, indicators: { on_course: 0, at_risk: 0, off_course: 0, no_data: 0 } });
    // districts: A and B in Altstadt ((1000·40 + 3000·80) ÷ 4000 = 70 %), C and D without a district
    expect(d.groupings.district.map((g: { label: string | null; progress: number }) => [g.label, g.progress])).toEqual([['Altstadt', 70], [null, 0]]);
    // by lead department: A, B, C (cancelled left out) → 70 %; D alone, unreported → 0 %
    expect(d.groupings.department.map((g: { label: string; progress: number; unreported: string[] }) => [g.label, g.progress, g.unreported])).toEqual([
      ['Stadtplanungsamt', 70, []], ['Tiefbauamt', 0, [ids.d]],
    ]);
    const flagged = d.measures.filter((m: { flags: unknown[] }) => m.flags.length);
    expect(flagged.map((m: { id: string; flags: { kind: string }[] }) => [m.id, m.flags.map((f) => f.kind)])).toEqual([[ids.a, ['spending_ahead']]]);
    expect(flagged[0].flags[0].reason.de).toBe('80 % der geplanten Kosten ausgegeben bei 40 % Fortschritt (Hinweis ab 25 Prozentpunkten Abstand).');
  });

  it('weights equally on request', async () => {
    const d = json(await call(app, t.cookies.department, 'GET', '/monitoring/dashboard?weighting=equal'));
    expect(d.overall).toMatchObject({ progress: 40, weighting: 'equal' });
    expect(d.overall.weights.map((w: { weight: number; sharePercent: number }) => [w.weight, w.sharePercent])).toEqual([[1, 33.3], [1, 33.3], [1, 33.3]]);
    expect(d.overall.rule.en).toContain('every measure weighted equally');
  });

  it('filters like the measure list', async () => {
    const d = json(await call(app, t.cookies.reader, 'GET', `/monitoring/dashboard?district=${districtId}`));
    expect(d.measures.map((m: { id: string }) => m.id)).toEqual([ids.a, ids.b]);
    expect(d.overall.progress).toBe(70);
    const byDept = json(await call(app, t.cookies.reader, 'GET', `/monitoring/dashboard?department=${t.departmentIds[1]}&weighting=equal`));
    expect(byDept.overall).toMatchObject({ measureCount: 1, progress: 0, unreported: [ids.d] });
  });

  it('another municipality sees nothing of this one, not even through its ids in the filter', async () => {
    const d = json(await call(app, other.cookies.admin, 'GET', '/monitoring/dashboard'));
    expect(d.overall.measureCount).toBe(0);
    expect(d.overall.progress).toBeNull();
    expect(d.groupings).toEqual({ goal: [], actionField: [], dimension: [], district: [], department: [] });
    const viaIds = json(await call(app, other.cookies.admin, 'GET', `/monitoring/dashboard?goal=${goalId}&district=${districtId}`));
    expect(viaIds.measures).toEqual([]);
  });

  it('counts the goal\'s indicators by state next to the progress, without changing the progress', async () => {
    const res = await call(app, t.cookies.coordinator, 'POST', `/goals/${goalId}/indicators`, {
      name: 'Grünflächenanteil', unit: '%', source: 'Kataster', baselineValue: 20, baselineDate: '2025-01-01', kind: 'increase_to',
      departmentId: t.departmentIds[0], targets: [{ date: '2027-01-01', value: 40 }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const [goal] = json(await call(app, t.cookies.reader, 'GET', '/monitoring/dashboard')).groupings.goal;
    expect(goal).toMatchObject({ progress: 35, indicators: { on_course: 0, at_risk: 0, off_course: 0, no_data: 1 } });
  });

  it('refuses a bad query with 400 and anonymous callers with 401', async () => {
    for (const q of ['weighting=explicit', 'weighting=', 'district=kein-uuid', 'status=unbekannt']) {
      const res = await call(app, t.cookies.reader, 'GET', `/monitoring/dashboard?${q}`);
      expect([q, res.statusCode, json(res).error.code]).toEqual([q, 400, 'validation_failed']);
    }
    expect((await call(app, null, 'GET', '/monitoring/dashboard')).statusCode).toBe(401);
  });
});
