import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { call, createTenant, createTestApp, json, type Tenant } from '../../test/harness';
import type { App } from '../../app';

let app: App;
let close: () => Promise<void>;
let t: Tenant;
let other: Tenant;
beforeAll(async () => {
  ({ app, close } = await createTestApp());
  t = await createTenant(app, 'Partheland');
  other = await createTenant(app, 'Anderswo');
});
afterAll(() => close());

/** A guest's device: its own cookie jar holding rf_device. */
function device() {
  let cookie = '';
  return {
    async req(method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown) {
      const res = await app.inject({ method, url: `/api/v1${url}`, headers: cookie ? { cookie } : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });
      const set = res.cookies.find((c) => c.name === 'rf_device');
      if (set) cookie = `rf_device=${set.value}`;
      return res;
    },
  };
}

async function workshop(groups = [{ name: 'Gruppe Nord' }, { name: 'Gruppe Süd' }]) {
  const res = await call(app, t.cookies.coordinator, 'POST', '/workshops', { title: 'Strategiewerkstatt Partheland', kind: 'strategy', startsOn: '2026-11-21', groups });
  expect(res.statusCode).toBe(201);
  return json(res);
}

async function round(workshopId: string, rules: Record<string, unknown>, options = ['Gemeinsame Verwaltung', 'Bürgerbeteiligung', 'Gemeinsames Marketing (App)', 'ÖPNV', 'Coworking']) {
  const r = json(await call(app, t.cookies.coordinator, 'POST', `/workshops/${workshopId}/rounds`, { title: 'Punktabfrage Ziele', subject: 'options', options, rules }));
  expect((await call(app, t.cookies.coordinator, 'POST', `/rounds/${r.id}/open`)).statusCode).toBe(200);
  return r as { id: string; items: { id: string; label: string }[] };
}

describe('workshops and joining by code', () => {
  it('creates a workshop with groups and a readable join code; a guest joins, and rejoining is the same participant', async () => {
    const w = await workshop();
    expect(w.joinCode).toMatch(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/);
    expect(w.groups.map((g: { name: string }) => g.name)).toEqual(['Gruppe Nord', 'Gruppe Süd']);
    const code = w.joinCode.toLowerCase().replace('-', '');
    const info = json(await call(app, null, 'GET', `/join/${code}`));
    expect(info).toMatchObject({ title: 'Strategiewerkstatt Partheland', municipalityName: 'Partheland' });
    const phone = device();
    const first = json(await phone.req('POST', `/join/${code}`, { name: 'Bürgermeisterin Krause', groupId: w.groups[0].id }));
    const again = json(await phone.req('POST', `/join/${code}`, { name: 'Bgm. Krause' }));
    expect(again.id).toBe(first.id);
    expect(again).toMatchObject({ name: 'Bgm. Krause', groupId: w.groups[0].id });
    const other = json(await device().req('POST', `/join/${code}`, { name: 'Herr Lehmann' }));
    expect(other.id).not.toBe(first.id);
    expect(json(await call(app, t.cookies.reader, 'GET', `/workshops/${w.id}/participants`))).toHaveLength(2);
    expect((await call(app, null, 'GET', '/join/XXXXXX')).statusCode).toBe(404);
    expect((await device().req('GET', `/join/${code}/me`)).statusCode).toBe(401);
  });

  it('enforces roles and tenants on workshop routes', async () => {
    const w = await workshop([]);
    expect((await call(app, null, 'GET', '/workshops')).statusCode).toBe(401);
    expect((await call(app, t.cookies.reader, 'POST', '/workshops', { title: 'x' })).statusCode).toBe(403);
    expect((await call(app, t.cookies.department, 'PATCH', `/workshops/${w.id}`, { version: 1, title: 'x' })).statusCode).toBe(403);
    expect((await call(app, other.cookies.admin, 'GET', `/workshops/${w.id}`)).statusCode).toBe(404);
    expect((await call(app, other.cookies.admin, 'POST', `/workshops/${w.id}/rounds`, { title: 'x', subject: 'options', options: ['a', 'b'] })).statusCode).toBe(404);
    expect((await call(app, t.cookies.coordinator, 'PATCH', `/workshops/${w.id}`, { version: 1, title: 'Neu' })).statusCode).toBe(200);
    expect((await call(app, t.cookies.coordinator, 'PATCH', `/workshops/${w.id}`, { version: 1, title: 'Alt' })).statusCode).toBe(409);
  });

  it('lets a group write a brief on a phone; it becomes a measure with its origin', async () => {
    const districtId = json(await call(app, t.cookies.coordinator, 'POST', '/districts', { name: 'Borsdorf' })).id;
    const w = await workshop([]);
    const g = json(await call(app, t.cookies.coordinator, 'POST', `/workshops/${w.id}/groups`, { name: 'Borsdorf', districtId }));
    const phone = device();
    await phone.req('POST', `/join/${w.joinCode}`, { name: 'Frau Schulz', groupId: g.groups[0].id });
    const res = await phone.req('POST', `/join/${w.joinCode}/briefs`, { title: 'Coworking im alten Bahnhof', need: 'Pendler fahren täglich nach Leipzig.' });
    expect(res.statusCode).toBe(201);
    const m = json(res);
    expect(m).toMatchObject({ status: 'brief', districtIds: [districtId], originWorkshopId: w.id, originGroupId: g.groups[0].id, origin: 'Strategiewerkstatt Partheland, Gruppe Borsdorf' });
    const list = json(await call(app, t.cookies.reader, 'GET', `/workshops/${w.id}/measures`));
    expect(list.map((x: { id: string }) => x.id)).toEqual([m.id]);
    const audit = json(await call(app, t.cookies.reader, 'GET', `/measures/${m.id}/audit`));
    expect(audit[0].actorName).toBe('Frau Schulz (Gast)');
  });
});

describe('dot voting', () => {
  it('keeps the budget and the per-item maximum, counts a retried dot once, and takes dots back', async () => {
    const w = await workshop([]);
    const r = await round(w.id, { dotsPerParticipant: 3, allowCumulation: true, maxDotsPerItem: 2 });
    const phone = device();
    await phone.req('POST', `/join/${w.joinCode}`, { name: 'Rat 1' });
    const [a, b, c] = r.items;
    const dotId = randomUUID();
    const first = json(await phone.req('POST', `/rounds/${r.id}/dots`, { itemId: a.id, dotId }));
    expect(first.remaining).toBe(2);
    expect(first.rulesText.join(' ')).toMatch(/3 Punkte/);
    const retry = json(await phone.req('POST', `/rounds/${r.id}/dots`, { itemId: a.id, dotId }));
    expect(retry.remaining).toBe(2);
    await phone.req('POST', `/rounds/${r.id}/dots`, { itemId: a.id, dotId: randomUUID() });
    const max = await phone.req('POST', `/rounds/${r.id}/dots`, { itemId: a.id, dotId: randomUUID() });
    expect(max.statusCode).toBe(409);
    expect(json(max).error.code).toBe('item_max_reached');
    await phone.req('POST', `/rounds/${r.id}/dots`, { itemId: b.id, dotId: randomUUID() });
    const none = await phone.req('POST', `/rounds/${r.id}/dots`, { itemId: c.id, dotId: randomUUID() });
    expect(json(none).error.code).toBe('no_dots_left');
    const back = json(await phone.req('DELETE', `/rounds/${r.id}/dots`, { itemId: a.id }));
    expect(back).toMatchObject({ remaining: 1, myDots: { [a.id]: 1, [b.id]: 1 } });
    expect(json(await phone.req('DELETE', `/rounds/${r.id}/dots`, { itemId: c.id })).error.code).toBe('no_dot_on_item');
    expect((await device().req('POST', `/rounds/${r.id}/dots`, { itemId: a.id, dotId: randomUUID() })).statusCode).toBe(401);
  });

  it('holds the budget under hundreds of parallel votes from one participant', async () => {
    const w = await workshop([]);
    const r = await round(w.id, { dotsPerParticipant: 5, allowCumulation: true, maxDotsPerItem: 3 });
    const phone = device();
    await phone.req('POST', `/join/${w.joinCode}`, { name: 'Eilige Person' });
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => phone.req('POST', `/rounds/${r.id}/dots`, { itemId: r.items[i % 2].id, dotId: randomUUID() })));
    const accepted = results.filter((x) => x.statusCode === 200).length;
    expect(accepted).toBe(5);
    expect(results.every((x) => x.statusCode === 200 || x.statusCode === 409)).toBe(true);
    const tally = json(await call(app, t.cookies.coordinator, 'GET', `/rounds/${r.id}/results`));
    expect(tally.totalDots).toBe(5);
    expect(tally.rows.filter((x: { dots: number }) => x.dots > 0).every((x: { dots: number }) => x.dots <= 3)).toBe(true);
  });

  it('counts parallel votes of many participants exactly, with every request sent twice', async () => {
    const w = await workshop([]);
    const r = await round(w.id, { dotsPerParticipant: 3, allowCumulation: false });
    const phones = Array.from({ length: 40 }, () => device());
    for (const [i, p] of phones.entries()) await p.req('POST', `/join/${w.joinCode}`, { name: `Rat ${i + 1}` });
    const sent: Promise<{ statusCode: number }>[] = [];
    const expected = new Map<string, number>();
    phones.forEach((p, i) => {
      for (let k = 0; k < 3; k++) {
        const item = r.items[(i + k) % r.items.length];
        expected.set(item.id, (expected.get(item.id) ?? 0) + 1);
        const dotId = randomUUID();
        sent.push(p.req('POST', `/rounds/${r.id}/dots`, { itemId: item.id, dotId }), p.req('POST', `/rounds/${r.id}/dots`, { itemId: item.id, dotId }));
      }
    });
    const res = await Promise.all(sent);
    expect(res.filter((x) => x.statusCode !== 200)).toEqual([]);
    const tally = json(await call(app, t.cookies.coordinator, 'GET', `/rounds/${r.id}/results`));
    expect(tally.totalDots).toBe(120);
    expect(tally.voters).toBe(40);
    for (const row of tally.rows) expect(row.dots).toBe(expected.get(row.itemId) ?? 0);
  });

  it('rejects votes once the round is closed, keeps the result and writes dots and rank back to the briefs', async () => {
    const w = await workshop([]);
    const phone = device();
    await phone.req('POST', `/join/${w.joinCode}`, { name: 'Schreiberin' });
    const briefs = [];
    for (const title of ['Radweg Parthe', 'Dorfladen', 'Jugendclub']) briefs.push(json(await phone.req('POST', `/join/${w.joinCode}/briefs`, { title })));
    const r = json(await call(app, t.cookies.coordinator, 'POST', `/workshops/${w.id}/rounds`, { title: 'Welche Projekte zuerst?', subject: 'measures', rules: { dotsPerParticipant: 2, topN: 1, resultsVisibility: 'after_close' } }));
    expect(r.items).toHaveLength(3);
    await call(app, t.cookies.coordinator, 'POST', `/rounds/${r.id}/open`);
    await phone.req('POST', `/rounds/${r.id}/dots`, { itemId: r.items[1].id, dotId: randomUUID() });
    const hidden = json(await phone.req('GET', `/join/${w.joinCode}/me`)).rounds[0].results;
    expect(hidden).toMatchObject({ visible: false, rows: [], voters: 1 });
    await call(app, t.cookies.coordinator, 'POST', `/rounds/${r.id}/close`);
    const late = await phone.req('POST', `/rounds/${r.id}/dots`, { itemId: r.items[0].id, dotId: randomUUID() });
    expect(late.statusCode).toBe(409);
    expect(json(late).error.code).toBe('round_closed');
    const m = json(await call(app, t.cookies.reader, 'GET', `/measures/${r.items[1].refId}`));
    expect(m).toMatchObject({ dots: 1, dotRank: 1 });
    const shown = json(await phone.req('GET', `/join/${w.joinCode}/me`)).rounds[0].results;
    expect(shown).toMatchObject({ visible: true, totalDots: 1, selectedItemIds: [r.items[1].id] });
  });

  it('flags a tie at the Top-N cut and settles it by run-off or by a recorded decision', async () => {
    const w = await workshop([]);
    const r = await round(w.id, { dotsPerParticipant: 1, topN: 1 }, ['A', 'B', 'C']);
    for (const [i, item] of [0, 1].entries()) {
      const p = device();
      await p.req('POST', `/join/${w.joinCode}`, { name: `P${i}` });
      await p.req('POST', `/rounds/${r.id}/dots`, { itemId: r.items[item].id, dotId: randomUUID() });
    }
    await call(app, t.cookies.coordinator, 'POST', `/rounds/${r.id}/close`);
    const res = json(await call(app, t.cookies.coordinator, 'GET', `/rounds/${r.id}/results`));
    expect(res.rows.map((x: { rankLabel: string }) => x.rankLabel)).toEqual(['1 (gleichauf)', '1 (gleichauf)', '3']);
    expect(res.cutTie).toMatchObject({ seatsLeft: 1, candidateItemIds: [r.items[0].id, r.items[1].id] });
    const bad = await call(app, t.cookies.coordinator, 'POST', `/rounds/${r.id}/decision`, { chosenItemIds: [r.items[2].id], reason: 'weil' });
    expect(bad.statusCode).toBe(400);
    const runoff = json(await call(app, t.cookies.coordinator, 'POST', `/rounds/${r.id}/runoff`));
    expect(runoff.items.map((i: { label: string }) => i.label)).toEqual(['A', 'B']);
    expect(runoff.rules.topN).toBe(1);
    const decided = json(await call(app, t.cookies.coordinator, 'POST', `/rounds/${r.id}/decision`, { chosenItemIds: [r.items[1].id], reason: 'B ist schneller umsetzbar.' }));
    expect(decided).toMatchObject({ cutTie: null, selectedItemIds: [r.items[1].id], decision: { reason: 'B ist schneller umsetzbar.', by: 'coordinator user' } });
  });

  it('closes a round with a timer by itself', async () => {
    const w = await workshop([]);
    const r = await round(w.id, { timerSeconds: 10 });
    await app.db.query(`UPDATE vote_round SET closes_at = now() - interval '1 second' WHERE id = $1`, [r.id]);
    const { closeDueRounds } = await import('./rounds.service');
    expect(await closeDueRounds(app.db)).toBeGreaterThanOrEqual(1);
    expect(json(await call(app, t.cookies.reader, 'GET', `/rounds/${r.id}`)).status).toBe('closed');
  });
});

describe('live results over Server-Sent Events', () => {
  it('pushes the current snapshot on connect and a new one after each dot', async () => {
    const w = await workshop([]);
    const r = await round(w.id, {});
    const phone = device();
    await phone.req('POST', `/join/${w.joinCode}`, { name: 'Live' });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const ctrl = new AbortController();
    const res = await fetch(`${address}/api/v1/rounds/${r.id}/events`, { headers: { cookie: t.cookies.coordinator }, signal: ctrl.signal });
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = res.body!.getReader();
    const snapshots: { totalDots: number }[] = [];
    let buffer = '';
    const next = async () => {
      for (;;) {
        const idx = buffer.indexOf('\n\n');
        if (idx >= 0) {
          const block = buffer.slice(0, idx);
          buffer = buffer.slice(idx + 2);
          const data = block.split('\n').find((l) => l.startsWith('data: '));
          if (block.includes('event: results') && data) return JSON.parse(data.slice(6));
          continue;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended');
        buffer += new TextDecoder().decode(value);
      }
    };
    snapshots.push(await next());
    await phone.req('POST', `/rounds/${r.id}/dots`, { itemId: r.items[0].id, dotId: randomUUID() });
    // A change notified before this stream connected (the join) may still arrive, as one more
    // snapshot without the dot; what matters is that the dot's snapshot follows and nothing overshoots.
    do snapshots.push(await next());
    while (snapshots.at(-1)!.totalDots === 0 && snapshots.length < 5);
    ctrl.abort();
    expect(snapshots[0].totalDots).toBe(0);
    expect(snapshots.at(-1)!.totalDots).toBe(1);
    expect(snapshots.slice(0, -1).every((s) => s.totalDots === 0)).toBe(true);
  });
});
