import type { MeasureQueryInput } from '../../../contract/measures';

/** The multi-value filters of the list, in the order the panel shows them. */
export const FILTER_KEYS = ['district', 'department', 'actionField', 'goal', 'dimension', 'status', 'horizon', 'priority', 'tag'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export const SORTS = ['relevance', 'number', '-number', 'title', '-title', 'cost', '-cost', 'start', '-start', '-updated', 'updated', 'status'] as const;
export const PAGE_SIZE = 25;

export interface ListState {
  q: string;
  filters: Record<FilterKey, string[]>;
  sort: string;
  page: number;
}

const split = (v: string | null) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : []);

/** URL search params → list state (the URL is the single source of truth: bookmarkable, back button works). */
export function readListState(sp: URLSearchParams): ListState {
  const filters = Object.fromEntries(FILTER_KEYS.map((k) => [k, split(sp.get(k))])) as Record<FilterKey, string[]>;
  const page = Number(sp.get('page'));
  const sort = sp.get('sort') ?? '';
  return {
    q: sp.get('q') ?? '',
    filters,
    sort: (SORTS as readonly string[]).includes(sort) ? sort : '',
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

export function writeListState(s: ListState): URLSearchParams {
  const sp = new URLSearchParams();
  if (s.q.trim()) sp.set('q', s.q.trim());
  for (const k of FILTER_KEYS) if (s.filters[k].length) sp.set(k, s.filters[k].join(','));
  if (s.sort) sp.set('sort', s.sort);
  if (s.page > 1) sp.set('page', String(s.page));
  return sp;
}

/** Query for GET /measures and the exports (same filters; exports without paging). */
export function toApiQuery(s: ListState, paged: boolean): Record<string, string | number | string[]> {
  const out: Record<string, string | number | string[]> = {};
  if (s.q.trim()) out.q = s.q.trim();
  for (const k of FILTER_KEYS) if (s.filters[k].length) out[k] = s.filters[k];
  if (s.sort) out.sort = s.sort;
  if (paged) {
    out.page = s.page;
    out.pageSize = PAGE_SIZE;
  }
  return out satisfies Partial<Record<keyof MeasureQueryInput, unknown>>;
}

export const activeFilterCount = (s: ListState) => FILTER_KEYS.reduce((n, k) => n + s.filters[k].length, 0);
