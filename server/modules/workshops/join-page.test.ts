import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { call, createTenant, createTestApp, json, type Tenant } from '../../test/harness';
import type { App } from '../../app';
import type { JoinBoot, Joined } from '../../../contract/workshops';
import { JOIN_BOOT_ID, jsonForHtml } from './join-page';

// join.html as Vite builds it, in miniature: the boot block goes before </head>, ahead of the page's script.
const webDir = mkdtempSync(join(tmpdir(), 'rf-join-page-'));
writeFileSync(join(webDir, 'index.html'), '<!doctype html><html><head><title>app</title></head><body></body></html>');
writeFileSync(
  join(webDir, 'join.html'),
  '<!doctype html><html lang="de"><head><title>join</title><script type="module" crossorigin src="/assets/join-XyZ789.js"></script></head><body><div id="root"></div></body></html>',
);

let app: App;
let close: () => Promise<void>;
let t: Tenant;
beforeAll(async () => {
  ({ app, close } = await createTestApp({ webDir }));
  t = await createTenant(app);
});
afterAll(async () => {
  await close();
  rmSync(webDir, { recursive: true, force: true });
});

const page = (path: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url: path, headers });

/** The boot block of a page, read as the page's script reads it (the text of the element, JSON.parse). */
function bootOf(res: LightMyRequestResponse): JoinBoot {
  const open = `<script type="application/json" id="${JOIN_BOOT_ID}">`;
  const start = res.body.indexOf(open);
  expect(start, 'boot block').toBeGreaterThan(0);
  const end = res.body.indexOf('</script>', start + open.length);
  expect(res.body.indexOf('</head>')).toBeGreaterThan(end);
  return JSON.parse(res.body.slice(start + open.length, end)) as JoinBoot;
}

/** A home without its results' `seq` (a clock reading taken per answer). */
const unsequenced = (home: unknown) =>
  JSON.parse(JSON.stringify(home), (key, value) => (key === 'seq' ? undefined : value)) as unknown;

async function workshop(title: string) {
  const res = await call(app, t.cookies.coordinator, 'POST', '/workshops', { title, status: 'running', startsOn: '2026-11-21', groups: [{ name: 'Gruppe Nord' }] });
  expect(res.statusCode).toBe(201);
  return json<{ id: string; joinCode: string; version: number; groups: { id: string }[] }>(res);
}

async function openRound(workshopId: string) {
  const r = json(await call(app, t.cookies.coordinator, 'POST', `/workshops/${workshopId}/rounds`, {
    title: 'Welche Ziele zuerst?', subject: 'options', options: ['Radwege', 'Marktplatz', 'Jugendtreff'], rules: { dotsPerPerson: 3 },
  }));
  expect((await call(app, t.cookies.coordinator, 'POST', `/rounds/${r.id}/open`)).statusCode).toBe(200);
  return r as { id: string };
}

describe('the page /join/<code> carries the workshop', () => {
  it('embeds what GET /join/:code answers, not cached, as HTML under the same CSP', async () => {
    const w = await workshop('Stadtteilwerkstatt Nord');
    const res = await page(`/join/${w.joinCode}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(String(res.headers['content-security-policy'])).toMatch(/script-src 'self'(;|$)/);
    expect(res.body).toContain('<script type="module" crossorigin src="/assets/join-XyZ789.js"></script>');
    const boot = bootOf(res);
    const api = json(await call(app, null, 'GET', `/join/${w.joinCode}`));
    expect(boot).toEqual({ code: w.joinCode, lang: 'de', info: api, home: null });
    expect(boot.info).toMatchObject({ title: 'Stadtteilwerkstatt Nord', joined: false, ended: false, groups: [{ id: w.groups[0].id, name: 'Gruppe Nord' }] });
    // the code as a guest types it (lower case, no dash) finds the same workshop
    expect(bootOf(await page(`/join/${w.joinCode.toLowerCase().replace('-', '')}`)).info?.workshopId).toBe(w.id);
  });

  it('keeps a title with </script> and other markup inside the data block', async () => {
    const title = 'Werkstatt </script><script>alert(1)</script> <!-- & \u2028 "Zitat"';
    const w = await workshop(title);
    const res = await page(`/join/${w.joinCode}`);
    expect(res.body).not.toContain('<script>alert(1)');
    expect(res.body).not.toContain('<!--');
    expect(res.body.match(/<\/script>/g)).toHaveLength(2); // the data block's own and the module script's
    expect(bootOf(res).info?.title).toBe(title);
    expect(jsonForHtml({ s: '</script>&\u2028' })).toBe('{"s":"\\u003c/script\\u003e\\u0026\\u2028"}');
  });

  it('answers an unknown or malformed code with the page, status 404 and no workshop', async () => {
    for (const code of ['ZZZ-ZZZ', 'ab', 'x'.repeat(21)]) {
      const res = await page(`/join/${code}`);
      expect(res.statusCode, code).toBe(404);
      expect(res.headers['content-type'], code).toMatch(/^text\/html/);
      expect(bootOf(res), code).toEqual({ code, lang: 'de', info: null, home: null });
    }
    // /join itself (typing a code) is the plain page
    const plain = await page('/join');
    expect(plain.statusCode).toBe(200);
    expect(plain.body).toContain('<title>join</title>');
    expect(plain.body).not.toContain(JOIN_BOOT_ID);
  });

  it('gives a device that joined its home, in the language the browser asks for', async () => {
    const w = await workshop('Zukunftswerkstatt');
    const round = await openRound(w.id);
    const joinRes = await app.inject({ method: 'POST', url: `/api/v1/join/${w.joinCode}`, payload: { name: 'Frau Schulz' } });
    const device = `rf_device=${joinRes.cookies.find((c) => c.name === 'rf_device')!.value}`;

    const de = bootOf(await page(`/join/${w.joinCode}`, { cookie: device }));
    expect(de.info?.joined).toBe(true);
    expect(de.home?.participant.name).toBe('Frau Schulz');
    expect(de.home?.rounds.map((r) => [r.round.id, r.round.status, r.remaining])).toEqual([[round.id, 'open', 3]]);
    const me = json(await app.inject({ method: 'GET', url: `/api/v1/join/${w.joinCode}/me?lang=de`, headers: { cookie: device } }));
    expect(unsequenced(de.home)).toEqual(unsequenced(me));

    const en = bootOf(await page(`/join/${w.joinCode}`, { cookie: device, 'accept-language': 'en-GB,en;q=0.9' }));
    expect(en.lang).toBe('en');
    expect(en.home?.rounds[0].rulesText).not.toEqual(de.home?.rounds[0].rulesText);
    // another device (or none) gets no one's home
    expect(bootOf(await page(`/join/${w.joinCode}`, { cookie: `rf_device=${'y'.repeat(43)}` })).home).toBeNull();
    expect(bootOf(await page(`/join/${w.joinCode}`)).home).toBeNull();
  });

  it('says a finished workshop is over, which still admits no one', async () => {
    const w = await workshop('Abgeschlossene Werkstatt');
    expect((await call(app, t.cookies.coordinator, 'PATCH', `/workshops/${w.id}`, { version: w.version, status: 'done' })).statusCode).toBe(200);
    const boot = bootOf(await page(`/join/${w.joinCode}`));
    expect(boot.info).toMatchObject({ ended: true, joined: false });
    const joinRes = await app.inject({ method: 'POST', url: `/api/v1/join/${w.joinCode}`, payload: { name: 'Zu spät' } });
    expect(joinRes.statusCode).toBe(409);
    expect(joinRes.json().error.code).toBe('workshop_ended');
  });
});

describe('POST /join/:code answers with the home', () => {
  it('returns the participant with their open round and ballot, in the language asked for', async () => {
    const w = await workshop('Werkstatt mit Runde');
    const round = await openRound(w.id);
    const res = await app.inject({ method: 'POST', url: `/api/v1/join/${w.joinCode}?lang=en`, payload: { name: 'Herr Lehmann', groupId: w.groups[0].id } });
    expect(res.statusCode).toBe(200);
    const joined = res.json<Joined>();
    expect(joined).toMatchObject({ name: 'Herr Lehmann', groupId: w.groups[0].id });
    expect(joined.home.participant.id).toBe(joined.id);
    expect(joined.home.workshop).toMatchObject({ workshopId: w.id, title: 'Werkstatt mit Runde', ended: false });
    const [mine] = joined.home.rounds;
    expect(mine.round).toMatchObject({ id: round.id, status: 'open' });
    expect(mine.round.items.map((i: { label: string }) => i.label)).toEqual(['Radwege', 'Marktplatz', 'Jugendtreff']);
    expect(mine).toMatchObject({ myDots: {}, remaining: 3 });
    // the same as the home asked for afterwards (in English: ?lang=en)
    const device = `rf_device=${res.cookies.find((c) => c.name === 'rf_device')!.value}`;
    const me = json(await app.inject({ method: 'GET', url: `/api/v1/join/${w.joinCode}/me?lang=en`, headers: { cookie: device } }));
    expect(unsequenced(joined.home)).toEqual(unsequenced(me));
  });
});
