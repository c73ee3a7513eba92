import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { call, createTenant, createTestApp, json, type Tenant } from '../test/harness';
import { multipart } from '../test/multipart';
import type { App } from '../app';

/**
 * Issue 13: the English UI showed German server errors. Errors are written in the language the request
 * asks for (Accept-Language, q-values honoured; ?lang=; German by default), from one catalogue keyed by code.
 */
let app: App;
let close: () => Promise<void>;
let t: Tenant;
beforeAll(async () => {
  ({ app, close } = await createTestApp({ maxUploadBytes: 64 * 1024 }));
  t = await createTenant(app, 'Sprachstadt');
});
afterAll(() => close());

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
function ask(lang: string | null, cookie: string | null, method: Method, url: string, payload?: unknown, headers: Record<string, string> = {}) {
  const opts: InjectOptions = { method, url: `/api/v1${url}`, headers: { ...headers, ...(lang ? { 'accept-language': lang } : {}), ...(cookie ? { cookie } : {}) } };
  if (payload !== undefined) opts.payload = payload as InjectOptions['payload'];
  return app.inject(opts);
}
const error = (res: { json: () => unknown }) => (res.json() as { error: { code: string; message: string; details?: unknown } }).error;

describe('error messages in the language of the request', () => {
  it('unauthenticated, forbidden, not found: English with Accept-Language: en, German without', async () => {
    const anon = await ask('en', null, 'GET', '/measures');
    expect(anon.statusCode).toBe(401);
    expect(error(anon)).toMatchObject({ code: 'unauthenticated', message: 'Please sign in.' });
    expect(error(await ask(null, null, 'GET', '/measures'))).toMatchObject({ code: 'unauthenticated', message: 'Bitte melden Sie sich an.' });

    const reader = await ask('en', t.cookies.reader, 'POST', '/measures', { title: 'Nicht erlaubt' });
    expect(reader.statusCode).toBe(403);
    expect(error(reader)).toMatchObject({ code: 'forbidden', message: 'You do not have permission to do this.' });

    const missing = await ask('en-GB', t.cookies.coordinator, 'GET', `/measures/${randomUUID()}`);
    expect(missing.statusCode).toBe(404);
    expect(error(missing)).toMatchObject({ code: 'not_found', message: 'Measure not found.' });
    expect(error(await ask('de-DE', t.cookies.coordinator, 'GET', `/measures/${randomUUID()}`)).message).toBe('Maßnahme nicht gefunden.');
    expect(error(await ask('en', null, 'GET', '/nothing-here')).message).toBe('Unknown address.');
  });

  it('q-values decide, ?lang= wins, anything else falls back to German', async () => {
    const msg = async (lang: string | null, url = '/measures') => error(await ask(lang, null, 'GET', url)).message;
    expect(await msg('en;q=0.4, de;q=0.9')).toBe('Bitte melden Sie sich an.');
    expect(await msg('fr, de;q=0.2, en;q=0.5')).toBe('Please sign in.');
    expect(await msg('fr, *;q=0.5, en;q=0.1')).toBe('Bitte melden Sie sich an.');
    expect(await msg('en;q=0')).toBe('Bitte melden Sie sich an.');
    expect(await msg('fr-FR')).toBe('Bitte melden Sie sich an.');
    expect(await msg('de', '/measures?lang=en')).toBe('Please sign in.');
  });

  it('version conflict and validation failed (with zod details in the language)', async () => {
    const m = json(await call(app, t.cookies.coordinator, 'POST', '/measures', { title: 'Sprachtest' }));
    const stale = await ask('en', t.cookies.coordinator, 'PATCH', `/measures/${m.id}`, { version: m.version + 5, title: 'Neu' });
    expect(stale.statusCode).toBe(409);
    expect(error(stale)).toMatchObject({ code: 'version_conflict', message: 'Someone else has changed this entry in the meantime. Please check the current version.' });

    const en = await ask('en', t.cookies.coordinator, 'POST', '/measures', { title: '' });
    expect(en.statusCode).toBe(400);
    expect(error(en)).toMatchObject({ code: 'validation_failed', message: 'The input is incomplete or invalid.' });
    expect((error(en).details as { message: string }[])[0].message).toMatch(/^Too small/);
    const de = await ask(null, t.cookies.coordinator, 'POST', '/measures', { title: '' });
    expect(error(de)).toMatchObject({ code: 'validation_failed', message: 'Die Eingaben sind unvollständig oder ungültig.' });
    expect((error(de).details as { message: string }[])[0].message).toMatch(/^Zu klein/);
  });

  it('domain errors: priority_class_required (details too), workshop_ended, decision_already_recorded', async () => {
    const prio = await ask('en', t.cookies.coordinator, 'POST', '/measures', { title: 'Ohne Klasse', status: 'prioritised' });
    expect(prio.statusCode).toBe(400);
    expect(error(prio)).toMatchObject({ code: 'priority_class_required', message: expect.stringMatching(/^The status “Prioritised” needs a priority class/) });
    expect(error(prio).details).toEqual([{ path: ['status'], key: 'priority_class_required', message: expect.stringMatching(/^The status/) }]);

    const w = json(await call(app, t.cookies.coordinator, 'POST', '/workshops', { title: 'Zu Ende', kind: 'strategy' }));
    expect((await call(app, t.cookies.coordinator, 'PATCH', `/workshops/${w.id}`, { version: w.version, status: 'done' })).statusCode).toBe(200);
    const late = await ask('en', null, 'POST', `/join/${w.joinCode}`, { name: 'Late guest' });
    expect(late.statusCode).toBe(409);
    expect(error(late)).toMatchObject({ code: 'workshop_ended', message: 'This workshop has ended. Joining, placing dots and new briefs are no longer possible.' });

    // A closed round, Top 1, one dot each on A and B: a tie to decide, once.
    const w2 = json(await call(app, t.cookies.coordinator, 'POST', '/workshops', { title: 'Gleichstand', kind: 'strategy' }));
    const r = json(await call(app, t.cookies.coordinator, 'POST', `/workshops/${w2.id}/rounds`, { title: 'Was zuerst?', subject: 'options', options: ['A', 'B', 'C'], rules: { dotsPerParticipant: 1, topN: 1 } }));
    await call(app, t.cookies.coordinator, 'POST', `/rounds/${r.id}/open`);
    for (const [i, item] of [r.items[0], r.items[1]].entries()) {
      const join = await app.inject({ method: 'POST', url: `/api/v1/join/${w2.joinCode}`, payload: { name: `Gast ${i}` } });
      const cookie = `rf_device=${join.cookies.find((c) => c.name === 'rf_device')!.value}`;
      await app.inject({ method: 'POST', url: `/api/v1/rounds/${r.id}/dots`, headers: { cookie }, payload: { itemId: item.id, dotId: randomUUID() } });
    }
    await call(app, t.cookies.coordinator, 'POST', `/rounds/${r.id}/close`);
    expect((await call(app, t.cookies.coordinator, 'POST', `/rounds/${r.id}/decision`, { chosenItemIds: [r.items[1].id], reason: 'B zuerst.' })).statusCode).toBe(200);
    const again = await ask('en', t.cookies.coordinator, 'POST', `/rounds/${r.id}/decision`, { chosenItemIds: [r.items[0].id], reason: 'A doch.' });
    expect(again.statusCode).toBe(409);
    expect(error(again)).toMatchObject({
      code: 'decision_already_recorded',
      message: 'coordinator user has already recorded a decision for this round. It can only be changed as a revision with a reason.',
    });
  });

  it('file_too_large names the limit, formatted for the language', async () => {
    const m = json(await call(app, t.cookies.coordinator, 'POST', '/measures', { title: 'Mit Anhang' }));
    const big = multipart([{ name: 'file', filename: 'gross.png', contentType: 'image/png', data: Buffer.alloc(200 * 1024, 0x42) }]);
    const en = await ask('en', t.cookies.coordinator, 'POST', `/measures/${m.id}/attachments`, big.payload, big.headers);
    expect(en.statusCode).toBe(413);
    expect(error(en)).toMatchObject({ code: 'file_too_large', message: 'The file is larger than 0.1 MB and was not saved. Please upload a smaller file.' });
    const de = await ask('de', t.cookies.coordinator, 'POST', `/measures/${m.id}/attachments`, big.payload, big.headers);
    expect(error(de).message).toBe('Die Datei ist größer als 0,1 MB und wurde nicht gespeichert. Bitte laden Sie eine kleinere Datei hoch.');
  });

  it('a wrong sign-in and then the throttle (429) in English', async () => {
    const email = `niemand.${randomBytes(4).toString('hex')}@example.org`;
    const wrong = await ask('en', null, 'POST', '/auth/login', { email, password: 'falsch-falsch-falsch' });
    expect(wrong.statusCode).toBe(401);
    expect(error(wrong)).toMatchObject({ code: 'invalid_credentials', message: 'The e-mail address or password is wrong.' });
    let last = wrong;
    for (let i = 0; i < 6 && last.statusCode !== 429; i++) last = await ask('en', null, 'POST', '/auth/login', { email, password: 'falsch-falsch-falsch' });
    expect(last.statusCode).toBe(429);
    expect(error(last)).toMatchObject({ code: 'rate_limited', message: 'Too many failed sign-in attempts for this account. Please wait 15 minutes.' });
  });

  it('a 400 naming how many ids are unknown says the count in both languages', async () => {
    const w = json(await call(app, t.cookies.coordinator, 'POST', '/workshops', { title: 'Unbekannte Ziele', kind: 'strategy' }));
    const body = { title: 'Ziele', subject: 'goals', refIds: [randomUUID(), randomUUID(), randomUUID()] };
    const en = await ask('en', t.cookies.coordinator, 'POST', `/workshops/${w.id}/rounds`, body);
    expect(en.statusCode).toBe(400);
    expect(error(en).message).toBe('3 of the chosen goals do not exist (any more) in this municipality.');
    expect(error(await ask('de', t.cookies.coordinator, 'POST', `/workshops/${w.id}/rounds`, body)).message).toBe('3 der gewählten Ziele gibt es in dieser Kommune nicht (mehr).');
  });
});
