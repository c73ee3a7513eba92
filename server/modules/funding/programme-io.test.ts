import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { call, createTenant, createTestApp, json, type Tenant } from '../../test/harness';
import type { App } from '../../app';

let app: App;
let close: () => Promise<void>;
let t: Tenant;
let other: Tenant;
beforeAll(async () => {
  ({ app, close } = await createTestApp());
  t = await createTenant(app, 'Importstadt');
  other = await createTenant(app, 'Andere Stadt');
});
afterAll(() => close());

type Programme = Record<string, unknown> & { id: string; name: string; version: number };
const catalogue = async (tenant = t) =>
  json<Programme[]>(await call(app, tenant.cookies.admin, 'GET', '/funding-programmes')).map(({ version: _v, ...p }) => p);

/** A multipart upload of one file as the browser sends it. */
function upload(cookie: string, url: string, filename: string, data: Buffer | string) {
  const boundary = '----rf-test-boundary';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    Buffer.isBuffer(data) ? data : Buffer.from(data, 'utf8'),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return app.inject({ method: 'POST', url: `/api/v1${url}`, headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body });
}

async function exported(format: 'xlsx' | 'csv', tenant = t) {
  const res = await call(app, tenant.cookies.admin, 'GET', `/funding-programmes/export.${format}`);
  expect(res.statusCode).toBe(200);
  return res.rawPayload;
}

async function sheetOf(data: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb;
}

/** The columns before the funding-area columns were added (files in this form still import). */
const OLD_HEADER = 'ID;Name;Fördergeber;Ebene;Art;Fördersatz (Text);Fördersatz %;Fördersatz finanzschwach %;Mindestbetrag (€);Höchstbetrag (€);Antragsberechtigte;Förderthemen;Nur im Fördergebiet;Klimabezug erforderlich;Antragsfenster;Unterlagen;Beschreibung;Quelle (Link);Zuletzt geprüft';
const HEADER = `${OLD_HEADER};Fördergebietsarten;Für Kommunen;Typische Förderung ab (€);Typische Förderung bis (€)`;

describe('programme export', () => {
  it('exports every programme as XLSX and CSV with German columns; admins only', async () => {
    const list = await catalogue();
    const wb = await sheetOf(await exported('xlsx'));
    const ws = wb.getWorksheet('Förderprogramme')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(HEADER.split(';'));
    expect(ws.rowCount).toBe(list.length + 1);
    const names = ws.getColumn(2).values.slice(2);
    expect(names).toEqual(expect.arrayContaining(list.map((p) => p.name)));
    const lz = list.find((p) => /Lebendige Zentren/.test(p.name))!;
    const row = ws.getRow(names.indexOf(lz.name) + 2);
    expect(row.getCell(1).value).toBe(lz.id);
    expect(row.getCell(4).value).toBe('Bund');
    expect(row.getCell(5).value).toBe('Zuschuss');
    const csv = (await exported('csv')).toString('utf8');
    expect(csv.startsWith('\uFEFF' + HEADER + '\r\n')).toBe(true);
    for (const role of ['coordinator', 'department', 'reader'] as const) {
      expect((await call(app, t.cookies[role], 'GET', '/funding-programmes/export.xlsx')).statusCode).toBe(403);
      expect((await upload(t.cookies[role], '/funding-programmes/import/preview', 'p.csv', csv)).statusCode).toBe(403);
      expect((await upload(t.cookies[role], '/funding-programmes/import', 'p.csv', csv)).statusCode).toBe(403);
    }
    expect((await call(app, null, 'GET', '/funding-programmes/export.csv')).statusCode).toBe(401);
  });
});

describe('programme import', () => {
  it('round-trips: export → import leaves the catalogue identical (XLSX and CSV)', async () => {
    const before = await catalogue();
    for (const format of ['xlsx', 'csv'] as const) {
      const file = await exported(format);
      const preview = json(await upload(t.cookies.admin, '/funding-programmes/import/preview', `p.${format}`, file));
      expect(preview.ok).toBe(true);
      expect(preview.counts).toEqual({ create: 0, update: 0, unchanged: before.length, error: 0 });
      const res = await upload(t.cookies.admin, '/funding-programmes/import', `p.${format}`, file);
      expect(res.statusCode).toBe(200);
      expect(json(res)).toEqual({ created: 0, updated: 0, unchanged: before.length });
      expect(await catalogue()).toEqual(before);
    }
  });

  it('shows a preview of new and changed programmes, then commits them; a renamed programme keeps its id', async () => {
    const wb = await sheetOf(await exported('xlsx'));
    const ws = wb.getWorksheet('Förderprogramme')!;
    const leaderRow = ws.getColumn(2).values.findIndex((v) => typeof v === 'string' && /LEADER/.test(v));
    const leaderId = String(ws.getRow(leaderRow).getCell(1).value);
    ws.getRow(leaderRow).getCell(2).value = 'LEADER Südwest';
    ws.getRow(leaderRow).getCell(15).value = '01.02.2027 – 30.04.2027 (Aufruf 2027)\n– 31.10.2027';
    ws.addRow(['', 'Landesprogramm Ortskerne', 'Land Musterland', 'Land', 'Zuschuss', 'bis 70 %', '70', '', '25.000', '1,5 Mio', 'Kommunen; Vereine und Verbände', 'Ortskern\nLeerstand', 'ja', 'nein', '01.03.2027 –', 'Antrag, Kostenschätzung', '', 'https://example.org/ortskerne', '01.11.2026']);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const preview = json(await upload(t.cookies.admin, '/funding-programmes/import/preview', 'geaendert.xlsx', file));
    expect(preview.ok).toBe(true);
    expect(preview.counts).toMatchObject({ create: 1, update: 1, error: 0 });
    const changed = preview.rows.find((r: { action: string }) => r.action === 'update');
    expect(changed).toMatchObject({ name: 'LEADER Südwest', changes: ['Name', 'Antragsfenster'] });
    // the preview writes nothing
    expect((await catalogue()).some((p) => p.name === 'Landesprogramm Ortskerne')).toBe(false);
    expect(json(await upload(t.cookies.admin, '/funding-programmes/import', 'geaendert.xlsx', file))).toMatchObject({ created: 1, updated: 1 });
    const after = await catalogue();
    const leader = after.find((p) => p.id === leaderId)!;
    expect(leader.name).toBe('LEADER Südwest');
    expect(leader.windows).toEqual([{ opensOn: '2027-02-01', closesOn: '2027-04-30', note: 'Aufruf 2027' }, { opensOn: null, closesOn: '2027-10-31', note: '' }]);
    expect(after.find((p) => p.name === 'Landesprogramm Ortskerne')).toMatchObject({
      level: 'state', kind: 'grant', ratePercent: 70, rateWeakPercent: null, minAmountCents: 2500000, maxAmountCents: 150000000,
      applicants: ['municipality', 'association'], topics: ['Ortskern', 'Leerstand'], requiresDesignatedArea: true, climateRequirement: false,
      windows: [{ opensOn: '2027-03-01', closesOn: null, note: '' }], lastChecked: '2026-11-01',
    });
    // the other municipality's catalogue is untouched, and its ids are unknown here
    expect((await catalogue(other)).some((p) => p.name === 'Landesprogramm Ortskerne')).toBe(false);
  });

  it('runs beside concurrent edits of the same programmes without deadlock or lost catalogue versions', async () => {
    const wb = await sheetOf(await exported('xlsx'));
    const ws = wb.getWorksheet('Förderprogramme')!;
    for (let r = 2; r <= ws.rowCount; r++) ws.getRow(r).getCell(6).value = `Satz laut Import ${r}`;
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const list = json<Programme[]>(await call(app, t.cookies.admin, 'GET', '/funding-programmes'));
    const [{ v: versionBefore }] = await app.db.query<{ v: number }>('SELECT funding_catalogue_version AS v FROM municipality WHERE id = $1', [t.municipalityId]);
    const results = await Promise.all([
      upload(t.cookies.admin, '/funding-programmes/import', 'parallel.xlsx', file),
      ...list.slice(0, 4).map((p) => call(app, t.cookies.admin, 'PATCH', `/funding-programmes/${p.id}`, { version: p.version, description: `parallel ${p.name}` })),
    ]);
    // the import always succeeds (it overwrites whatever version); an edit may meet the import's newer version (409)
    expect(results[0].statusCode).toBe(200);
    for (const r of results.slice(1)) expect([200, 409]).toContain(r.statusCode);
    const ok = results.filter((r) => r.statusCode === 200).length;
    const [{ v: versionAfter }] = await app.db.query<{ v: number }>('SELECT funding_catalogue_version AS v FROM municipality WHERE id = $1', [t.municipalityId]);
    expect(Number(versionAfter) - Number(versionBefore)).toBe(ok);
  });

  it('refuses the whole file when any row is wrong, with row-level German errors', async () => {
    const before = await catalogue();
    const foreignId = (await catalogue(other))[0].id;
    const rows = [
      OLD_HEADER,
      ';Gutes Programm;;Bund;Zuschuss;;50;;;;Kommunen;Test;nein;nein;;;;;',
      ';Schlechter Betrag;;Bund;Zuschuss;;50;;zwölf Euro;;;;nein;nein;;;;;',
      ';Schlechtes Datum;;Land;Darlehen;;;;;;;;nein;nein;31.02.2027 – 01.03.2027;;;;',
      ';Falsche Ebene;;Kreis;Zuschuss;;;;;;;;nein;nein;;;;;',
      `${foreignId};Fremd;;EU;Preis;;;;;;;;nein;nein;;;;;`,
      ';Gutes Programm;;Bund;Zuschuss;;50;;;;;;nein;nein;;;;;',
      ';Zu hoch;;EU;Zuschuss;;120;;;;Kommunen;;vielleicht;nein;;;;;abgelaufen',
    ].join('\r\n');
    const preview = json(await upload(t.cookies.admin, '/funding-programmes/import/preview', 'fehler.csv', rows));
    expect(preview.ok).toBe(false);
    expect(preview.counts).toMatchObject({ create: 1, error: 6 });
    const errorsOf = (row: number) => preview.rows.find((r: { row: number }) => r.row === row).errors.join(' ');
    expect(errorsOf(3)).toMatch(/Mindestbetrag \(€\): „zwölf Euro“ ist kein gültiger Betrag/);
    expect(errorsOf(4)).toMatch(/„31\.02\.2027“ ist kein gültiges Datum/);
    expect(errorsOf(5)).toMatch(/Ebene „Kreis“ ist unbekannt/);
    expect(errorsOf(6)).toMatch(/gehört zu keinem Förderprogramm dieser Kommune/);
    expect(errorsOf(7)).toMatch(/steht schon in Zeile 2/);
    expect(errorsOf(8)).toMatch(/Fördersatz %: „120“ ist kein Prozentsatz/);
    expect(errorsOf(8)).toMatch(/Nur im Fördergebiet: „vielleicht“/);
    expect(errorsOf(8)).toMatch(/Zuletzt geprüft: „abgelaufen“/);
    const res = await upload(t.cookies.admin, '/funding-programmes/import', 'fehler.csv', rows);
    expect(res.statusCode).toBe(400);
    expect(json(res).error.code).toBe('import_invalid');
    expect(json(res).error.message).toMatch(/6 Zeilen enthalten Fehler – es wurde nichts übernommen/);
    expect(await catalogue()).toEqual(before);
    // missing columns, unreadable files, no file
    const noCols = await upload(t.cookies.admin, '/funding-programmes/import/preview', 'x.csv', 'Titel;Betrag\r\nA;1');
    expect(json(noCols).fileErrors[0]).toMatch(/Es fehlen Spalten: Name, Ebene, Art/);
    expect((await upload(t.cookies.admin, '/funding-programmes/import', 'x.csv', 'Titel;Betrag\r\nA;1')).statusCode).toBe(400);
    const broken = await upload(t.cookies.admin, '/funding-programmes/import/preview', 'x.xlsx', Buffer.from('kein excel'));
    expect(broken.statusCode).toBe(400);
    expect(json(broken).error.code).toBe('unreadable_file');
    expect((await call(app, t.cookies.admin, 'POST', '/funding-programmes/import', {})).statusCode).toBe(400);
  });

  it('carries the funding-area columns (area kinds, settlement types, typical size); a file without them keeps the saved values', async () => {
    const before = await catalogue();
    const leader = before.find((p) => /LEADER/.test(String(p.name)))!;
    expect(leader).toMatchObject({ areaKinds: ['leader'], settlementTypes: ['rural'], typicalMaxCents: 20000000 });
    const wb = await sheetOf(await exported('xlsx'));
    const ws = wb.getWorksheet('Förderprogramme')!;
    const row = ws.getRow(ws.getColumn(1).values.indexOf(leader.id));
    expect([20, 21, 22, 23].map((c) => row.getCell(c).value)).toEqual(['LEADER-Gebiet', 'ländlich', null, 200000]);
    // an older file without the four columns: nothing changes
    const oldBook = await sheetOf(await exported('xlsx'));
    oldBook.getWorksheet('Förderprogramme')!.spliceColumns(20, 4);
    const preview = json(await upload(t.cookies.admin, '/funding-programmes/import/preview', 'alt.xlsx', Buffer.from(await oldBook.xlsx.writeBuffer())));
    expect(preview.counts).toEqual({ create: 0, update: 0, unchanged: before.length, error: 0 });
    // unknown kinds are refused in plain German
    row.getCell(20).value = 'Sanierungsgebiet';
    const bad = json(await upload(t.cookies.admin, '/funding-programmes/import/preview', 'falsch.xlsx', Buffer.from(await wb.xlsx.writeBuffer())));
    expect(bad.ok).toBe(false);
    expect(bad.rows.find((r: { name: string }) => /LEADER/.test(r.name)).errors.join(' ')).toMatch(/Fördergebietsarten: „Sanierungsgebiet“ ist unbekannt/);
  });
});
