/**
 * The workshop protocol as PDF (A4, pdfmake 0.2 with Roboto – printer and fonts from the brief documents):
 * title block, agenda, participants, groups with their briefs, every voting round (rules, turnout,
 * chart, ranking, tie at the cut, decision), the photo record, "Seite X von Y" in the footer.
 */
import { createRequire } from 'node:module';
import type { Content, CustomTableLayout, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { ACCENT, CONTENT_WIDTH, font, KEY_FILL, MARGIN_X, MUTED, render, RULE, TEXT } from '../../measures/documents/brief-pdf';
import { barChartSvg } from './chart';
import { imageInfo } from './images';
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

const HIGHLIGHT = '#f7e9e9';
const PAGE_CONTENT_HEIGHT = 841.89 - 48 - 56;

type Measure = (s: string, size: number, bold: boolean) => number;
interface FontkitFont {
  unitsPerEm: number;
  layout(s: string): { advanceWidth: number };
}

// Exact Roboto advance widths for the chart's labels, through the fontkit that pdfmake itself uses.
const require = createRequire(import.meta.url);
let measureCache: Measure | null | undefined;
function robotoMeasure(): Measure | undefined {
  if (measureCache === undefined) {
    try {
      const fontkit = createRequire(require.resolve('pdfmake'))('@foliojs-fork/fontkit') as { create(data: Buffer): FontkitFont };
      const regular = fontkit.create(font('Roboto-Regular.ttf'));
      const bold = fontkit.create(font('Roboto-Medium.ttf'));
      measureCache = (s, size, isBold) => {
        const f = isBold ? bold : regular;
        return (f.layout(s).advanceWidth / f.unitsPerEm) * size;
      };
    } catch {
      measureCache = null; // fall back to the chart's estimate
    }
  }
  return measureCache ?? undefined;
}

/** Shortens a one-line text with "…" so that it fits `width` pt. */
function fitLine(s: string, size: number, width: number): string {
  const measure = robotoMeasure();
  const fits = (x: string) => (measure ? measure(x, size, false) : x.length * size * 0.52) <= width;
  if (fits(s)) return s;
  let cut = s.length;
  while (cut > 1 && !fits(`${s.slice(0, cut).trimEnd()}…`)) cut--;
  return `${s.slice(0, cut).trimEnd()}…`;
}

const listLayout: CustomTableLayout = {
  hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 0.8 : i === 1 ? 0.8 : 0.4),
  vLineWidth: () => 0,
  hLineColor: (i, node) => (i === 0 || i === 1 || i === node.table.body.length ? MUTED : RULE),
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 2.6,
  paddingBottom: () => 2.6,
};

const keyValueLayout: CustomTableLayout = {
  hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 0.8 : 0.4),
  vLineWidth: () => 0,
  hLineColor: (i, node) => (i === 0 || i === node.table.body.length ? MUTED : RULE),
  paddingLeft: () => 5,
  paddingRight: () => 5,
  paddingTop: () => 3,
  paddingBottom: () => 3,
};

/** A box with a coloured bar on the left (notes about ties and decisions). */
const noteLayout = (bar: string): CustomTableLayout => ({
  hLineWidth: () => 0,
  vLineWidth: (i) => (i === 0 ? 3 : 0),
  vLineColor: () => bar,
  paddingLeft: () => 9,
  paddingRight: () => 8,
  paddingTop: () => 5,
  paddingBottom: () => 5,
});

const header = (labels: string[], align: Array<'left' | 'right'> = []): TableCell[] =>
  labels.map((l, i) => ({ text: l, bold: true, color: MUTED, fontSize: 8, alignment: align[i] ?? 'left' }));

/** Headings carry `headlineLevel: 1`, so that `keepWithNext` moves them off the bottom of a page. */
const h1 = (s: string, extra: Partial<Record<'pageBreak', 'before'>> = {}): Content => ({ text: s, style: 'h1', headlineLevel: 1, ...extra });
const h3 = (s: string): Content => ({ text: s, style: 'h3', headlineLevel: 1 });
const h2 = (s: string): Content => ({ text: s, style: 'h2', headlineLevel: 1 });

/** A heading needs room for itself and the first lines of what follows (a table header and two rows). */
const KEEP_WITH_NEXT = 90;
function keepWithNext(node: { headlineLevel?: number; startPosition?: { top: number; verticalRatio: number; pageInnerHeight: number } }): boolean {
  const pos = node.startPosition;
  if (node.headlineLevel !== 1 || !pos) return false;
  return pos.pageInnerHeight * (1 - pos.verticalRatio) < KEEP_WITH_NEXT;
}

function titleBlock(v: ProtocolView, ctx: ProtocolContext, t: ProtocolTexts): Content[] {
  const w = v.workshop;
  const rows: Array<[string, string]> = [
    [t.date, dateRange(w.startsOn, w.endsOn, ctx.locale)],
    [t.place, text(w.place)],
  ];
  if (w.onlineUrl.trim()) rows.push([t.online, text(w.onlineUrl)]);
  rows.push([t.facilitators, text(w.facilitators)], [t.participantCount, participantSummary(v, ctx.locale)], [t.generated, generatedOn(ctx.generatedAt, ctx.locale)]);
  return [
    {
      columns: [
        { text: text(v.municipalityName), bold: true, fontSize: 11, width: '*' },
        { text: t.protocol.toUpperCase(), bold: true, fontSize: 9, color: ACCENT, alignment: 'right', width: 'auto', margin: [0, 1.5, 0, 0], characterSpacing: 0.6 },
      ],
    },
    { canvas: [{ type: 'line', x1: 0, y1: 0, x2: CONTENT_WIDTH, y2: 0, lineWidth: 1.6, lineColor: ACCENT }], margin: [0, 5, 0, 16] },
    { text: text(w.kindLabel).toUpperCase(), fontSize: 8.5, bold: true, color: MUTED, characterSpacing: 0.5, margin: [0, 0, 0, 3] },
    { text: text(w.title), fontSize: w.title.length > 90 ? 16 : 20, bold: true, lineHeight: 1.1, margin: [0, 0, 0, 12] },
    {
      table: {
        widths: [110, '*'],
        body: rows.map(([k, val]) => [
          { text: k, bold: true, color: MUTED, fillColor: KEY_FILL },
          { text: val },
        ]),
      },
      layout: keyValueLayout,
    },
  ];
}

const TIME = /^(\d{1,2}[:.]\d{2}(?:\s*(?:[–-]|bis)\s*\d{1,2}[:.]\d{2})?(?:\s*Uhr)?)\s+(.+)$/;

/** The agenda: as a time table when most lines start with a time ("17:00 Begrüßung"), otherwise as text. */
function agenda(v: ProtocolView, t: ProtocolTexts): Content[] {
  const ls = lines(v.workshop.agenda);
  if (!ls.length) return [];
  const filled = ls.filter((l) => l.trim());
  const timed = filled.filter((l) => TIME.test(l.trim()));
  let body: Content;
  if (timed.length >= Math.max(2, filled.length / 2)) {
    body = {
      table: {
        widths: [70, '*'],
        body: filled.map((l) => {
          const m = TIME.exec(l.trim());
          return m ? [{ text: m[1], bold: true, color: MUTED }, { text: m[2] }] : [{ text: '' }, { text: l.trim() }];
        }),
      },
      layout: { ...listLayout, hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 0.8 : 0.4), hLineColor: (i, node) => (i === 0 || i === node.table.body.length ? MUTED : RULE) },
    };
  } else {
    body = { stack: ls.map((l) => ({ text: l || ' ', preserveLeadingSpaces: true, margin: [0, 0, 0, 1.5] as [number, number, number, number] })) };
  }
  return [h1(t.agenda), body];
}

function participants(v: ProtocolView, ctx: ProtocolContext, t: ProtocolTexts): Content[] {
  if (!v.participants.length) return [h1(t.participants), { text: t.noParticipants, color: MUTED }];
  return [
    h1(`${t.participants} (${formatInt(v.participants.length, ctx.locale)})`),
    {
      table: {
        headerRows: 1,
        widths: [20, '*', '*', 40],
        body: [
          header(['', t.name, t.group, t.guest]),
          ...v.participants.map((p, i): TableCell[] => [
            { text: `${i + 1}`, color: MUTED, fontSize: 8, alignment: 'right' },
            { text: text(p.name) },
            { text: p.group ? text(p.group) : t.noGroup, color: p.group ? TEXT : MUTED, italics: !p.group },
            { text: p.guest ? t.guest : '' },
          ]),
        ],
      },
      layout: listLayout,
    },
  ];
}

function groups(v: ProtocolView, ctx: ProtocolContext, t: ProtocolTexts): Content[] {
  const out: Content[] = [h1(t.groups)];
  if (!v.groups.length) return [...out, { text: t.noGroups, color: MUTED }];
  for (const g of v.groups) {
    out.push(h2(text(g.name)));
    if (!g.briefs.length) {
      out.push({ text: t.noBriefs, color: MUTED, italics: true });
      continue;
    }
    out.push({
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: [26, '*', 78],
        body: [
          header([t.number, t.brief, t.cost], ['left', 'left', 'right']),
          ...g.briefs.map((b): TableCell[] => {
            const details: Content[] = [];
            if (b.need.trim()) details.push({ text: [{ text: `${t.need}: `, bold: true, color: MUTED }, text(b.need)], fontSize: 8.5, margin: [0, 2, 0, 0] });
            if (b.goal.trim()) details.push({ text: [{ text: `${t.goal}: `, bold: true, color: MUTED }, text(b.goal)], fontSize: 8.5, margin: [0, 2, 0, 0] });
            return [
              { text: String(b.number), bold: true },
              { stack: [{ text: text(b.title), bold: true }, ...details] },
              { text: formatMoney(b.costCents, ctx.locale), alignment: 'right', noWrap: true },
            ];
          }),
        ],
      },
      layout: listLayout,
    });
  }
  return out;
}

function stats(r: ProtocolRound, ctx: ProtocolContext, t: ProtocolTexts): Content {
  const cells: Array<[string, string]> = [
    [t.eligible, formatInt(r.eligible, ctx.locale)],
    [t.voters, votersLabel(r, ctx.locale)],
    [t.totalDots, formatInt(r.totalDots, ctx.locale)],
    [ctx.locale === 'de' ? 'Auswahl' : 'Selection', topLabel(r.topN)],
  ];
  return {
    table: {
      widths: ['*', '*', '*', '*'],
      body: [
        cells.map(([, val]) => ({ text: val, fontSize: 13, bold: true, color: TEXT })),
        cells.map(([k]) => ({ text: k, fontSize: 8, color: MUTED })),
      ],
    },
    layout: {
      hLineWidth: () => 0,
      vLineWidth: (i) => (i === 0 || i === 4 ? 0 : 0.6),
      vLineColor: () => RULE,
      fillColor: () => KEY_FILL,
      paddingLeft: () => 8,
      paddingRight: () => 8,
      paddingTop: (i) => (i === 0 ? 5 : 0),
      paddingBottom: (i) => (i === 1 ? 5 : 0),
    },
    margin: [0, 4, 0, 0],
  };
}

function rankingTable(r: ProtocolRound, ctx: ProtocolContext, t: ProtocolTexts): Content {
  const rows = displayRows(r.rows);
  const tied = tiedSet(r);
  const cutLine = rows.length > r.topN ? r.topN + 1 : -1; // table line index below the Top N (after the header)
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: [62, '*', 38, 64, 44], // the rank column holds "5 (gleichauf)"
      body: [
        header([t.rank, t.entry, t.dots, t.supporters, t.share], ['left', 'left', 'right', 'right', 'right']),
        ...rows.map((row): TableCell[] => {
          const fill = row.selected ? HIGHLIGHT : undefined;
          const bold = row.selected;
          const label: Content = tied.has(row.label)
            ? { text: [text(row.label), { text: ` (${t.tie}${row.selected ? `, ${t.chosen}` : ''})`, italics: true, bold: false, color: MUTED }], bold, fillColor: fill }
            : { text: text(row.label), bold, fillColor: fill };
          return [
            { text: text(row.rankLabel), bold, fillColor: fill },
            label,
            { text: formatInt(row.dots, ctx.locale), alignment: 'right', bold, fillColor: fill },
            { text: formatInt(row.supporters, ctx.locale), alignment: 'right', fillColor: fill },
            { text: formatShare(row.share, ctx.locale), alignment: 'right', fillColor: fill },
          ];
        }),
      ],
    },
    layout: {
      ...listLayout,
      hLineWidth: (i, node) => (i === cutLine ? 1.4 : i === 0 || i === 1 || i === node.table.body.length ? 0.8 : 0.4),
      hLineColor: (i, node) => (i === cutLine ? ACCENT : i === 0 || i === 1 || i === node.table.body.length ? MUTED : RULE),
      hLineStyle: (i) => (i === cutLine ? { dash: { length: 4, space: 2.5 } } : null),
      paddingTop: () => 1.8,
      paddingBottom: () => 1.8,
    },
    fontSize: 8.5,
  };
}

function note(body: Content[], bar: string, fill: string): Content {
  return { table: { widths: ['*'], body: [[{ stack: body, fillColor: fill }]] }, layout: noteLayout(bar), margin: [0, 8, 0, 0], unbreakable: true };
}

function round(r: ProtocolRound, index: number, ctx: ProtocolContext, t: ProtocolTexts): Content[] {
  const kind = roundKind(r, ctx.locale);
  const runoff = runoffNote(r, ctx.locale);
  const meta = [
    `${t.subject}: ${text(r.subjectLabel)}`,
    `${t.status}: ${text(r.statusLabel)}`,
    `${t.opened}: ${dateTime(r.openedAt, ctx.locale)}`,
    `${t.closed}: ${dateTime(r.closedAt, ctx.locale)}`,
  ].join('   ·   ');
  const out: Content[] = [
    { text: `${t.round} ${index + 1} · ${kind}`.toUpperCase(), fontSize: 8.5, bold: true, color: ACCENT, characterSpacing: 0.5, pageBreak: 'before' },
    { text: text(r.title), fontSize: 16, bold: true, lineHeight: 1.1, margin: [0, 2, 0, 3] },
  ];
  if (runoff) out.push({ text: runoff, italics: true, color: MUTED, margin: [0, 0, 0, 2] });
  out.push({ text: meta, fontSize: 8, color: MUTED, margin: [0, 0, 0, 6] }, stats(r, ctx, t));
  if (r.rulesText.length) {
    out.push(h3(t.rules), { ul: r.rulesText.map((s) => text(s)), markerColor: ACCENT, margin: [2, 0, 0, 0] });
  }
  if (!r.rows.length || r.totalDots <= 0) {
    out.push(h3(t.result), { text: t.noDots, color: MUTED, italics: true });
  } else {
    const svg = barChartSvg(displayRows(r.rows), {
      topN: r.topN,
      tied: r.cutTie?.candidates ?? [],
      locale: ctx.locale,
      width: CONTENT_WIDTH,
      fontSize: 7.5,
      // the SVG cannot break across pages: long results show the top of the list, the table has all
      maxRows: Math.max(15, r.topN + 5),
      labelLines: 2,
      measureText: robotoMeasure(),
      colors: { accent: ACCENT, text: TEXT, muted: MUTED, rule: RULE },
    });
    out.push({ stack: [h3(t.result), { svg, width: CONTENT_WIDTH }], unbreakable: true });
  }
  if (r.rows.length) {
    const explain = r.rows.length > r.topN ? `${t.tableNote} ${topLabel(r.topN)}` : '';
    out.push(
      {
        headlineLevel: 1,
        columns: [
          { text: t.ranking, style: 'h3', width: 'auto' },
          { text: explain, fontSize: 7.5, color: MUTED, alignment: 'right', width: '*', margin: [12, 12.5, 0, 0] },
        ],
      },
      rankingTable(r, ctx, t),
    );
  }
  // the tie at the cut and the decision that settles it share one box
  const tie = cutTieNote(r, ctx.locale);
  const box: Content[] = [];
  if (tie) box.push({ text: tie, bold: true });
  if (r.decision) {
    const d = r.decision;
    box.push(
      { text: [{ text: t.decision, bold: true, color: ACCENT }, { text: `   ·   ${decisionByLine(d, ctx.locale)}`, fontSize: 8, color: MUTED }], margin: [0, tie ? 6 : 0, 0, 2] },
      { text: [{ text: `${t.decisionChosen}: `, bold: true }, d.chosen.map((c) => text(c)).join(', ') || EMPTY] },
      { text: [{ text: `${t.decisionReason}: `, bold: true }, lines(d.reason).join('\n') || EMPTY], margin: [0, 1.5, 0, 0] },
    );
  }
  if (box.length) out.push(r.decision ? note(box, ACCENT, HIGHLIGHT) : note(box, MUTED, KEY_FILL));
  return out;
}

function photos(v: ProtocolView, t: ProtocolTexts): Content[] {
  if (!v.photos.length) return [];
  const out: Content[] = [h1(t.photos, { pageBreak: 'before' })];
  v.photos.forEach((p, i) => {
    const caption: Content = { text: [{ text: `${t.figure} ${i + 1}: `, bold: true }, text(p.caption)], fontSize: 8.5, color: MUTED, alignment: 'center', margin: [0, 5, 0, 18] };
    const info = imageInfo(p.data);
    if (!info) {
      out.push(note([{ text: `${t.photoUnsupported} (${text(p.mimeType)}).`, italics: true, color: MUTED }], RULE, KEY_FILL), caption);
      return;
    }
    const mime = info.type === 'png' ? 'image/png' : 'image/jpeg';
    out.push({
      stack: [{ image: `data:${mime};base64,${p.data.toString('base64')}`, fit: [CONTENT_WIDTH, PAGE_CONTENT_HEIGHT - 80], alignment: 'center' }, caption],
      unbreakable: true,
    });
  });
  return out;
}

export function protocolDefinition(v: ProtocolView, ctx: ProtocolContext): TDocumentDefinitions {
  const t = protocolTexts(ctx.locale);
  const title = text(v.workshop.title);
  const rounds: Content[] = v.rounds.length
    ? v.rounds.flatMap((r, i) => round(r, i, ctx, t))
    : [h1(t.voting), { text: t.noRounds, color: MUTED }];
  const footerLeft = fitLine(`${text(v.municipalityName)} · ${t.protocol}: ${title}`, 7.5, CONTENT_WIDTH - 80);
  return {
    pageSize: 'A4',
    pageMargins: [MARGIN_X, 48, MARGIN_X, 56],
    language: ctx.locale === 'de' ? 'de-DE' : 'en-GB',
    info: {
      title: `${t.protocol}: ${title}`,
      author: v.municipalityName,
      subject: t.protocol,
      creator: 'Roter Faden',
      producer: 'Roter Faden',
      creationDate: ctx.generatedAt,
    },
    defaultStyle: { font: 'Roboto', fontSize: 9.5, lineHeight: 1.2, color: TEXT },
    styles: {
      h1: { fontSize: 13.5, bold: true, color: ACCENT, margin: [0, 18, 0, 6] },
      h2: { fontSize: 11, bold: true, color: TEXT, margin: [0, 10, 0, 4] },
      h3: { fontSize: 10, bold: true, color: ACCENT, margin: [0, 10, 0, 3] },
    },
    pageBreakBefore: (node) => keepWithNext(node),
    footer: (currentPage: number, pageCount: number): Content => ({
      margin: [MARGIN_X, 16, MARGIN_X, 0],
      stack: [
        { canvas: [{ type: 'line', x1: 0, y1: 0, x2: CONTENT_WIDTH, y2: 0, lineWidth: 0.5, lineColor: RULE }] },
        {
          margin: [0, 5, 0, 0],
          fontSize: 7.5,
          color: MUTED,
          columns: [
            { text: footerLeft, width: '*' },
            { text: `${t.page} ${currentPage} ${t.of} ${pageCount}`, width: 'auto', alignment: 'right' },
          ],
        },
      ],
    }),
    content: [...titleBlock(v, ctx, t), ...agenda(v, t), ...participants(v, ctx, t), ...groups(v, ctx, t), ...rounds, ...photos(v, t)],
  };
}

export async function protocolPdf(v: ProtocolView, ctx: ProtocolContext): Promise<Buffer> {
  return render(protocolDefinition(v, ctx)).toBuffer();
}
