import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, createTestApp } from '../../test/harness';
import type { App } from '../../app';

/**
 * PGlite never collects planner statistics by itself; server/db/client.ts follows a bulk change
 * (≥ 500 rows in one transaction, e.g. an import) with VACUUM ANALYZE, so the list and search keep
 * their index plans. PostgreSQL has autovacuum for this, so the test runs on PGlite only.
 */
describe.runIf(!process.env.TEST_DATABASE_URL)('PGlite maintenance', () => {
  let app: App;
  let close: () => Promise<void>;
  beforeAll(async () => ({ app, close } = await createTestApp()));
  afterAll(() => close());

  const stats = async () =>
    (await app.db.query<{ tuples: number }>("SELECT reltuples AS tuples FROM pg_class WHERE relname = 'measure'"))[0].tuples;

  it('analyzes after a bulk change, not after a small one', async () => {
    const t = await createTenant(app);
    const insert = (from: number, to: number) =>
      app.db.tx((db) =>
        db.query(`INSERT INTO measure (municipality_id, number, title) SELECT $1, n, 'Maßnahme ' || n FROM generate_series($2::int, $3::int) n`, [t.municipalityId, from, to]),
      );
    await insert(1, 10);
    expect(await stats()).toBeLessThan(0); // never analyzed
    await insert(11, 610);
    expect(await stats()).toBe(610); // the VACUUM ANALYZE ran before this query, in the same queue
  });
});
