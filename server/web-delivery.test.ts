import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { LightMyRequestResponse } from 'fastify';
import { call, createTenant, createTestApp, json, type Tenant } from './test/harness';
import type { App } from './app';
import { precompress } from '../scripts/precompress';
import { IMMUTABLE } from './web-delivery';

// A built web app in miniature: the two pages and a hashed script large enough to be worth compressing.
const webDir = mkdtempSync(join(tmpdir(), 'rf-web-'));
const script = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `Maßnahme ${i} im Stadtteil`))};\n`;
mkdirSync(join(webDir, 'assets'));
writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>app</title><script type="module" src="/assets/index-AbC123.js"></script>');
writeFileSync(join(webDir, 'join.html'), '<!doctype html><title>join</title><script type="module" src="/assets/join-XyZ789.js"></script>');
writeFileSync(join(webDir, 'assets', 'index-AbC123.js'), script);
writeFileSync(join(webDir, 'assets', 'tiny-Q1w2E3.js'), 'export default 1;\n');
precompress(webDir);

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

const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });
const decoded = (res: LightMyRequestResponse) => {
  const raw = res.rawPayload;
  const enc = res.headers['content-encoding'];
  return (enc === 'br' ? brotliDecompressSync(raw) : enc === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
};

describe('compressed API answers', () => {
  const url = '/api/v1/funding-programmes';

  it('sends brotli or gzip as the client accepts, the same JSON, and varies by Accept-Encoding', async () => {
    const plain = await get(url, { cookie: t.cookies.coordinator });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.length).toBeGreaterThan(1024);

    const br = await get(url, { cookie: t.cookies.coordinator, 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(String(br.headers.vary)).toMatch(/accept-encoding/i);
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    expect(JSON.parse(decoded(br))).toEqual(plain.json());

    const gz = await get(url, { cookie: t.cookies.coordinator, 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(decoded(gz))).toEqual(plain.json());
  });

  it('leaves answers uncompressed for identity and below 1 KB', async () => {
    const identity = await get(url, { cookie: t.cookies.coordinator, 'accept-encoding': 'identity' });
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.json()).toBeInstanceOf(Array);
    const small = await get('/api/v1/health', { 'accept-encoding': 'br, gzip' });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.json()).toEqual({ ok: true });
  });

  it('compresses error answers too, in the same shape', async () => {
    const res = await get('/api/v1/measures?pageSize=1', { 'accept-encoding': 'br' });
    expect(res.statusCode).toBe(401);
    expect(JSON.parse(decoded(res)).error.code).toBe('unauthenticated');
  });
});

describe('the built web app', () => {
  it('sends hashed assets precompressed (brotli, else gzip, else as they are) and cached for good', async () => {
    const file = join(webDir, 'assets', 'index-AbC123.js');
    const br = await get('/assets/index-AbC123.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['cache-control']).toBe(IMMUTABLE);
    expect(String(br.headers.vary)).toMatch(/accept-encoding/i);
    expect(br.rawPayload.equals(readFileSync(`${file}.br`))).toBe(true);
    expect(decoded(br)).toBe(script);

    const gz = await get('/assets/index-AbC123.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(decoded(gz)).toBe(script);

    const plain = await get('/assets/index-AbC123.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['cache-control']).toBe(IMMUTABLE);
    expect(plain.body).toBe(script);

    // too small to have been precompressed: sent as it is
    const tiny = await get('/assets/tiny-Q1w2E3.js', { 'accept-encoding': 'br' });
    expect(tiny.statusCode).toBe(200);
    expect(tiny.headers['cache-control']).toBe(IMMUTABLE);
    expect(decoded(tiny)).toBe('export default 1;\n');
  });

  it('answers the app\'s routes with index.html and the participant pages with join.html, both no-cache', async () => {
    for (const path of ['/', '/measures', '/workshops/abc/rounds/def/projector']) {
      const res = await get(path, { 'accept-encoding': 'br' });
      expect(res.statusCode, path).toBe(200);
      expect(res.headers['cache-control'], path).toBe('no-cache');
      expect(decoded(res), path).toContain('<title>app</title>');
    }
    // (/join/<code> carries its workshop and is never cached: server/modules/workshops/join-page.test.ts)
    for (const path of ['/join', '/join/', '/join/K7M-4QP/later']) {
      const res = await get(path);
      expect(res.statusCode, path).toBe(200);
      expect(res.headers['cache-control'], path).toBe('no-cache');
      expect(res.body, path).toContain('<title>join</title>');
    }
    expect((await get('/joined-later')).body).toContain('<title>app</title>');
  });
});

describe('the participant pages ask only for what a device can have', () => {
  it('GET /join/:code says whether this device has joined', async () => {
    const w = json(await call(app, t.cookies.coordinator, 'POST', '/workshops', { title: 'Werkstatt', status: 'running' }));
    const fresh = await get(`/api/v1/join/${w.joinCode}`);
    expect(fresh.statusCode).toBe(200);
    expect(fresh.json()).toMatchObject({ title: 'Werkstatt', joined: false });
    // a member of the municipality who has not joined is not a participant either
    expect(json(await call(app, t.cookies.reader, 'GET', `/join/${w.joinCode}`)).joined).toBe(false);

    const joinRes = await app.inject({ method: 'POST', url: `/api/v1/join/${w.joinCode}`, payload: { name: 'Gast' } });
    expect(joinRes.statusCode).toBe(200);
    const device = joinRes.cookies.find((c) => c.name === 'rf_device')!;
    const again = await get(`/api/v1/join/${w.joinCode}`, { cookie: `rf_device=${device.value}` });
    expect(again.json().joined).toBe(true);
    expect((await get(`/api/v1/join/${w.joinCode}/me`, { cookie: `rf_device=${device.value}` })).statusCode).toBe(200);
    // another device with a cookie of its own, never joined
    expect((await get(`/api/v1/join/${w.joinCode}`, { cookie: `rf_device=${'x'.repeat(43)}` })).json().joined).toBe(false);
  });
});

/** Reads server-sent events from a fetch response: the next event of the given name, as parsed JSON. */
function eventReader(res: Response) {
  const reader = res.body!.getReader();
  let buffer = '';
  return async (name: string): Promise<Record<string, unknown>> => {
    for (;;) {
      const idx = buffer.indexOf('\n\n');
      if (idx >= 0) {
        const block = buffer.slice(0, idx);
        buffer = buffer.slice(idx + 2);
        const data = block.split('\n').find((l) => l.startsWith('data: '));
        if (block.includes(`event: ${name}`) && data) return JSON.parse(data.slice(6));
        continue;
      }
      const { value, done } = await reader.read();
      if (done) throw new Error('stream ended');
      buffer += new TextDecoder().decode(value);
    }
  };
}

describe('live events are not held back by compression', () => {
  it('streams uncompressed while the client accepts brotli: a participant\'s first event and a dot\'s snapshot arrive at once', async () => {
    const w = json(await call(app, t.cookies.coordinator, 'POST', '/workshops', { title: 'Live', status: 'running' }));
    const r = json(await call(app, t.cookies.coordinator, 'POST', `/workshops/${w.id}/rounds`, { title: 'Runde', subject: 'options', options: ['A', 'B'] }));
    expect((await call(app, t.cookies.coordinator, 'POST', `/rounds/${r.id}/open`)).statusCode).toBe(200);
    const joinRes = await app.inject({ method: 'POST', url: `/api/v1/join/${w.joinCode}`, payload: { name: 'Live' } });
    const cookie = `rf_device=${joinRes.cookies.find((c) => c.name === 'rf_device')!.value}`;

    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const ctrl = new AbortController();
    try {
      const accept = { 'accept-encoding': 'gzip, deflate, br, zstd' };
      const guest = await fetch(`${address}/api/v1/join/${w.joinCode}/events`, { headers: { cookie, ...accept }, signal: ctrl.signal });
      expect(guest.status).toBe(200);
      expect(guest.headers.get('content-type')).toMatch(/text\/event-stream/);
      expect(guest.headers.get('content-encoding')).toBeNull();
      // a few bytes on an open stream: a compressor would hold them back
      expect(await eventReader(guest)('rounds')).toEqual({ workshopId: w.id });

      const projector = await fetch(`${address}/api/v1/rounds/${r.id}/events`, { headers: { cookie: t.cookies.coordinator, ...accept }, signal: ctrl.signal });
      expect(projector.headers.get('content-encoding')).toBeNull();
      const next = eventReader(projector);
      let snap = await next('results');
      expect(snap.totalDots).toBe(0);
      const dot = await app.inject({ method: 'POST', url: `/api/v1/rounds/${r.id}/dots`, headers: { cookie }, payload: { itemId: r.items[0].id, dotId: randomUUID() } });
      expect(dot.statusCode).toBe(200);
      // a change notified before the stream connected may still come first, as a snapshot without the dot
      for (let i = 0; i < 5 && snap.totalDots === 0; i++) snap = await next('results');
      expect(snap.totalDots).toBe(1);
    } finally {
      ctrl.abort();
    }
  });
});
