import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { buildApp } from '../../app';
import { openPostgres } from '../../db/client';
import { call, createTestApp, createTenant, json } from '../../test/harness';

/**
 * Two app instances on one PostgreSQL database, as behind a load balancer: a dot placed through
 * instance A reaches a projector stream held by instance B (fan-out through LISTEN/NOTIFY, not memory).
 * PGlite is embedded in one process, so this runs in the PostgreSQL pass (`npm run test:pg`).
 */
describe.runIf(!!process.env.TEST_DATABASE_URL)('several app instances', () => {
  it('delivers a dot placed on one instance to a stream on the other', async () => {
    const a = await createTestApp();
    const dbB = await openPostgres(a.databaseUrl!, 3);
    // the second instance shares config (and so the session secret) and the database, nothing else
    const b = await buildApp(a.app.config, dbB, { logger: false });
    try {
      const t = await createTenant(a.app);
      const w = json(await call(a.app, t.cookies.coordinator, 'POST', '/workshops', { title: 'Zwei Instanzen' }));
      const r = json(await call(a.app, t.cookies.coordinator, 'POST', `/workshops/${w.id}/rounds`, { title: 'Runde', subject: 'options', options: ['A', 'B'] }));
      await call(a.app, t.cookies.coordinator, 'POST', `/rounds/${r.id}/open`);
      const joined = await a.app.inject({ method: 'POST', url: `/api/v1/join/${w.joinCode}`, payload: { name: 'Gast' } });
      const device = `rf_device=${joined.cookies.find((c) => c.name === 'rf_device')!.value}`;

      const address = await b.listen({ port: 0, host: '127.0.0.1' });
      const ctrl = new AbortController();
      const res = await fetch(`${address}/api/v1/rounds/${r.id}/events`, { headers: { cookie: t.cookies.coordinator }, signal: ctrl.signal });
      const reader = res.body!.getReader();
      let buffer = '';
      const nextTotal = async () => {
        for (;;) {
          const i = buffer.indexOf('\n\n');
          if (i >= 0) {
            const block = buffer.slice(0, i);
            buffer = buffer.slice(i + 2);
            const data = block.split('\n').find((l) => l.startsWith('data: '));
            if (block.includes('event: results') && data) return JSON.parse(data.slice(6)).totalDots as number;
            continue;
          }
          const { value, done } = await reader.read();
          if (done) throw new Error('stream ended');
          buffer += new TextDecoder().decode(value);
        }
      };
      expect(await nextTotal()).toBe(0);
      const placed = await a.app.inject({ method: 'POST', url: `/api/v1/rounds/${r.id}/dots`, headers: { cookie: device }, payload: { itemId: r.items[0].id, dotId: randomUUID() } });
      expect(placed.statusCode).toBe(200);
      expect(await nextTotal()).toBe(1);
      ctrl.abort();
    } finally {
      await b.close();
      await dbB.close();
      await a.close();
    }
  });
});
