import { useEffect, useState, type KeyboardEvent } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ui';
import { describedBy, FieldError } from '../../app/forms';
import { useFormat, useT } from '../../i18n/i18n';
import type { MeasureListItem, MeasurePage } from '../../../contract/measures';
import { STATUS_LABELS } from '../../../domain/labels';
import { MAX_ROUND_ITEMS } from '../../../domain/voting';
import { ActiveFilters } from '../measures/ActiveFilters';
import { CheckboxGroup } from '../measures/CheckboxGroup';
import { FILTER_LABEL, useFilterOptions } from '../measures/MeasureFilters';
import { measureMessages } from '../measures/messages';
import { FILTER_KEYS, toApiQuery, type FilterKey, type ListState } from '../measures/listParams';
import { useConceptNames, type Option } from '../measures/useConcept';
import { useWorkshops } from './api';
import { roundMessages } from './roundMessages';
// the reused filter groups and chips are styled there
import '../measures/measures.css';

/**
 * The measure list's filters without the tag box: that box is a form of its own, and the picker sits
 * inside the round's form (forms cannot nest).
 */
const PICKER_FILTERS = ['district', 'actionField', 'status', 'department', 'dimension', 'goal', 'horizon', 'priority'] as const;
const EMPTY: ListState = { q: '', filters: Object.fromEntries(FILTER_KEYS.map((k) => [k, []])) as unknown as ListState['filters'], sort: '', page: 1 };


/**
 * Chooses the briefs a round votes on from all of the municipality's measures — any workshop or none —
 * with the measure list's filters and search (GET /measures). Nothing is ticked until the user ticks it
 * or takes all that are shown; ticked briefs stay ticked when the filters change.
 */
export function MeasurePicker({ workshopId, selected, onChange, error }: { workshopId: string; selected: Option[]; onChange: (next: Option[]) => void; error?: string }) {
  const t = useT(roundMessages);
  const tm = useT(measureMessages);
  const fmt = useFormat();
  const { names } = useConceptNames();
  const options = useFilterOptions(names);
  const workshops = useWorkshops();
  const [state, setState] = useState<ListState>(EMPTY);
  const [origin, setOrigin] = useState('');
  const [text, setText] = useState('');
  const [filtersOpen, setFiltersOpen] = useState(false);
  const measureLabel = (m: Pick<MeasureListItem, 'number' | 'title'>) => `${t('pickerNumber', { n: m.number })} · ${m.title}`;

  // Search as you type, a moment after the last key.
  useEffect(() => {
    const timer = setTimeout(() => setState((s) => (s.q === text ? s : { ...s, q: text })), 300);
    return () => clearTimeout(timer);
  }, [text]);
  // Enter in the search box searches at once instead of submitting the round's form.
  const searchNow = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    setState((s) => ({ ...s, q: text }));
  };

  const query = { ...toApiQuery(state, false), ...(origin ? { workshop: origin } : {}), sort: 'number', page: 1, pageSize: MAX_ROUND_ITEMS };
  const list = useQuery({ queryKey: ['measures', 'round-picker', query], queryFn: () => api.get<MeasurePage>('/measures', query), placeholderData: keepPreviousData });
  const shown = list.data?.items ?? [];
  const total = list.data?.total ?? 0;

  const ids = new Set(selected.map((o) => o.id));
  const shownIds = new Set(shown.map((m) => m.id));
  const outside = selected.filter((o) => !shownIds.has(o.id)).length;
  const toggle = (m: MeasureListItem, on: boolean) =>
    onChange(on ? [...selected.filter((o) => o.id !== m.id), { id: m.id, label: measureLabel(m) }] : selected.filter((o) => o.id !== m.id));
  const takeShown = () => onChange([...selected, ...shown.filter((m) => !ids.has(m.id)).map((m) => ({ id: m.id, label: measureLabel(m) }))]);
  const dropShown = () => onChange(selected.filter((o) => !shownIds.has(o.id)));
  const setFilter = (key: FilterKey, values: string[]) => setState((s) => ({ ...s, filters: { ...s.filters, [key]: values } }));
  const others = (workshops.data ?? []).filter((w) => w.id !== workshopId);

  return (
    <section className="ws-picker" aria-labelledby="round-picker-title">
      <h3 id="round-picker-title" className="ws-picker-title">{t('pickerTitle')}</h3>
      <p className="hint muted" style={{ marginTop: 0 }}>{t('pickerHint')}</p>
      <div className="ws-picker-tools">
        <div className="field">
          <label htmlFor="round-picker-search">{t('pickerSearch')}</label>
          <input id="round-picker-search" type="search" value={text} autoComplete="off" onChange={(e) => setText(e.target.value)} onKeyDown={searchNow} />
        </div>
        <div className="field">
          <label htmlFor="round-picker-origin">{t('pickerOrigin')}</label>
          <select id="round-picker-origin" value={origin} onChange={(e) => setOrigin(e.target.value)}>
            <option value="">{t('pickerOriginAll')}</option>
            <option value={workshopId}>{t('pickerOriginThis')}</option>
            {others.map((w) => <option key={w.id} value={w.id}>{t('pickerOriginOther', { title: w.title })}</option>)}
          </select>
        </div>
        <button type="button" className="btn" aria-expanded={filtersOpen} aria-controls="round-picker-filters" onClick={() => setFiltersOpen((o) => !o)}>
          <span aria-hidden="true">{filtersOpen ? '▾' : '▸'}</span> {tm('filters')}
        </button>
      </div>
      <div id="round-picker-filters" hidden={!filtersOpen}>
        {filtersOpen && (
          <div className="grid-2 ws-picker-filters">
            {PICKER_FILTERS.map((k) => (
              <CheckboxGroup key={k} id={`round-filter-${k}`} legend={tm(FILTER_LABEL[k])} options={options[k]} selected={state.filters[k]}
                onChange={(v) => setFilter(k, v)} columns={k === 'goal' ? 1 : undefined} emptyText={tm('noOptions')} />
            ))}
          </div>
        )}
      </div>
      <ActiveFilters state={state} names={names} onChange={setFilter} />
      <ErrorMessage error={list.error} />

      <p className="ws-picker-count" role="status">
        <strong>{selected.length === 1 ? t('pickerSelectedOne') : t('pickerSelected', { n: selected.length })}</strong>
        {outside > 0 && <> · {t('pickerOutside', { n: outside })}</>}
        {' · '}
        {list.isPending ? t('pickerLoading') : t('pickerShown', { n: fmt.number(shown.length), total: fmt.number(total) })}
      </p>
      {total > shown.length && <p className="alert info">{t('pickerTruncated', { n: MAX_ROUND_ITEMS, total: fmt.number(total) })}</p>}
      {selected.length > MAX_ROUND_ITEMS && <p className="alert warn">{t('errTooMany', { max: MAX_ROUND_ITEMS })}</p>}
      <div className="actions">
        <button type="button" className="btn small" disabled={shown.length === 0} onClick={takeShown}>{t('pickerTakeShown', { n: shown.length })}</button>
        <button type="button" className="btn small" disabled={!shown.some((m) => ids.has(m.id))} onClick={dropShown}>{t('pickerDropShown')}</button>
        <button type="button" className="btn small" disabled={selected.length === 0} onClick={() => onChange([])}>{t('pickerClear')}</button>
      </div>
      <fieldset id="round-items" tabIndex={-1} className="ws-pick-list" aria-describedby={describedBy('round-items', undefined, error)}>
        <legend>{t('pickerListLegend')}</legend>
        {!list.isPending && shown.length === 0 ? (
          <p className="muted">{t('pickerEmpty')}</p>
        ) : (
          <ul>
            {shown.map((m) => (
              <li key={m.id}>
                <label>
                  <input type="checkbox" checked={ids.has(m.id)} onChange={(e) => toggle(m, e.target.checked)} />
                  <span>
                    {measureLabel(m)}
                    <span className="muted ws-pick-meta">
                      {' '}({[fmt.label(STATUS_LABELS, m.status), ...names.names(m.districtIds)].join(' · ')})
                    </span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        )}
        <FieldError id="round-items" error={error} />
      </fieldset>
      {outside > 0 && (
        <details className="ws-picker-outside">
          <summary>{t('pickerOutsideList', { n: outside })}</summary>
          <ul>
            {selected.filter((o) => !shownIds.has(o.id)).map((o) => (
              <li key={o.id}>
                {o.label}{' '}
                <button type="button" className="btn small" onClick={() => onChange(selected.filter((x) => x.id !== o.id))}>
                  {t('pickerRemove')}<span className="visually-hidden">: {o.label}</span>
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
