import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { render } from '../../measures/documents/brief-pdf';
import { barChartSvg, barChartText, wrapText } from './chart';
import { fitInto, imageInfo } from './images';
import { cutTieNote, displayRows, formatShare } from './labels';
import { crc32, encodePng, flipChartPng, parthelandProtocol } from './partheland.fixture';
import { protocolDocx } from './protocol-docx';
import { protocolPdf } from './protocol-pdf';
import type { ProtocolContext, ProtocolView } from './types';

const ctx: ProtocolContext = { locale: 'de', generatedAt: new Date('2019-12-19T09:00:00Z') };
const POPPLER = { info: '/usr/bin/pdfinfo', text: '/usr/bin/pdftotext', cairo: '/usr/bin/pdftocairo' };
const hasPoppler = existsSync(POPPLER.info) && existsSync(POPPLER.text) && existsSync(POPPLER.cairo);

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'protocol-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes the PDF and returns its text with runs of whitespace folded (titles wrap over lines). */
function pdfFacts(pdf: Buffer, name: string): { file: string; pages: number; text: string } {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  const info = execFileSync(POPPLER.info, [file], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
  const text = execFileSync(POPPLER.text, ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  return { file, pages, text };
}

async function docxParts(docx: Buffer): Promise<{ xml: string; text: string; media: string[]; zip: JSZip }> {
  const zip = await JSZip.loadAsync(docx);
  const xml = await zip.file('word/document.xml')!.async('string');
  // the visible text: the contents of all <w:t> elements, in order
  const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' ').replace(/\s+/g, ' ');
  const media = Object.keys(zip.files).filter((f) => f.startsWith('word/media/') && !zip.files[f].dir);
  return { xml, text, media, zip };
}

const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe('test images', () => {
  it('builds valid PNGs (CRC, size) and reads their size back', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    const png = encodePng(3, 2, () => [255, 0, 0]);
    expect(imageInfo(png)).toEqual({ type: 'png', width: 3, height: 2 });
    expect(imageInfo(flipChartPng(360, 240, [1, 2], [0, 0, 0]))).toEqual({ type: 'png', width: 360, height: 240 });
  });

  it('reads JPEG sizes from the frame header and rejects other formats', () => {
    // SOI, an APP0 segment, SOF0 with height 480 and width 640
    const jpeg = Buffer.from([
      0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x0b, 0x08, 0x01, 0xe0, 0x02, 0x80, 0x01, 0x01, 0x11, 0x00, 0xff, 0xd9,
    ]);
    expect(imageInfo(jpeg)).toEqual({ type: 'jpg', width: 640, height: 480 });
    expect(imageInfo(Buffer.from('RIFF....WEBPVP8 '))).toBeNull();
    expect(imageInfo(Buffer.alloc(0))).toBeNull();
    expect(fitInto(4000, 3000, 642, 820)).toEqual({ width: 642, height: 482 });
    expect(fitInto(3000, 4000, 642, 820)).toEqual({ width: 615, height: 820 });
  });
});

describe('chart', () => {
  const round = parthelandProtocol().rounds[0];
  const rows = displayRows(round.rows);

  it('marks the Top-N cut and the tie by pattern and in words, not by colour only', () => {
    const svg = barChartSvg(rows, { topN: 5, tied: round.cutTie!.candidates, width: 495 });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('<pattern id="rf-tie-sel"');
    expect(svg.match(/fill="url\(#rf-tie(-sel)?\)"/g)?.length).toBeGreaterThanOrEqual(2);
    expect(svg).toContain('· Gleichstand, gewählt');
    expect(svg).toContain('>· Gleichstand<');
    expect(svg).toContain('Grenze Top 5');
    expect(svg).toContain('stroke-dasharray');
    expect(svg).toContain('Stärkung kultureller');
    // legend names all three kinds
    expect(svg).toContain('Top 5 (ausgewählt)');
    expect(svg).toContain('Gleichstand an der Grenze');
    expect(svg).toContain('weitere Einträge');
  });

  it('escapes labels and keeps long results within a page', async () => {
    const many = Array.from({ length: 60 }, (_, i) => ({ label: `Eintrag <${i}> & Co`, dots: 60 - i, selected: i < 5 }));
    const svg = barChartSvg(many, { topN: 5, maxRows: 30, locale: 'en' });
    // pdfmake parses the SVG (xmldoc) and draws it (svg-to-pdfkit) on one page
    const drawn = render({ content: [{ svg, width: 495 }] });
    expect(drawn.pages).toBe(1);
    expect((await drawn.toBuffer()).subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(svg).toContain('Eintrag &lt;0&gt; &amp; Co');
    expect(svg).not.toContain('Eintrag &lt;30&gt;');
    expect(svg).toContain('30 more entries in the table');
    expect(Number(/height="(\d+)"/.exec(svg)![1])).toBeLessThan(720);
  });

  it('wraps labels and shortens them with an ellipsis', () => {
    const lines = wrapText('Stärkung kultureller Angebote sowie Naherholungsangebot, Etablierung eines gemeinsamen Marketings', 120, 8, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1].endsWith('…')).toBe(true);
    expect(wrapText('Donaudampfschifffahrtsgesellschaftskapitänsmütze', 60, 8, 5).every((l) => l.length < 20)).toBe(true);
  });

  it('gives Word a text version with bar characters', () => {
    const bars = barChartText(rows, { topN: 5, tied: round.cutTie!.candidates, maxBar: 28 });
    expect(bars[0].bar).toBe(`${'█'.repeat(28)} 14`);
    expect(bars[4]).toMatchObject({ label: round.cutTie!.candidates[1], marker: 'Gleichstand, gewählt', lastAboveCut: true, tied: true });
    expect(bars[4].bar.startsWith('▓')).toBe(true);
    expect(bars[5]).toMatchObject({ marker: 'Gleichstand', selected: false });
    expect(bars[7].bar.startsWith('▒')).toBe(true);
  });

  it('puts the chosen entry of a tie first and formats the note and shares', () => {
    expect(rows[4].label).toContain('Co-working');
    expect(rows.map((r) => r.rankLabel)).toEqual(['1', '2', '3', '4', '5 (gleichauf)', '5 (gleichauf)', '7', '8']);
    // ranks that differ (e.g. by supporters) keep their order even with equal dots
    const bySupporters = displayRows([
      { rankLabel: '1', label: 'A', dots: 4, supporters: 3, share: 0.5, selected: false },
      { rankLabel: '2', label: 'B', dots: 4, supporters: 2, share: 0.5, selected: true },
    ]);
    expect(bySupporters.map((r) => r.label)).toEqual(['A', 'B']);
    expect(cutTieNote(round, 'de')).toBe(
      'Gleichstand an der Grenze der Top 5: Gemeinsame Entwicklung von Gewerbeflächen, Schaffung von Co-working-spaces – 1 Platz offen',
    );
    expect(cutTieNote({ ...round, cutTie: { candidates: ['A', 'B', 'C'], seatsLeft: 2 } }, 'en')).toBe('Tie at the cut of the Top 5: A, B, C – 2 places open');
    expect(formatShare(14 / 63, 'de')).toBe('22,2');
    expect(formatShare(14 / 63, 'en')).toBe('22.2');
  });
});

describe.skipIf(!hasPoppler)('protocolPdf', () => {
  it('renders the Partheland protocol: title, rounds, Top 5, tie, decision, photos, page numbers', async () => {
    const v = parthelandProtocol();
    const pdf = await protocolPdf(v, ctx);
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
    const { file, pages, text } = pdfFacts(pdf, 'partheland');
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(text).toContain('Strategiewerkstatt „Quo vadis Partheland?“ – interkommunale Zusammenarbeit');
    expect(text).toContain('Ratssaal Großpösna');
    expect(text).toContain('18.12.2019');
    expect(text).toContain('Katrin Weißbach');
    expect(text).toContain('Gast');
    expect(text).toContain('Gruppen und Steckbriefe');
    expect(text).toContain('1.234.567 €');
    expect(text).toContain('Top 5');
    for (const head of ['Rang', 'Eintrag', 'Punkte', 'Unterstützende', 'Anteil %']) expect(text).toContain(head);
    expect(text).toContain('Jede Person hat 3 Klebepunkte.');
    expect(text).toContain('22,2');
    expect(text).toContain('5 (gleichauf)'); // a shared rank as German readers expect, never "5="
    expect(text).not.toMatch(/\b\d+=/);
    expect(text).toContain('Gleichstand an der Grenze der Top 5: Gemeinsame Entwicklung von Gewerbeflächen');
    expect(text).toContain('1 Platz offen');
    expect(text).toContain('Entscheidung der Moderation');
    expect(text).toContain(v.rounds[0].decision!.reason.slice(0, 60));
    expect(text).toContain('Stichwahl zum Gleichstand in der Runde „Priorisierung der strategischen Ziele“');
    expect(text).toContain('Fotoprotokoll');
    expect(text).toContain('Abb. 2: Flipchart Gruppe 3: Mobilität und Arbeiten');
    expect(text).toContain(`Seite 1 von ${pages}`);
    expect(text).toContain(`Seite ${pages} von ${pages}`);

    // both photos are embedded as images
    const images = execFileSync('/usr/bin/pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(images.length).toBeGreaterThanOrEqual(2);

    // page 1 renders (poppler 22 writes <prefix>-1.png rather than to stdout)
    const prefix = join(dir, 'page');
    execFileSync(POPPLER.cairo, ['-png', '-r', '50', '-f', '1', '-l', '1', file, prefix]);
    const png = `${prefix}-1.png`;
    expect(existsSync(png)).toBe(true);
    expect(imageInfo(readFileSync(png))).toMatchObject({ type: 'png', width: 414 });
    expect(statSync(png).size).toBeGreaterThan(5000);
  });

  it('speaks English and copes with an empty workshop and a broken photo', async () => {
    const v: ProtocolView = {
      municipalityName: 'Town of Example',
      workshop: { title: 'Citizens’ forum', kindLabel: 'Citizens', startsOn: '2026-06-22', endsOn: '2026-06-23', place: '', onlineUrl: 'https://example.org/meet', facilitators: '', agenda: 'Welcome\n\n\nWork in groups' },
      participants: [],
      groups: [{ name: 'Empty group', briefs: [] }],
      rounds: [
        {
          ...parthelandProtocol().rounds[0],
          title: 'Draft round',
          rows: [],
          totalDots: 0,
          voters: 0,
          cutTie: null,
          decision: null,
        },
      ],
      photos: [{ caption: 'HEIC from a phone', mimeType: 'image/heic', data: Buffer.from('not an image') }],
    };
    const pdf = await protocolPdf(v, { locale: 'en', generatedAt: new Date('2026-06-23T18:00:00Z') });
    const { text } = pdfFacts(pdf, 'empty');
    expect(text).toContain('22/06/2026 – 23/06/2026');
    expect(text).toContain('https://example.org/meet');
    expect(text).toContain('No participants are recorded.');
    expect(text).toContain('No briefs were written in this group.');
    expect(text).toContain('No dots were placed in this round.');
    expect(text).toContain('Photo record');
    expect(text).toContain('cannot be embedded (image/heic)');
    expect(text).toMatch(/Page 1 of \d/);
  });
});

describe('protocolDocx', () => {
  it('holds the same sections, the chart as bar characters and both photos', async () => {
    const v = parthelandProtocol();
    const docx = await protocolDocx(v, ctx);
    expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
    const { xml, text, media, zip } = await docxParts(docx);
    expect(xml.startsWith('<?xml')).toBe(true);
    const plain = decode(text);
    expect(plain).toContain('Strategiewerkstatt „Quo vadis Partheland?“ – interkommunale Zusammenarbeit');
    expect(plain).toContain('Ratssaal Großpösna');
    expect(plain).toContain('Katrin Weißbach');
    expect(plain).toContain('Gast');
    expect(plain).toContain('1.234.567 €');
    expect(plain).toContain('Top 5');
    expect(plain).toContain('Grenze Top 5');
    expect(plain).toContain(`${'█'.repeat(28)} 14`);
    expect(plain).toContain('Gleichstand, gewählt');
    expect(plain).toContain('5 (gleichauf)');
    expect(plain).toContain('Gleichstand an der Grenze der Top 5: Gemeinsame Entwicklung von Gewerbeflächen, Schaffung von Co-working-spaces – 1 Platz offen');
    expect(plain).toContain('Entscheidung der Moderation');
    expect(plain).toContain(v.rounds[0].decision!.reason);
    expect(plain).toContain('Fotoprotokoll');
    expect(plain).toContain('Flipchart Gruppe 1: Ziele mit Klebepunkten');
    // page numbers are fields in the footer
    const footers = await Promise.all(Object.keys(zip.files).filter((f) => /^word\/footer\d*\.xml$/.test(f)).map((f) => zip.file(f)!.async('string')));
    expect(footers.join('')).toMatch(/Seite.*PAGE.*von.*NUMPAGES/s);
    // the two photos, byte for byte, with alt text
    expect(media).toHaveLength(2);
    const stored = await Promise.all(media.map((f) => zip.file(f)!.async('nodebuffer')));
    for (const photo of v.photos) expect(stored.some((b) => b.equals(photo.data))).toBe(true);
    expect(xml).toContain('descr="Flipchart Gruppe 1: Ziele mit Klebepunkten"');
  });

  it('writes English labels and skips photos it cannot embed', async () => {
    const v = parthelandProtocol();
    v.photos.push({ caption: 'WebP', mimeType: 'image/webp', data: Buffer.from('RIFF0000WEBPVP8 ') });
    const { text, media } = await docxParts(await protocolDocx(v, { ...ctx, locale: 'en' }));
    const plain = decode(text);
    expect(plain).toContain('Photo record');
    expect(plain).toContain("Facilitator's decision");
    expect(plain).toContain('Top 5 cut');
    expect(plain).toContain('cannot be embedded (image/webp)');
    expect(media).toHaveLength(2);
  });
});
