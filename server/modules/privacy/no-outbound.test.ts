import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import dns from 'node:dns';
import net from 'node:net';
import tls from 'node:tls';
import { watchOutbound, type OutboundWatch } from '../../test/outbound-watch';
import { createTenant, createTestApp, type Tenant } from '../../test/harness';
import type { App } from '../../app';
import { loadDemoData } from '../../db/seed/demo';
import { closeDueRounds } from '../workshops/rounds.service';
import { eraseExpiredGuests } from './retention';

/**
 * Issue 14: no request leaves the server at run time unless an admin configured it (SMTP, identity
 * provider, OParl, map tiles). The app is built with none of them — as `createTestApp` does: no SMTP_URL,
 * no MAP_TILE_URL, no identity provider, no council information system — with the demo data, and every
 * GET route of its OpenAPI document is called as admin while every connection and DNS lookup is watched.
 */
let watch: OutboundWatch;
let app: App;
let close: () => Promise<void>;
let t: Tenant;
beforeAll(async () => {
  // Watching starts before the app is built, so start-up (migrations, onReady hooks, timers) is covered too.
  watch = watchOutbound();
  ({ app, close } = await createTestApp());
  t = await createTenant(app, 'Musterstadt');
  const [{ name }] = await app.db.query<{ name: string }>('SELECT name FROM app_user WHERE id = $1', [t.userIds.admin]);
  // The demo brings its own departments (the tenant's two test departments have the same names).
  await app.db.query('DELETE FROM department WHERE municipality_id = $1', [t.municipalityId]);
  await app.db.tx((db) => loadDemoData(db, { municipalityId: t.municipalityId, userId: t.userIds.admin, userName: name }));
});
afterAll(async () => {
  await close();
  watch.stop();
});

const inject = (url: string, method: 'GET' | 'POST' = 'GET', payload?: object) =>
  app.inject({ method, url: `/api/v1${url}`, headers: { cookie: t.cookies.admin }, ...(payload ? { payload } : {}) });

/** A real id for each kind of path parameter, so that the routes do their full work rather than answer 404. */
async function idsFor() {
  const one = async (sql: string) => (await app.db.query<{ id: string }>(sql, sql.includes('$1') ? [t.municipalityId] : []))[0]?.id ?? randomUUID();
  // A workshop with a named round, a guest with dots and a closed round: results, protocol and codes have content.
  const w = (await inject('/workshops', 'POST', { title: 'Werkstatt', kind: 'citizens' })).json();
  const r = (await inject(`/workshops/${w.id}/rounds`, 'POST', { title: 'Was zuerst?', subject: 'options', options: ['A', 'B'], rules: { anonymous: false } })).json();
  await inject(`/rounds/${r.id}/open`, 'POST');
  const join = await app.inject({ method: 'POST', url: `/api/v1/join/${w.joinCode}`, payload: { name: 'Gast' } });
  const device = `rf_device=${join.cookies.find((c) => c.name === 'rf_device')!.value}`;
  await app.inject({ method: 'POST', url: `/api/v1/rounds/${r.id}/dots`, headers: { cookie: device }, payload: { itemId: r.items[0].id, dotId: randomUUID() } });
  await inject(`/rounds/${r.id}/close`, 'POST');
  const measure = await one('SELECT id FROM measure WHERE municipality_id = $1 ORDER BY number LIMIT 1');
  return {
    measures: measure,
    workshops: w.id as string,
    rounds: r.id as string,
    'priorities/rounds': await one('SELECT id FROM scoring_round WHERE municipality_id = $1 LIMIT 1'),
    'saved-searches': await one('SELECT id FROM saved_search WHERE municipality_id = $1 LIMIT 1'),
    'funding-programmes': await one('SELECT id FROM funding_programme LIMIT 1'),
    users: t.userIds.reader,
    attachmentId: await one('SELECT id FROM attachment WHERE municipality_id = $1 LIMIT 1'),
    participantId: await one(`SELECT id FROM participant WHERE municipality_id = $1 AND user_id IS NULL LIMIT 1`),
    code: w.joinCode as string,
    file: 'kalender.ics',
    municipalityId: t.municipalityId,
  };
}

describe('no request leaves the server unless an admin configured it', () => {
  it('the watcher catches an attempt (positive control): a socket, TLS, fetch and a DNS lookup, each refused', async () => {
    const before = watch.attempts.length;
    await new Promise<void>((resolve) => net.connect(80, '192.0.2.1').on('error', () => resolve()));
    await new Promise<void>((resolve) => tls.connect(443, '198.51.100.7').on('error', () => resolve()));
    await expect(fetch('http://203.0.113.9/')).rejects.toThrow();
    await expect(dns.promises.lookup('example.org')).rejects.toThrow(/refused by the test/);
    const seen = watch.attempts.slice(before);
    expect(seen).toEqual(expect.arrayContaining(['connect 192.0.2.1:80', 'connect 198.51.100.7:443', 'connect 203.0.113.9:80', 'dns example.org']));
    watch.attempts.splice(before); // the control's own attempts are not the app's
  });

  it('calls every GET route of the OpenAPI document as admin, runs the background jobs, and records zero outbound attempts', async () => {
    const ids = await idsFor();
    const doc = app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const statuses: Record<string, number> = {};
    let calls = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      if (!ops.get) continue;
      // Live streams never end on their own; they read the same data the results route reads.
      if (path.endsWith('/events')) continue;
      const first = path.split('/')[1];
      const prefix = path.startsWith('/priorities/rounds') ? 'priorities/rounds' : first;
      const url = path.replace(/\{(\w+)\}/g, (_, name: string) => String(name === 'id' ? ids[prefix as keyof typeof ids] ?? randomUUID() : ids[name as keyof typeof ids] ?? randomUUID()));
      const res = await inject(url);
      calls++;
      statuses[`${res.statusCode}`] = (statuses[`${res.statusCode}`] ?? 0) + 1;
      expect([path, res.statusCode < 500]).toEqual([path, true]);
    }
    // Background work: the round timer sweep and the guests' retention (which main.ts starts) run by hand;
    // the onReady hooks (live hub, sweeper, outbox worker when configured) have run since the app was built.
    await closeDueRounds(app.db);
    await eraseExpiredGuests(app.db, app.config.sessionSecret);
    console.log(`no-outbound: ${calls} GET routes called as admin, statuses ${JSON.stringify(statuses)}, outbound attempts: ${watch.attempts.length}`);
    expect(calls).toBeGreaterThan(80);
    expect(statuses['200'] ?? 0).toBeGreaterThan(calls * 0.8);
    expect(watch.attempts).toEqual([]);
  }, 120_000);
});
