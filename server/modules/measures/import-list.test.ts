/**
 * A real German measure list (Excel, own column names, new districts and departments, pillars instead of the
 * charter's dimensions, comma lists, Windows-1252) imports into a fresh municipality in one pass.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, json, login, PASSWORD } from '../../test/harness';
import { multipart } from '../../test/multipart';
import { runSetup } from '../auth/setup.service';
import type { App } from '../../app';
import type { ImportPreview, ImportResolutions } from '../../../contract/import';
import {
  buildMeasureList, LIST_DEPARTMENTS, LIST_DISTRICTS, LIST_FIELDS, SPECIAL_DESCRIPTION, SPECIAL_TITLE, type MeasureListFormat,
} from './import-fixture';

let app: App;
let close: () => Promise<void>;
let admin: string;
beforeAll(async () => {
  ({ app, close } = await createTestApp());
  await runSetup(app.db, { municipalityName: 'Beratungsbüro', adminName: 'Anna Admin', adminEmail: 'anna@example.org', password: PASSWORD, demoData: false });
  admin = await login(app, 'anna@example.org');
});
afterAll(() => close());

/** A new municipality with only the charter's three dimensions: no districts, departments or fields of action. */
async function freshMunicipality(name: string) {
  expect((await call(app, admin, 'POST', '/municipalities', { name, defaultStructure: true })).statusCode).toBe(201);
  const [{ id }] = await app.db.query<{ id: string }>('SELECT id FROM municipality WHERE name = $1', [name]);
  expect((await call(app, admin, 'POST', '/auth/switch', { municipalityId: id })).statusCode).toBe(200);
  return id;
}

const FILE: Record<MeasureListFormat, string> = { 'csv-utf8': 'Maßnahmenliste.csv', 'csv-1252': 'Maßnahmenliste.csv', xlsx: 'Maßnahmenliste.xlsx' };

function upload(url: string, filename: string, data: Buffer, fields: Record<string, unknown> = {}) {
  const body = multipart([
    ...Object.entries(fields).map(([name, v]) => ({ name, data: typeof v === 'string' ? v : JSON.stringify(v) })),
    { name: 'file', filename, data },
  ]);
  return app.inject({ method: 'POST', url: `/api/v1${url}`, headers: { cookie: admin, ...body.headers }, payload: body.payload });
}

/** What the preview page sends after a person has looked at every proposal and accepted it. */
function accept(p: ImportPreview): ImportResolutions {
  const r: ImportResolutions = {};
  for (const v of p.values) if (v.resolution) (r[v.kind] ??= {})[v.value] = v.resolution;
  return r;
}

const concept = async () => json(await call(app, admin, 'GET', '/concept'));
const measures = async () => json(await call(app, admin, 'GET', '/measures?pageSize=100&sort=number')).items as any[]; // eslint-disable-line @typescript-eslint/no-explicit-any

describe.each(['csv-utf8', 'csv-1252', 'xlsx'] as MeasureListFormat[])('a Merseburg-style list as %s', (format) => {
  let data: Buffer;
  let p: ImportPreview;
  beforeAll(async () => {
    await freshMunicipality(`Merseburg ${format}`);
    data = await buildMeasureList(format);
  });

  it('is read with the detected encoding and separator, mapped by its own headers, with no errors once the proposals are taken', async () => {
    const res = await upload('/measures/import/preview', FILE[format], data);
    expect(res.statusCode, res.body).toBe(200);
    p = json(res);
    if (format === 'xlsx') expect(p.source).toMatchObject({ format: 'xlsx', encoding: null, separator: null });
    else {
      expect(p.source).toMatchObject({
        format: 'csv', separator: 'semicolon', detectedSeparator: 'semicolon', suspectCharacters: 0,
        encoding: format === 'csv-utf8' ? 'utf-8' : 'windows-1252', bom: format === 'csv-utf8',
      });
    }
    expect(p.mapping).toEqual({
      'Nr.': null, Maßnahme: 'title', Beschreibung: 'description', Stadtteil: 'districts', Säule: 'dimensions', Handlungsfeld: 'actionFields',
      Federführung: 'leadDepartment', 'Beteiligte Ämter': 'partnerDepartments', 'Kosten (€)': 'cost', Zeitraum: 'horizon', Status: 'status',
    });
    expect(p.rowCount).toBe(40);
    expect(p.errors).toEqual([]);
    expect(p.sample.find((s) => s.row === 7)?.title).toBe(SPECIAL_TITLE);

    const valuesOf = (kind: string) => p.values.filter((v) => v.kind === kind);
    // every new name once, as a name (the comma lists are split), proposed for creation
    expect(valuesOf('district').map((v) => v.value).sort()).toEqual([...LIST_DISTRICTS].sort());
    expect(valuesOf('department').map((v) => v.value).sort()).toEqual([...LIST_DEPARTMENTS].sort());
    expect(valuesOf('actionField').map((v) => v.value).sort()).toEqual([...LIST_FIELDS].sort());
    for (const v of [...valuesOf('district'), ...valuesOf('department'), ...valuesOf('actionField')]) {
      expect(v).toMatchObject({ resolution: { action: 'create' }, confirmed: false });
    }
    // the pillars are proposed as the charter's dimensions, the list's words as statuses
    const dims = Object.fromEntries((await concept()).dimensions.map((d: { id: string; name: string }) => [d.name, d.id]));
    const proposed = (kind: string, value: string) => p.values.find((v) => v.kind === kind && v.value === value)?.resolution;
    expect(proposed('dimension', 'grün')).toEqual({ action: 'map', target: dims['Grüne Stadt'] });
    expect(proposed('dimension', 'gerecht')).toEqual({ action: 'map', target: dims['Gerechte Stadt'] });
    expect(proposed('dimension', 'produktiv')).toEqual({ action: 'map', target: dims['Produktive Stadt'] });
    expect(proposed('status', 'umgesetzt')).toEqual({ action: 'map', target: 'done' });
    expect(proposed('status', 'laufend')).toEqual({ action: 'map', target: 'implementation' });
    // the app's own words need no decision
    expect(proposed('status', 'in Umsetzung')).toBeUndefined();
    expect(proposed('horizon', 'kurzfristig')).toBeUndefined();
  });

  it('imports nothing while the proposals are not confirmed', async () => {
    const res = await upload('/measures/import', FILE[format], data);
    expect(res.statusCode).toBe(422);
    expect(json(res).error.message).toMatch(/Zeile 2 \(Nr\. 1\)/);
    expect(await measures()).toEqual([]);
    expect((await concept()).districts).toEqual([]);
  });

  it('creates the districts, departments and fields of action and imports all 40 briefs in one pass', async () => {
    const res = await upload('/measures/import', FILE[format], data, { mapping: p.mapping, resolutions: accept(p) });
    expect(res.statusCode, res.body).toBe(200);
    const result = json(res);
    expect(result.imported).toBe(40);
    const c = await concept();
    expect(c.districts.map((d: { name: string }) => d.name).sort()).toEqual([...LIST_DISTRICTS].sort());
    expect(c.departments.map((d: { name: string }) => d.name).sort()).toEqual([...LIST_DEPARTMENTS].sort());
    expect(c.actionFields.map((d: { name: string }) => d.name).sort()).toEqual([...LIST_FIELDS].sort());
    expect(c.dimensions).toHaveLength(3);
    expect(result.created).toHaveLength(LIST_DISTRICTS.length + LIST_DEPARTMENTS.length + LIST_FIELDS.length);
    // through the concept service: every created item has its audit entry
    const [{ n }] = await app.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_event WHERE municipality_id = $1 AND action = 'create' AND entity_type IN ('district', 'department', 'actionField')`,
      [c.municipality.id],
    );
    expect(n).toBe(result.created.length);

    const list = await measures();
    expect(list).toHaveLength(40);
    const byTitle = (t: string) => list.find((m) => m.title === t);
    const name = (items: { id: string; name: string }[], ids: string[]) => ids.map((id) => items.find((i) => i.id === id)?.name).sort();
    const special = json(await call(app, admin, 'GET', `/measures/${byTitle(SPECIAL_TITLE).id}`));
    expect(special.description).toBe(SPECIAL_DESCRIPTION); // € „ “ – … and the line break survive
    expect(byTitle('Bürgerpark „Am Gotthardteich“')).toBeTruthy();

    const market = json(await call(app, admin, 'GET', `/measures/${byTitle('Umgestaltung des Marktplatzes').id}`));
    expect(market).toMatchObject({ costCents: 123456700, status: 'idea', horizon: 'short' });
    expect(name(c.departments, [market.leadDepartmentId])).toEqual(['Stadtplanungsamt']);
    expect(name(c.departments, market.partnerDepartmentIds)).toEqual(['Bauamt', 'Tiefbauamt']);
    expect(name(c.dimensions, market.dimensionIds)).toEqual(['Grüne Stadt']);
    const cycle = json(await call(app, admin, 'GET', `/measures/${byTitle('Radweg entlang der Saale').id}`));
    expect(name(c.districts, cycle.districtIds)).toEqual(['Meuschau', 'Venenien']);
    expect(name(c.departments, cycle.partnerDepartmentIds)).toEqual(['Amt für Umwelt und Grünflächen', 'Stadtplanungsamt']);
    const quarter = json(await call(app, admin, 'GET', `/measures/${byTitle('Quartierszentrum Gartenstadt').id}`));
    expect(name(c.dimensions, quarter.dimensionIds)).toEqual(['Gerechte Stadt', 'Grüne Stadt']); // "grün, gerecht"
    expect(list.filter((m) => m.status === 'done')).toHaveLength(7); // "umgesetzt", confirmed
  });
});

describe('errors name the spreadsheet row and the list number', () => {
  it.each(['csv-utf8', 'xlsx'] as MeasureListFormat[])('rejects the whole %s file for one bad row, with "Zeile 18 (Nr. 17)"', async (format) => {
    await freshMunicipality(`Fehlerstadt ${format}`);
    const data = await buildMeasureList(format, { brokenNr: 17 });
    const p: ImportPreview = json(await upload('/measures/import/preview', FILE[format], data));
    expect(p.errors).toEqual([{ row: 18, number: '17', column: 'Kosten (€)', message: 'Betrag „ca. eine Million“ ist keine Zahl.' }]);
    const res = await upload('/measures/import', FILE[format], data, { mapping: p.mapping, resolutions: accept(p) });
    expect(res.statusCode).toBe(422);
    expect(json(res).error.message).toContain('Zeile 18 (Nr. 17), Spalte „Kosten (€)“');
    expect(await measures()).toEqual([]);
    const c = await concept();
    expect([...c.districts, ...c.departments, ...c.actionFields]).toEqual([]); // all or nothing, also for the new names
  });
});

describe('choosing in the preview', () => {
  it('re-reads the file with the encoding and separator a person chooses, and warns about unreadable characters', async () => {
    await freshMunicipality('Kodierstadt');
    const data = await buildMeasureList('csv-1252');
    const wrong: ImportPreview = json(await upload('/measures/import/preview', 'liste.csv', data, { encoding: 'utf-8' }));
    expect(wrong.source).toMatchObject({ encoding: 'utf-8', detectedEncoding: 'windows-1252' });
    expect(wrong.source.suspectCharacters).toBeGreaterThan(0);
    const comma: ImportPreview = json(await upload('/measures/import/preview', 'liste.csv', data, { separator: 'comma' }));
    expect(comma.source).toMatchObject({ separator: 'comma', detectedSeparator: 'semicolon' });
    expect(comma.headers).toHaveLength(1);
    expect((await upload('/measures/import/preview', 'liste.csv', data, { encoding: 'ebcdic' })).statusCode).toBe(400);
    expect((await upload('/measures/import/preview', 'liste.csv', data, { resolutions: '{kaputt' })).statusCode).toBe(400);
    expect((await upload('/measures/import/preview', 'liste.csv', data, { resolutions: { status: { umgesetzt: { action: 'create' } } } })).statusCode).toBe(400);
  });

  it('maps new names to close existing items, and takes a person\'s other choices (create, map, leave out)', async () => {
    const id = await freshMunicipality('Nachbarstadt');
    const dept = json(await call(app, admin, 'POST', '/departments', { name: 'Amt für Stadtplanung', shortName: 'SPA' }));
    const old = json(await call(app, admin, 'POST', '/districts', { name: 'Altstadt Merseburg' }));
    const data = await buildMeasureList('csv-utf8');
    const p: ImportPreview = json(await upload('/measures/import/preview', 'liste.csv', data));
    const value = (kind: string, v: string) => p.values.find((x) => x.kind === kind && x.value === v)!;
    expect(value('department', 'Stadtplanungsamt')).toMatchObject({ resolution: { action: 'map', target: dept.id }, candidates: [{ target: dept.id, name: 'Amt für Stadtplanung' }] });
    expect(value('district', 'Altstadt').resolution).toEqual({ action: 'map', target: old.id });

    const r = accept(p);
    r.district!.Altstadt = { action: 'create' }; // a person decides it is another district
    r.actionField!['Mobilität'] = { action: 'ignore' };
    const res = await upload('/measures/import', 'liste.csv', data, { mapping: p.mapping, resolutions: r });
    expect(json(res).imported).toBe(40);
    const c = await concept();
    expect(c.departments.map((d: { name: string }) => d.name)).not.toContain('Stadtplanungsamt');
    expect(c.districts.map((d: { name: string }) => d.name)).toEqual(expect.arrayContaining(['Altstadt', 'Altstadt Merseburg']));
    expect(c.actionFields.map((d: { name: string }) => d.name)).not.toContain('Mobilität');
    const [{ n }] = await app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM measure WHERE municipality_id = $1 AND lead_department_id = $2', [id, dept.id]);
    expect(n).toBe(12);
  });

  it('reads a lead cell naming two known departments as the lead (the first) and a partner', async () => {
    await freshMunicipality('Doppelstadt');
    const ids: Record<string, string> = {};
    for (const name of ['Tiefbauamt', 'Stadtplanungsamt', 'Ordnungsamt']) ids[name] = json(await call(app, admin, 'POST', '/departments', { name })).id;
    const csv = Buffer.from('Titel;Federführung;Beteiligte Ämter\r\nNeue Saalebrücke;Tiefbauamt / Stadtplanungsamt;Ordnungsamt\r\n');
    const res = await upload('/measures/import', 'b.csv', csv);
    expect(res.statusCode, res.body).toBe(200);
    const [m] = await measures();
    const detail = json(await call(app, admin, 'GET', `/measures/${m.id}`));
    expect(detail.leadDepartmentId).toBe(ids.Tiefbauamt);
    expect(detail.partnerDepartmentIds.sort()).toEqual([ids.Ordnungsamt, ids.Stadtplanungsamt].sort());
  });

  it('shows a row whose status means "Priorisiert" as an error in the preview: an import sets no class, only a decision does', async () => {
    await freshMunicipality('Beschlussstadt');
    const csv = Buffer.from('Nr.;Titel;Status\r\n1;Neue Saalebrücke;beschlossen\r\n2;Stadtpark;Idee\r\n');
    const p: ImportPreview = json(await upload('/measures/import/preview', 'b.csv', csv));
    const status = p.values.find((v) => v.kind === 'status' && v.value === 'beschlossen')!;
    expect(status.resolution).toEqual({ action: 'map', target: 'prioritised' });
    expect(p.errors).toEqual([expect.objectContaining({ row: 2, number: '1', column: 'Status', message: expect.stringContaining('Prioritätsklasse') })]);
    // mapped to "Steckbrief" by a person, the file imports
    const r = accept(p);
    r.status!.beschlossen = { action: 'map', target: 'brief' };
    const res = await upload('/measures/import', 'b.csv', csv, { mapping: p.mapping, resolutions: r });
    expect(res.statusCode, res.body).toBe(200);
    expect((await measures()).map((m) => m.status)).toEqual(['brief', 'idea']);
  });

  it('refuses a decision that points into another municipality', async () => {
    const [{ id: foreign }] = await app.db.query<{ id: string }>(`SELECT id FROM district WHERE name = 'Meuschau' LIMIT 1`);
    await freshMunicipality('Grenzstadt');
    const data = await buildMeasureList('csv-utf8');
    const res = await upload('/measures/import/preview', 'liste.csv', data, { resolutions: { district: { Meuschau: { action: 'map', target: foreign } } } });
    expect(res.statusCode).toBe(400);
  });
});
