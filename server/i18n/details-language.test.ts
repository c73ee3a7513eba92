import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { call, createTenant, createTestApp, json, type Tenant } from '../test/harness';
import type { App } from '../app';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { localizeDetails } from './errors';
import { CONTRACT_MESSAGES_EN } from './validation';

let app: App;
let close: () => Promise<void>;
let t: Tenant;
beforeAll(async () => {
  ({ app, close } = await createTestApp());
  t = await createTenant(app);
});
afterAll(() => close());

describe('the details of an error in the language of the request', () => {
  it('a problem the service wrote only in German says in English what the error says', async () => {
    const w = json(await call(app, t.cookies.coordinator, 'POST', '/workshops', { title: 'Werkstatt', status: 'running' }));
    const join = (lang: string) =>
      app.inject({ method: 'POST', url: `/api/v1/join/${w.joinCode}`, headers: { 'accept-language': lang }, payload: { name: 'Gast', groupId: randomUUID() } });
    const en = (await join('en')).json();
    expect(en.error).toMatchObject({ code: 'validation_failed', message: 'Unknown group.' });
    expect(en.error.details).toEqual([{ path: ['groupId'], message: 'Unknown group.' }]);
    const de = (await join('de')).json();
    expect(de.error.details).toEqual([{ path: ['groupId'], message: 'Unbekannte Gruppe' }]);

    const update = (lang: string) =>
      app.inject({ method: 'PATCH', url: `/api/v1/workshops/${w.id}`, headers: { cookie: t.cookies.coordinator, 'accept-language': lang }, payload: { version: w.version, startsOn: '2026-05-02', endsOn: '2026-05-01' } });
    const ended = (await update('en')).json();
    expect(ended.error.details).toEqual([{ path: ['endsOn'], message: 'The end is before the start' }]);
    expect((await update('de')).json().error.details).toEqual([{ path: ['endsOn'], message: 'Das Ende liegt vor dem Beginn' }]);
  });

  it('knows an English sentence for every German sentence of the contract\'s own checks', () => {
    const sentences = readdirSync('contract')
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .flatMap((f) => {
        const src = readFileSync(join('contract', f), 'utf8');
        return [...src.matchAll(/message: '([^']+)'/g), ...src.matchAll(/\.refine\([^;]*?,\s*'([^']+)'\)/g)].map((m) => m[1]);
      });
    expect(sentences.length).toBeGreaterThan(5);
    expect(sentences.filter((m) => !(m in CONTRACT_MESSAGES_EN))).toEqual([]);
  });

  it('leaves keyed problems to their own entry and anything else as it is', () => {
    const error = { key: 'validation_failed.unknown_group' };
    expect(localizeDetails([{ path: ['x'], key: 'validation_failed.end_before_start', message: 'Ende vor Beginn' }], 'en', error)).toEqual([
      { path: ['x'], key: 'validation_failed.end_before_start', message: 'The end is before the start.' },
    ]);
    expect(localizeDetails([{ path: ['x'], ids: ['a'] }], 'en', error)).toEqual([{ path: ['x'], ids: ['a'] }]);
    expect(localizeDetails({ current: { version: 3 } }, 'en', error)).toEqual({ current: { version: 3 } });
    expect(localizeDetails([{ path: ['x'], message: 'Unbekannte Gruppe' }], 'de', error)).toEqual([{ path: ['x'], message: 'Unbekannte Gruppe' }]);
  });
});
