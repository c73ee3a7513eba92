import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTenant, createTestApp, json, type Tenant } from '../../test/harness';
import type { App } from '../../app';
import type { ScoringRoundDetail } from '../../../contract/priorities';

let app: App;
let close: () => Promise<void>;
let t: Tenant;
beforeAll(async () => {
  ({ app, close } = await createTestApp());
  t = await createTenant(app, 'Gleichstadt');
});
afterAll(() => close());

describe('a decision record', () => {
  it('says which computed ranks were shared among its measures', async () => {
    const ids: string[] = [];
    for (const title of ['Radweg Saaleufer', 'Marktplatz neu', 'Jugendtreff Süd']) ids.push(json(await call(app, t.cookies.coordinator, 'POST', '/measures', { title })).id);
    const [m1, m2, m3] = ids;
    const created = await call(app, t.cookies.coordinator, 'POST', '/priorities/rounds', { name: 'Gleichstand', measureIds: ids, raterIds: [t.userIds.coordinator] });
    expect(created.statusCode, created.body).toBe(201);
    const r = json<ScoringRoundDetail>(created);
    // m1 and m2 the same scores (a shared first rank), m3 lower
    for (const [id, v] of [[m1, 4], [m2, 4], [m3, 2]] as const) {
      const scores = r.criteria.map((c) => ({ measureId: id, criterionId: c.id, value: v, comment: '' }));
      expect((await call(app, t.cookies.coordinator, 'PUT', `/priorities/rounds/${r.id}/scores`, { scores })).statusCode).toBe(200);
    }
    const revealed = json<ScoringRoundDetail>(await call(app, t.cookies.coordinator, 'POST', `/priorities/rounds/${r.id}/reveal`, { version: r.version }));
    expect(revealed.results!.map((x) => [x.measureId, x.rank, x.tied])).toEqual(expect.arrayContaining([[m1, 1, true], [m2, 1, true], [m3, 3, false]]));
    const versions = Object.fromEntries(revealed.measures.map((m) => [m.id, m.version]));
    const decided = await call(app, t.cookies.coordinator, 'POST', `/priorities/rounds/${r.id}/decisions`, {
      body: 'Stadtrat', decidedOn: '2026-12-01', note: '',
      items: ids.map((id) => ({ measureId: id, priority: id === m3 ? 'C' : 'A', horizon: 'short', version: versions[id] })),
    });
    expect(decided.statusCode).toBe(201);
    const [decision] = json<ScoringRoundDetail>(await call(app, t.cookies.reader, 'GET', `/priorities/rounds/${r.id}`)).decisions;
    const byId = Object.fromEntries(decision.items.map((i) => [i.measureId, [i.computedRank, i.computedTied]]));
    expect(byId).toEqual({ [m1]: [1, true], [m2]: [1, true], [m3]: [3, false] });
  });
});
