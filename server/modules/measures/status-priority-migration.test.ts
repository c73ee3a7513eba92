import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { call, createTenant, createTestApp, json, type Tenant } from '../../test/harness';
import type { App } from '../../app';

const MIGRATION = new URL('../../db/migrations/0013_status_priority_agree.sql', import.meta.url);

let app: App;
let close: () => Promise<void>;
let t: Tenant;
beforeAll(async () => {
  ({ app, close } = await createTestApp());
  t = await createTenant(app, 'Altdatenstadt');
});
afterAll(() => close());

describe('migration 0013: status and priority class agree', () => {
  it('repairs existing rows without inventing a class, audits each repair, then guards the table', async () => {
    const mk = async (title: string) => json(await call(app, t.cookies.coordinator, 'POST', '/measures', { title })).id as string;
    const [noClass, briefWithClass, planning, consistent] = [await mk('Priorisiert ohne Klasse'), await mk('Steckbrief mit Klasse'), await mk('In Planung ohne Klasse'), await mk('Priorisiert mit Klasse')];
    // the state before 0013, as the old demo and old edits could leave it
    await app.db.query('ALTER TABLE measure DROP CONSTRAINT measure_status_priority');
    await app.db.query("UPDATE measure SET status = 'prioritised' WHERE id = $1", [noClass]);
    await app.db.query("UPDATE measure SET status = 'brief', priority = 'B' WHERE id = $1", [briefWithClass]);
    await app.db.query("UPDATE measure SET status = 'planning' WHERE id = $1", [planning]);
    await app.db.query("UPDATE measure SET status = 'prioritised', priority = 'A' WHERE id = $1", [consistent]);

    await app.db.exec(readFileSync(MIGRATION, 'utf8'));

    const get = async (id: string) => json(await call(app, t.cookies.reader, 'GET', `/measures/${id}`));
    expect(await get(noClass)).toMatchObject({ status: 'brief', priority: null, version: 2 });
    expect(await get(briefWithClass)).toMatchObject({ status: 'prioritised', priority: 'B', version: 2 });
    expect(await get(planning)).toMatchObject({ status: 'planning', priority: null, version: 1 });
    expect(await get(consistent)).toMatchObject({ status: 'prioritised', priority: 'A', version: 1 });
    const audit = json(await call(app, t.cookies.reader, 'GET', `/measures/${noClass}/audit`));
    expect(audit[0]).toMatchObject({ actorName: 'Migration 0013 (Status und Priorität)', changes: { status: ['prioritised', 'brief'] } });
    expect(json(await call(app, t.cookies.reader, 'GET', `/measures/${briefWithClass}/audit`))[0].changes).toEqual({ status: ['brief', 'prioritised'] });
    await expect(app.db.query("UPDATE measure SET status = 'prioritised' WHERE id = $1", [planning])).rejects.toThrow(/measure_status_priority/);
  });
});
