/** The "Projektsteckbrief" as an editable Word document (docx), with the same content as the PDF. */
import {
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Tab,
  TabStopType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { asOfLabel, briefHeading, briefRows, briefSections, briefTexts, cleanText, EMPTY } from './brief-fields';
import type { BriefView, DocContext } from './types';

export const ACCENT = '9B1C1C';
export const MUTED = '57606A';
export const RULE = 'D0D7DE';
export const KEY_FILL = 'F3F4F6';
export const FONT = 'Arial';
/** A4 with 2 cm margins, in twentieths of a point. */
export const PAGE = { width: 11906, height: 16838, margin: 1134 };
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
const KEY_WIDTH = 2600;

/** One paragraph per line, so that line breaks typed into the form survive. */
function paragraphs(text: string, empty = EMPTY): Paragraph[] {
  const lines = text.replace(/\r\n?/g, '\n').trim().split('\n');
  if (lines.length === 1 && !lines[0].trim()) return [new Paragraph({ children: [new TextRun({ text: empty, color: MUTED })] })];
  return lines.map((line) => new Paragraph({ spacing: { after: 60 }, children: [new TextRun(line)] }));
}

const line = { style: BorderStyle.SINGLE, size: 4, color: RULE };
const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

function keyValueTable(rows: Array<[string, string]>): Table {
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: [KEY_WIDTH, CONTENT_WIDTH - KEY_WIDTH],
    borders: { top: line, bottom: line, insideHorizontal: line, left: none, right: none, insideVertical: none },
    margins: { top: 50, bottom: 50, left: 100, right: 100 },
    rows: rows.map(
      ([key, value]) =>
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({
              width: { size: KEY_WIDTH, type: WidthType.DXA },
              shading: { type: ShadingType.CLEAR, color: 'auto', fill: KEY_FILL },
              children: [new Paragraph({ children: [new TextRun({ text: key, bold: true, color: MUTED })] })],
            }),
            new TableCell({
              width: { size: CONTENT_WIDTH - KEY_WIDTH, type: WidthType.DXA },
              children: paragraphs(value),
            }),
          ],
        }),
    ),
  });
}

export async function briefDocx(b: BriefView, ctx: DocContext): Promise<Buffer> {
  const t = briefTexts(ctx.locale);
  const heading = briefHeading(b, ctx.locale);
  const rightTab = [{ type: TabStopType.RIGHT, position: CONTENT_WIDTH }];

  const doc = new Document({
    title: `${heading}: ${cleanText(b.title).replace(/\s+/g, ' ')}`,
    subject: heading,
    creator: 'Roter Faden',
    description: ctx.municipalityName,
    styles: {
      default: {
        document: { run: { font: FONT, size: 20 }, paragraph: { spacing: { line: 264 } } },
        heading1: { run: { font: FONT, size: 32, bold: true, color: '1F2328' }, paragraph: { spacing: { before: 120, after: 200 } } },
        heading2: { run: { font: FONT, size: 23, bold: true, color: ACCENT }, paragraph: { spacing: { before: 240, after: 80 } } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                tabStops: rightTab,
                border: { top: { style: BorderStyle.SINGLE, size: 4, color: RULE, space: 4 } },
                children: [
                  new TextRun({ text: `${ctx.municipalityName} · ${asOfLabel(b, ctx.generatedAt, ctx.locale)}`, size: 15, color: MUTED }),
                  new TextRun({ children: [new Tab(), `${t.page} `, PageNumber.CURRENT, ` ${t.of} `, PageNumber.TOTAL_PAGES], size: 15, color: MUTED }),
                ],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({
            tabStops: rightTab,
            border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: ACCENT, space: 4 } },
            spacing: { after: 240 },
            children: [
              new TextRun({ text: ctx.municipalityName, bold: true, size: 22 }),
              new TextRun({ children: [new Tab(), heading], bold: true, size: 18, color: ACCENT, allCaps: true }),
            ],
          }),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(cleanText(b.title).trim() || EMPTY)] }),
          keyValueTable(briefRows(b, ctx.locale)),
          ...briefSections(b, ctx.locale).flatMap(([title, body]) => [
            new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, children: [new TextRun(title)] }),
            ...paragraphs(body),
          ]),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
