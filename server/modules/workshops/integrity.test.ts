import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { call, createTenant, createTestApp, json, type Tenant } from '../../test/harness';
import type { App } from '../../app';

/**
 * Issue 14, "Workshop integrity" and the event stream's 403/404: a finished workshop admitted guests and
 * dots, joining had no limit (one person, many budgets by clearing cookies), there was no way to admit
 * only named people, and the event stream told another municipality's round (403) from a random id (404).
 */
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

/** A phone: its own cookie jar (rf_device) and, optionally, its own network address. */
function device(remoteAddress = '127.0.0.1') {
  let cookie = '';
  return {
    async req(method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown) {
      const res = await app.inject({
        method, url: `/api/v1${url}`, remoteAddress, headers: cookie ? { cookie } : {}, ...(payload !== undefined ? { payload: payload as object } : {}),
      });
      const set = res.cookies.find((c) => c.name === 'rf_device');
      if (set) cookie = `rf_device=${set.value}`;
      return res;
    },
  };
}

async function workshop(extra: Record<string, unknown> = {}) {
  const res = await call(app, t.cookies.coordinator, 'POST', '/workshops', { title: 'Strategiewerkstatt', status: 'running', ...extra });
  expect(res.statusCode).toBe(201);
  return json(res) as { id: string; joinCode: string; version: number; admission: string };
}

async function openRound(workshopId: string, dots = 3) {
  const r = json(await call(app, t.cookies.coordinator, 'POST', `/workshops/${workshopId}/rounds`, {
    title: 'Punktabfrage', subject: 'options', options: ['ÖPNV', 'Coworking', 'Marketing'], rules: { dotsPerParticipant: dots, allowCumulation: true, maxDotsPerItem: dots },
  }));
  expect((await call(app, t.cookies.coordinator, 'POST', `/rounds/${r.id}/open`)).statusCode).toBe(200);
  return r as { id: string; items: { id: string }[] };
}

const dot = (phone: ReturnType<typeof device>, roundId: string, itemId: string) => phone.req('POST', `/rounds/${roundId}/dots`, { itemId, dotId: randomUUID() });

describe('a finished workshop', () => {
  it('refuses new guests and dots with 409, and says so on the join page', async () => {
    const w = await workshop();
    const r = await openRound(w.id);
    const early = device();
    expect((await early.req('POST', `/join/${w.joinCode}`, { name: 'Frau Früh' })).statusCode).toBe(200);
    expect((await dot(early, r.id, r.items[0].id)).statusCode).toBe(200);

    expect((await call(app, t.cookies.coordinator, 'PATCH', `/workshops/${w.id}`, { version: w.version, status: 'done' })).statusCode).toBe(200);
    expect(json(await call(app, null, 'GET', `/join/${w.joinCode}`))).toMatchObject({ ended: true });

    const late = await device().req('POST', `/join/${w.joinCode}`, { name: 'Herr Spät' });
    expect(late.statusCode).toBe(409);
    expect(json(late).error).toMatchObject({ code: 'workshop_ended' });
    expect(json(late).error.message).toMatch(/beendet/);
    // The round was left open by mistake: still no dot once the workshop is over, and none taken back.
    const more = await dot(early, r.id, r.items[1].id);
    expect(more.statusCode).toBe(409);
    expect(json(more).error.code).toBe('workshop_ended');
    expect((await early.req('DELETE', `/rounds/${r.id}/dots`, { itemId: r.items[0].id })).statusCode).toBe(409);
    expect((await early.req('POST', `/join/${w.joinCode}/briefs`, { title: 'Noch eine Idee' })).statusCode).toBe(409);
    expect(json(await call(app, t.cookies.coordinator, 'GET', `/rounds/${r.id}/results`)).totalDots).toBe(1);
    // What happened stays visible to those who took part.
    expect((await early.req('GET', `/join/${w.joinCode}/me`)).statusCode).toBe(200);
  });
});

describe('joining is limited per client', () => {
  it('admits 60 new participants per address in 10 minutes, then answers 429; rejoining and other addresses still work', async () => {
    const w = await workshop();
    const phones = Array.from({ length: 60 }, () => device('203.0.113.7'));
    for (const [i, p] of phones.entries()) expect((await p.req('POST', `/join/${w.joinCode}`, { name: `Gast ${i}` })).statusCode).toBe(200);

    const cleared = await device('203.0.113.7').req('POST', `/join/${w.joinCode}`, { name: 'Gast ohne Cookie' });
    expect(cleared.statusCode).toBe(429);
    expect(json(cleared).error.code).toBe('join_limited');
    expect(json(cleared).error.message).toMatch(/Minuten/);
    // The same device again is no new budget: allowed.
    expect((await phones[0].req('POST', `/join/${w.joinCode}`, { name: 'Gast 0' })).statusCode).toBe(200);
    // X-Forwarded-For is not trusted: a rotating header does not make a new client.
    const spoofed = await app.inject({ method: 'POST', url: `/api/v1/join/${w.joinCode}`, remoteAddress: '203.0.113.7', headers: { 'x-forwarded-for': '198.51.100.1' }, payload: { name: 'Trick' } });
    expect(spoofed.statusCode).toBe(429);
    expect((await device('203.0.113.8').req('POST', `/join/${w.joinCode}`, { name: 'Nachbar' })).statusCode).toBe(200);
    expect(json(await call(app, t.cookies.coordinator, 'GET', `/workshops/${w.id}/participants`))).toHaveLength(61);
  });
});

describe('named participants', () => {
  it('gives each named person a personal code: one budget however many devices, and the workshop code admits no one else', async () => {
    const w = await workshop({ admission: 'named' });
    expect(w.admission).toBe('named');
    const c = t.cookies.coordinator;
    const a = await call(app, c, 'POST', `/workshops/${w.id}/participants`, { name: 'Frau Albrecht' });
    expect(a.statusCode).toBe(201);
    expect((await call(app, c, 'POST', `/workshops/${w.id}/participants`, { name: 'Herr Bauer' })).statusCode).toBe(201);
    expect((await call(app, c, 'POST', `/workshops/${w.id}/participants`, { userId: t.userIds.reader })).statusCode).toBe(201);
    expect((await call(app, c, 'POST', `/workshops/${w.id}/participants`, {})).statusCode).toBe(400);

    const codes = json(await call(app, c, 'GET', `/workshops/${w.id}/codes`)) as { participantId: string; name: string; code: string; url: string }[];
    expect(codes).toHaveLength(3);
    const albrecht = codes.find((x) => x.participantId === json(a).id)!;
    expect(albrecht.code).toMatch(/^[A-Z0-9]{5}-[A-Z0-9]{5}$/);
    expect(albrecht.url).toContain(`/join/${albrecht.code}`);
    expect(new Set(codes.map((x) => x.code)).size).toBe(3);
    expect((await call(app, t.cookies.reader, 'GET', `/workshops/${w.id}/codes`)).statusCode).toBe(403);
    expect((await call(app, other.cookies.admin, 'GET', `/workshops/${w.id}/codes`)).statusCode).toBe(404);
    const qr = await call(app, c, 'GET', `/workshops/${w.id}/participants/${albrecht.participantId}/qr.svg`);
    expect(qr.statusCode).toBe(200);
    expect(qr.headers['content-type']).toContain('image/svg+xml');

    // Open joining by the workshop code is refused.
    const stranger = await device().req('POST', `/join/${w.joinCode}`, { name: 'Unbekannt' });
    expect(stranger.statusCode).toBe(403);
    expect(json(stranger).error.code).toBe('named_only');
    expect(json(await call(app, null, 'GET', `/join/${w.joinCode}`))).toMatchObject({ named: true, personalName: null });

    // The personal code shows whose it is, and two devices with it are one participant with one budget.
    const personal = albrecht.code.toLowerCase().replace('-', '');
    expect(json(await call(app, null, 'GET', `/join/${personal}`))).toMatchObject({ title: 'Strategiewerkstatt', personalName: 'Frau Albrecht' });
    const phone = device('192.0.2.10');
    const tablet = device('192.0.2.11');
    const p1 = json(await phone.req('POST', `/join/${personal}`, { name: 'Irgendwer' }));
    const p2 = json(await tablet.req('POST', `/join/${albrecht.code}`, { name: 'Jemand anderes' }));
    expect(p1).toMatchObject({ id: albrecht.participantId, name: 'Frau Albrecht' });
    expect(p2.id).toBe(albrecht.participantId);
    expect(json(await tablet.req('GET', `/join/${personal}/me`)).participant.id).toBe(albrecht.participantId);

    const r = await openRound(w.id, 3);
    expect((await dot(phone, r.id, r.items[0].id)).statusCode).toBe(200);
    expect((await dot(tablet, r.id, r.items[1].id)).statusCode).toBe(200);
    expect((await dot(phone, r.id, r.items[2].id)).statusCode).toBe(200);
    const fourth = await dot(tablet, r.id, r.items[0].id);
    expect(fourth.statusCode).toBe(409);
    const res = json(await call(app, c, 'GET', `/rounds/${r.id}/results`));
    expect(res).toMatchObject({ totalDots: 3, voters: 1, eligible: 3 });
    expect(json(await call(app, c, 'GET', `/workshops/${w.id}/participants`))).toHaveLength(3);
    // A wrong personal code finds nothing.
    expect((await device().req('GET', '/join/AAAAAAAAAA')).statusCode).toBe(404);

    // A lost slip: a new code; the old one and the devices that used it are out, the dots stay hers.
    expect((await call(app, t.cookies.reader, 'POST', `/workshops/${w.id}/participants/${albrecht.participantId}/code`)).statusCode).toBe(403);
    const renewed = await call(app, c, 'POST', `/workshops/${w.id}/participants/${albrecht.participantId}/code`);
    expect(renewed.statusCode).toBe(200);
    const fresh = json(renewed).code as string;
    expect(fresh).not.toBe(albrecht.code);
    expect((await device().req('GET', `/join/${albrecht.code}`)).statusCode).toBe(404);
    expect((await phone.req('GET', `/join/${fresh}/me`)).statusCode).toBe(401);
    const again = device();
    expect(json(await again.req('POST', `/join/${fresh}`, { name: 'x' })).id).toBe(albrecht.participantId);
    expect(json(await again.req('GET', `/join/${fresh}/me`)).rounds[0].remaining).toBe(0);
  });

  it('refuses switching to named participants while guests who joined by the workshop code are listed', async () => {
    const w = await workshop();
    expect((await device().req('POST', `/join/${w.joinCode}`, { name: 'Gast' })).statusCode).toBe(200);
    const res = await call(app, t.cookies.coordinator, 'PATCH', `/workshops/${w.id}`, { version: w.version, admission: 'named' });
    expect(res.statusCode).toBe(409);
    expect(json(res).error.message).toMatch(/Gäste/);
  });
});

describe('the event stream and results of a round', () => {
  it('answer 404 for another municipality’s round exactly as for an id that does not exist', async () => {
    const w = await workshop();
    const r = await openRound(w.id);
    for (const path of [`/rounds/${r.id}/events`, `/rounds/${r.id}/results`]) {
      const foreign = await call(app, other.cookies.admin, 'GET', path);
      const anonymous = await call(app, null, 'GET', path);
      const random = await call(app, other.cookies.admin, 'GET', path.replace(r.id, randomUUID()));
      expect([foreign.statusCode, anonymous.statusCode, random.statusCode]).toEqual([404, 404, 404]);
      const { code, message } = json(random).error;
      expect(json(foreign).error).toMatchObject({ code, message });
    }
  });
});
