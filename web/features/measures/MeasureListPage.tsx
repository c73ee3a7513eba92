import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { EmptyState, ErrorMessage, PageHeader, Spinner } from '../../components/ui';
import { useFormat, useT } from '../../i18n/i18n';
import type { MeasurePage } from '../../../contract/measures';
import { StatusMessage } from '../../app/forms';
import { useCan } from '../../app/session';
import { usePageTitle } from '../../app/title';
import { ActiveFilters } from './ActiveFilters';
import { MeasureFilters } from './MeasureFilters';
import { MeasureTable } from './MeasureTable';
import { activeFilterCount, PAGE_SIZE, readListState, SORTS, toApiQuery, writeListState, type FilterKey, type ListState } from './listParams';
import { measureMessages, type MeasureMessageKey } from './messages';
import { Pagination } from './Pagination';
import { useConceptNames } from './useConcept';
import './measures.css';

export default function MeasureListPage() {
  const t = useT(measureMessages);
  usePageTitle(t('listTitle'));
  const can = useCan();
  const fmt = useFormat();
  const location = useLocation();
  const [sp, setSp] = useSearchParams();
  // The URL is the source of truth; a local mirror keeps controls in step while the router catches up.
  const urlState = useMemo(() => readListState(sp), [sp]);
  const [state, setState] = useState(urlState);
  useEffect(() => setState(urlState), [urlState]);
  const { names, error: conceptError } = useConceptNames();
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [text, setText] = useState(state.q);
  const flash = (location.state as { flash?: string } | null)?.flash;

  const q = useQuery({
    queryKey: ['measures', toApiQuery(state, true)],
    queryFn: () => api.get<MeasurePage>('/measures', toApiQuery(state, true)),
    placeholderData: keepPreviousData,
  });

  const update = (next: Partial<ListState>, replace = false) => {
    const s = { ...state, page: 1, ...next };
    setState(s);
    setSp(writeListState(s), { replace });
  };
  const setFilter = (key: FilterKey, values: string[]) => update({ filters: { ...state.filters, [key]: values } });
  const reset = () => {
    setText('');
    const s = { ...readListState(new URLSearchParams()), sort: state.sort };
    setState(s);
    setSp(writeListState(s));
  };

  // Back/forward or a link changed q: show it in the box.
  useEffect(() => setText(state.q), [state.q]);
  // Search as you type (debounced); the first keystroke adds a history entry, the rest replace it.
  const committed = useRef(state.q);
  committed.current = state.q;
  useEffect(() => {
    if (text.trim() === committed.current.trim()) return;
    const timer = setTimeout(() => update({ q: text }, committed.current !== ''), 400);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text]);

  const submitSearch = (e: FormEvent) => {
    e.preventDefault();
    if (text.trim() !== state.q.trim()) update({ q: text });
  };

  const data = q.data;
  const total = data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const nActive = activeFilterCount(state);
  const anything = nActive > 0 || state.q.trim() !== '';
  const exportQuery = toApiQuery(state, false);

  return (
    <>
      <PageHeader
        title={t('listTitle')}
        actions={can.canCreateMeasure && <Link className="btn primary" to="/measures/new">{t('newMeasure')}</Link>}
      />
      <StatusMessage message={flash} />
      <ErrorMessage error={conceptError} />

      <form className="search-bar" onSubmit={submitSearch} role="search">
        <div className="field">
          <label htmlFor="measure-search">{t('searchLabel')}</label>
          <span className="hint" id="measure-search-hint">{t('searchHint')}</span>
          <input id="measure-search" type="search" value={text} onChange={(e) => setText(e.target.value)}
            aria-describedby="measure-search-hint" autoComplete="off" />
        </div>
        <button type="submit" className="btn">{t('searchButton')}</button>
      </form>

      <div className="list-tools">
        <div className="filter-toggle-row">
          <button type="button" className="btn" aria-expanded={filtersOpen} aria-controls="measure-filters"
            onClick={() => setFiltersOpen((o) => !o)}>
            <span aria-hidden="true">{filtersOpen ? '▾' : '▸'}</span> {t('filters')}
          </button>
          {nActive > 0 && <span className="badge">{t('activeCount', { n: nActive })}</span>}
        </div>
        <div className="field">
          <label htmlFor="measure-sort">{t('sort')}</label>
          <select id="measure-sort" value={state.sort} onChange={(e) => update({ sort: e.target.value })}>
            <option value="">{t('sortDefault')}</option>
            {SORTS.filter((s) => s !== 'relevance' || state.q || state.sort === 'relevance').map((s) => (
              <option key={s} value={s}>{t(`sort_${s}` as MeasureMessageKey)}</option>
            ))}
          </select>
        </div>
        <div className="actions" role="group" aria-label={t('exportLabel')}>
          <a className="btn small" href={api.url('/measures/export.xlsx', exportQuery)} download>{t('exportXlsx')}</a>
          <a className="btn small" href={api.url('/measures/export.csv', exportQuery)} download>{t('exportCsv')}</a>
        </div>
      </div>

      <div id="measure-filters" hidden={!filtersOpen}>
        {filtersOpen && <MeasureFilters state={state} names={names} onChange={setFilter} />}
      </div>
      <ActiveFilters state={state} names={names} onChange={setFilter} onReset={anything && total > 0 ? reset : undefined} />

      <p className="result-count" role="status">
        {q.isPending ? t('loadingList') : total === 1 ? t('countOne') : t('count', { n: fmt.number(total) })}
        {q.isFetching && !q.isPending && <span className="visually-hidden"> …</span>}
      </p>
      <ErrorMessage error={q.error} />
      {q.isPending ? (
        <Spinner label={t('loadingList')} />
      ) : data && data.items.length > 0 ? (
        <>
          <MeasureTable items={data.items} names={names} caption={t('tableCaption')} />
          <Pagination page={state.page} pages={pages} hrefFor={(p) => `?${writeListState({ ...state, page: p })}`} />
        </>
      ) : (
        !q.error && (
          <EmptyState>
            <p><strong>{t('empty')}</strong></p>
            {anything ? (
              <>
                <p>{t('emptyHint')}</p>
                <button type="button" className="btn" onClick={reset}>{t('resetFilters')}</button>
              </>
            ) : (
              // nothing at all yet: what the list is for and how it fills
              <>
                <p>{t('emptyStart')}</p>
                <div className="actions" style={{ justifyContent: 'center' }}>
                  {can.canCreateMeasure && <Link className="btn primary" to="/measures/new">{t('emptyNew')}</Link>}
                  {can.canImport && <Link className="btn" to="/measures/import">{t('emptyImport')}</Link>}
                </div>
              </>
            )}
          </EmptyState>
        )
      )}
    </>
  );
}
