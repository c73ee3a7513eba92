/**
 * The result of a dot-voting round as a horizontal bar chart.
 *
 * - `barChartSvg` draws an SVG for pdfmake's `svg` node (rendered by svg-to-pdfkit: plain shapes,
 *   `<pattern>` fills and `<text>` only – no CSS, no `dominant-baseline`).
 * - `barChartText` gives the same chart as rows of bar characters ("████ 12") for Word, which does not
 *   embed SVG reliably; a table of text is also what screen readers handle best.
 *
 * Neither relies on colour alone: selected bars are solid, bars tied at the Top-N cut are hatched and
 * say so in words, the rest are light; a dashed line with a label marks the cut.
 */
import type { Locale } from '../../../../domain/format';
import { protocolTexts, topLabel } from './labels';

export interface ChartRow {
  label: string;
  dots: number;
  /** in the Top N (or chosen by a decision) */
  selected: boolean;
}

export interface BarChartOptions {
  /** the cut line is drawn below this many rows */
  topN: number;
  /** labels of the rows tied at the cut (hatched and marked "Gleichstand") */
  tied?: readonly string[];
  locale?: Locale;
  /** width in pt (default 495: A4 minus 50 pt margins) */
  width?: number;
  fontFamily?: string;
  fontSize?: number;
  /** longer results show their first rows and point to the table (an SVG cannot break across pages) */
  maxRows?: number;
  /** lines per label before it is shortened with "…" (default 3) */
  labelLines?: number;
  /** width of `text` in pt; defaults to an estimate for Roboto-like fonts */
  measureText?: (text: string, fontSize: number, bold: boolean) => number;
  colors?: Partial<ChartColors>;
}

interface ChartColors {
  accent: string;
  text: string;
  muted: string;
  rule: string;
  other: string;
}

const DEFAULT_COLORS: ChartColors = { accent: '#9b1c1c', text: '#1f2328', muted: '#57606a', rule: '#d0d7de', other: '#c3c9d1' };

/** A conservative estimate of Roboto's advance widths (em fractions), used when no font metrics are given. */
export function estimateTextWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const ch of text) {
    if (' '.includes(ch)) em += 0.25;
    else if ('iljtfrI.,:;!|\'’‚()[]'.includes(ch)) em += 0.3;
    else if ('mwMW@'.includes(ch)) em += 0.86;
    else if (/[A-ZÄÖÜ]/.test(ch)) em += 0.66;
    else if (/[0-9]/.test(ch)) em += 0.57;
    else em += 0.54;
  }
  return em * fontSize * (bold ? 1.04 : 1);
}

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
const num = (n: number) => String(Math.round(n * 100) / 100);

type Measure = (text: string, fontSize: number, bold: boolean) => number;

/** Greedy word wrap into at most `maxLines` lines; the last line ends with "…" when text is left over. */
export function wrapText(text: string, maxWidth: number, fontSize: number, maxLines: number, measure: Measure = estimateTextWidth): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  const out: string[] = [];
  let current = '';
  const fits = (s: string) => measure(s, fontSize, false) <= maxWidth;
  for (const w of words) {
    const candidate = current ? `${current} ${w}` : w;
    if (fits(candidate)) {
      current = candidate;
      continue;
    }
    if (current) out.push(current);
    let word = w;
    // a single word wider than the column is broken by characters
    while (!fits(word) && word.length > 1) {
      let cut = word.length - 1;
      while (cut > 1 && !fits(`${word.slice(0, cut)}-`)) cut--;
      out.push(`${word.slice(0, cut)}-`);
      word = word.slice(cut);
    }
    current = word;
  }
  if (current) out.push(current);
  if (out.length <= maxLines) return out;
  const kept = out.slice(0, maxLines);
  let last = `${kept[maxLines - 1]} ${out.slice(maxLines).join(' ')}`;
  while (last.length > 1 && !fits(`${last}…`)) last = last.slice(0, -1);
  kept[maxLines - 1] = `${last.replace(/[\s,;:-]+$/, '')}…`;
  return kept;
}

/** "Gleichstand" / "Gleichstand, gewählt" for rows tied at the cut, otherwise empty. */
function markerFor(row: ChartRow, tied: ReadonlySet<string>, locale: Locale): string {
  if (!tied.has(row.label)) return '';
  const t = protocolTexts(locale);
  const tie = locale === 'de' ? t.tie : t.tie[0].toUpperCase() + t.tie.slice(1);
  return row.selected ? `${tie}, ${t.chosen}` : tie;
}

export function barChartSvg(rows: readonly ChartRow[], opts: BarChartOptions): string {
  const locale = opts.locale ?? 'de';
  const t = protocolTexts(locale);
  const c: ChartColors = { ...DEFAULT_COLORS, ...opts.colors };
  const width = opts.width ?? 495;
  const fs = opts.fontSize ?? 8;
  const family = esc(opts.fontFamily ?? 'Roboto');
  const measure: Measure = opts.measureText ?? estimateTextWidth;
  const tied = new Set(opts.tied ?? []);
  const maxRows = Math.max(opts.maxRows ?? 30, opts.topN + 1);
  const shown = rows.slice(0, maxRows);
  const hidden = rows.length - shown.length;

  const lineH = fs * 1.22;
  const barH = fs * 1.35;
  const pad = fs * 0.4;
  const labelW = Math.round(width * 0.42);
  const barX = labelW + 10;
  const values = shown.map((r) => {
    const marker = markerFor(r, tied, locale);
    return { dots: String(r.dots), marker: marker ? `· ${marker}` : '' };
  });
  const valueW = Math.max(
    measure('000', fs, true),
    ...values.map((v) => measure(v.dots, fs, true) + (v.marker ? measure(` ${v.marker}`, fs, false) : 0)),
  );
  const barMax = Math.max(40, width - barX - valueW - 8);
  const maxDots = Math.max(1, ...shown.map((r) => r.dots));
  const cutGap = fs * 2;
  const cutAfter = rows.length > opts.topN ? opts.topN : -1; // index of the first row below the cut

  const defs = [
    pattern('rf-tie-sel', c.accent),
    pattern('rf-tie', c.muted),
  ];
  const body: string[] = [];
  let y = 2;
  let cutY: number | null = null;

  shown.forEach((row, i) => {
    if (i === cutAfter) {
      cutY = y + cutGap / 2;
      y += cutGap;
    }
    const labelLines = wrapText(row.label, labelW - 4, fs, opts.labelLines ?? 3, measure);
    if (!labelLines.length) labelLines.push('–');
    const rowH = Math.max(barH, labelLines.length * lineH) + 2 * pad;
    const textTop = y + (rowH - labelLines.length * lineH) / 2;
    labelLines.forEach((line, k) => {
      const baseline = textTop + k * lineH + lineH / 2 + fs * 0.35;
      body.push(`<text x="0" y="${num(baseline)}" font-family="${family}" font-size="${fs}" fill="${c.text}"${row.selected ? ' font-weight="bold"' : ''}>${esc(line)}</text>`);
    });
    const isTied = tied.has(row.label);
    const len = row.dots > 0 ? Math.max(1.5, (row.dots / maxDots) * barMax) : 0;
    const barY = y + (rowH - barH) / 2;
    if (len > 0) {
      const fill = isTied ? `url(#${row.selected ? 'rf-tie-sel' : 'rf-tie'})` : row.selected ? c.accent : c.other;
      const stroke = isTied ? ` stroke="${row.selected ? c.accent : c.muted}" stroke-width="0.8"` : '';
      body.push(`<rect x="${num(barX)}" y="${num(barY)}" width="${num(len)}" height="${num(barH)}" fill="${fill}"${stroke}/>`);
    }
    const v = values[i];
    const vx = barX + len + 4;
    const vy = barY + barH / 2 + fs * 0.35;
    body.push(`<text x="${num(vx)}" y="${num(vy)}" font-family="${family}" font-size="${fs}" font-weight="bold" fill="${c.text}">${esc(v.dots)}</text>`);
    if (v.marker) {
      // svg-to-pdfkit drops leading spaces, so the gap is a position, not a character
      const mx = vx + measure(v.dots, fs, true) + measure(' ', fs, false);
      body.push(`<text x="${num(mx)}" y="${num(vy)}" font-family="${family}" font-size="${fs}" fill="${c.muted}">${esc(v.marker)}</text>`);
    }
    y += rowH;
  });

  const chartBottom = y;
  // value axis
  body.unshift(`<line x1="${num(barX)}" y1="0" x2="${num(barX)}" y2="${num(chartBottom + 2)}" stroke="${c.muted}" stroke-width="0.6"/>`);

  if (cutY !== null) {
    const label = locale === 'de' ? `Grenze ${topLabel(opts.topN)}` : `${topLabel(opts.topN)} cut`;
    const lfs = fs * 0.95;
    const lw = measure(label, lfs, true);
    body.push(
      `<line x1="0" y1="${num(cutY)}" x2="${num(width - lw - 6)}" y2="${num(cutY)}" stroke="${c.accent}" stroke-width="1" stroke-dasharray="4 2.5"/>`,
      `<text x="${num(width)}" y="${num(cutY + lfs * 0.35)}" text-anchor="end" font-family="${family}" font-size="${num(lfs)}" font-weight="bold" fill="${c.accent}">${esc(label)}</text>`,
    );
  }

  y += 4;
  if (hidden > 0) {
    y += lineH;
    body.push(`<text x="0" y="${num(y)}" font-family="${family}" font-size="${fs}" fill="${c.muted}">… ${hidden} ${esc(t.moreRows)}</text>`);
  }

  // legend: only the kinds that occur
  const legend: Array<{ fill: string; stroke?: string; label: string }> = [];
  if (shown.some((r) => r.selected && !tied.has(r.label))) legend.push({ fill: c.accent, label: `${topLabel(opts.topN)} (${t.legendSelected})` });
  if (shown.some((r) => tied.has(r.label))) legend.push({ fill: 'url(#rf-tie)', stroke: c.muted, label: t.legendTie });
  if (shown.some((r) => !r.selected && !tied.has(r.label))) legend.push({ fill: c.other, label: t.legendOther });
  if (legend.length) {
    y += fs * 0.9;
    const sw = fs * 1.5;
    const sh = fs * 0.95;
    let x = 0;
    const lfs = fs * 0.95;
    for (const item of legend) {
      const stroke = item.stroke ? ` stroke="${item.stroke}" stroke-width="0.8"` : '';
      body.push(`<rect x="${num(x)}" y="${num(y)}" width="${num(sw)}" height="${num(sh)}" fill="${item.fill}"${stroke}/>`);
      x += sw + 4;
      body.push(`<text x="${num(x)}" y="${num(y + sh / 2 + lfs * 0.35)}" font-family="${family}" font-size="${num(lfs)}" fill="${c.muted}">${esc(item.label)}</text>`);
      x += measure(item.label, lfs, false) + 14;
    }
    y += sh;
  }
  const height = Math.ceil(y + 3);
  const title = `${t.chartTitle}${opts.topN ? ` – ${topLabel(opts.topN)}` : ''}`;

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(width)}" height="${height}" viewBox="0 0 ${num(width)} ${height}" role="img" aria-label="${esc(title)}">`,
    `<title>${esc(title)}</title>`,
    `<defs>${defs.join('')}</defs>`,
    ...body,
    '</svg>',
  ].join('\n');
}

/** Diagonal hatching: white ground, stripes in `color`. */
function pattern(id: string, color: string): string {
  return (
    `<pattern id="${id}" patternUnits="userSpaceOnUse" width="4" height="4" patternTransform="rotate(45)">` +
    `<rect x="0" y="0" width="4" height="4" fill="#ffffff"/><rect x="0" y="0" width="1.7" height="4" fill="${color}"/></pattern>`
  );
}

export interface TextBarRow {
  label: string;
  dots: number;
  /** "████████ 12" */
  bar: string;
  /** "Gleichstand" / "Gleichstand, gewählt" / "" */
  marker: string;
  selected: boolean;
  tied: boolean;
  /** the Top-N cut runs below this row */
  lastAboveCut: boolean;
}

/**
 * The chart as text: █ for selected entries, ▓ for entries tied at the cut (with "Gleichstand"), ▒ for
 * the rest; the longest bar has `maxBar` characters.
 */
export function barChartText(rows: readonly ChartRow[], opts: Pick<BarChartOptions, 'topN' | 'tied' | 'locale'> & { maxBar?: number }): TextBarRow[] {
  const locale = opts.locale ?? 'de';
  const tied = new Set(opts.tied ?? []);
  const maxBar = opts.maxBar ?? 30;
  const maxDots = Math.max(1, ...rows.map((r) => r.dots));
  return rows.map((r, i) => {
    const isTied = tied.has(r.label);
    const n = r.dots > 0 ? Math.max(1, Math.round((r.dots / maxDots) * maxBar)) : 0;
    const ch = isTied ? '▓' : r.selected ? '█' : '▒';
    return {
      label: r.label,
      dots: r.dots,
      bar: `${ch.repeat(n)}${n ? ' ' : ''}${r.dots}`,
      marker: markerFor(r, tied, locale),
      selected: r.selected,
      tied: isTied,
      lastAboveCut: rows.length > opts.topN && i === opts.topN - 1,
    };
  });
}
