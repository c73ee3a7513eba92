import type { CanvasElement, Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Roadmap, RoadmapGroup, RoadmapItem, Violation } from '../../../contract/roadmap';
import { formatDate } from '../../../domain/format';
import { STATUS_LABELS } from '../../../domain/labels';
import { ACCENT, KEY_FILL, MUTED, render } from '../measures/documents/brief-pdf';

/** Width of the bar column in points: A4 landscape minus margins, the other columns and cell padding. */
const BAR = 420;
const BAR_FILL = '#2f6f4e';
const BAR_BROKEN = '#b00020';
const DONE = '#1d2329';

const day = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000;

export interface RoadmapDocContext {
  municipalityName: string;
  generatedAt: Date;
  filterSummary: string;
  group: RoadmapGroup;
  /** concept item id → name, for group headings */
  name: (id: string | null) => string;
}

/** Group keys of a measure: a measure in two districts appears under both. */
export function groupKeys(item: RoadmapItem, group: RoadmapGroup): (string | null)[] {
  if (group === 'district') return item.districtIds.length ? item.districtIds : [null];
  if (group === 'actionField') return item.actionFieldIds.length ? item.actionFieldIds : [null];
  if (group === 'department') return [item.leadDepartmentId];
  return [null];
}

function violationText(v: Violation, number: (id: string) => string) {
  return v.kind === 'starts_before_predecessor_ends'
    ? `Beginnt ${formatDate(v.start)}, vor dem Ende von ${number(v.dependsOnId)} (${formatDate(v.predecessorEnd)})`
    : `Meilenstein am ${formatDate(v.dueOn)} liegt außerhalb des Zeitraums`;
}

/** The roadmap as a landscape PDF: one row per measure with its bar and milestones, grouped, with year ticks. */
export async function roadmapPdf(r: Roadmap, ctx: RoadmapDocContext): Promise<Buffer> {
  const byId = new Map([...r.items, ...r.refs].map((m) => [m.id, m]));
  const number = (id: string) => `Nr. ${byId.get(id)?.number ?? '?'}`;
  const content: Content[] = [
    { text: `Fahrplan – ${ctx.municipalityName}`, fontSize: 14, bold: true, color: ACCENT },
    { text: `Auswahl: ${ctx.filterSummary} · ${r.total} Maßnahmen mit Zeitraum${r.items.length < r.total ? ` (die ersten ${r.items.length})` : ''} · ${r.undated.total} ohne Zeitraum`, margin: [0, 2, 0, 8] },
  ];
  if (!r.range || r.items.length === 0) {
    content.push({ text: 'Keine Maßnahmen mit geplantem Beginn und Ende für diese Auswahl.', italics: true });
  } else {
    const start = day(r.range.start);
    const span = Math.max(1, day(r.range.end) - start + 1);
    const x = (iso: string) => ((day(iso) - start) / span) * BAR;
    const firstYear = +r.range.start.slice(0, 4);
    const lastYear = +r.range.end.slice(0, 4);
    const years = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i);
    const yearLines: CanvasElement[] = years.slice(1).map((y) => ({ type: 'line', x1: x(`${y}-01-01`), y1: 0, x2: x(`${y}-01-01`), y2: 14, lineWidth: 0.5, lineColor: '#c9d1d8' }));
    // year labels as a nested table whose column widths follow the calendar
    const yearWidths = years.map((y) => {
      const from = Math.max(day(`${y}-01-01`), start);
      const to = Math.min(day(`${y + 1}-01-01`), start + span);
      return Math.max(0.1, ((to - from) / span) * BAR);
    });
    const axis: TableCell = {
      table: { widths: yearWidths, body: [years.map((y, i) => ({ text: yearWidths[i] > 18 ? String(y) : '', fontSize: 7, bold: true, alignment: 'center' as const }))] },
      layout: { hLineWidth: () => 0, vLineWidth: (i: number) => (i > 0 && i < years.length ? 0.5 : 0), vLineColor: () => '#c9d1d8', paddingLeft: () => 0, paddingRight: () => 0, paddingTop: () => 0, paddingBottom: () => 0 },
    };
    const vByMeasure = new Map<string, Violation[]>();
    for (const v of r.violations) vByMeasure.set(v.measureId, [...(vByMeasure.get(v.measureId) ?? []), v]);
    const waitsFor = (id: string) => r.dependencies.filter((d) => d.measureId === id).map((d) => number(d.dependsOnId));
    const row = (m: RoadmapItem): TableCell[] => {
      const broken = vByMeasure.get(m.id) ?? [];
      const bar: CanvasElement[] = [
        ...yearLines.map((l) => ({ ...l })), // pdfmake moves canvas elements in place: a fresh copy per row
        { type: 'rect', x: x(m.plannedStart!), y: 3, w: Math.max(1.5, x(m.plannedEnd!) - x(m.plannedStart!) + BAR / span), h: 8, r: 1, color: broken.length ? BAR_BROKEN : BAR_FILL },
        ...m.milestones.map((ms): CanvasElement => {
          const cx = x(ms.dueOn);
          return { type: 'polyline', points: [{ x: cx, y: 1 }, { x: cx + 4, y: 7 }, { x: cx, y: 13 }, { x: cx - 4, y: 7 }], closePath: true, color: ms.done ? DONE : '#ffffff', lineColor: DONE, lineWidth: 0.8 };
        }),
      ];
      const notes = [
        ...(waitsFor(m.id).length ? [{ text: `wartet auf ${waitsFor(m.id).join(', ')}`, fontSize: 7, color: MUTED }] : []),
        ...m.milestones.map((ms) => ({ text: `Meilenstein ${formatDate(ms.dueOn)} ${ms.title}${ms.done ? ' (erledigt)' : ''}`, fontSize: 7, color: MUTED })),
        ...broken.map((v) => ({ text: `! ${violationText(v, number)}`, fontSize: 7, color: BAR_BROKEN, bold: true })),
      ];
      return [
        String(m.number),
        { stack: [{ text: m.title }, { text: STATUS_LABELS[m.status]?.de ?? m.status, fontSize: 7, color: MUTED }, ...notes] },
        { text: `${formatDate(m.plannedStart)} –\n${formatDate(m.plannedEnd)}`, fontSize: 7 },
        { canvas: bar },
      ];
    };
    const groups = new Map<string | null, RoadmapItem[]>();
    for (const m of r.items) for (const k of groupKeys(m, ctx.group)) groups.set(k, [...(groups.get(k) ?? []), m]);
    const body: TableCell[][] = [[{ text: 'Nr.', bold: true, fillColor: KEY_FILL }, { text: 'Maßnahme', bold: true, fillColor: KEY_FILL }, { text: 'Zeitraum', bold: true, fillColor: KEY_FILL }, { ...(axis as object), fillColor: KEY_FILL } as TableCell]];
    const sorted = [...groups.entries()].sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : ctx.name(a).localeCompare(ctx.name(b), 'de')));
    for (const [key, items] of sorted) {
      if (ctx.group !== 'none') body.push([{ text: key ? ctx.name(key) : 'ohne Zuordnung', colSpan: 4, bold: true, color: ACCENT, margin: [0, 4, 0, 0] }, {}, {}, {}]);
      body.push(...items.map(row));
    }
    content.push({ table: { headerRows: 1, dontBreakRows: true, widths: [20, 200, 60, BAR], body }, layout: 'lightHorizontalLines' });
    content.push({ text: 'Balken: geplanter Zeitraum (rot: Datum verletzt eine Abhängigkeit oder ein Meilenstein liegt außerhalb). Raute: Meilenstein (gefüllt: erledigt).', fontSize: 7, italics: true, margin: [0, 6, 0, 0] });
  }
  if (r.undated.total > 0) {
    content.push({ text: 'Ohne Zeitraum', fontSize: 11, bold: true, margin: [0, 12, 0, 4] });
    content.push({ ul: r.undated.items.map((m) => `Nr. ${m.number} ${m.title}${m.plannedStart ? ` (Beginn ${formatDate(m.plannedStart)})` : ''}${m.plannedEnd ? ` (Ende ${formatDate(m.plannedEnd)})` : ''}`) });
    if (r.undated.total > r.undated.items.length) content.push({ text: `… und ${r.undated.total - r.undated.items.length} weitere`, italics: true });
  }
  const def: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [30, 36, 30, 36],
    info: { title: `Fahrplan ${ctx.municipalityName}` },
    defaultStyle: { font: 'Roboto', fontSize: 8 },
    footer: (page, pages) => ({ text: `${ctx.municipalityName} · Fahrplan · Stand ${formatDate(ctx.generatedAt)} · Seite ${page} von ${pages}`, alignment: 'center', fontSize: 7, margin: [0, 12, 0, 0] }),
    content,
  };
  return render(def).toBuffer();
}
