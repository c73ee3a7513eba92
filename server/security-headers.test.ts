import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { call, createTenant, createTestApp, type Tenant } from './test/harness';
import { tileSource } from './security-headers';
import type { App } from './app';
import type { Config } from './config';

/** Issue 14: no page or API answer carried browser hardening headers. */
function withApp(settings: Partial<Config>) {
  const ctx = {} as { app: App; close: () => Promise<void>; t: Tenant };
  beforeAll(async () => {
    const made = await createTestApp(settings);
    Object.assign(ctx, made, { t: await createTenant(made.app, 'Kopfstadt') });
  });
  afterAll(() => ctx.close());
  return ctx;
}

/** The directives of a Content-Security-Policy header, by name. */
const csp = (res: LightMyRequestResponse) =>
  Object.fromEntries(String(res.headers['content-security-policy'] ?? '').split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([k, ...v]) => [k, v]));

function expectHardened(res: LightMyRequestResponse, what: string) {
  const policy = csp(res);
  expect(policy['script-src'], what).toEqual(["'self'"]); // no 'unsafe-inline', no 'unsafe-eval'
  expect(policy['default-src'], what).toEqual(["'self'"]);
  expect(policy['object-src'], what).toEqual(["'none'"]);
  expect(policy['frame-ancestors'], what).toEqual(["'none'"]);
  expect(policy['base-uri'], what).toEqual(["'self'"]);
  expect(res.headers['x-frame-options'], what).toBe('DENY');
  expect(res.headers['x-content-type-options'], what).toBe('nosniff');
  expect(res.headers['referrer-policy'], what).toBe('same-origin');
}

describe('hardening headers over plain HTTP', () => {
  const webDir = mkdtempSync(join(tmpdir(), 'rf-web-'));
  writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Roter Faden</title><div id="root"></div>');
  writeFileSync(join(webDir, 'app.js'), 'console.log(1)');
  const ctx = withApp({ webDir });

  it('are on every page, file, API answer and error', async () => {
    const { app, t } = ctx;
    const m = (await call(app, t.cookies.coordinator, 'POST', '/measures', { title: 'Marktplatz' })).json();
    const responses: [string, LightMyRequestResponse][] = [
      ['page', await app.inject({ method: 'GET', url: '/massnahmen' })],
      ['script file', await app.inject({ method: 'GET', url: '/app.js' })],
      ['health', await app.inject({ method: 'GET', url: '/api/v1/health' })],
      ['signed-out API', await call(app, null, 'GET', '/measures')],
      ['API answer', await call(app, t.cookies.reader, 'GET', `/measures/${m.id}`)],
      ['PDF download', await call(app, t.cookies.reader, 'GET', `/measures/${m.id}/brief.pdf`)],
      ['unknown API path', await app.inject({ method: 'GET', url: '/api/v1/nothing' })],
      ['validation error', await call(app, t.cookies.coordinator, 'POST', '/measures', { title: 5 })],
    ];
    expect(responses.map(([what, r]) => [what, r.statusCode])).toEqual([
      ['page', 200], ['script file', 200], ['health', 200], ['signed-out API', 401], ['API answer', 200], ['PDF download', 200], ['unknown API path', 404], ['validation error', 400],
    ]);
    for (const [what, res] of responses.filter(([what]) => what !== 'PDF download')) expectHardened(res, what);
  });

  it('give a PDF only the ban on framing as its policy, so that the PDF viewer of Chrome can show it', async () => {
    const { app, t } = ctx;
    const m = (await call(app, t.cookies.coordinator, 'POST', '/measures', { title: 'Rathausplatz' })).json();
    const pdf = await call(app, t.cookies.reader, 'GET', `/measures/${m.id}/brief.pdf`);
    expect(pdf.headers['content-type']).toMatch(/^application\/pdf/);
    expect(pdf.headers['content-security-policy']).toBe("frame-ancestors 'none'");
    expect(pdf.headers['x-frame-options']).toBe('DENY');
    expect(pdf.headers['x-content-type-options']).toBe('nosniff');
  });

  it('leave out HSTS and upgrade-insecure-requests: the app may run on plain HTTP inside a town hall network', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(csp(res)['upgrade-insecure-requests']).toBeUndefined();
  });

  it('allow no inline style but the landscape print style the KoFi and roadmap pages add, by its hash', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/massnahmen' });
    const hash = createHash('sha256').update('@page { size: A4 landscape; margin: 10mm; }').digest('base64');
    expect(csp(res)['style-src']).toEqual(["'self'", `'sha256-${hash}'`]);
  });

  it('take CSP violation reports into the log (204)', async () => {
    const res = await ctx.app.inject({
      method: 'POST', url: '/api/v1/csp-report', headers: { 'content-type': 'application/csp-report' },
      payload: JSON.stringify({ 'csp-report': { 'document-uri': 'http://localhost/', 'violated-directive': 'script-src' } }),
    });
    expect(res.statusCode).toBe(204);
  });
});

describe('HSTS', () => {
  const behindProxy = withApp({ trustProxy: true } as Partial<Config>);
  it('is sent when the request came over HTTPS (here: from a trusted proxy)', async () => {
    const res = await behindProxy.app.inject({ method: 'GET', url: '/api/v1/health', headers: { 'x-forwarded-proto': 'https' } });
    expect(res.headers['strict-transport-security']).toMatch(/^max-age=\d{8}/);
    expect((await behindProxy.app.inject({ method: 'GET', url: '/api/v1/health' })).headers['strict-transport-security']).toBeUndefined();
  });

  const https = withApp({ publicUrl: 'https://isek.musterstadt.de' });
  it('is sent when PUBLIC_URL is https', async () => {
    const res = await https.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(res.headers['strict-transport-security']).toMatch(/^max-age=\d{8}/);
  });
});

describe('the map tile server', () => {
  const ctx = withApp({ mapTileUrl: 'https://tiles.example.org/{z}/{x}/{y}.png' });
  it('is the one outside source images may come from', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(csp(res)['img-src']).toEqual(["'self'", 'data:', 'blob:', 'https://tiles.example.org']);
  });
  it('as a CSP source also with a subdomain placeholder', () => {
    expect(tileSource('https://{s}.tile.example.org/{z}/{x}/{y}.png')).toBe('https://*.tile.example.org');
    expect(tileSource('http://localhost:8080/tiles/{z}/{x}/{y}.png')).toBe('http://localhost:8080');
    expect(tileSource(undefined)).toBeNull();
  });
});

describe('the API docs page', () => {
  const ctx = withApp({ apiDocs: 'public' });
  it('keeps the strict script policy and no framing', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/docs/static/index.html' });
    const page = res.statusCode === 302 ? await ctx.app.inject({ method: 'GET', url: res.headers.location as string }) : res;
    expect(page.statusCode).toBe(200);
    expect(csp(page)['script-src']).toEqual(["'self'"]);
    expect(csp(page)['frame-ancestors']).toEqual(["'none'"]);
    expect(page.headers['x-frame-options']).toBe('DENY');
    // Swagger UI adds its own <style> element: inline styles, and only there
    expect(csp(page)['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    const json = await ctx.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(csp(json)['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp(await ctx.app.inject({ method: 'GET', url: '/api/v1/health' }))['style-src']).not.toContain("'unsafe-inline'");
  });
});
