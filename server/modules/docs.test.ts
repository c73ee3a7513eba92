import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../test/harness';
import type { App } from '../app';

let app: App;
let close: () => Promise<void>;
beforeAll(async () => ({ app, close } = await createTestApp()));
afterAll(() => close());

describe('OpenAPI', () => {
  it('serves the generated OpenAPI document with every route and its schemas', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.servers[0].url).toBe('/api/v1');
    for (const path of ['/measures', '/measures/{id}', '/concept', '/auth/login', '/measures/import', '/dashboard']) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    const create = doc.paths['/measures'].post;
    expect(JSON.stringify(create.requestBody)).toContain('costCents');
    expect((await app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBeLessThan(400);
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });
});
