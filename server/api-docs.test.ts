import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, createTestApp, type Tenant } from './test/harness';
import { loadConfig, type Config } from './config';
import type { App } from './app';

/** Issue 14: the API docs were public in production; API_DOCS decides (signed-in by default in production). */
const base = { DATA_DIR: '/tmp/rf-api-docs-config-test', SESSION_SECRET: 'x'.repeat(40) };

describe('API_DOCS', () => {
  it('defaults to signed-in in production and public in development; public, signed-in and off are accepted', () => {
    expect(loadConfig({ ...base, NODE_ENV: 'production' }).apiDocs).toBe('signed-in');
    expect(loadConfig(base).apiDocs).toBe('public');
    expect(loadConfig({ ...base, NODE_ENV: 'production', API_DOCS: 'public' }).apiDocs).toBe('public');
    expect(loadConfig({ ...base, API_DOCS: 'off' }).apiDocs).toBe('off');
    expect(() => loadConfig({ ...base, API_DOCS: 'yes' })).toThrow(/API_DOCS/);
  });
});

/** One app per setting; the docs page and its JSON, anonymously and signed in. */
function docsWith(settings: Partial<Config>) {
  const ctx = {} as { app: App; close: () => Promise<void>; t: Tenant };
  beforeAll(async () => {
    const made = await createTestApp(settings);
    ctx.app = made.app;
    ctx.close = made.close;
    ctx.t = await createTenant(made.app, 'Dokustadt');
  });
  afterAll(() => ctx.close());
  const get = (url: string, cookie?: string) => ctx.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
  return { ctx, get };
}

describe('the API docs in production (default: signed-in)', () => {
  const { ctx, get } = docsWith({ production: true });
  it('are refused without sign-in (401), page and document alike', async () => {
    for (const url of ['/api/docs', '/api/docs/json', '/api/docs/yaml', '/api/docs/static/index.html']) {
      const res = await get(url);
      expect([url, res.statusCode]).toEqual([url, 401]);
      expect(res.json().error.code).toBe('unauthenticated');
    }
  });
  it('are served to any signed-in user', async () => {
    expect((await get('/api/docs/json', ctx.t.cookies.reader)).json().openapi).toMatch(/^3\./);
    expect((await get('/api/docs', ctx.t.cookies.reader)).statusCode).toBeLessThan(400);
  });
});

describe('API_DOCS=off', () => {
  const { ctx, get } = docsWith({ production: true, apiDocs: 'off' });
  it('serves no docs at all, not even signed in (404)', async () => {
    for (const url of ['/api/docs', '/api/docs/json']) expect((await get(url, ctx.t.cookies.admin)).statusCode).toBe(404);
  });
  it('still describes the API inside the app (the generated attack tests read it)', () => {
    expect(Object.keys((ctx.app.swagger() as { paths: object }).paths)).toContain('/measures');
  });
});

describe('API_DOCS=public', () => {
  const { get } = docsWith({ production: true, apiDocs: 'public' });
  it('serves the docs to anyone', async () => {
    expect((await get('/api/docs/json')).statusCode).toBe(200);
    expect((await get('/api/docs')).statusCode).toBeLessThan(400);
  });
});
