import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { call, createTestApp, json, login, PASSWORD } from '../../test/harness';
import { multipart } from '../../test/multipart';
import { runSetup } from '../auth/setup.service';
import type { App } from '../../app';

let app: App;
let close: () => Promise<void>;
let admin: string;
let reader: string;
beforeAll(async () => {
  ({ app, close } = await createTestApp());
  await runSetup(app.db, { municipalityName: 'Musterstadt', adminName: 'Anna Admin', adminEmail: 'anna@example.org', password: PASSWORD, demoData: true });
  admin = await login(app, 'anna@example.org');
  await call(app, admin, 'POST', '/users', { email: 'leser@example.org', name: 'Lea Leser', role: 'reader', password: PASSWORD });
  reader = await login(app, 'leser@example.org');
});
afterAll(() => close());

const upload = (cookie: string, url: string, filename: string, data: Buffer | string, mapping?: object) => {
  const body = multipart([
    { name: 'file', filename, data },
    ...(mapping ? [{ name: 'mapping', data: JSON.stringify(mapping) }] : []),
  ]);
  return app.inject({ method: 'POST', url: `/api/v1${url}`, headers: { cookie, ...body.headers }, payload: body.payload });
};
const total = async () => json(await call(app, admin, 'GET', '/measures?pageSize=1')).total as number;

const CSV = [
  'Titel;Stadtteile;Federführung;Kosten;Beginn;Status;Zeithorizont;Schlagworte',
  'Neuer Radweg an der Lauter;Altstadt;Tiefbauamt;1.250.000 €;01.04.2027;In Planung;mittelfristig;Radverkehr, Klima',
  '"Bürgergarten ""Am Wall""";Südstadt;Amt für Umwelt und Grünflächen;85000;2027-05-01;Idee;kurz;Grün',
].join('\r\n');

describe('import', () => {
  it('previews with a suggested mapping and no errors, then imports all rows', async () => {
    const before = await total();
    const preview = await upload(admin, '/measures/import/preview', 'massnahmen.csv', CSV);
    expect(preview.statusCode).toBe(200);
    const p = json(preview);
    expect(p.mapping).toMatchObject({ Titel: 'title', Stadtteile: 'districts', Kosten: 'cost', Status: 'status' });
    expect(p.errors).toEqual([]);
    expect(p.rowCount).toBe(2);
    expect(p.sample[0]).toMatchObject({ title: 'Neuer Radweg an der Lauter', costCents: 125000000, districts: ['Altstadt'] });
    const done = await upload(admin, '/measures/import', 'massnahmen.csv', CSV, p.mapping);
    expect(json(done)).toEqual({ imported: 2 });
    expect(await total()).toBe(before + 2);
    const found = json(await call(app, admin, 'GET', '/measures?q=Bürgergarten'));
    expect(found.items[0]).toMatchObject({ title: 'Bürgergarten "Am Wall"', costCents: 8500000, status: 'idea', horizon: 'short', plannedStart: '2027-05-01' });
  });

  it('is all-or-nothing: one bad row rejects the file with row-level errors and imports nothing', async () => {
    const before = await total();
    const bad = `${CSV}\r\nOhne Ort;Atlantis;Tiefbauamt;viel Geld;31.02.2027;fertig;bald;x\r\n;Altstadt;;;;;;`;
    const p = json(await upload(admin, '/measures/import/preview', 'bad.csv', bad));
    const at = (errors: { row: number; column: string }[]) => errors.map((e) => `${e.row}:${e.column}`);
    // the preview proposes to create "Atlantis" and to read "fertig" as done; "bald" is no horizon at all
    expect(at(p.errors)).toEqual(expect.arrayContaining(['4:Kosten', '4:Beginn', '4:Zeithorizont', '5:Titel']));
    expect(at(p.errors)).not.toContain('4:Stadtteile');
    expect(p.values).toEqual(expect.arrayContaining([
      expect.objectContaining({ kind: 'district', value: 'Atlantis', resolution: { action: 'create' }, confirmed: false }),
      expect.objectContaining({ kind: 'status', value: 'fertig', resolution: { action: 'map', target: 'done' } }),
      expect.objectContaining({ kind: 'horizon', value: 'bald', resolution: null }),
    ]));
    // proposals count only once a person sends them back
    const res = await upload(admin, '/measures/import', 'bad.csv', bad);
    expect(res.statusCode).toBe(422);
    expect(json(res).error.code).toBe('import_invalid');
    expect(at(json(res).error.details.errors)).toEqual(expect.arrayContaining(['4:Stadtteile', '4:Kosten', '4:Beginn', '4:Status', '4:Zeithorizont', '5:Titel']));
    expect(await total()).toBe(before);
  });

  it('honours a changed mapping (ignored columns) and says when no column is the title', async () => {
    const p = json(await upload(admin, '/measures/import/preview', 'x.csv', CSV, { Titel: null, Stadtteile: 'districts' }));
    expect(p.errors[0].message).toMatch(/Titel/);
    const ok = json(await upload(admin, '/measures/import/preview', 'x.csv', CSV, { Titel: 'title', Kosten: null }));
    expect(ok.errors).toEqual([]);
    expect(ok.sample[0].costCents).toBeNull();
  });

  it('rejects unreadable files, bad mappings and readers', async () => {
    const junk = await upload(admin, '/measures/import/preview', 'x.xlsx', Buffer.from('kein excel'));
    expect(junk.statusCode).toBe(400);
    expect(json(junk).error.code).toBe('unreadable_file');
    const badMap = await upload(admin, '/measures/import/preview', 'x.csv', CSV, { Titel: 'erfunden' });
    expect(badMap.statusCode).toBe(400);
    expect((await upload(reader, '/measures/import', 'x.csv', CSV)).statusCode).toBe(403);
    const noFile = await app.inject({ method: 'POST', url: '/api/v1/measures/import', headers: { cookie: admin, 'content-type': 'application/json' }, payload: '{}' });
    expect(noFile.statusCode).toBe(400);
  });
});

describe('export', () => {
  it('exports the filtered list as XLSX that reads back, and re-imports it', async () => {
    const res = await call(app, reader, 'GET', '/measures/export.xlsx?status=done');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/\.xlsx/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Maßnahmen')!;
    const doneCount = json(await call(app, admin, 'GET', '/measures?status=done')).total;
    expect(sheet.rowCount - 1).toBe(doneCount);
    expect(sheet.getRow(1).values).toContain('Titel');
    const before = await total();
    const again = await upload(admin, '/measures/import', 'export.xlsx', res.rawPayload);
    expect(json(again)).toEqual({ imported: doneCount });
    expect(await total()).toBe(before + doneCount);
  });

  it('exports CSV with BOM and semicolons', async () => {
    const res = await call(app, reader, 'GET', '/measures/export.csv?q=Sanierung');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    expect(res.body.charCodeAt(0)).toBe(0xfeff);
    expect(res.body.split('\r\n')[0]).toContain(';Titel;');
    expect(res.body).toContain('Sanierung des Ständehauses');
  });

  it('renders one brief as a one-page PDF and as DOCX', async () => {
    const { items } = json(await call(app, reader, 'GET', '/measures?q=Ständehaus'));
    const pdf = await call(app, reader, 'GET', `/measures/${items[0].id}/brief.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    if (existsSync('/usr/bin/pdftotext')) {
      const dir = mkdtempSync(join(tmpdir(), 'rf-'));
      writeFileSync(join(dir, 'b.pdf'), pdf.rawPayload);
      const text = execFileSync('pdftotext', ['-layout', join(dir, 'b.pdf'), '-']).toString();
      expect(text).toContain('Ständehauses');
      expect(text).toMatch(/\d{1,3}(\.\d{3})* €/);
      expect(execFileSync('pdfinfo', [join(dir, 'b.pdf')]).toString()).toMatch(/Pages:\s+1/);
    }
    const docx = await call(app, reader, 'GET', `/measures/${items[0].id}/brief.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});
