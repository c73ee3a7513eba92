import type { Roadmap, RoadmapGroup, RoadmapItem } from '../../../contract/roadmap';

/** Geometry of the SVG timeline in its own units (the viewBox); the PNG is drawn at twice this size. */
export const WIDTH = 1100;
export const LABEL = 300;
export const ROW = 26;
export const HEADER = 34;
export const GROUP_ROW = 24;

const day = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000;

export interface Row {
  kind: 'group' | 'measure';
  y: number;
  label: string;
  item?: RoadmapItem;
}

export interface Layout {
  rows: Row[];
  height: number;
  x: (iso: string) => number;
  years: { year: number; x: number }[];
  /** quarter starts (April, July, October) when the range is short enough for them to be readable */
  quarters: number[];
  /** y of the first row of each measure, for dependency arrows */
  yOf: Map<string, number>;
}

export function groupKeys(item: RoadmapItem, group: RoadmapGroup): (string | null)[] {
  if (group === 'district') return item.districtIds.length ? item.districtIds : [null];
  if (group === 'actionField') return item.actionFieldIds.length ? item.actionFieldIds : [null];
  if (group === 'department') return [item.leadDepartmentId];
  return [null];
}

/** Groups of the page in name order ("not assigned" last); a measure in two districts shows under both. */
export function groupItems(items: RoadmapItem[], group: RoadmapGroup, name: (id: string) => string) {
  const groups = new Map<string | null, RoadmapItem[]>();
  for (const m of items) for (const k of groupKeys(m, group)) groups.set(k, [...(groups.get(k) ?? []), m]);
  return [...groups.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : name(a).localeCompare(name(b), 'de')))
    .map(([key, list]) => ({ key, items: list }));
}

export function layout(r: Roadmap, group: RoadmapGroup, name: (id: string) => string, noGroup: string): Layout {
  const start = r.range ? day(r.range.start) : 0;
  const span = r.range ? Math.max(1, day(r.range.end) - start + 1) : 1;
  const x = (iso: string) => LABEL + ((day(iso) - start) / span) * (WIDTH - LABEL - 10);
  const rows: Row[] = [];
  const yOf = new Map<string, number>();
  let y = HEADER;
  for (const g of groupItems(r.items, group, name)) {
    if (group !== 'none') {
      rows.push({ kind: 'group', y, label: g.key ? name(g.key) : noGroup });
      y += GROUP_ROW;
    }
    for (const item of g.items) {
      rows.push({ kind: 'measure', y, label: `${item.number} ${item.title}`, item });
      if (!yOf.has(item.id)) yOf.set(item.id, y);
      y += ROW;
    }
  }
  const years: Layout['years'] = [];
  if (r.range) {
    for (let yr = +r.range.start.slice(0, 4); yr <= +r.range.end.slice(0, 4); yr++) {
      years.push({ year: yr, x: Math.max(LABEL, x(`${yr}-01-01`)) });
    }
  }
  const quarters: number[] = [];
  if (r.range && span <= 4 * 366) {
    for (let yr = +r.range.start.slice(0, 4); yr <= +r.range.end.slice(0, 4); yr++) {
      for (const m of ['04', '07', '10']) {
        const iso = `${yr}-${m}-01`;
        if (iso > r.range.start && iso <= r.range.end) quarters.push(x(iso));
      }
    }
  }
  return { rows, height: y + 8, x, years, quarters, yOf };
}

/** Fits a label into the label column (SVG text does not wrap). */
export const clip = (s: string, max = 40) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
