import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { IMPORT_FIELDS } from '../../../../contract/measures';
import { briefDocx } from './brief-docx';
import { briefPdf } from './brief-pdf';
import { EXPORT_COLUMNS, measuresCsv, measuresXlsx } from './list-export';
import { readSheet, suggestMapping } from './read-sheet';
import type { BriefView, DocContext } from './types';

const brief: BriefView = {
  number: 12,
  title: 'Sanierung des Ständehauses – Außenanlagen',
  need: 'Die Außenanlagen sind in einem schlechten Zustand; Wege sind nicht barrierefrei.',
  goal: 'Ein begrünter Platz mit hoher Aufenthaltsqualität.',
  description: 'Entsiegelung, Baumpflanzungen, neue Beleuchtung.\n\nUmsetzung in zwei Bauabschnitten.',
  status: 'implementation',
  horizon: 'medium',
  priority: 'A – vorrangig',
  costCents: 123456700,
  plannedStart: '2026-03-01',
  plannedEnd: '2026-11-21',
  districts: ['Altstadt', 'Südstadt'],
  leadDepartment: 'Amt für Stadtplanung',
  partnerDepartments: ['Tiefbauamt', 'Grünflächenamt'],
  externalActors: 'Heimatverein',
  targetGroups: 'Familien, Seniorinnen und Senioren',
  goals: ['Aufenthaltsqualität stärken'],
  actionFields: ['Öffentlicher Raum'],
  dimensions: ['Ökologisch'],
  origin: 'Bürgerwerkstatt 2025',
  tags: ['Platz', 'Grün'],
  updatedAt: '2026-11-21T10:15:00Z',
};
const ctx: DocContext = { municipalityName: 'Stadt Musterhausen', locale: 'de', generatedAt: new Date('2026-11-22T08:00:00Z') };

/** Page objects: `/Type /Page` but not `/Type /Pages`. */
const pageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
const PDFTOTEXT = '/usr/bin/pdftotext';
const PDFINFO = '/usr/bin/pdfinfo';

function pdfText(pdf: Buffer): string | null {
  if (!existsSync(PDFTOTEXT)) return null;
  const dir = mkdtempSync(join(tmpdir(), 'brief-'));
  try {
    writeFileSync(join(dir, 'b.pdf'), pdf);
    return execFileSync(PDFTOTEXT, ['-enc', 'UTF-8', join(dir, 'b.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('briefPdf', () => {
  it('renders a one-page A4 brief with extractable German text', async () => {
    const pdf = await briefPdf(brief, ctx);
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(pageCount(pdf)).toBe(1);
    const text = pdfText(pdf);
    if (text !== null) {
      expect(text).toContain('Ständehauses');
      expect(text).toContain('1.234.567 €');
      expect(text).toContain('Projektsteckbrief Nr. 12');
      expect(text).toContain('In Umsetzung');
      expect(text).toContain('01.03.2026 – 21.11.2026');
      expect(text).toContain('Stand: 21.11.2026');
      expect(text).toContain('Ausgangslage / Bedarf');
    }
  });

  it('stays on one page with very long texts', async () => {
    const long = (s: string, n: number) => Array.from({ length: n }, () => s).join(' ');
    const huge: BriefView = {
      ...brief,
      title: long('Sehr lange Maßnahmenbezeichnung', 8),
      need: long('Die Ausgangslage ist kompliziert und wird ausführlich beschrieben.', 300),
      goal: long('Das Ziel ist ehrgeizig.', 400),
      description: long('Absatz mit Inhalt.\n', 600),
      externalActors: long('Verein für Heimatpflege e. V.', 150),
      districts: Array.from({ length: 100 }, (_, i) => `Ortsteil ${i + 1}`),
    };
    const pdf = await briefPdf(huge, ctx);
    expect(pageCount(pdf)).toBe(1);
    const text = pdfText(pdf);
    if (text !== null) expect(text).toContain('…');
  });

  it('uses English labels for locale en', async () => {
    const text = pdfText(await briefPdf(brief, { ...ctx, locale: 'en' }));
    if (text !== null) {
      expect(text).toContain('Project brief No. 12');
      expect(text).toContain('Lead department');
      expect(text).toContain('In implementation');
    }
  });

  it('sets the PDF title metadata', async () => {
    const pdf = await briefPdf(brief, ctx);
    expect(pdf.toString('latin1')).toMatch(/\/Title\s*(\d+ 0 R|[(<])/);
    if (existsSync(PDFINFO)) {
      const info = execFileSync(PDFINFO, ['-enc', 'UTF-8', '-'], { input: pdf, encoding: 'utf8' });
      expect(info).toMatch(/^Title:\s+Projektsteckbrief Nr\. 12: Sanierung des Ständehauses – Außenanlagen$/m);
      expect(info).toMatch(/^Pages:\s+1$/m);
      expect(info).toMatch(/^Page size:\s+595\.28 x 841\.89 pts \(A4\)/m);
    }
  });
});

describe('briefDocx', () => {
  it('is a Word document containing the title with umlauts', async () => {
    // U+000B is Word's soft line break, pasted along with text; XML cannot hold it
    const docx = await briefDocx({ ...brief, goal: 'Erste Zeile\u000bzweite Zeile\u0007' }, ctx);
    expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
    const zip = await JSZip.loadAsync(docx);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('Sanierung des Ständehauses – Außenanlagen');
    expect(xml).toContain('Kostenschätzung');
    expect(xml).toContain('1.234.567 €');
    expect(xml).toContain('>Erste Zeile<');
    expect(xml).toContain('>zweite Zeile<');
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    const core = await zip.file('docProps/core.xml')!.async('string');
    expect(core).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(core).toContain('Projektsteckbrief Nr. 12');
  });
});

const tricky: BriefView = {
  ...brief,
  number: 13,
  title: 'Platz; "Neue Mitte"\nzweite Zeile',
  origin: '=HYPERLINK("http://evil")',
  tags: ['-Minus', '@home'],
  costCents: 123450,
  horizon: null,
  plannedStart: null,
};

describe('measuresXlsx', () => {
  it('writes typed cells and re-imports with automatic mapping', async () => {
    const xlsx = await measuresXlsx([brief, tricky], { ...ctx, filterSummary: 'Status: In Umsetzung' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Maßnahmen')!;
    const headers = EXPORT_COLUMNS.map((c) => c.de);
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(headers);
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    const col = (key: string) => EXPORT_COLUMNS.findIndex((c) => c.key === key) + 1;
    const cost = ws.getRow(2).getCell(col('cost'));
    expect(cost.value).toBe(1234567);
    expect(cost.numFmt).toBe('#,##0 "€"');
    expect(ws.getRow(3).getCell(col('cost')).value).toBe(1234.5);
    const start = ws.getRow(2).getCell(col('plannedStart'));
    expect(start.value).toBeInstanceOf(Date);
    expect((start.value as Date).toISOString().slice(0, 10)).toBe('2026-03-01');
    expect(start.numFmt).toBe('dd.mm.yyyy');
    expect(ws.getRow(2).getCell(col('districts')).value).toBe('Altstadt; Südstadt');
    expect(ws.getRow(2).getCell(col('status')).value).toBe('In Umsetzung');
    const info = wb.getWorksheet('Info')!;
    expect(info.getRow(1).getCell(2).value).toBe('Stadt Musterhausen');
    expect(info.getRow(2).getCell(2).value).toBe('22.11.2026, 09:00');
    expect(info.getRow(3).getCell(2).value).toBe('Status: In Umsetzung');
    expect(info.getRow(4).getCell(2).value).toBe(2);

    const sheet = await readSheet(xlsx, 'Maßnahmen.xlsx');
    expect(sheet.headers).toEqual(headers);
    expect(sheet.rows).toHaveLength(2);
    expect(sheet.rows[0][col('cost') - 1]).toBe('1234567');
    expect(sheet.rows[1][col('cost') - 1]).toBe('1234.5');
    expect(sheet.rows[0][col('plannedStart') - 1]).toBe('2026-03-01');
    expect(sheet.rows[1][col('title') - 1]).toBe(tricky.title);
    const mapping = suggestMapping(sheet.headers);
    for (const c of EXPORT_COLUMNS) {
      expect(mapping[c.de], c.de).toBe(c.key === 'number' || c.key === 'priority' ? null : c.key);
    }
    const mapped = Object.values(mapping).filter(Boolean);
    expect(new Set(mapped)).toEqual(new Set(IMPORT_FIELDS));
  });

  it('maps English export headers too', () => {
    const mapping = suggestMapping(EXPORT_COLUMNS.map((c) => c.en));
    for (const c of EXPORT_COLUMNS) expect(mapping[c.en], c.en).toBe(c.key === 'number' || c.key === 'priority' ? null : c.key);
  });
});

describe('suggestMapping', () => {
  it('understands common German header variants', () => {
    expect(
      suggestMapping(['Nr.', 'Maßnahme', 'KOSTEN', 'Stadtteil(e)', 'federführendes Amt', 'Ortsteil', 'Bemerkung', 'Kosten gesamt in €']),
    ).toEqual({
      'Nr.': null,
      Maßnahme: 'title',
      KOSTEN: 'cost',
      'Stadtteil(e)': 'districts',
      'federführendes Amt': 'leadDepartment',
      Ortsteil: null, // districts already taken by "Stadtteil(e)"
      Bemerkung: null,
      'Kosten gesamt in €': null, // cost already taken
    });
    expect(suggestMapping(['Bezeichnung', 'Kostenschätzung (EUR)', 'Federführung', 'Ortsteil', 'Zuständiges Amt / Fachbereich'])).toEqual({
      Bezeichnung: 'title',
      'Kostenschätzung (EUR)': 'cost',
      Federführung: 'leadDepartment',
      Ortsteil: 'districts',
      'Zuständiges Amt / Fachbereich': null,
    });
    expect(suggestMapping(['Titel', 'Kosten gesamt', 'Beteiligte Aemter'])).toEqual({
      Titel: 'title',
      'Kosten gesamt': 'cost',
      'Beteiligte Aemter': 'partnerDepartments',
    });
  });
});

describe('measuresCsv', () => {
  const csv = measuresCsv([brief, tricky], ctx);
  const lines = csv.slice(1).split('\r\n');

  it('is German Excel-friendly', () => {
    expect(csv.startsWith('\uFEFFNr.;Titel;Status;')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(lines[0].split(';')).toEqual(EXPORT_COLUMNS.map((c) => c.de));
    expect(lines[1]).toMatch(/^12;Sanierung des Ständehauses – Außenanlagen;In Umsetzung;A – vorrangig;mittelfristig;1234567;01\.03\.2026;21\.11\.2026;"Altstadt; Südstadt";/);
  });

  it('quotes separators, quotes and line breaks and defuses formulas', () => {
    expect(csv).toContain('13;"Platz; ""Neue Mitte""\nzweite Zeile";In Umsetzung;A – vorrangig;;1234,50;;21.11.2026;');
    expect(csv).toContain(`;"'=HYPERLINK(""http://evil"")";`);
    expect(csv).toContain(`;"'-Minus; @home";`);
  });

  it('round-trips through readSheet', async () => {
    const sheet = await readSheet(Buffer.from(csv, 'utf8'), 'export.csv');
    expect(sheet.headers).toEqual(EXPORT_COLUMNS.map((c) => c.de));
    expect(sheet.rows).toHaveLength(2);
    const col = (key: string) => EXPORT_COLUMNS.findIndex((c) => c.key === key);
    expect(sheet.rows[0][col('title')]).toBe(brief.title);
    expect(sheet.rows[0][col('cost')]).toBe('1234567');
    expect(sheet.rows[0][col('plannedEnd')]).toBe('21.11.2026');
    expect(sheet.rows[0][col('description')]).toBe(brief.description);
    expect(sheet.rows[1][col('title')]).toBe(tricky.title);
    expect(sheet.rows[1][col('origin')]).toBe(tricky.origin);
    expect(sheet.rows[1][col('tags')]).toBe("-Minus; @home");
    expect(sheet.rows[1][col('cost')]).toBe('1234,50');
  });
});

describe('readSheet', () => {
  it('reads comma- and tab-separated CSV, drops empty trailing rows and trims', async () => {
    const csv = 'Titel, "Kosten" ,Stadtteile\n" Markt, neu ",1200,"A;B"\nPark,,\n\n,,\n';
    expect(await readSheet(Buffer.from(csv), 'liste.CSV')).toEqual({
      headers: ['Titel', 'Kosten', 'Stadtteile'],
      rows: [['Markt, neu', '1200', 'A;B'], ['Park', '', '']],
    });
    const tsv = 'Titel\tKosten\r\nMarkt\t5\r\n';
    expect(await readSheet(Buffer.from(tsv), 'liste.csv')).toEqual({ headers: ['Titel', 'Kosten'], rows: [['Markt', '5']] });
  });

  it('reads Windows-1252 CSV from older Excel', async () => {
    const latin1 = Buffer.from('Maßnahme;Kosten\r\nGrünfläche;5\r\n', 'latin1');
    expect(await readSheet(latin1, 'alt.csv')).toEqual({ headers: ['Maßnahme', 'Kosten'], rows: [['Grünfläche', '5']] });
  });

  it('flattens rich text, hyperlinks and formulas of xlsx cells', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Liste');
    ws.addRow(['Titel', 'Link', 'Summe', 'Datum']);
    ws.addRow([
      { richText: [{ text: 'Grün', font: { bold: true } }, { text: 'zug ' }] },
      { text: 'Website', hyperlink: 'https://example.org' },
      { formula: 'A1+1', result: 42.5 },
      new Date(Date.UTC(2026, 10, 21)),
    ]);
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    expect(await readSheet(data, 'x.xlsx')).toEqual({
      headers: ['Titel', 'Link', 'Summe', 'Datum'],
      rows: [['Grünzug', 'Website', '42.5', '2026-11-21']],
    });
  });

  it('rejects corrupt, empty and unknown files with German messages', async () => {
    await expect(readSheet(Buffer.from('PK\u0003\u0004kaputt'), 'liste.xlsx')).rejects.toThrow(/beschädigt/);
    await expect(readSheet(Buffer.from('keine Tabelle'), 'liste.xlsx')).rejects.toThrow(/beschädigt/);
    await expect(readSheet(Buffer.from('\uFEFF\r\n;;\r\n'), 'leer.csv')).rejects.toThrow(/leer/);
    await expect(readSheet(Buffer.from('Titel;Kosten\r\n'), 'kopf.csv')).rejects.toThrow(/keine Datenzeilen/);
    await expect(readSheet(Buffer.from('x'), 'liste.pdf')).rejects.toThrow(/Unbekannter Dateityp/);
    await expect(readSheet(Buffer.from('x'), 'liste.xls')).rejects.toThrow(/\.xlsx/);
    const empty = new ExcelJS.Workbook();
    empty.addWorksheet('Leer');
    await expect(readSheet(Buffer.from(await empty.xlsx.writeBuffer()), 'leer.xlsx')).rejects.toThrow(/leer/);
  });
});
