import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { call, createTenant, createTestApp, json, type Tenant } from '../../test/harness';
import type { App } from '../../app';

let app: App;
let close: () => Promise<void>;
let t: Tenant;
let other: Tenant;
/** 43 briefs of the municipality, created in the measure list (outside any workshop), in number order */
let briefs: { id: string; number: number; title: string }[] = [];
beforeAll(async () => {
  ({ app, close } = await createTestApp());
  t = await createTenant(app, 'Musterstadt');
  other = await createTenant(app, 'Anderswo');
  for (let i = 1; i <= 43; i++) {
    const res = await call(app, t.cookies.coordinator, 'POST', '/measures', { title: `Steckbrief ${i} aus dem Führungskräfteworkshop`, status: 'brief' });
    expect(res.statusCode).toBe(201);
    briefs.push(json(res));
  }
  briefs = briefs.sort((a, b) => a.number - b.number);
});
afterAll(() => close());

const workshop = async (title: string) => json(await call(app, t.cookies.coordinator, 'POST', '/workshops', { title, kind: 'leadership' }));

async function guest(code: string, name: string) {
  const join = await app.inject({ method: 'POST', url: `/api/v1/join/${code}`, payload: { name } });
  expect(join.statusCode).toBe(200);
  const cookie = `rf_device=${join.cookies.find((c) => c.name === 'rf_device')!.value}`;
  return (method: 'GET' | 'POST', url: string, payload?: object) => app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload ? { payload } : {}) });
}

describe('a round over existing briefs of the municipality', () => {
  it('takes all 43 briefs written outside the workshop; twelve guests place 3 dots each; the result ranks them and is written back', async () => {
    const w = await workshop('Führungskräfteworkshop 2026');
    const res = await call(app, t.cookies.coordinator, 'POST', `/workshops/${w.id}/rounds`, {
      title: 'Welche Steckbriefe zuerst?', subject: 'measures', refIds: briefs.map((b) => b.id), rules: { dotsPerParticipant: 3, topN: 10 },
    });
    expect(res.statusCode).toBe(201);
    const r = json(res);
    expect(r.items).toHaveLength(43);
    expect(r.items.map((i: { refId: string }) => i.refId)).toEqual(briefs.map((b) => b.id));
    expect(r.items[0].label).toBe(`Nr. ${briefs[0].number}: ${briefs[0].title}`);
    await call(app, t.cookies.coordinator, 'POST', `/rounds/${r.id}/open`);

    // guest g puts its dots on items g, g+1, g+2: the items 2..11 get three dots, 0 and 12 fewer, the rest none
    for (let g = 0; g < 12; g++) {
      const phone = await guest(w.joinCode, `Führungskraft ${g + 1}`);
      const me = json(await phone('GET', `/join/${w.joinCode}/me`));
      expect(me.rounds[0].round.items).toHaveLength(43);
      for (let k = 0; k < 3; k++) {
        const dot = await phone('POST', `/rounds/${r.id}/dots`, { itemId: r.items[(g + k) % 43].id, dotId: randomUUID() });
        expect(dot.statusCode).toBe(200);
      }
    }
    await call(app, t.cookies.coordinator, 'POST', `/rounds/${r.id}/close`);
    const result = json(await call(app, t.cookies.coordinator, 'GET', `/rounds/${r.id}/results`));
    expect(result).toMatchObject({ totalDots: 36, voters: 12, cutTie: null });
    expect(result.rows.slice(0, 10).map((x: { dots: number }) => x.dots)).toEqual(Array(10).fill(3));
    expect([...result.selectedItemIds].sort()).toEqual(r.items.slice(2, 12).map((i: { id: string }) => i.id).sort());
    expect(result.rows.filter((x: { dots: number }) => x.dots === 0)).toHaveLength(43 - 14);
    const top = json(await call(app, t.cookies.reader, 'GET', `/measures/${briefs[5].id}`));
    expect(top).toMatchObject({ dots: 3, dotRank: 1 });
    const untouched = json(await call(app, t.cookies.reader, 'GET', `/measures/${briefs[40].id}`));
    expect(untouched).toMatchObject({ dots: 0 });
  });

  it('mixes briefs of other workshops with the municipality\'s own and keeps the chosen order by number', async () => {
    const elsewhere = await workshop('Bürgerwerkstatt Nord');
    const phone = await guest(elsewhere.joinCode, 'Schreiberin');
    const written = json(await phone('POST', `/join/${elsewhere.joinCode}/briefs`, { title: 'Jugendtreff am Markt' }));
    const w = await workshop('Lenkungsrunde');
    const r = json(await call(app, t.cookies.coordinator, 'POST', `/workshops/${w.id}/rounds`, {
      title: 'Auswahl', subject: 'measures', refIds: [written.id, briefs[3].id, briefs[1].id],
    }));
    expect(r.items.map((i: { refId: string }) => i.refId)).toEqual([briefs[1].id, briefs[3].id, written.id]);
  });

  it('refuses more than 200 items, another municipality\'s brief and an unknown id with a clear 400', async () => {
    const w = await workshop('Grenzen');
    const tooMany = await call(app, t.cookies.coordinator, 'POST', `/workshops/${w.id}/rounds`, {
      title: 'Zu viel', subject: 'measures', refIds: Array.from({ length: 201 }, () => randomUUID()),
    });
    expect(tooMany.statusCode).toBe(400);
    expect(json(tooMany).error.details[0]).toMatchObject({ path: ['refIds'], message: expect.stringMatching(/höchstens 200/i) });

    const foreign = json(await call(app, other.cookies.coordinator, 'POST', '/measures', { title: 'Fremder Steckbrief' }));
    const mixed = await call(app, t.cookies.coordinator, 'POST', `/workshops/${w.id}/rounds`, {
      title: 'Fremd', subject: 'measures', refIds: [briefs[0].id, briefs[1].id, foreign.id, randomUUID()],
    });
    expect(mixed.statusCode).toBe(400);
    expect(json(mixed).error.message).toMatch(/2 der gewählten Steckbriefe/);
    expect(json(mixed).error.details[0].path).toEqual(['refIds']);

    const one = await call(app, t.cookies.coordinator, 'POST', `/workshops/${w.id}/rounds`, { title: 'Einer', subject: 'measures', refIds: [briefs[0].id, briefs[0].id] });
    expect(one.statusCode).toBe(400);
  });
});
