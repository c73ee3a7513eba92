import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { call, createTenant, createTestApp, json, type Tenant } from '../../test/harness';
import type { App } from '../../app';
import type { CriteriaSet, ScoringRoundDetail } from '../../../contract/priorities';

let app: App;
let close: () => Promise<void>;
let t: Tenant;
let other: Tenant;
const measureIds: string[] = [];
let otherMeasureId: string;
beforeAll(async () => {
  ({ app, close } = await createTestApp());
  t = await createTenant(app, 'Merseburg');
  other = await createTenant(app, 'Nachbarstadt');
  for (const title of ['Grünes Band Saaleufer', 'Sanierung Schule Nord', 'Quartierstreff Süd']) {
    measureIds.push(json(await call(app, t.cookies.coordinator, 'POST', '/measures', { title })).id);
  }
  otherMeasureId = json(await call(app, other.cookies.coordinator, 'POST', '/measures', { title: 'Fremde Maßnahme' })).id;
});
afterAll(() => close());

const criteria = async (cookie = t.cookies.reader) => json<CriteriaSet>(await call(app, cookie, 'GET', '/priorities/criteria'));
const getRound = async (id: string, cookie: string) => json<ScoringRoundDetail>(await call(app, cookie, 'GET', `/priorities/rounds/${id}`));
async function createRound(body: Record<string, unknown> = {}) {
  const res = await call(app, t.cookies.coordinator, 'POST', '/priorities/rounds', {
    name: 'Priorisierung FKW 2026', measureIds, raterIds: [t.userIds.department, t.userIds.coordinator], ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return json<ScoringRoundDetail>(res);
}
/** All criteria of one measure at once: values in the order of the round's criteria. */
const sheet = (r: ScoringRoundDetail, measureId: string, values: (number | null)[]) =>
  ({ scores: r.criteria.map((c, i) => ({ measureId, criterionId: c.id, value: values[i], comment: '' })) });

describe('criteria', () => {
  it('are seeded once, lazily, with weights summing to 100 and a meaning for every score', async () => {
    const set = await criteria();
    expect(set.criteria.map((c) => c.name)).toEqual(['Beitrag zu den Zielen', 'Dringlichkeit', 'Umsetzbarkeit', 'Kosten', 'Förderchancen', 'Synergien mit anderen Maßnahmen']);
    expect(set.criteria.reduce((a, c) => a + c.weight, 0)).toBe(100);
    expect(set.criteria.every((c) => c.levels.length === 5)).toBe(true);
    expect(set.criteria.find((c) => c.name === 'Kosten')!.axis).toBe('effort');
    expect(set.criteria.find((c) => c.name === 'Dringlichkeit')!.axis).toBe('impact');
    expect((await criteria()).criteria.map((c) => c.id)).toEqual(set.criteria.map((c) => c.id));
    expect((await criteria(other.cookies.reader)).criteria).toHaveLength(6);
    expect((await call(app, null, 'GET', '/priorities/criteria')).statusCode).toBe(401);
  });

  it('are edited by coordinators as a set: weights must sum to 100, stale versions get 409', async () => {
    const set = await criteria();
    const edited = set.criteria.map((c) => ({ ...c, weight: c.name === 'Kosten' ? 20 : c.weight }));
    expect((await call(app, t.cookies.department, 'PUT', '/priorities/criteria', { version: set.version, criteria: edited })).statusCode).toBe(403);
    const bad = await call(app, t.cookies.coordinator, 'PUT', '/priorities/criteria', { version: set.version, criteria: edited });
    expect(bad.statusCode).toBe(400);
    expect(json(bad).error).toMatchObject({ code: 'weights_invalid', message: 'Die Gewichte ergeben zusammen 105 %, sie müssen genau 100 % ergeben.' });
    const dup = edited.map((c, i) => ({ ...c, weight: c.name === 'Kosten' ? 15 : c.weight, name: i === 1 ? 'kosten' : c.name }));
    expect(json(await call(app, t.cookies.coordinator, 'PUT', '/priorities/criteria', { version: set.version, criteria: dup })).error.code).toBe('validation_failed');
    const fourLevels = set.criteria.map((c) => ({ ...c, levels: c.levels.slice(0, 4) }));
    expect((await call(app, t.cookies.coordinator, 'PUT', '/priorities/criteria', { version: set.version, criteria: fourLevels })).statusCode).toBe(400);
    // Förderchancen 15 → 10, Kosten 15 → 20: sums to 100
    const ok = set.criteria.map((c) => ({ ...c, weight: c.name === 'Kosten' ? 20 : c.name === 'Förderchancen' ? 10 : c.weight }));
    const saved = await call(app, t.cookies.coordinator, 'PUT', '/priorities/criteria', { version: set.version, criteria: ok });
    expect(saved.statusCode).toBe(200);
    expect(json<CriteriaSet>(saved)).toMatchObject({ version: set.version + 1 });
    expect(json<CriteriaSet>(saved).criteria.map((c) => c.id)).toEqual(set.criteria.map((c) => c.id));
    const stale = await call(app, t.cookies.admin, 'PUT', '/priorities/criteria', { version: set.version, criteria: ok });
    expect(stale.statusCode).toBe(409);
    expect(json(stale).error.code).toBe('version_conflict');
    expect((await criteria(other.cookies.reader)).criteria.find((c) => c.name === 'Kosten')!.weight).toBe(15);
  });
});

describe('scoring rounds', () => {
  it('only coordinators and admins create them; bad choices are refused with 400', async () => {
    const body = { name: 'Runde', measureIds, raterIds: [t.userIds.department] };
    expect((await call(app, t.cookies.department, 'POST', '/priorities/rounds', body)).statusCode).toBe(403);
    expect((await call(app, t.cookies.reader, 'POST', '/priorities/rounds', body)).statusCode).toBe(403);
    expect((await call(app, null, 'POST', '/priorities/rounds', body)).statusCode).toBe(401);
    expect((await call(app, t.cookies.coordinator, 'POST', '/priorities/rounds', { ...body, measureIds: [otherMeasureId] })).statusCode).toBe(400);
    expect((await call(app, t.cookies.coordinator, 'POST', '/priorities/rounds', { ...body, raterIds: [other.userIds.reader] })).statusCode).toBe(400);
    expect((await call(app, t.cookies.coordinator, 'POST', '/priorities/rounds', { ...body, measureIds: [] })).statusCode).toBe(400);
    expect((await call(app, t.cookies.coordinator, 'POST', '/priorities/rounds', { ...body, dotWeight: 30 })).statusCode).toBe(400);
    const notDots = await call(app, t.cookies.coordinator, 'POST', '/priorities/rounds', { ...body, dotRoundId: randomUUID(), dotWeight: 30 });
    expect(json(notDots).error.code).toBe('dot_round_invalid');
    expect((await call(app, null, 'GET', '/priorities/rounds')).statusCode).toBe(401);
    expect((await call(app, null, 'GET', '/priorities/round-options')).statusCode).toBe(401);
    const options = json(await call(app, t.cookies.admin, 'GET', '/priorities/round-options'));
    expect(options.raters.map((r: { id: string }) => r.id).sort()).toEqual(Object.values(t.userIds).sort());
    expect((await call(app, t.cookies.department, 'GET', '/priorities/round-options')).statusCode).toBe(403);
  });

  it('keep scores independent until the reveal; a non-rater cannot score', async () => {
    const r = await createRound();
    expect(r.criteria).toHaveLength(6);
    expect(r.progress).toEqual({ done: 0, total: 3 * 6 * 2 });
    const [m1, m2] = measureIds;
    // department head: m1 all 5; coordinator: m1 all 1 → every criterion diverges by 4
    const dep = await call(app, t.cookies.department, 'PUT', `/priorities/rounds/${r.id}/scores`, sheet(r, m1, [5, 5, 5, 5, 5, 5]));
    expect(dep.statusCode, dep.body).toBe(200);
    await call(app, t.cookies.coordinator, 'PUT', `/priorities/rounds/${r.id}/scores`, sheet(r, m1, [1, 1, 1, 1, 1, 1]));
    await call(app, t.cookies.coordinator, 'PUT', `/priorities/rounds/${r.id}/scores`, sheet(r, m2, [4, 4, 4, 4, 4, null]));

    const seenByDep = await getRound(r.id, t.cookies.department);
    expect(seenByDep.myScores).toHaveLength(6);
    expect(seenByDep.myScores.every((s) => s.raterId === t.userIds.department && s.value === 5)).toBe(true);
    expect(seenByDep.scores).toEqual([]);
    expect(seenByDep.results).toBeNull();
    expect(seenByDep.divergences).toEqual([]);
    expect(seenByDep.progress).toEqual({ done: 17, total: 36 });
    // the coordinator manages the round: sees where raters diverge, but no one else's values
    const seenByCoord = await getRound(r.id, t.cookies.coordinator);
    expect(seenByCoord.scores).toEqual([]);
    expect(seenByCoord.myScores).toHaveLength(11);
    expect(seenByCoord.divergences).toHaveLength(6);
    expect(seenByCoord.divergences.every((d) => d.measureId === m1)).toBe(true);
    expect(seenByCoord.raters.map((x) => x.progress.done).sort((a, b) => a - b)).toEqual([6, 11]);
    // the list shows progress, and each rater's own
    expect(json(await call(app, other.cookies.reader, 'GET', '/priorities/rounds')).some((x: { id: string }) => x.id === r.id)).toBe(false);
    const list = json(await call(app, t.cookies.department, 'GET', '/priorities/rounds'));
    expect(list.find((x: { id: string }) => x.id === r.id)).toMatchObject({ progress: { done: 17, total: 36 }, myProgress: { done: 6, total: 18 } });
    // the audit trail does not leak values before the reveal
    const audit = json(await call(app, t.cookies.admin, 'GET', `/audit?entityType=scoringRound&entityId=${r.id}`));
    expect(JSON.stringify(audit)).not.toMatch(/"value"/);

    // a reader who is no rater; bad ids; bad values; another municipality
    const notRater = await call(app, t.cookies.reader, 'PUT', `/priorities/rounds/${r.id}/scores`, sheet(r, m1, [3, 3, 3, 3, 3, 3]));
    expect(notRater.statusCode).toBe(403);
    expect(json(notRater).error.code).toBe('not_a_rater');
    expect((await call(app, t.cookies.department, 'PUT', `/priorities/rounds/${r.id}/scores`, { scores: [{ measureId: m1, criterionId: randomUUID(), value: 3 }] })).statusCode).toBe(400);
    expect((await call(app, t.cookies.department, 'PUT', `/priorities/rounds/${r.id}/scores`, { scores: [{ measureId: otherMeasureId, criterionId: r.criteria[0].id, value: 3 }] })).statusCode).toBe(400);
    expect((await call(app, t.cookies.department, 'PUT', `/priorities/rounds/${r.id}/scores`, { scores: [{ measureId: m1, criterionId: r.criteria[0].id, value: 6 }] })).statusCode).toBe(400);
    expect((await call(app, other.cookies.coordinator, 'GET', `/priorities/rounds/${r.id}`)).statusCode).toBe(404);
    expect((await call(app, other.cookies.coordinator, 'PUT', `/priorities/rounds/${r.id}/scores`, sheet(r, m1, [3, 3, 3, 3, 3, 3]))).statusCode).toBe(404);
    // removing a score (null) counts: the department head takes one back and puts it again
    await call(app, t.cookies.department, 'PUT', `/priorities/rounds/${r.id}/scores`, { scores: [{ measureId: m1, criterionId: r.criteria[0].id, value: null }] });
    expect((await getRound(r.id, t.cookies.department)).myScores).toHaveLength(5);
    await call(app, t.cookies.department, 'PUT', `/priorities/rounds/${r.id}/scores`, { scores: [{ measureId: m1, criterionId: r.criteria[0].id, value: 5, comment: 'Kernziel' }] });

    // reveal: only managers, only once, with the current version
    expect((await call(app, t.cookies.department, 'POST', `/priorities/rounds/${r.id}/reveal`, { version: r.version })).statusCode).toBe(403);
    expect((await call(app, t.cookies.coordinator, 'POST', `/priorities/rounds/${r.id}/reveal`, { version: r.version + 5 })).statusCode).toBe(409);
    const revealed = json<ScoringRoundDetail>(await call(app, t.cookies.coordinator, 'POST', `/priorities/rounds/${r.id}/reveal`, { version: r.version }));
    expect(revealed.status).toBe('revealed');
    expect((await call(app, other.cookies.coordinator, 'POST', `/priorities/rounds/${r.id}/reveal`, { version: revealed.version })).statusCode).toBe(404);
    expect((await call(app, t.cookies.coordinator, 'POST', `/priorities/rounds/${r.id}/reveal`, {})).statusCode).toBe(400);
    expect(json(await call(app, t.cookies.coordinator, 'POST', `/priorities/rounds/${r.id}/reveal`, { version: revealed.version })).error.code).toBe('invalid_status');

    // now every member sees all scores and the ranking, even a reader who did not rate
    const seenByReader = await getRound(r.id, t.cookies.reader);
    expect(seenByReader.scores).toHaveLength(17);
    expect(seenByReader.scores.find((s) => s.raterId === t.userIds.department && s.criterionId === r.criteria[0].id)!.comment).toBe('Kernziel');
    const res = Object.fromEntries(seenByReader.results!.map((x) => [x.measureId, x]));
    // m1: department 100, coordinator 0 → mean 50, six divergence flags; m2: coordinator incomplete, department nothing
    expect(res[m1]).toMatchObject({ score: 50, incomplete: false, rank: 1, rankLabel: '1' });
    expect(res[m1].divergences).toHaveLength(6);
    expect(res[m2]).toMatchObject({ score: null, incomplete: true, rank: null });
    expect(seenByReader.divergences).toHaveLength(6);
  });

  it('records a decision, applies class and horizon to the measures with an audit entry, and shows deviations', async () => {
    const r = await createRound({ name: 'Runde Stadtrat' });
    const [m1, m2, m3] = measureIds;
    expect((await call(app, t.cookies.coordinator, 'POST', `/priorities/rounds/${r.id}/decisions`, {
      body: 'Stadtrat', decidedOn: '2023-10-12', items: [{ measureId: m1, priority: 'A', horizon: 'short', version: 1 }],
    })).statusCode).toBe(409); // not revealed yet
    // scores: m1 high, m2 middle, m3 low (both raters, complete)
    for (const cookie of [t.cookies.department, t.cookies.coordinator]) {
      await call(app, cookie, 'PUT', `/priorities/rounds/${r.id}/scores`, sheet(r, m1, [5, 5, 5, 5, 5, 5]));
      await call(app, cookie, 'PUT', `/priorities/rounds/${r.id}/scores`, sheet(r, m2, [3, 3, 3, 3, 3, 3]));
      await call(app, cookie, 'PUT', `/priorities/rounds/${r.id}/scores`, sheet(r, m3, [1, 1, 1, 1, 1, 1]));
    }
    const revealed = json<ScoringRoundDetail>(await call(app, t.cookies.coordinator, 'POST', `/priorities/rounds/${r.id}/reveal`, { version: r.version }));
    expect(revealed.results!.map((x) => [x.rank, x.suggestedClass])).toEqual([[1, 'A'], [2, 'B'], [3, 'C']]);
    const versions = Object.fromEntries(revealed.measures.map((m) => [m.id, m.version]));
    const items = [
      { measureId: m1, priority: 'C', horizon: 'long', version: versions[m1] }, // rank 1 but class C: a deviation of 2
      { measureId: m2, priority: 'B', horizon: 'medium', version: versions[m2] },
      { measureId: m3, priority: 'A', horizon: 'short', version: versions[m3] },
    ];
    const decision = { body: 'Stadtrat', decidedOn: '2023-10-12', note: 'Sondersitzung', items };
    expect((await call(app, t.cookies.department, 'POST', `/priorities/rounds/${r.id}/decisions`, decision)).statusCode).toBe(403);
    expect((await call(app, t.cookies.coordinator, 'POST', `/priorities/rounds/${r.id}/decisions`, { ...decision, decidedOn: '12.10.2023' })).statusCode).toBe(400);
    expect((await call(app, t.cookies.coordinator, 'POST', `/priorities/rounds/${r.id}/decisions`, { ...decision, items: [{ ...items[0], priority: 'D' }] })).statusCode).toBe(400);
    expect((await call(app, t.cookies.coordinator, 'POST', `/priorities/rounds/${r.id}/decisions`, { ...decision, items: [{ ...items[0], measureId: otherMeasureId }] })).statusCode).toBe(400);
    expect((await call(app, other.cookies.coordinator, 'POST', `/priorities/rounds/${r.id}/decisions`, decision)).statusCode).toBe(404);
    // a stale measure version fails the whole decision: nothing recorded, nothing applied
    const stale = await call(app, t.cookies.coordinator, 'POST', `/priorities/rounds/${r.id}/decisions`, { ...decision, items: [items[0], { ...items[1], version: versions[m2] + 3 }] });
    expect(stale.statusCode).toBe(409);
    expect(json(stale).error.code).toBe('version_conflict');
    expect(json(await call(app, t.cookies.reader, 'GET', `/measures/${m1}`))).toMatchObject({ priority: null, version: versions[m1] });
    expect((await getRound(r.id, t.cookies.reader)).decisions).toEqual([]);

    // a measure already in implementation keeps its status; ideas and briefs become "prioritised"
    await app.db.query("UPDATE measure SET status = 'implementation' WHERE id = $1", [m2]);
    const m1Before = json(await call(app, t.cookies.reader, 'GET', `/measures/${m1}`)).status;
    expect(['idea', 'brief']).toContain(m1Before);

    // two managers decide at the same moment on the same versions: one wins, the other gets 409, nothing is half-applied
    const both = await Promise.all([
      call(app, t.cookies.admin, 'POST', `/priorities/rounds/${r.id}/decisions`, decision),
      call(app, t.cookies.coordinator, 'POST', `/priorities/rounds/${r.id}/decisions`, { ...decision, note: 'zweite' }),
    ]);
    expect(both.map((x) => x.statusCode).sort()).toEqual([201, 409]);
    const done = both.find((x) => x.statusCode === 201)!;
    expect(json<ScoringRoundDetail>(done).decisions).toHaveLength(1);
    const d = json<ScoringRoundDetail>(done).decisions[0];
    expect(d.createdByName).toBe(done === both[0] ? 'admin user' : 'coordinator user');
    expect(d).toMatchObject({ body: 'Stadtrat', decidedOn: '2023-10-12', note: done === both[0] ? 'Sondersitzung' : 'zweite' });
    expect(d.items.map((i) => [i.measureId, i.priority, i.computedRank, i.suggestedClass, i.deviation])).toEqual([
      [m1, 'C', 1, 'A', 2],
      [m2, 'B', 2, 'B', 0],
      [m3, 'A', 3, 'C', 2],
    ]);
    expect(d.items[0].computedScore).toBe(100);
    const measure = json(await call(app, t.cookies.reader, 'GET', `/measures/${m1}`));
    expect(measure).toMatchObject({ priority: 'C', horizon: 'long', status: 'prioritised', version: versions[m1] + 1 });
    expect(json(await call(app, t.cookies.reader, 'GET', `/measures/${m2}`))).toMatchObject({ priority: 'B', status: 'implementation' });
    const audit = json(await call(app, t.cookies.reader, 'GET', `/measures/${m1}/audit`));
    expect(audit[0].changes).toMatchObject({ priority: [null, 'C'], horizon: [null, 'long'], status: [m1Before, 'prioritised'], decision: [null, 'Stadtrat, 2023-10-12'] });
    // the same decision again with the old versions is stale now
    expect((await call(app, t.cookies.coordinator, 'POST', `/priorities/rounds/${r.id}/decisions`, decision)).statusCode).toBe(409);
  });

  it('changes only the measures listed in a decision: the rest of the round stays exactly as it was', async () => {
    const mk = async (title: string) => json(await call(app, t.cookies.coordinator, 'POST', '/measures', { title, status: 'brief' })).id as string;
    const [scored1, scored2, unscored1, unscored2] = [await mk('Marktplatz'), await mk('Stadtpark'), await mk('Hallenbad (12 Mio €)'), await mk('Busspur')];
    // one unscored measure is already further along, with a class and horizon from earlier
    await app.db.query("UPDATE measure SET status = 'planning', priority = 'B', horizon = 'long' WHERE id = $1", [unscored2]);
    const r = await createRound({ name: 'Nur die Gerankten', measureIds: [scored1, scored2, unscored1, unscored2] });
    for (const cookie of [t.cookies.department, t.cookies.coordinator]) {
      await call(app, cookie, 'PUT', `/priorities/rounds/${r.id}/scores`, sheet(r, scored1, [5, 5, 4, 4, 5, 5]));
      await call(app, cookie, 'PUT', `/priorities/rounds/${r.id}/scores`, sheet(r, scored2, [3, 3, 3, 3, 3, 3]));
    }
    const revealed = json<ScoringRoundDetail>(await call(app, t.cookies.coordinator, 'POST', `/priorities/rounds/${r.id}/reveal`, { version: r.version }));
    expect(revealed.results!.filter((x) => x.rank == null).map((x) => x.measureId).sort()).toEqual([unscored1, unscored2].sort());
    expect(revealed.measures.find((m) => m.id === unscored2)).toMatchObject({ status: 'planning', priority: 'B', horizon: 'long' });
    const before = Object.fromEntries(await Promise.all([unscored1, unscored2].map(async (id) => [id, json(await call(app, t.cookies.reader, 'GET', `/measures/${id}`))])));
    const version = (id: string) => revealed.measures.find((m) => m.id === id)!.version;
    const res = await call(app, t.cookies.coordinator, 'POST', `/priorities/rounds/${r.id}/decisions`, {
      body: 'Lenkungsgruppe', decidedOn: '2026-11-30', items: [
        { measureId: scored1, priority: 'A', horizon: 'short', version: version(scored1) },
        { measureId: scored2, priority: 'B', horizon: 'medium', version: version(scored2) },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(json<ScoringRoundDetail>(res).decisions[0].items.map((i) => i.measureId)).toEqual([scored1, scored2]);
    for (const id of [unscored1, unscored2]) {
      const after = json(await call(app, t.cookies.reader, 'GET', `/measures/${id}`));
      expect({ status: after.status, priority: after.priority, horizon: after.horizon, version: after.version, updatedAt: after.updatedAt })
        .toEqual({ status: before[id].status, priority: before[id].priority, horizon: before[id].horizon, version: before[id].version, updatedAt: before[id].updatedAt });
      // nothing in their history either
      expect(json(await call(app, t.cookies.reader, 'GET', `/measures/${id}/audit`)).some((a: { changes: Record<string, unknown> }) => 'decision' in a.changes)).toBe(false);
    }
    expect(json(await call(app, t.cookies.reader, 'GET', `/measures/${scored1}`))).toMatchObject({ status: 'prioritised', priority: 'A', horizon: 'short' });
    // an unranked measure can still be decided, explicitly and on its own; its decision item shows no rank
    const explicit = await call(app, t.cookies.coordinator, 'POST', `/priorities/rounds/${r.id}/decisions`, {
      body: 'Stadtrat', decidedOn: '2026-12-10', items: [{ measureId: unscored1, priority: 'C', horizon: 'long', version: before[unscored1].version }],
    });
    expect(explicit.statusCode, explicit.body).toBe(201);
    expect(json<ScoringRoundDetail>(explicit).decisions[0].items[0]).toMatchObject({ measureId: unscored1, priority: 'C', computedRank: null, suggestedClass: null, deviation: 0 });
    expect(json(await call(app, t.cookies.reader, 'GET', `/measures/${unscored2}`))).toMatchObject({ status: 'planning', priority: 'B', horizon: 'long', version: before[unscored2].version });
  });

  it('closes: no more scores or edits; edits use versions; cross-tenant ids are 404', async () => {
    const r = await createRound({ name: 'Zu schließen' });
    expect((await call(app, t.cookies.department, 'PATCH', `/priorities/rounds/${r.id}`, { version: r.version, name: 'X' })).statusCode).toBe(403);
    const renamed = json<ScoringRoundDetail>(await call(app, t.cookies.coordinator, 'PATCH', `/priorities/rounds/${r.id}`, { version: r.version, name: 'Umbenannt', measureIds: measureIds.slice(0, 2), raterIds: [t.userIds.department, t.userIds.reader] }));
    expect(renamed).toMatchObject({ name: 'Umbenannt', version: r.version + 1 });
    expect(renamed.measures).toHaveLength(2);
    expect(renamed.raters.map((x) => x.id).sort()).toEqual([t.userIds.department, t.userIds.reader].sort());
    expect((await call(app, t.cookies.coordinator, 'PATCH', `/priorities/rounds/${r.id}`, { version: r.version, name: 'Y' })).statusCode).toBe(409);
    expect((await call(app, other.cookies.coordinator, 'PATCH', `/priorities/rounds/${r.id}`, { version: renamed.version, name: 'Y' })).statusCode).toBe(404);
    // the coordinator is no rater any more
    expect((await call(app, t.cookies.coordinator, 'PUT', `/priorities/rounds/${r.id}/scores`, sheet(r, measureIds[0], [3, 3, 3, 3, 3, 3]))).statusCode).toBe(403);
    expect((await call(app, t.cookies.department, 'POST', `/priorities/rounds/${r.id}/close`, { version: renamed.version })).statusCode).toBe(403);
    expect((await call(app, other.cookies.admin, 'POST', `/priorities/rounds/${r.id}/close`, { version: renamed.version })).statusCode).toBe(404);
    const closed = json<ScoringRoundDetail>(await call(app, t.cookies.coordinator, 'POST', `/priorities/rounds/${r.id}/close`, { version: renamed.version }));
    expect(closed.status).toBe('closed');
    expect(closed.revealedAt).not.toBeNull();
    expect(closed.results).not.toBeNull();
    const late = await call(app, t.cookies.reader, 'PUT', `/priorities/rounds/${r.id}/scores`, sheet(r, measureIds[0], [3, 3, 3, 3, 3, 3]));
    expect(late.statusCode).toBe(409);
    expect(json(late).error.code).toBe('round_closed');
    expect(json(await call(app, t.cookies.coordinator, 'PATCH', `/priorities/rounds/${r.id}`, { version: closed.version, name: 'Z' })).error.code).toBe('round_closed');
    expect(json(await call(app, t.cookies.coordinator, 'POST', `/priorities/rounds/${r.id}/close`, { version: closed.version })).error.code).toBe('invalid_status');
    expect((await call(app, other.cookies.admin, 'DELETE', `/priorities/rounds/${r.id}?version=${closed.version}`)).statusCode).toBe(404);
    expect((await call(app, t.cookies.department, 'DELETE', `/priorities/rounds/${r.id}?version=${closed.version}`)).statusCode).toBe(403);
    expect((await call(app, t.cookies.coordinator, 'DELETE', `/priorities/rounds/${r.id}?version=1`)).statusCode).toBe(409);
    expect((await call(app, t.cookies.coordinator, 'DELETE', `/priorities/rounds/${r.id}?version=${closed.version}`)).statusCode).toBe(204);
    expect((await call(app, t.cookies.coordinator, 'GET', `/priorities/rounds/${r.id}`)).statusCode).toBe(404);
    expect((await call(app, t.cookies.coordinator, 'GET', '/priorities/rounds/not-a-uuid')).statusCode).toBe(400);
  });

  it('never takes a score after the close, even when both arrive at once', async () => {
    const r = await createRound({ name: 'Gleichzeitig', raterIds: [t.userIds.department] });
    const [closeRes, scoreRes] = await Promise.all([
      call(app, t.cookies.coordinator, 'POST', `/priorities/rounds/${r.id}/close`, { version: r.version }),
      call(app, t.cookies.department, 'PUT', `/priorities/rounds/${r.id}/scores`, sheet(r, measureIds[0], [2, 2, 2, 2, 2, 2])),
    ]);
    expect(closeRes.statusCode).toBe(200);
    expect([200, 409]).toContain(scoreRes.statusCode);
    const [late] = await app.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM priority_score s JOIN scoring_round r ON r.id = s.round_id WHERE s.round_id = $1 AND s.updated_at > r.closed_at`,
      [r.id],
    );
    expect(late.n).toBe(0);
    const after = await getRound(r.id, t.cookies.reader);
    expect(after.scores).toHaveLength(scoreRes.statusCode === 200 ? 6 : 0);
  });

  it('combines the scores with a closed dot-voting round by the chosen weight', async () => {
    const [m1, m2, m3] = measureIds;
    const w = json(await call(app, t.cookies.coordinator, 'POST', '/workshops', { title: 'Führungskräfteworkshop', kind: 'leadership', startsOn: '2026-11-21', groups: [] }));
    const vr = json(await call(app, t.cookies.coordinator, 'POST', `/workshops/${w.id}/rounds`, {
      title: 'Punktabfrage Maßnahmen', subject: 'measures', refIds: [m1, m2, m3], rules: { dotsPerParticipant: 4, allowCumulation: true, maxDotsPerItem: 4 },
    }));
    // an open round is not accepted
    expect((await call(app, t.cookies.coordinator, 'POST', `/rounds/${vr.id}/open`)).statusCode).toBe(200);
    expect(json(await call(app, t.cookies.coordinator, 'POST', '/priorities/rounds', { name: 'x', measureIds, raterIds: [t.userIds.department], dotRoundId: vr.id, dotWeight: 50 })).error.code).toBe('dot_round_invalid');
    // one guest: 4 dots on m3 … a second: 2 on m3, 2 on m2 → m3 6, m2 2, m1 0
    const code = w.joinCode.replace('-', '');
    const itemOf = (mid: string) => vr.items.find((i: { refId: string }) => i.refId === mid).id;
    for (const dots of [[m3, m3, m3, m3], [m3, m3, m2, m2]]) {
      const join = await app.inject({ method: 'POST', url: `/api/v1/join/${code}`, payload: { name: `Gast ${randomUUID().slice(0, 4)}` } });
      const cookie = `rf_device=${join.cookies.find((c) => c.name === 'rf_device')!.value}`;
      for (const mid of dots) {
        const res = await app.inject({ method: 'POST', url: `/api/v1/rounds/${vr.id}/dots`, headers: { cookie }, payload: { itemId: itemOf(mid), dotId: randomUUID() } });
        expect(res.statusCode, res.body).toBe(200);
      }
    }
    expect((await call(app, t.cookies.coordinator, 'POST', `/rounds/${vr.id}/close`)).statusCode).toBe(200);
    const options = json(await call(app, t.cookies.coordinator, 'GET', '/priorities/round-options'));
    expect(options.dotRounds).toContainEqual(expect.objectContaining({ id: vr.id, workshopTitle: 'Führungskräfteworkshop', totalDots: 8 }));
    // the ballot comes along, so the round dialog can say which chosen measures were not voted on
    expect(options.dotRounds.find((d: { id: string }) => d.id === vr.id).measureIds).toEqual([m1, m2, m3].sort());

    const r = await createRound({ name: 'Mit Punkten', raterIds: [t.userIds.department], dotRoundId: vr.id, dotWeight: 50 });
    expect(r.dotRound).toMatchObject({ id: vr.id, title: 'Punktabfrage Maßnahmen' });
    // scores: m1 100, m2 50, m3 0
    await call(app, t.cookies.department, 'PUT', `/priorities/rounds/${r.id}/scores`, sheet(r, m1, [5, 5, 5, 5, 5, 5]));
    await call(app, t.cookies.department, 'PUT', `/priorities/rounds/${r.id}/scores`, sheet(r, m2, [3, 3, 3, 3, 3, 3]));
    await call(app, t.cookies.department, 'PUT', `/priorities/rounds/${r.id}/scores`, sheet(r, m3, [1, 1, 1, 1, 1, 1]));
    const revealed = json<ScoringRoundDetail>(await call(app, t.cookies.coordinator, 'POST', `/priorities/rounds/${r.id}/reveal`, { version: r.version }));
    const res = Object.fromEntries(revealed.results!.map((x) => [x.measureId, x]));
    // dots normalised by the maximum 6: m1 0, m2 33.3, m3 100; combined = 0.5·score + 0.5·dots
    expect(res[m1]).toMatchObject({ dots: 0, dotsNormalised: 0, combined: 50 });
    expect(res[m2].dots).toBe(2);
    expect(res[m2].combined).toBeCloseTo(25 + 50 / 3, 10);
    expect(res[m3]).toMatchObject({ dots: 6, dotsNormalised: 100, combined: 50 });
    // m1 and m3 tie at 50 and share rank 1; m2 (41.7) is third
    expect([res[m1].rankLabel, res[m3].rankLabel, res[m2].rankLabel]).toEqual(['1 (gleichauf)', '1 (gleichauf)', '3']);
  });

  it('combines dots only for the measures on the ballot: one outside keeps its score and is marked', async () => {
    const [m1, m2, m3] = measureIds;
    const w = json(await call(app, t.cookies.coordinator, 'POST', '/workshops', { title: 'Workshop Innenstadt', kind: 'leadership', startsOn: '2026-11-28', groups: [] }));
    // only m1 and m2 are put to the vote; m3 is not on the ballot
    const vr = json(await call(app, t.cookies.coordinator, 'POST', `/workshops/${w.id}/rounds`, {
      title: 'Punkte Innenstadt', subject: 'measures', refIds: [m1, m2], rules: { dotsPerParticipant: 3, allowCumulation: true, maxDotsPerItem: 3 },
    }));
    expect((await call(app, t.cookies.coordinator, 'POST', `/rounds/${vr.id}/open`)).statusCode).toBe(200);
    const join = await app.inject({ method: 'POST', url: `/api/v1/join/${w.joinCode.replace('-', '')}`, payload: { name: 'Gast Innenstadt' } });
    const cookie = `rf_device=${join.cookies.find((c) => c.name === 'rf_device')!.value}`;
    const m1Item = vr.items.find((i: { refId: string }) => i.refId === m1).id;
    for (let i = 0; i < 3; i++) {
      expect((await app.inject({ method: 'POST', url: `/api/v1/rounds/${vr.id}/dots`, headers: { cookie }, payload: { itemId: m1Item, dotId: randomUUID() } })).statusCode).toBe(200);
    }
    expect((await call(app, t.cookies.coordinator, 'POST', `/rounds/${vr.id}/close`)).statusCode).toBe(200);
    const r = await createRound({ name: 'Punkte nur auf dem Stimmzettel', raterIds: [t.userIds.department], dotRoundId: vr.id, dotWeight: 25 });
    // scores: m1 50, m2 100, m3 100
    await call(app, t.cookies.department, 'PUT', `/priorities/rounds/${r.id}/scores`, sheet(r, m1, [3, 3, 3, 3, 3, 3]));
    await call(app, t.cookies.department, 'PUT', `/priorities/rounds/${r.id}/scores`, sheet(r, m2, [5, 5, 5, 5, 5, 5]));
    await call(app, t.cookies.department, 'PUT', `/priorities/rounds/${r.id}/scores`, sheet(r, m3, [5, 5, 5, 5, 5, 5]));
    const revealed = json<ScoringRoundDetail>(await call(app, t.cookies.coordinator, 'POST', `/priorities/rounds/${r.id}/reveal`, { version: r.version }));
    const res = Object.fromEntries(revealed.results!.map((x) => [x.measureId, x]));
    // m1: 0.75 · 50 + 0.25 · 100 = 62.5; m2 on the ballot with 0 dots: 0.75 · 100 = 75 (voted on, so the 0 counts)
    expect(res[m1]).toMatchObject({ onBallot: true, dots: 3, dotsNormalised: 100, combined: 62.5 });
    expect(res[m2]).toMatchObject({ onBallot: true, dots: 0, dotsNormalised: 0, combined: 75 });
    // m3 was never on the ballot: its score alone, not 0.75 · 100
    expect(res[m3]).toMatchObject({ onBallot: false, dots: null, dotsNormalised: null, combined: 100, rank: 1 });
  });
});
