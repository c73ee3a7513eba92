import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { call, createTenant, createTestApp, json, type Tenant } from '../../test/harness';
import type { App } from '../../app';
import type { Db } from '../../db/client';

let app: App;
let db: Db;
let close: () => Promise<void>;
let t: Tenant;
beforeAll(async () => {
  ({ app, db, close } = await createTestApp());
  t = await createTenant(app, 'Prioritätsstadt');
});
afterAll(() => close());

type Kofi = { rows: { measureId: string; title: string }[]; totals: { costCents: number } };

describe('KoFi filtered by priority class', () => {
  it('lists only measures of the chosen classes, sums them, and names the filter in the export heading', async () => {
    const ids: Record<string, string> = {};
    for (const [title, priority, cost] of [['Markt A', 'A', 1000000], ['Park B', 'B', 2000000], ['Weg ohne Klasse', null, 4000000]] as const) {
      const m = json(await call(app, t.cookies.coordinator, 'POST', '/measures', { title, costCents: cost }));
      // the class is set by the prioritisation decision; here directly in the database
      // a class goes with the status "prioritised" (domain/measure-state.ts)
      await db.query("UPDATE measure SET priority = $3, status = CASE WHEN $3::text IS NULL THEN status ELSE 'prioritised' END WHERE municipality_id = $1 AND id = $2", [t.municipalityId, m.id, priority]);
      ids[title] = m.id;
    }
    const onlyA = json<Kofi>(await call(app, t.cookies.reader, 'GET', '/kofi?priority=A'));
    expect(onlyA.rows.map((r) => r.title)).toEqual(['Markt A']);
    expect(onlyA.totals.costCents).toBe(1000000);
    const ab = json<Kofi>(await call(app, t.cookies.reader, 'GET', '/kofi?priority=A,b'));
    expect(ab.rows.map((r) => r.title)).toEqual(['Markt A', 'Park B']);
    expect(ab.totals.costCents).toBe(3000000);
    expect(json<Kofi>(await call(app, t.cookies.reader, 'GET', '/kofi')).rows).toHaveLength(3);
    const bad = await call(app, t.cookies.reader, 'GET', '/kofi?priority=D');
    expect(bad.statusCode).toBe(400);
    expect(json(bad).error.code).toBe('validation_failed');

    const xlsx = await call(app, t.cookies.reader, 'GET', '/kofi/export.xlsx?priority=A&q=Markt');
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const heading = String(wb.getWorksheet('KoFi')!.getCell(1, 1).value);
    expect(heading).toContain('Prioritätsstadt');
    expect(heading).toContain('Priorität: A – vorrangig');
    expect(heading).toContain('Suche: „Markt“');
    expect(wb.getWorksheet('KoFi')!.getColumn(2).values).toContain('Markt A');
    expect(wb.getWorksheet('KoFi')!.getColumn(2).values).not.toContain('Park B');
    const unfiltered = await call(app, t.cookies.reader, 'GET', '/kofi/export.xlsx');
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(unfiltered.rawPayload as unknown as ArrayBuffer);
    expect(String(wb2.getWorksheet('KoFi')!.getCell(1, 1).value)).toContain('Auswahl: alle Maßnahmen');
    const pdf = await call(app, t.cookies.reader, 'GET', '/kofi/export.pdf?priority=B');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
  });
});

describe('programme catalogue cache', () => {
  it('serves a programme change made through the database version at once, as another instance would see it', async () => {
    const m = json(await call(app, t.cookies.coordinator, 'POST', '/measures', { title: 'Sporthalle', tags: ['Sport'] }));
    const names = async () => json<{ programmeName: string }[]>(await call(app, t.cookies.reader, 'GET', `/measures/${m.id}/funding-matches`)).map((x) => x.programmeName);
    expect((await names()).some((n) => /LEADER/.test(n))).toBe(true);
    const [p] = await db.query<{ id: string; name: string }>("SELECT id, name FROM funding_programme WHERE municipality_id = $1 AND name LIKE '%LEADER%'", [t.municipalityId]);
    // another instance renames the programme and bumps the catalogue version in its transaction
    await db.tx(async (tx) => {
      await tx.query("UPDATE funding_programme SET name = 'LEADER (umbenannt)' WHERE municipality_id = $1 AND id = $2", [t.municipalityId, p.id]);
      await tx.query('UPDATE municipality SET funding_catalogue_version = funding_catalogue_version + 1 WHERE id = $1', [t.municipalityId]);
    });
    const after = await names();
    expect(after).toContain('LEADER (umbenannt)');
    expect(after).not.toContain(p.name);
    // the cache is real: a write that skips the version bump is not seen (why every write must bump it)
    await db.query("UPDATE funding_programme SET name = 'LEADER (ohne Version)' WHERE municipality_id = $1 AND id = $2", [t.municipalityId, p.id]);
    expect(await names()).toContain('LEADER (umbenannt)');
    // an edit through the API bumps the version
    const [{ version }] = await db.query<{ version: number }>('SELECT version FROM funding_programme WHERE id = $1', [p.id]);
    expect((await call(app, t.cookies.admin, 'PATCH', `/funding-programmes/${p.id}`, { version, name: 'LEADER 2028' })).statusCode).toBe(200);
    expect(await names()).toContain('LEADER 2028');
  });
});
