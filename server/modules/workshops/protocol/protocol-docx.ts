/**
 * The workshop protocol as an editable Word document (docx), with the sections of the PDF. The chart is a
 * table of bar characters ("████ 12"): Word does not embed SVG reliably, and text reads well aloud.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
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
  type IBorderOptions,
  type ParagraphChild,
} from 'docx';
import { ACCENT, CONTENT_WIDTH, FONT, KEY_FILL, MUTED, PAGE, RULE } from '../../measures/documents/brief-docx';
import { barChartText } from './chart';
import { fitInto, imageInfo } from './images';
import {
  cutTieNote,
  dateRange,
  dateTime,
  decisionByLine,
  displayRows,
  EMPTY,
  formatInt,
  formatMoney,
  formatShare,
  generatedOn,
  lines,
  participantSummary,
  protocolTexts,
  roundKind,
  runoffNote,
  text,
  tiedSet,
  topLabel,
  votersLabel,
  type ProtocolTexts,
} from './labels';
import type { ProtocolContext, ProtocolRound, ProtocolView } from './types';

const TEXT_COLOR = '1F2328';
const HIGHLIGHT = 'F7E9E9';
const OTHER_BAR = '8C959F';
/** Word sizes images in pixels at 96 dpi: the text width and most of the page height. */
const IMAGE_MAX = { width: Math.floor((CONTENT_WIDTH / 1440) * 96), height: 820 };

const line: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: RULE };
const strong: IBorderOptions = { style: BorderStyle.SINGLE, size: 8, color: MUTED };
const none: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const cut: IBorderOptions = { style: BorderStyle.DASHED, size: 12, color: ACCENT };

type Align = 'left' | 'right' | 'center';
const alignment = (a: Align = 'left') => (a === 'right' ? AlignmentType.RIGHT : a === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT);

interface CellSpec {
  runs: ParagraphChild[] | string;
  /** further paragraphs below the first (details of a brief) */
  more?: Paragraph[];
  align?: Align;
  fill?: string;
  bold?: boolean;
  color?: string;
  size?: number;
  italics?: boolean;
  span?: number;
  bottom?: IBorderOptions;
}

function cell(spec: CellSpec, width: number): TableCell {
  const runs =
    typeof spec.runs === 'string'
      ? [new TextRun({ text: spec.runs, bold: spec.bold, color: spec.color, size: spec.size, italics: spec.italics })]
      : spec.runs;
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: spec.span,
    shading: spec.fill ? { type: ShadingType.CLEAR, color: 'auto', fill: spec.fill } : undefined,
    borders: spec.bottom ? { bottom: spec.bottom } : undefined,
    children: [new Paragraph({ alignment: alignment(spec.align), children: runs }), ...(spec.more ?? [])],
  });
}

/** A list table: header row repeated on every page, thin rules between rows, no vertical lines. */
function listTable(widths: number[], head: Array<[string, Align?]> | null, rows: CellSpec[][]): Table {
  const headRow = head
    ? [
        new TableRow({
          tableHeader: true,
          cantSplit: true,
          children: head.map(([label, align], i) =>
            cell({ runs: label, bold: true, color: MUTED, size: 16, align, bottom: strong }, widths[i]),
          ),
        }),
      ]
    : [];
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    borders: { top: strong, bottom: strong, insideHorizontal: line, left: none, right: none, insideVertical: none },
    margins: { top: 40, bottom: 40, left: 90, right: 90 },
    rows: [
      ...headRow,
      ...rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: r.map((c, i) => cell(c, c.span ? widths.slice(i, i + c.span).reduce((a, b) => a + b, 0) : widths[i])),
          }),
      ),
    ],
  });
}

const h2 = (s: string, pageBreakBefore = false) => new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, pageBreakBefore, children: [new TextRun(s)] });
const h3 = (s: string) => new Paragraph({ heading: HeadingLevel.HEADING_3, keepNext: true, children: [new TextRun(s)] });
const muted = (s: string, italics = false) => new Paragraph({ children: [new TextRun({ text: s, color: MUTED, italics })] });
const eyebrow = (s: string, pageBreakBefore = false) =>
  new Paragraph({ keepNext: true, pageBreakBefore, spacing: { after: 40 }, children: [new TextRun({ text: s, bold: true, size: 17, color: ACCENT, allCaps: true })] });

/** A shaded box with a coloured bar on the left (tie at the cut, decision). */
function noteBox(children: Paragraph[], bar: string, fill: string): Table {
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: [CONTENT_WIDTH],
    borders: { top: none, bottom: none, right: none, insideHorizontal: none, insideVertical: none, left: { style: BorderStyle.SINGLE, size: 24, color: bar } },
    margins: { top: 100, bottom: 100, left: 160, right: 140 },
    rows: [
      new TableRow({
        cantSplit: true,
        children: [new TableCell({ width: { size: CONTENT_WIDTH, type: WidthType.DXA }, shading: { type: ShadingType.CLEAR, color: 'auto', fill }, children })],
      }),
    ],
  });
}

const spacer = () => new Paragraph({ spacing: { after: 0 }, children: [] });

function titleBlock(v: ProtocolView, ctx: ProtocolContext, t: ProtocolTexts): Array<Paragraph | Table> {
  const w = v.workshop;
  const rows: Array<[string, string]> = [
    [t.date, dateRange(w.startsOn, w.endsOn, ctx.locale)],
    [t.place, text(w.place)],
  ];
  if (w.onlineUrl.trim()) rows.push([t.online, text(w.onlineUrl)]);
  rows.push([t.facilitators, text(w.facilitators)], [t.participantCount, participantSummary(v, ctx.locale)], [t.generated, generatedOn(ctx.generatedAt, ctx.locale)]);
  const keyWidth = 2200;
  return [
    new Paragraph({
      tabStops: [{ type: TabStopType.RIGHT, position: CONTENT_WIDTH }],
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: ACCENT, space: 4 } },
      spacing: { after: 280 },
      children: [
        new TextRun({ text: text(v.municipalityName), bold: true, size: 22 }),
        new TextRun({ children: [new Tab(), t.protocol], bold: true, size: 18, color: ACCENT, allCaps: true }),
      ],
    }),
    new Paragraph({ spacing: { after: 40 }, children: [new TextRun({ text: text(w.kindLabel), bold: true, size: 17, color: MUTED, allCaps: true })] }),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(text(w.title))] }),
    new Table({
      width: { size: CONTENT_WIDTH, type: WidthType.DXA },
      columnWidths: [keyWidth, CONTENT_WIDTH - keyWidth],
      borders: { top: strong, bottom: strong, insideHorizontal: line, left: none, right: none, insideVertical: none },
      margins: { top: 50, bottom: 50, left: 100, right: 100 },
      rows: rows.map(
        ([k, val]) =>
          new TableRow({
            cantSplit: true,
            children: [cell({ runs: k, bold: true, color: MUTED, fill: KEY_FILL }, keyWidth), cell({ runs: val }, CONTENT_WIDTH - keyWidth)],
          }),
      ),
    }),
  ];
}

const TIME = /^(\d{1,2}[:.]\d{2}(?:\s*(?:[–-]|bis)\s*\d{1,2}[:.]\d{2})?(?:\s*Uhr)?)\s+(.+)$/;

function agenda(v: ProtocolView, t: ProtocolTexts): Array<Paragraph | Table> {
  const ls = lines(v.workshop.agenda);
  if (!ls.length) return [];
  const filled = ls.filter((l) => l.trim());
  const timed = filled.filter((l) => TIME.test(l.trim()));
  if (timed.length >= Math.max(2, filled.length / 2)) {
    const timeWidth = 1400;
    return [
      h2(t.agenda),
      listTable(
        [timeWidth, CONTENT_WIDTH - timeWidth],
        null,
        filled.map((l) => {
          const m = TIME.exec(l.trim());
          return m ? [{ runs: m[1], bold: true, color: MUTED }, { runs: m[2] }] : [{ runs: '' }, { runs: l.trim() }];
        }),
      ),
    ];
  }
  return [h2(t.agenda), ...ls.map((l) => new Paragraph({ spacing: { after: 40 }, children: [new TextRun(l)] }))];
}

function participants(v: ProtocolView, ctx: ProtocolContext, t: ProtocolTexts): Array<Paragraph | Table> {
  if (!v.participants.length) return [h2(t.participants), muted(t.noParticipants)];
  const widths = [500, 4000, 4000, CONTENT_WIDTH - 8500];
  return [
    h2(`${t.participants} (${formatInt(v.participants.length, ctx.locale)})`),
    listTable(
      widths,
      [['', 'right'], [t.name], [t.group], [t.guest]],
      v.participants.map((p, i) => [
        { runs: String(i + 1), color: MUTED, size: 16, align: 'right' },
        { runs: text(p.name) },
        p.group ? { runs: text(p.group) } : { runs: t.noGroup, color: MUTED, italics: true },
        { runs: p.guest ? t.guest : '' },
      ]),
    ),
  ];
}

function groups(v: ProtocolView, ctx: ProtocolContext, t: ProtocolTexts): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [h2(t.groups)];
  if (!v.groups.length) return [...out, muted(t.noGroups)];
  const widths = [700, CONTENT_WIDTH - 700 - 1700, 1700];
  for (const g of v.groups) {
    out.push(h3(text(g.name)));
    if (!g.briefs.length) {
      out.push(muted(t.noBriefs, true));
      continue;
    }
    out.push(
      listTable(
        widths,
        [[t.number], [t.brief], [t.cost, 'right']],
        g.briefs.map((b) => {
          const more: Paragraph[] = [];
          for (const [label, body] of [[t.need, b.need], [t.goal, b.goal]] as const) {
            if (body.trim()) {
              more.push(new Paragraph({ spacing: { before: 30 }, children: [new TextRun({ text: `${label}: `, bold: true, color: MUTED, size: 17 }), new TextRun({ text: text(body), size: 17 })] }));
            }
          }
          return [{ runs: String(b.number), bold: true }, { runs: text(b.title), bold: true, more }, { runs: formatMoney(b.costCents, ctx.locale), align: 'right' }];
        }),
      ),
    );
  }
  return out;
}

function stats(r: ProtocolRound, ctx: ProtocolContext, t: ProtocolTexts): Table {
  const cells: Array<[string, string]> = [
    [t.eligible, formatInt(r.eligible, ctx.locale)],
    [t.voters, votersLabel(r, ctx.locale)],
    [t.totalDots, formatInt(r.totalDots, ctx.locale)],
    [ctx.locale === 'de' ? 'Auswahl' : 'Selection', topLabel(r.topN)],
  ];
  const w = Math.floor(CONTENT_WIDTH / 4);
  const sep: IBorderOptions = { style: BorderStyle.SINGLE, size: 6, color: RULE };
  return new Table({
    width: { size: w * 4, type: WidthType.DXA },
    columnWidths: [w, w, w, w],
    borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: sep },
    margins: { top: 80, bottom: 80, left: 140, right: 140 },
    rows: [
      new TableRow({
        cantSplit: true,
        children: cells.map(
          ([k, val]) =>
            new TableCell({
              width: { size: w, type: WidthType.DXA },
              shading: { type: ShadingType.CLEAR, color: 'auto', fill: KEY_FILL },
              children: [
                new Paragraph({ children: [new TextRun({ text: val, bold: true, size: 26 })] }),
                new Paragraph({ children: [new TextRun({ text: k, size: 16, color: MUTED })] }),
              ],
            }),
        ),
      }),
    ],
  });
}

function chart(r: ProtocolRound, ctx: ProtocolContext, t: ProtocolTexts): Array<Paragraph | Table> {
  const rows = displayRows(r.rows);
  const bars = barChartText(rows, { topN: r.topN, tied: r.cutTie?.candidates ?? [], locale: ctx.locale, maxBar: 28 });
  const widths = [3900, CONTENT_WIDTH - 3900 - 2000, 2000];
  const body: CellSpec[][] = [];
  bars.forEach((b) => {
    const color = b.selected ? ACCENT : b.tied ? MUTED : OTHER_BAR;
    const bottom = b.lastAboveCut ? cut : undefined;
    const [blocks, count] = [b.bar.replace(/\s*\d+$/, ''), String(b.dots)];
    body.push([
      { runs: text(b.label), bold: b.selected, size: 18, bottom },
      { runs: [new TextRun({ text: blocks, color, size: 18 }), new TextRun({ text: `${blocks ? ' ' : ''}${count}`, bold: true, size: 18 })], bottom },
      { runs: b.marker, italics: true, color: MUTED, size: 16, bottom },
    ]);
    if (b.lastAboveCut) {
      const label = ctx.locale === 'de' ? `Grenze ${topLabel(r.topN)}` : `${topLabel(r.topN)} cut`;
      body.push([{ runs: `– – – ${label} – – –`, bold: true, color: ACCENT, size: 16, align: 'right', span: 3 }]);
    }
  });
  const legend: string[] = [];
  if (bars.some((b) => b.selected && !b.tied)) legend.push(`█ ${topLabel(r.topN)} (${t.legendSelected})`);
  if (bars.some((b) => b.tied)) legend.push(`▓ ${t.legendTie}`);
  if (bars.some((b) => !b.selected && !b.tied)) legend.push(`▒ ${t.legendOther}`);
  const noBorders = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };
  return [
    h3(t.result),
    new Table({
      width: { size: CONTENT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      borders: noBorders,
      margins: { top: 30, bottom: 30, left: 60, right: 60 },
      rows: body.map(
        (row) =>
          new TableRow({
            cantSplit: true,
            children: row.map((c, i) => cell(c, c.span ? CONTENT_WIDTH : widths[i])),
          }),
      ),
    }),
    new Paragraph({ spacing: { before: 80 }, children: [new TextRun({ text: legend.join('     '), size: 16, color: MUTED })] }),
  ];
}

function ranking(r: ProtocolRound, ctx: ProtocolContext, t: ProtocolTexts): Array<Paragraph | Table> {
  const rows = displayRows(r.rows);
  const tied = tiedSet(r);
  const widths = [1300, CONTENT_WIDTH - 1300 - 900 - 1600 - 1100, 900, 1600, 1100]; // rank: "5 (gleichauf)"
  const body = rows.map((row, i): CellSpec[] => {
    const fill = row.selected ? HIGHLIGHT : undefined;
    const bold = row.selected;
    const bottom = rows.length > r.topN && i === r.topN - 1 ? cut : undefined;
    const label: ParagraphChild[] = [new TextRun({ text: text(row.label), bold })];
    if (tied.has(row.label)) label.push(new TextRun({ text: ` (${t.tie}${row.selected ? `, ${t.chosen}` : ''})`, italics: true, color: MUTED }));
    return [
      { runs: text(row.rankLabel), bold, fill, bottom },
      { runs: label, fill, bottom },
      { runs: formatInt(row.dots, ctx.locale), align: 'right', bold, fill, bottom },
      { runs: formatInt(row.supporters, ctx.locale), align: 'right', fill, bottom },
      { runs: formatShare(row.share, ctx.locale), align: 'right', fill, bottom },
    ];
  });
  const out: Array<Paragraph | Table> = [
    h3(t.ranking),
    listTable(widths, [[t.rank], [t.entry], [t.dots, 'right'], [t.supporters, 'right'], [t.share, 'right']], body),
  ];
  if (rows.length > r.topN) out.push(new Paragraph({ spacing: { before: 60 }, children: [new TextRun({ text: `${t.tableNote} ${topLabel(r.topN)}`, size: 15, color: MUTED })] }));
  return out;
}

function round(r: ProtocolRound, index: number, ctx: ProtocolContext, t: ProtocolTexts): Array<Paragraph | Table> {
  const runoff = runoffNote(r, ctx.locale);
  const meta = [
    `${t.subject}: ${text(r.subjectLabel)}`,
    `${t.status}: ${text(r.statusLabel)}`,
    `${t.opened}: ${dateTime(r.openedAt, ctx.locale)}`,
    `${t.closed}: ${dateTime(r.closedAt, ctx.locale)}`,
  ].join('   ·   ');
  const out: Array<Paragraph | Table> = [
    eyebrow(`${t.round} ${index + 1} · ${roundKind(r, ctx.locale)}`, true),
    new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, children: [new TextRun(text(r.title))] }),
  ];
  if (runoff) out.push(new Paragraph({ keepNext: true, children: [new TextRun({ text: runoff, italics: true, color: MUTED })] }));
  out.push(new Paragraph({ keepNext: true, spacing: { after: 100 }, children: [new TextRun({ text: meta, size: 16, color: MUTED })] }), stats(r, ctx, t));
  if (r.rulesText.length) out.push(h3(t.rules), ...r.rulesText.map((s) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(text(s))] })));
  if (!r.rows.length || r.totalDots <= 0) out.push(h3(t.result), muted(t.noDots, true));
  else out.push(...chart(r, ctx, t));
  if (r.rows.length) out.push(...ranking(r, ctx, t));

  const tie = cutTieNote(r, ctx.locale);
  const box: Paragraph[] = [];
  if (tie) box.push(new Paragraph({ children: [new TextRun({ text: tie, bold: true })] }));
  if (r.decision) {
    const d = r.decision;
    box.push(
      new Paragraph({
        spacing: { before: tie ? 120 : 0, after: 40 },
        children: [new TextRun({ text: t.decision, bold: true, color: ACCENT }), new TextRun({ text: `   ·   ${decisionByLine(d, ctx.locale)}`, size: 16, color: MUTED })],
      }),
      new Paragraph({ children: [new TextRun({ text: `${t.decisionChosen}: `, bold: true }), new TextRun(d.chosen.map((c) => text(c)).join(', ') || EMPTY)] }),
      new Paragraph({
        spacing: { before: 40 },
        children: [
          new TextRun({ text: `${t.decisionReason}: `, bold: true }),
          ...(lines(d.reason).length ? lines(d.reason) : [EMPTY]).map((l, i) => new TextRun({ text: l, break: i > 0 ? 1 : undefined })),
        ],
      }),
    );
  }
  if (box.length) out.push(spacer(), r.decision ? noteBox(box, ACCENT, HIGHLIGHT) : noteBox(box, MUTED, KEY_FILL));
  return out;
}

function photos(v: ProtocolView, t: ProtocolTexts): Paragraph[] {
  if (!v.photos.length) return [];
  const out: Paragraph[] = [h2(t.photos, true)];
  v.photos.forEach((p, i) => {
    const caption = new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 80, after: 320 },
      children: [new TextRun({ text: `${t.figure} ${i + 1}: `, bold: true, size: 17, color: MUTED }), new TextRun({ text: text(p.caption), size: 17, color: MUTED })],
    });
    const info = imageInfo(p.data);
    if (!info) {
      out.push(new Paragraph({ keepNext: true, children: [new TextRun({ text: `${t.photoUnsupported} (${text(p.mimeType)}).`, italics: true, color: MUTED })] }), caption);
      return;
    }
    const size = fitInto(info.width, info.height, IMAGE_MAX.width, IMAGE_MAX.height);
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        keepNext: true,
        children: [
          new ImageRun({
            type: info.type,
            data: p.data,
            transformation: size,
            altText: { name: `${t.figure} ${i + 1}`, title: text(p.caption), description: text(p.caption) },
          }),
        ],
      }),
      caption,
    );
  });
  return out;
}

export async function protocolDocx(v: ProtocolView, ctx: ProtocolContext): Promise<Buffer> {
  const t = protocolTexts(ctx.locale);
  const title = text(v.workshop.title);
  const footerTitle = `${text(v.municipalityName)} · ${t.protocol}: ${title}`;
  const rounds = v.rounds.length ? v.rounds.flatMap((r, i) => round(r, i, ctx, t)) : [h2(t.voting), muted(t.noRounds)];

  const doc = new Document({
    title: `${t.protocol}: ${title}`,
    subject: t.protocol,
    creator: 'Roter Faden',
    description: text(v.municipalityName),
    styles: {
      default: {
        document: { run: { font: FONT, size: 19, color: TEXT_COLOR }, paragraph: { spacing: { line: 264 } } },
        heading1: { run: { font: FONT, size: 36, bold: true, color: TEXT_COLOR }, paragraph: { spacing: { before: 0, after: 240 } } },
        heading2: { run: { font: FONT, size: 27, bold: true, color: ACCENT }, paragraph: { spacing: { before: 320, after: 120 } } },
        heading3: { run: { font: FONT, size: 21, bold: true, color: ACCENT }, paragraph: { spacing: { before: 220, after: 80 } } },
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
                tabStops: [{ type: TabStopType.RIGHT, position: CONTENT_WIDTH }],
                border: { top: { style: BorderStyle.SINGLE, size: 4, color: RULE, space: 4 } },
                children: [
                  new TextRun({ text: footerTitle.length > 95 ? `${footerTitle.slice(0, 93).trimEnd()}…` : footerTitle, size: 15, color: MUTED }),
                  new TextRun({ children: [new Tab(), `${t.page} `, PageNumber.CURRENT, ` ${t.of} `, PageNumber.TOTAL_PAGES], size: 15, color: MUTED }),
                ],
              }),
            ],
          }),
        },
        children: [...titleBlock(v, ctx, t), ...agenda(v, t), ...participants(v, ctx, t), ...groups(v, ctx, t), ...rounds, ...photos(v, t)],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
