/**
 * One-page A4 "Projektsteckbrief" as PDF (pdfmake 0.2, server side).
 * Long texts shrink the font step by step and, if that is not enough, are shortened with "…",
 * so that the brief always fits on exactly one page.
 */
import { createRequire } from 'node:module';
import type { Content, CustomTableLayout, TDocumentDefinitions } from 'pdfmake/interfaces';
import { asOfLabel, briefHeading, briefRows, briefSections, briefTexts, cleanText, EMPTY } from './brief-fields';
import type { BriefView, DocContext } from './types';

type FontFaces = Record<'normal' | 'bold' | 'italics' | 'bolditalics', Buffer>;
interface PdfKitDocument {
  on(event: 'data', listener: (chunk: Buffer) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
  on(event: 'error', listener: (err: Error) => void): unknown;
  end(): void;
  _pdfMakePages?: unknown[];
}
interface PdfPrinter {
  createPdfKitDocument(def: TDocumentDefinitions): PdfKitDocument;
}

// pdfmake 0.2 is CommonJS (module.exports = PdfPrinter) while @types/pdfmake describes the 0.3 API,
// so it is loaded through require with a small local type.
// Both are loaded on first use, not at start-up (~0.15 s of every restart; docs/benchmarks.md).
const require = createRequire(import.meta.url);

/** Roboto ships base64-encoded inside pdfmake's vfs_fonts.js: decoded once, no file paths or network needed. */
let vfs: Record<string, string> | undefined;
/** Exported for other documents (e.g. the workshop protocol) that measure or embed Roboto. */
export const font = (name: string): Buffer => {
  vfs ??= require('pdfmake/build/vfs_fonts.js') as Record<string, string>;
  const data = vfs[name];
  if (!data) throw new Error(`Schriftart ${name} fehlt in pdfmake/build/vfs_fonts.js`);
  return Buffer.from(data, 'base64');
};
let printerOnce: PdfPrinter | undefined;
function printer(): PdfPrinter {
  if (!printerOnce) {
    const PdfPrinterCtor = require('pdfmake') as new (fonts: Record<string, FontFaces>) => PdfPrinter;
    printerOnce = new PdfPrinterCtor({
      Roboto: {
        normal: font('Roboto-Regular.ttf'),
        bold: font('Roboto-Medium.ttf'),
        italics: font('Roboto-Italic.ttf'),
        bolditalics: font('Roboto-MediumItalic.ttf'),
      },
    });
  }
  return printerOnce;
}

export const ACCENT = '#9b1c1c';
export const TEXT = '#1f2328';
export const MUTED = '#57606a';
export const RULE = '#d0d7de';
export const KEY_FILL = '#f3f4f6';
export const MARGIN_X = 50;
export const CONTENT_WIDTH = 595.28 - 2 * MARGIN_X;

/** Font size, budget for the three sections together and cap per table value (in "weighted" characters). */
const LEVELS: Array<{ size: number; sections: number; value: number }> = [
  { size: 10, sections: Infinity, value: Infinity },
  { size: 9.5, sections: Infinity, value: Infinity },
  { size: 9, sections: Infinity, value: Infinity },
  { size: 8.5, sections: Infinity, value: 1200 },
  { size: 8, sections: Infinity, value: 800 },
  { size: 7.5, sections: 7000, value: 600 },
  { size: 7.5, sections: 5500, value: 400 },
  { size: 7, sections: 4500, value: 300 },
  { size: 7, sections: 3500, value: 220 },
  { size: 7, sections: 2500, value: 160 },
  { size: 7, sections: 1600, value: 120 },
  { size: 7, sections: 900, value: 80 },
  { size: 7, sections: 400, value: 50 },
];

/** A line break costs about as much space as a short line of text. */
const LINE_BREAK_WEIGHT = 60;
const weight = (s: string) => s.length + (s.match(/\n/g)?.length ?? 0) * LINE_BREAK_WEIGHT;

/** Shortens to at most `max` weighted characters, preferably at a word boundary, and appends "…". */
export function truncate(s: string, max: number): string {
  if (weight(s) <= max) return s;
  let used = 0;
  let cut = 0;
  for (; cut < s.length; cut++) {
    used += s[cut] === '\n' ? LINE_BREAK_WEIGHT + 1 : 1;
    if (used > max - 1) break;
  }
  let head = s.slice(0, cut);
  const space = head.search(/\s\S*$/);
  if (space > cut - 30 && space > 0) head = head.slice(0, space);
  return `${head.trimEnd()}…`;
}

/** Splits a budget fairly: short texts keep everything, the long ones share the rest. */
function shareBudget(lengths: number[], budget: number): number[] {
  const order = lengths.map((_, i) => i).sort((a, b) => lengths[a] - lengths[b]);
  const out = lengths.map(() => 0);
  let remaining = budget;
  order.forEach((i, k) => {
    out[i] = Math.min(lengths[i], remaining / (order.length - k));
    remaining -= out[i];
  });
  return out.map(Math.floor);
}

const tidy = (s: string) => s.replace(/\r\n?/g, '\n').replace(/\n{3,}/g, '\n\n').trim();

const tableLayout: CustomTableLayout = {
  hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 0.8 : 0.4),
  vLineWidth: () => 0,
  hLineColor: (i, node) => (i === 0 || i === node.table.body.length ? MUTED : RULE),
  paddingLeft: () => 5,
  paddingRight: () => 5,
  paddingTop: () => 2.2,
  paddingBottom: () => 2.2,
};

function definition(b: BriefView, ctx: DocContext, level: (typeof LEVELS)[number]): TDocumentDefinitions {
  const t = briefTexts(ctx.locale);
  const size = level.size;
  const heading = briefHeading(b, ctx.locale);
  const rows = briefRows(b, ctx.locale).map(([k, v]) => [
    { text: k, bold: true, color: MUTED, fillColor: KEY_FILL },
    { text: truncate(tidy(v), level.value) },
  ]);
  const sections = briefSections(b, ctx.locale).map(([h, body]) => [h, tidy(body)] as const);
  const budgets = shareBudget(sections.map(([, body]) => weight(body)), level.sections);
  const sectionContent: Content[] = sections.flatMap(([h, body], i) => [
    { text: h, style: 'section' },
    { text: body ? truncate(body, budgets[i]) : EMPTY, color: body ? TEXT : MUTED },
  ]);
  const asOf = asOfLabel(b, ctx.generatedAt, ctx.locale);

  return {
    pageSize: 'A4',
    pageMargins: [MARGIN_X, 42, MARGIN_X, 50],
    language: ctx.locale === 'de' ? 'de-DE' : 'en-GB',
    info: {
      title: `${heading}: ${cleanText(b.title).replace(/\s+/g, ' ')}`,
      author: ctx.municipalityName,
      subject: heading,
      creator: 'Roter Faden',
      producer: 'Roter Faden',
      creationDate: ctx.generatedAt,
    },
    defaultStyle: { font: 'Roboto', fontSize: size, lineHeight: 1.15, color: TEXT },
    styles: {
      section: { fontSize: size + 1.5, bold: true, color: ACCENT, margin: [0, size * 0.9, 0, 2] },
    },
    footer: (currentPage: number, pageCount: number): Content => ({
      margin: [MARGIN_X, 14, MARGIN_X, 0],
      stack: [
        { canvas: [{ type: 'line', x1: 0, y1: 0, x2: CONTENT_WIDTH, y2: 0, lineWidth: 0.5, lineColor: RULE }] },
        {
          margin: [0, 5, 0, 0],
          fontSize: 7.5,
          color: MUTED,
          columns: [
            { text: `${ctx.municipalityName} · ${heading}`, width: '*' },
            { text: asOf, width: 'auto', alignment: 'center', margin: [0, 0, 24, 0] },
            { text: `${t.page} ${currentPage} ${t.of} ${pageCount}`, width: 'auto', alignment: 'right' },
          ],
        },
      ],
    }),
    content: [
      {
        columns: [
          { text: ctx.municipalityName, bold: true, fontSize: 11, color: TEXT, width: '*' },
          { text: heading.toUpperCase(), bold: true, fontSize: 9, color: ACCENT, alignment: 'right', width: 'auto', margin: [0, 1.5, 0, 0], characterSpacing: 0.6 },
        ],
      },
      { canvas: [{ type: 'line', x1: 0, y1: 0, x2: CONTENT_WIDTH, y2: 0, lineWidth: 1.6, lineColor: ACCENT }], margin: [0, 5, 0, 12] },
      { text: cleanText(b.title).trim() || EMPTY, fontSize: size + (b.title.length > 120 ? 4 : 7), bold: true, lineHeight: 1.1, margin: [0, 0, 0, 10] },
      { table: { widths: [118, '*'], body: rows }, layout: tableLayout },
      ...sectionContent,
    ],
  };
}

/** Lays out and draws the document; the PDF bytes are only produced once `toBuffer` ends the stream. */
export function render(def: TDocumentDefinitions): { pages: number; toBuffer: () => Promise<Buffer> } {
  const doc = printer().createPdfKitDocument(def);
  return {
    pages: doc._pdfMakePages?.length ?? 1,
    toBuffer: () =>
      new Promise<Buffer>((resolve, reject) => {
        const chunks: Buffer[] = [];
        doc.on('data', (chunk) => chunks.push(chunk));
        doc.on('end', () => resolve(Buffer.concat(chunks)));
        doc.on('error', reject);
        doc.end();
      }),
  };
}

export async function briefPdf(b: BriefView, ctx: DocContext): Promise<Buffer> {
  // Most briefs fit at the first level; otherwise binary-search the smallest shrink level that fits
  // (attempts that do not fit are never ended and simply garbage-collected).
  const first = render(definition(b, ctx, LEVELS[0]));
  if (first.pages <= 1) return first.toBuffer();
  let lo = 1;
  let hi = LEVELS.length - 1;
  let best: ReturnType<typeof render> | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const attempt = render(definition(b, ctx, LEVELS[mid]));
    if (attempt.pages <= 1) {
      best = attempt;
      hi = mid - 1;
    } else lo = mid + 1;
  }
  if (best) return best.toBuffer();
  // Pathological input (e.g. hundreds of line breaks in the title): keep only the first page.
  const last = definition(b, ctx, LEVELS[LEVELS.length - 1]);
  return render({ ...last, maxPagesNumber: 1 } as TDocumentDefinitions).toBuffer();
}
