import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTenant, createTestApp, json, type Tenant } from '../../test/harness';
import { multipart } from '../../test/multipart';
import type { App } from '../../app';

let app: App;
let close: () => Promise<void>;
let t: Tenant;
let other: Tenant;
let goalId: string;

beforeAll(async () => {
  ({ app, close } = await createTestApp());
  t = await createTenant(app, 'Musterstadt');
  other = await createTenant(app, 'Nachbarstadt');
  goalId = json(await call(app, t.cookies.coordinator, 'POST', '/goals', { title: 'Lebendige Altstadt' })).id;
});
afterAll(() => close());

// The state depends on today (no value in 18 months: no data); the tests use 1 January of the current year
// for values whose state they check, on a path that has reached its target (the expected value is constant).
const Y = new Date().getUTCFullYear();
const green = (body: Record<string, unknown> = {}) => ({
  name: `Grünflächenanteil ${Math.random().toString(16).slice(2, 6)}`, unit: '%', source: 'Flächennutzungskataster', baselineValue: 20, baselineDate: '2025-01-01',
  kind: 'increase_to', departmentId: t.departmentIds[0], targets: [{ date: '2027-01-01', value: 40 }], ...body,
});
const create = async (body: Record<string, unknown> = {}) => {
  const res = await call(app, t.cookies.coordinator, 'POST', `/goals/${goalId}/indicators`, green(body));
  expect(res.statusCode, res.body).toBe(201);
  return json(res);
};
const upload = (cookie: string, url: string, filename: string, data: Buffer | string) => {
  const file = multipart([{ name: 'file', filename, contentType: 'text/csv', data }]);
  return app.inject({ method: 'POST', url: `/api/v1${url}`, headers: { cookie, ...file.headers }, payload: file.payload });
};

describe('goal indicators', () => {
  it('the coordinator creates an indicator with a target path; values give the state and the rule that decided; readers read', async () => {
    const i = await create({ baselineDate: '2020-01-01', targets: [{ date: '2021-01-01', value: 30 }] });
    expect(i).toMatchObject({ goalId, kind: 'increase_to', baselineValue: 20, version: 1, targets: [{ date: '2021-01-01', value: 30, min: null, max: null }], values: [] });
    expect(i.evaluation).toMatchObject({ state: 'no_data', rule: 'no_data' });
    const v1 = await call(app, t.cookies.department, 'POST', `/indicators/${i.id}/values`, { date: '2020-07-02', value: 24.5, note: 'Luftbild' });
    expect(v1.statusCode, v1.body).toBe(201);
    expect(json(v1)).toMatchObject({ date: '2020-07-02', value: 24.5, note: 'Luftbild', enteredBy: 'department user' });
    expect(json(await call(app, t.cookies.coordinator, 'POST', `/indicators/${i.id}/values`, { date: `${Y}-01-01`, value: 28.5 })).value).toBe(28.5);
    const list = json(await call(app, t.cookies.reader, 'GET', `/goals/${goalId}/indicators`));
    expect(list.canEdit).toBe(false);
    const mine = list.items.find((x: { id: string }) => x.id === i.id);
    expect(mine.values.map((v: { date: string }) => v.date)).toEqual(['2020-07-02', `${Y}-01-01`]);
    expect(mine.evaluation).toMatchObject({ state: 'on_course', rule: 'within_on_course', expected: 30 });
    expect(mine.evaluation.reason.de).toBe(`Messwert 28,5 am 01.01.${Y}, Sollwert auf dem Zielpfad 30: 5 % dahinter (höchstens 5 %).`);
    expect(mine.canEnterValues).toBe(false);
    expect(list.rules.map((r: { id: string }) => r.id)[0]).toBe('no_data');
    const trail = json(await call(app, t.cookies.admin, 'GET', `/audit/trail?entityType=indicator&entityId=${i.id}`));
    expect(JSON.stringify(trail)).toContain(`${Y}-01-01: 28.5`);
  });

  it('roles: readers and other departments change nothing (403); only editors define indicators', async () => {
    const i = await create({ departmentId: t.departmentIds[1] });
    for (const cookie of [t.cookies.reader, t.cookies.department]) {
      expect((await call(app, cookie, 'POST', `/indicators/${i.id}/values`, { date: '2026-01-01', value: 1 })).statusCode).toBe(403);
      expect((await call(app, cookie, 'POST', `/goals/${goalId}/indicators`, green())).statusCode).toBe(403);
      expect((await call(app, cookie, 'PATCH', `/indicators/${i.id}`, { version: 1, name: 'X' })).statusCode).toBe(403);
      expect((await call(app, cookie, 'DELETE', `/indicators/${i.id}?version=1`)).statusCode).toBe(403);
    }
    const msg = json(await call(app, t.cookies.department, 'POST', `/indicators/${i.id}/values`, { date: '2026-01-01', value: 1 })).error.message;
    expect(msg).toBe('Messwerte tragen das für den Indikator zuständige Amt und die Koordination ein.');
    expect((await call(app, t.cookies.admin, 'POST', `/indicators/${i.id}/values`, { date: '2026-01-01', value: 1 })).statusCode).toBe(201);
    expect((await call(app, null, 'GET', `/goals/${goalId}/indicators`)).statusCode).toBe(401);
  });

  it("another municipality's goal, indicator and value give 404", async () => {
    const i = await create();
    const v = json(await call(app, t.cookies.coordinator, 'POST', `/indicators/${i.id}/values`, { date: '2026-02-01', value: 30 }));
    const o = other.cookies.coordinator;
    expect((await call(app, o, 'GET', `/goals/${goalId}/indicators`)).statusCode).toBe(404);
    expect((await call(app, o, 'POST', `/goals/${goalId}/indicators`, green())).statusCode).toBe(404);
    expect((await call(app, o, 'GET', `/indicators/${i.id}`)).statusCode).toBe(404);
    expect((await call(app, o, 'PATCH', `/indicators/${i.id}`, { version: 1, name: 'Fremd' })).statusCode).toBe(404);
    expect((await call(app, o, 'POST', `/indicators/${i.id}/values`, { date: '2026-03-01', value: 1 })).statusCode).toBe(404);
    expect((await call(app, o, 'DELETE', `/indicators/${i.id}/values/${v.id}`)).statusCode).toBe(404);
    expect((await call(app, o, 'DELETE', `/indicators/${i.id}?version=1`)).statusCode).toBe(404);
    // and a foreign department cannot be made responsible
    const res = await call(app, t.cookies.coordinator, 'POST', `/goals/${goalId}/indicators`, green({ departmentId: other.departmentIds[0] }));
    expect(res.statusCode).toBe(400);
    expect(json(await call(app, t.cookies.reader, 'GET', `/indicators/${i.id}`)).values).toHaveLength(1);
  });

  it('stale versions give 409 with the current indicator; a second value on one date 409; the target path is replaced whole', async () => {
    const i = await create();
    const upd = await call(app, t.cookies.coordinator, 'PATCH', `/indicators/${i.id}`, { version: 1, targets: [{ date: '2026-01-01', value: 25 }, { date: '2028-01-01', value: 45 }] });
    expect(upd.statusCode, upd.body).toBe(200);
    expect(json(upd)).toMatchObject({ version: 2, targets: [{ date: '2026-01-01', value: 25 }, { date: '2028-01-01', value: 45 }] });
    const stale = await call(app, t.cookies.coordinator, 'PATCH', `/indicators/${i.id}`, { version: 1, name: 'Alt' });
    expect([stale.statusCode, json(stale).error.code, json(stale).error.details.current.version]).toEqual([409, 'version_conflict', 2]);
    expect((await call(app, t.cookies.coordinator, 'DELETE', `/indicators/${i.id}?version=1`)).statusCode).toBe(409);
    await call(app, t.cookies.coordinator, 'POST', `/indicators/${i.id}/values`, { date: '2026-01-01', value: 25 });
    const twice = await call(app, t.cookies.coordinator, 'POST', `/indicators/${i.id}/values`, { date: '2026-01-01', value: 26 });
    expect([twice.statusCode, json(twice).error.message]).toEqual([409, 'Für den 2026-01-01 gibt es schon einen Messwert. Bitte löschen Sie ihn zuerst, wenn er falsch ist.']);
    const dup = await call(app, t.cookies.coordinator, 'POST', `/goals/${goalId}/indicators`, green({ name: i.name.toUpperCase() }));
    expect(dup.statusCode).toBe(409);
    expect((await call(app, t.cookies.coordinator, 'DELETE', `/indicators/${i.id}?version=2`)).statusCode).toBe(204);
    expect((await call(app, t.cookies.reader, 'GET', `/indicators/${i.id}`)).statusCode).toBe(404);
  });

  it('bad input gives 400 with a clear message, never a 500', async () => {
    const bad = async (body: Record<string, unknown>, message?: string) => {
      const res = await call(app, t.cookies.coordinator, 'POST', `/goals/${goalId}/indicators`, green(body));
      expect(res.statusCode, res.body).toBe(400);
      if (message) expect(json(res).error.message).toBe(message);
    };
    await bad({ targets: [] });
    await bad({ targets: [{ date: '2024-01-01', value: 40 }] }, 'Zielwert 1: Das Datum muss nach dem Datum des Ausgangswerts liegen.');
    await bad({ kind: 'within_range', targets: [{ date: '2027-01-01', value: 40 }] }, 'Zielwert 1: Bitte untere und obere Grenze des Zielbereichs angeben (keinen einzelnen Wert).');
    await bad({ kind: 'within_range', targets: [{ date: '2027-01-01', min: 50, max: 40 }] }, 'Zielwert 1: Die untere Grenze ist größer als die obere.');
    await bad({ targets: [{ date: '2027-01-01', min: 1, max: 2 }] }, 'Zielwert 1: Bitte einen Zielwert angeben (bei „steigern auf“ und „senken auf“ keinen Bereich).');
    await bad({ targets: [{ date: '2027-01-01', value: 1 }, { date: '2027-01-01', value: 2 }] }, 'Zielwert 2: Für dieses Datum gibt es schon einen Zielwert.');
    await bad({ baselineValue: 1e13 });
    await bad({ baselineDate: '2025-02-30' });
    await bad({ kind: 'double' });
    await bad({ name: '' });
    const i = await create();
    expect((await call(app, t.cookies.coordinator, 'POST', `/indicators/${i.id}/values`, { date: 'gestern', value: 1 })).statusCode).toBe(400);
    expect((await call(app, t.cookies.coordinator, 'POST', `/indicators/${i.id}/values`, { date: '2026-01-01', value: 'viel' })).statusCode).toBe(400);
  });

  it('a range indicator: inside the range is on course', async () => {
    const i = await create({ kind: 'within_range', baselineValue: 50, targets: [{ date: '2026-01-01', min: 40, max: 60 }] });
    await call(app, t.cookies.coordinator, 'POST', `/indicators/${i.id}/values`, { date: `${Y}-01-01`, value: 63 });
    const got = json(await call(app, t.cookies.reader, 'GET', `/indicators/${i.id}`));
    expect(got.evaluation).toMatchObject({ state: 'at_risk', rule: 'range_near', range: { min: 40, max: 60 } });
  });
});

describe('import of measured values', () => {
  // Windows-1252 as German Excel saves "CSV (Trennzeichen-getrennt)": ä is one byte 0xE4, semicolons, decimal commas.
  const cp1252 = (text: string) => Buffer.from(text.replace(/\n/g, '\r\n'), 'latin1');

  it('previews, then stores all rows of a Windows-1252 CSV with German dates and decimals', async () => {
    const shops = await create({ name: 'Leerstände Erdgeschoss', unit: 'Anzahl', kind: 'decrease_to', baselineValue: 1234.5, targets: [{ date: '2027-01-01', value: 1000 }] });
    const csv = cp1252('Indikator;Datum;Wert;Anmerkung\nLeerstände Erdgeschoss;21.11.2025;1.234,5;Zählung\nleerstände erdgeschoss;2026-03-01;1.100,25;\n');
    expect(csv.includes(Buffer.from([0xe4]))).toBe(true);
    const pre = await upload(t.cookies.department, `/goals/${goalId}/indicators/import/preview`, 'werte.csv', csv);
    expect(pre.statusCode, pre.body).toBe(200);
    expect(json(pre)).toEqual({
      rows: [
        { line: 2, indicatorId: shops.id, indicatorName: 'Leerstände Erdgeschoss', date: '2025-11-21', value: 1234.5 },
        { line: 3, indicatorId: shops.id, indicatorName: 'Leerstände Erdgeschoss', date: '2026-03-01', value: 1100.25 },
      ],
      errors: [], applied: false,
    });
    expect(json(await call(app, t.cookies.reader, 'GET', `/indicators/${shops.id}`)).values).toEqual([]);
    const res = await upload(t.cookies.department, `/goals/${goalId}/indicators/import`, 'werte.csv', csv);
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res).applied).toBe(true);
    const got = json(await call(app, t.cookies.reader, 'GET', `/indicators/${shops.id}`));
    expect(got.values.map((v: { date: string; value: number; note: string }) => [v.date, v.value, v.note])).toEqual([['2025-11-21', 1234.5, 'Zählung'], ['2026-03-01', 1100.25, '']]);
    // the same file again: every row is a duplicate, nothing is stored twice
    const again = await upload(t.cookies.department, `/goals/${goalId}/indicators/import`, 'werte.csv', csv);
    expect([again.statusCode, json(again).error.code, json(again).error.details.errors[0].message]).toEqual([422, 'import_invalid', 'Zeile 2: Für „Leerstände Erdgeschoss“ gibt es am 21.11.2025 schon einen Wert.']);
  });

  it('reads an XLSX file: date cells, number cells (1.234 stays a decimal there) and German text numbers', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const i = await create({ name: 'Baumkronenanteil', unit: '%' });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Messwerte');
    ws.addRow(['Indikator', 'Datum', 'Wert', 'Anmerkung']);
    ws.addRow(['Baumkronenanteil', new Date(Date.UTC(2025, 10, 21)), 1.234, 'Luftbild']);
    ws.addRow(['Baumkronenanteil', '01.03.2026', '2.345,5', '']);
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const file = multipart([{ name: 'file', filename: 'werte.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', data }]);
    const res = await app.inject({ method: 'POST', url: `/api/v1/goals/${goalId}/indicators/import`, headers: { cookie: t.cookies.coordinator, ...file.headers }, payload: file.payload });
    expect(res.statusCode, res.body).toBe(200);
    const got = json(await call(app, t.cookies.reader, 'GET', `/indicators/${i.id}`));
    expect(got.values.map((v: { date: string; value: number }) => [v.date, v.value])).toEqual([['2025-11-21', 1.234], ['2026-03-01', 2345.5]]);
  });

  it('all or nothing: one bad row stores nothing and every error names its row', async () => {
    const i = await create({ name: 'Radverkehrsanteil' });
    const csv = cp1252('Indikator;Datum;Wert\nRadverkehrsanteil;01.02.2026;22,5\nRadverkehrsanteil;31.02.2026;23\nUnbekannt;01.03.2026;1\nRadverkehrsanteil;01.04.2026;viel\n');
    const pre = json(await upload(t.cookies.coordinator, `/goals/${goalId}/indicators/import/preview`, 'werte.csv', csv));
    expect(pre.errors.map((e: { message: string }) => e.message)).toEqual([
      'Zeile 3: „31.02.2026“ ist kein Datum (z. B. 21.11.2026).',
      'Zeile 4: Einen Indikator „Unbekannt“ hat dieses Ziel nicht.',
      'Zeile 5: „viel“ ist keine Zahl (z. B. 1.234,5).',
    ]);
    const res = await upload(t.cookies.coordinator, `/goals/${goalId}/indicators/import`, 'werte.csv', csv);
    expect([res.statusCode, json(res).error.code]).toEqual([422, 'import_invalid']);
    expect(json(res).error.message).toContain('3 Fehler in der Datei – es wurde nichts importiert.');
    expect(json(await call(app, t.cookies.reader, 'GET', `/indicators/${i.id}`)).values).toEqual([]);
    // a department may not import values of an indicator it is not responsible for
    const foreign = await create({ name: 'Baumbestand', departmentId: t.departmentIds[1] });
    const deny = json(await upload(t.cookies.department, `/goals/${goalId}/indicators/import/preview`, 'w.csv', cp1252('Indikator;Datum;Wert\nBaumbestand;01.02.2026;5\n')));
    expect(deny.errors[0].message).toBe('Zeile 2: Werte für „Baumbestand“ trägt Tiefbauamt ein.');
    expect(json(await call(app, t.cookies.reader, 'GET', `/indicators/${foreign.id}`)).values).toEqual([]);
    // missing columns and readers
    const cols = await upload(t.cookies.coordinator, `/goals/${goalId}/indicators/import/preview`, 'w.csv', 'Name;Zahl\nx;1\n');
    expect([cols.statusCode, json(cols).error.message]).toEqual([400, 'Der Datei fehlen Spalten: Datum, Wert. Erwartet: Indikator, Datum, Wert (optional Anmerkung).']);
    expect((await upload(t.cookies.reader, `/goals/${goalId}/indicators/import/preview`, 'w.csv', 'Indikator;Datum;Wert\n')).statusCode).toBe(403);
    expect((await upload(other.cookies.coordinator, `/goals/${goalId}/indicators/import/preview`, 'w.csv', 'Indikator;Datum;Wert\nx;1.1.2026;1\n')).statusCode).toBe(404);
  });
});

describe('demo data', () => {
  it('two Musterstadt goals carry an indicator each, with values giving a live state', async () => {
    const { loadDemoIndicators } = await import('../../db/seed/demo-indicators');
    const town = await createTenant(app, 'Demostadt');
    const actor = { municipalityId: town.municipalityId, userId: town.userIds.admin, userName: 'admin user', role: 'admin' as const, departmentId: null, sessionHash: '' };
    const goals = new Map<string, string>();
    for (const title of ['Grün- und Freiflächen vernetzen und aufwerten', 'Die Innenstadt als Ort für Handel, Dienstleistung und Begegnung stärken']) {
      goals.set(title, json(await call(app, town.cookies.coordinator, 'POST', '/goals', { title })).id);
    }
    await app.db.tx((tx) => loadDemoIndicators(tx, actor, goals, new Map()));
    const green = json(await call(app, town.cookies.reader, 'GET', `/goals/${goals.get('Grün- und Freiflächen vernetzen und aufwerten')}/indicators`)).items[0];
    expect([green.values.length, green.evaluation.state]).toEqual([2, 'on_course']);
    const shops = json(await call(app, town.cookies.reader, 'GET', `/goals/${goals.get('Die Innenstadt als Ort für Handel, Dienstleistung und Begegnung stärken')}/indicators`)).items[0];
    expect([shops.kind, shops.evaluation.state]).toEqual(['decrease_to', 'at_risk']);
    expect(shops.evaluation.expected).toBeCloseTo(23, 0); // 27 → 15 over six years, two years in (leap days move it a little)
  });
});
