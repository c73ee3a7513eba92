import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { readTable } from './read-sheet';

const TEXT = 'Maßnahme;Kosten (€)\r\n„Lebendige Mitte“ – Läden …;2.500 €\r\n';

describe('reading CSV files as Excel writes them', () => {
  it('decodes Windows-1252 with € „ “ – … (not as control characters) and says so', async () => {
    const t = await readTable(iconv.encode(TEXT, 'win1252'), 'liste.csv');
    expect(t.sheet).toEqual({ headers: ['Maßnahme', 'Kosten (€)'], rows: [['„Lebendige Mitte“ – Läden …', '2.500 €']] });
    expect(t.source).toMatchObject({ format: 'csv', encoding: 'windows-1252', detectedEncoding: 'windows-1252', bom: false, separator: 'semicolon', suspectCharacters: 0 });
  });

  it.each([
    ['utf-8', Buffer.from(`\uFEFF${TEXT}`, 'utf8'), true],
    ['utf-8', Buffer.from(TEXT, 'utf8'), false],
    ['utf-16le', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(TEXT.replaceAll(';', '\t'), 'utf16le')]), true],
    ['utf-16be', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(TEXT.replaceAll(';', '\t'), 'utf16be')]), true],
  ] as const)('detects %s (BOM: %s)', async (encoding, data, bom) => {
    const t = await readTable(data, 'liste.csv');
    expect(t.source).toMatchObject({ encoding, bom, suspectCharacters: 0 });
    expect(t.sheet.rows[0][0]).toBe('„Lebendige Mitte“ – Läden …');
  });

  it('reads with the encoding and separator chosen, and counts characters that cannot be right', async () => {
    const t = await readTable(iconv.encode(TEXT, 'win1252'), 'liste.csv', { encoding: 'utf-8', separator: 'comma' });
    expect(t.source).toMatchObject({ encoding: 'utf-8', detectedEncoding: 'windows-1252', separator: 'comma', detectedSeparator: 'semicolon' });
    expect(t.source.suspectCharacters).toBeGreaterThanOrEqual(6);
    // a UTF-8 BOM does not turn into "ï»¿" when another encoding is chosen
    const latin = await readTable(Buffer.from(`\uFEFFTitel;Ort\r\nA;B\r\n`, 'utf8'), 'x.csv', { encoding: 'windows-1252' });
    expect(latin.sheet.headers).toEqual(['Titel', 'Ort']);
  });

  it('keeps the spreadsheet row of the header when empty rows stand above it', async () => {
    const t = await readTable(Buffer.from(';;\r\n\r\nTitel;Ort\r\n"Zwei\r\nZeilen";B\r\nC;D\r\n'), 'x.csv');
    expect(t.headerRow).toBe(3);
    expect(t.sheet.rows).toEqual([['Zwei\r\nZeilen', 'B'], ['C', 'D']]);
  });

  it('says where a broken CSV file cannot be read', async () => {
    await expect(readTable(Buffer.from('Titel;Ort\r\n"offen;B\r\nC;D'), 'x.csv')).rejects.toThrow(/CSV-Datei kann nicht gelesen werden/);
  });
});
