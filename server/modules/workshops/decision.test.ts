import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { call, createTenant, createTestApp, json, type Tenant } from '../../test/harness';
import type { App } from '../../app';

let app: App;
let close: () => Promise<void>;
let t: Tenant;
beforeAll(async () => {
  ({ app, close } = await createTestApp());
  t = await createTenant(app, 'Partheland');
});
afterAll(() => close());

type AuditRow = { action: string; changes: Record<string, [unknown, unknown]> };
const audit = async (entityType: string, id: string): Promise<AuditRow[]> =>
  json(await call(app, t.cookies.coordinator, 'GET', `/audit?entityType=${entityType}&entityId=${id}`));

/** A closed round over A, B, C with Top 1 and one dot each on A and B: a tie at the cut. */
async function tiedRound() {
  const w = json(await call(app, t.cookies.coordinator, 'POST', '/workshops', { title: 'Strategiewerkstatt', kind: 'strategy' }));
  const r = json(await call(app, t.cookies.coordinator, 'POST', `/workshops/${w.id}/rounds`, { title: 'Welches Ziel zuerst?', subject: 'options', options: ['A', 'B', 'C'], rules: { dotsPerParticipant: 1, topN: 1 } }));
  await call(app, t.cookies.coordinator, 'POST', `/rounds/${r.id}/open`);
  for (const [i, item] of [r.items[0], r.items[1]].entries()) {
    const join = await app.inject({ method: 'POST', url: `/api/v1/join/${w.joinCode}`, payload: { name: `Gast ${i}` } });
    const cookie = `rf_device=${join.cookies.find((c) => c.name === 'rf_device')!.value}`;
    await app.inject({ method: 'POST', url: `/api/v1/rounds/${r.id}/dots`, headers: { cookie }, payload: { itemId: item.id, dotId: randomUUID() } });
  }
  await call(app, t.cookies.coordinator, 'POST', `/rounds/${r.id}/close`);
  return r as { id: string; items: { id: string; label: string }[] };
}

describe('a recorded tie decision is final unless revised with a reason', () => {
  it('refuses a second decision with 409 and keeps the first one', async () => {
    const r = await tiedRound();
    const [a, b] = r.items;
    const first = await call(app, t.cookies.coordinator, 'POST', `/rounds/${r.id}/decision`, { chosenItemIds: [b.id], reason: 'B ist schneller umsetzbar.' });
    expect(first.statusCode).toBe(200);
    const second = await call(app, t.cookies.coordinator, 'POST', `/rounds/${r.id}/decision`, { chosenItemIds: [a.id], reason: 'Doch lieber A.' });
    expect(second.statusCode).toBe(409);
    expect(json(second).error.code).toBe('decision_already_recorded');
    const res = json(await call(app, t.cookies.coordinator, 'GET', `/rounds/${r.id}/results`));
    expect(res).toMatchObject({ selectedItemIds: [b.id], decision: { chosenItemIds: [b.id], reason: 'B ist schneller umsetzbar.' } });
    // the refused attempt leaves no trace in the audit trail
    const decisions = (await audit('voteRound', r.id)).filter((e) => 'decision' in e.changes);
    expect(decisions).toHaveLength(1);
    expect(decisions[0].changes.decision[0]).toBeNull();
  });

  it('takes an explicit revision with a reason; the audit trail and the round keep both decisions', async () => {
    const r = await tiedRound();
    const [a, b] = r.items;
    await call(app, t.cookies.coordinator, 'POST', `/rounds/${r.id}/decision`, { chosenItemIds: [b.id], reason: 'B ist schneller umsetzbar.' });
    const noReason = await call(app, t.cookies.coordinator, 'POST', `/rounds/${r.id}/decision`, { chosenItemIds: [a.id], reason: 'A hat Vorrang.', revise: true });
    expect(noReason.statusCode).toBe(400);
    expect(json(noReason).error.details[0].path).toEqual(['revisionReason']);
    const revised = await call(app, t.cookies.coordinator, 'POST', `/rounds/${r.id}/decision`, {
      chosenItemIds: [a.id], reason: 'A hat Vorrang.', revise: true, revisionReason: 'Der Fördermittelbescheid für B kam erst nach der Sitzung.',
    });
    expect(revised.statusCode).toBe(200);
    expect(json(revised)).toMatchObject({ selectedItemIds: [a.id], decision: { chosenItemIds: [a.id], reason: 'A hat Vorrang.', revisionReason: 'Der Fördermittelbescheid für B kam erst nach der Sitzung.' } });

    const entries = (await audit('voteRound', r.id)).filter((e) => 'decision' in e.changes).reverse();
    expect(entries).toHaveLength(2);
    const [before, after] = entries[1].changes.decision as [{ chosenItemIds: string[]; reason: string }, { chosenItemIds: string[] }];
    expect(before).toMatchObject({ chosenItemIds: [b.id], reason: 'B ist schneller umsetzbar.', by: 'coordinator user' });
    expect(after).toMatchObject({ chosenItemIds: [a.id] });
    expect(entries[1].changes.revisionReason).toEqual([null, 'Der Fördermittelbescheid für B kam erst nach der Sitzung.']);

    const round = json(await call(app, t.cookies.reader, 'GET', `/rounds/${r.id}`));
    expect(round.decisionHistory.map((d: { chosenItemIds: string[] }) => d.chosenItemIds)).toEqual([[b.id], [a.id]]);
    expect(round.decisionHistory[1].revisionReason).toBe('Der Fördermittelbescheid für B kam erst nach der Sitzung.');
  });

  it('refuses a revision when nothing was decided yet, and a decision on a round without a tie', async () => {
    const r = await tiedRound();
    const res = await call(app, t.cookies.coordinator, 'POST', `/rounds/${r.id}/decision`, { chosenItemIds: [r.items[0].id], reason: 'x', revise: true, revisionReason: 'y' });
    expect(res.statusCode).toBe(409);
    expect(json(res).error.code).toBe('no_decision_recorded');
    expect((await call(app, t.cookies.department, 'POST', `/rounds/${r.id}/decision`, { chosenItemIds: [r.items[0].id], reason: 'x' })).statusCode).toBe(403);
  });

  it('answers parallel first decisions with one 200 and one 409', async () => {
    const r = await tiedRound();
    const [a, b] = r.items;
    const both = await Promise.all([a, b].map((x) => call(app, t.cookies.coordinator, 'POST', `/rounds/${r.id}/decision`, { chosenItemIds: [x.id], reason: `Für ${x.label}` })));
    expect(both.map((x) => x.statusCode).sort()).toEqual([200, 409]);
  });
});

describe('the other audit writes of the workshops module record the real before value', () => {
  it('a renamed or deleted group keeps its old name and district in the audit trail', async () => {
    const north = json(await call(app, t.cookies.coordinator, 'POST', '/districts', { name: 'Nord' })).id;
    const w = json(await call(app, t.cookies.coordinator, 'POST', '/workshops', { title: 'Gruppenarbeit', groups: [{ name: 'Gruppe 1', districtId: north }] }));
    const g = w.groups[0];
    await call(app, t.cookies.coordinator, 'PATCH', `/workshops/${w.id}/groups/${g.id}`, { name: 'Gruppe Nord', districtId: null });
    await call(app, t.cookies.coordinator, 'DELETE', `/workshops/${w.id}/groups/${g.id}`);
    const [deleted, renamed] = await audit('workshop', w.id);
    expect(renamed.changes).toMatchObject({ group: [{ name: 'Gruppe 1', districtId: north }, { name: 'Gruppe Nord', districtId: null }] });
    expect(deleted.changes).toMatchObject({ group: [{ name: 'Gruppe Nord', districtId: null }, null] });
  });

  it('a draft round\'s changed rules and its deletion are in the audit trail with before and after', async () => {
    const w = json(await call(app, t.cookies.coordinator, 'POST', '/workshops', { title: 'Regeln' }));
    const r = json(await call(app, t.cookies.coordinator, 'POST', `/workshops/${w.id}/rounds`, { title: 'Runde', subject: 'options', options: ['A', 'B'] }));
    await call(app, t.cookies.coordinator, 'PATCH', `/rounds/${r.id}`, { version: r.version, title: 'Runde 1', rules: { dotsPerParticipant: 5 } });
    await call(app, t.cookies.coordinator, 'DELETE', `/rounds/${r.id}`);
    const [deleted, updated] = await audit('voteRound', r.id);
    expect(updated.changes).toMatchObject({ title: ['Runde', 'Runde 1'] });
    expect((updated.changes.rules as [{ dotsPerParticipant: number }, { dotsPerParticipant: number }]).map((x) => x.dotsPerParticipant)).toEqual([3, 5]);
    expect(deleted.action).toBe('delete');
    expect(deleted.changes.title).toEqual(['Runde 1', null]);
  });
});
