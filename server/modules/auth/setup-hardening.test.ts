import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, PASSWORD } from '../../test/harness';
import { buildApp, type App } from '../../app';
import { setupKeyOf } from './auth.routes';

// Issue 14 "A fresh install can be taken over from the network": until an administrator exists, setup
// from another machine needs the one-time key from the server log.
let app: App;
let close: () => Promise<void>;
beforeAll(async () => ({ app, close } = await createTestApp()));
afterAll(() => close());

const FAR = '203.0.113.7';
const body = { municipalityName: 'Neustadt', adminName: 'Anna Admin', adminEmail: 'anna@example.org', password: PASSWORD };
const setup = (remoteAddress: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: '/api/v1/setup', remoteAddress, headers, payload: { ...body, ...extra } });
const status = (remoteAddress: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url: '/api/v1/setup', remoteAddress, headers }).then((r) => json(r));

describe('first-run setup from the network', () => {
  it('issues a setup key at start and tells a remote client that it is needed, the machine itself not', async () => {
    expect(setupKeyOf(app)?.current).toMatch(/^[0-9a-f]{4}(-[0-9a-f]{4}){4}$/);
    expect(await status(FAR)).toEqual({ needsSetup: true, tokenRequired: true });
    expect(await status('127.0.0.1')).toEqual({ needsSetup: true, tokenRequired: false });
    expect(await status('::1')).toEqual({ needsSetup: true, tokenRequired: false });
  });

  it('refuses setup from another address without the key or with a wrong one (403), and creates nothing', async () => {
    const none = await setup(FAR);
    expect(none.statusCode).toBe(403);
    expect(json(none).error.code).toBe('setup_token_required');
    const wrong = await setup(FAR, { setupToken: '0000-0000-0000-0000-0000' });
    expect(wrong.statusCode).toBe(403);
    expect(json(wrong).error.code).toBe('setup_token_invalid');
    expect(json(wrong).error.message).toContain('Einrichtungsschlüssel');
    const [{ n }] = await app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM app_user');
    expect(n).toBe(0);
  });

  it('does not count a request through a proxy on this machine as local while TRUST_PROXY is off', async () => {
    expect(await status('127.0.0.1', { 'x-forwarded-for': FAR })).toEqual({ needsSetup: true, tokenRequired: true });
    const res = await setup('127.0.0.1', {}, { 'x-forwarded-for': '127.0.0.1' });
    expect(res.statusCode).toBe(403);
  });

  it('believes X-Forwarded-For from as many proxies as TRUST_PROXY says', async () => {
    const behind = await buildApp({ ...app.config, trustProxy: 1 }, app.db, { logger: false });
    try {
      const res = await behind.inject({ method: 'GET', url: '/api/v1/setup', remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': FAR } });
      expect(json(res)).toEqual({ needsSetup: true, tokenRequired: true });
      const local = await behind.inject({ method: 'GET', url: '/api/v1/setup', remoteAddress: '10.0.0.2', headers: { 'x-forwarded-for': '127.0.0.1' } });
      expect(json(local)).toEqual({ needsSetup: true, tokenRequired: false });
    } finally {
      await behind.close();
    }
  });

  it('accepts the right key once (201, typed with spaces and capitals too); then the key is gone', async () => {
    const key = setupKeyOf(app)!.current!;
    const res = await setup(FAR, { setupToken: ` ${key.toUpperCase().replace(/-/g, ' ')} ` });
    expect(res.statusCode, res.body).toBe(201);
    expect(json(res).current.role).toBe('admin');
    expect(setupKeyOf(app)!.current).toBeNull();
    const again = await setup(FAR, { setupToken: key, adminEmail: 'b@example.org' });
    expect(again.statusCode).toBe(409);
    expect(await status(FAR)).toEqual({ needsSetup: false, tokenRequired: false });
  });
});
