import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useFormat, useT } from '../../i18n/i18n';
import { HORIZON_LABELS, PRIORITY_LABELS, STATUS_LABELS } from '../../../domain/labels';
import { HORIZONS, MEASURE_STATUSES, PRIORITIES } from '../../../contract/measures';
import type { ConceptNames } from '../measures/useConcept';
import { responsibilityMessages as messages } from './messages';

export const FILTER_KEYS = ['district', 'actionField', 'department', 'status', 'priority', 'horizon'] as const;
const URL_KEYS = ['q', ...FILTER_KEYS] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** The filters as API query parameters, read from the page URL (so a filtered view can be bookmarked). */
export function filtersFromUrl(sp: URLSearchParams): Partial<Record<FilterKey | 'q', string>> {
  const out: Partial<Record<FilterKey | 'q', string>> = {};
  for (const k of URL_KEYS) {
    const v = sp.get(k);
    if (v) out[k] = v;
  }
  return out;
}

/**
 * One select per filter (district, field of action, department, status, priority, horizon). A change
 * writes the URL and goes back to page 1; other parameters (grouping, view) stay.
 */
export function FilterBar({ names, keys = FILTER_KEYS }: { names: ConceptNames; keys?: readonly FilterKey[] }) {
  const t = useT(messages);
  const fmt = useFormat();
  const [sp, setSp] = useSearchParams();
  const options: Record<FilterKey, { id: string; label: string }[]> = {
    district: names.districts,
    actionField: names.actionFields,
    department: names.departments,
    status: MEASURE_STATUSES.map((s) => ({ id: s, label: fmt.label(STATUS_LABELS, s) })),
    priority: PRIORITIES.map((p) => ({ id: p, label: fmt.label(PRIORITY_LABELS, p) })),
    horizon: HORIZONS.map((h) => ({ id: h, label: fmt.label(HORIZON_LABELS, h) })),
  };
  const set = (k: FilterKey, v: string) => {
    const next = new URLSearchParams(sp);
    if (v) next.set(k, v);
    else next.delete(k);
    next.delete('page');
    setSp(next);
  };
  const active = URL_KEYS.some((k) => sp.get(k));
  const [text, setText] = useState(sp.get('q') ?? '');
  useEffect(() => setText(sp.get('q') ?? ''), [sp]);
  const search = () => {
    const next = new URLSearchParams(sp);
    if (text.trim()) next.set('q', text.trim());
    else next.delete('q');
    next.delete('page');
    setSp(next);
  };
  return (
    <fieldset className="filter-bar no-print">
      <legend>{t('filters')}</legend>
      <span className="field">
        <label htmlFor="filter-q">{t('search')}</label>
        <input
          id="filter-q"
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              search();
            }
          }}
        />
      </span>
      <button type="button" className="btn small" onClick={search}>{t('searchButton')}</button>
      {keys.map((k) => (
        <span className="field" key={k}>
          <label htmlFor={`filter-${k}`}>{t(k)}</label>
          <select id={`filter-${k}`} value={sp.get(k) ?? ''} onChange={(e) => set(k, e.target.value)}>
            <option value="">{t('all')}</option>
            {options[k].map((o) => (
              <option key={o.id} value={o.id}>{o.label}</option>
            ))}
          </select>
        </span>
      ))}
      {active && (
        <button
          type="button"
          className="btn small"
          onClick={() => {
            const next = new URLSearchParams(sp);
            for (const k of URL_KEYS) next.delete(k);
            next.delete('page');
            setSp(next);
          }}
        >
          {t('resetFilters')}
        </button>
      )}
    </fieldset>
  );
}
