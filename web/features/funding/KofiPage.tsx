import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { EmptyState, ErrorMessage, PageHeader, Spinner } from '../../components/ui';
import { useFormat, useT } from '../../i18n/i18n';
import { pageWindow } from '../../../domain/paging';
import { usePageTitle } from '../../app/title';
import { ActiveFilters } from '../measures/ActiveFilters';
import { Pagination } from '../measures/Pagination';
import { MeasureFilters } from '../measures/MeasureFilters';
import { activeFilterCount, readListState, toApiQuery, writeListState, type FilterKey, type ListState } from '../measures/listParams';
import { useConceptNames } from '../measures/useConcept';
import { api } from '../../api/client';
import { KofiChart } from './KofiChart';
import { KofiTable, type KofiView } from './KofiTable';
import { kofiMessages as messages } from './kofiMessages';
import { useKofi } from './queries';
import { LANDSCAPE_PRINT_CSS } from '../../../contract/print';
import '../measures/measures.css';
import './funding.css';

const VIEWS: KofiView[] = ['full', 'years', 'levels'];
/**
 * Rows per page of the table. A KoFi of 10,000 measures as one table (≈ 400,000 cells) took about a
 * minute to appear in Chromium; sums and chart still cover every filtered measure, and the exports hold
 * all rows (docs/benchmarks.md).
 */
const ROWS_PER_PAGE = 100;

/** Landscape pages while the KoFi is on screen (the rule is removed again when leaving the page). */
function useLandscapePrint() {
  useEffect(() => {
    const style = document.createElement('style');
    style.dataset.kofiPrint = '';
    style.textContent = LANDSCAPE_PRINT_CSS; // allowed by its hash in the Content-Security-Policy
    document.head.appendChild(style);
    return () => style.remove();
  }, []);
}

/** /funding/kofi: the Kosten- und Finanzierungsübersicht of the filtered measures. */
export default function KofiPage() {
  const t = useT(messages);
  const fmt = useFormat();
  usePageTitle(t('title'));
  useLandscapePrint();
  const [sp, setSp] = useSearchParams();
  const state = useMemo(() => readListState(sp), [sp]);
  const urlView: KofiView = (VIEWS as string[]).includes(sp.get('view') ?? '') ? (sp.get('view') as KofiView) : 'full';
  // Mirrors the URL so that the radio buttons follow a click at once (the router updates a moment later).
  const [view, setView] = useState(urlView);
  useEffect(() => setView(urlView), [urlView]);
  const { names, error: conceptError } = useConceptNames();
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [text, setText] = useState(state.q);
  useEffect(() => setText(state.q), [state.q]);

  const query = useMemo(() => {
    const q = toApiQuery(state, false) as Record<string, string | string[]>;
    delete q.sort;
    return q;
  }, [state]);
  const kofi = useKofi(query);

  const write = (s: ListState, v: KofiView = view, replace = false) => {
    const next = writeListState({ ...s, sort: '', page: 1 });
    if (v !== 'full') next.set('view', v);
    setSp(next, { replace });
  };
  const setFilter = (key: FilterKey, values: string[]) => write({ ...state, filters: { ...state.filters, [key]: values } });
  const reset = () => {
    setText('');
    write(readListState(new URLSearchParams()));
  };
  const submitSearch = (e: FormEvent) => {
    e.preventDefault();
    write({ ...state, q: text });
  };
  const nActive = activeFilterCount(state);
  const data = kofi.data;
  const win = pageWindow(data?.rows.length ?? 0, state.page, ROWS_PER_PAGE);
  const shown = data && win.pages > 1 ? { ...data, rows: data.rows.slice(win.from - 1, win.to) } : data;
  const hrefFor = (p: number) => {
    const next = writeListState({ ...state, sort: '', page: p });
    if (view !== 'full') next.set('view', view);
    return `?${next.toString()}`;
  };

  return (
    <div className="kofi-page">
      <PageHeader
        title={t('title')}
        actions={
          <>
            <a className="btn" href={api.url('/kofi/export.xlsx', query)} download>{t('exportXlsx')}</a>
            <a className="btn" href={api.url('/kofi/export.pdf', query)} download>{t('exportPdf')}</a>
            <button type="button" className="btn" onClick={() => window.print()}>{t('print')}</button>
          </>
        }
      >
        <p className="muted intro">{t('intro')}</p>
      </PageHeader>
      <ErrorMessage error={conceptError} />

      <div className="no-print">
        <form className="search-bar" onSubmit={submitSearch} role="search">
          <div className="field">
            <label htmlFor="kofi-search">{t('search')}</label>
            <input id="kofi-search" type="search" value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" />
          </div>
          <button type="submit" className="btn">{t('searchButton')}</button>
        </form>
        <div className="list-tools">
          <div className="filter-toggle-row">
            <button type="button" className="btn" aria-expanded={filtersOpen} aria-controls="kofi-filters" onClick={() => setFiltersOpen((o) => !o)}>
              <span aria-hidden="true">{filtersOpen ? '▾' : '▸'}</span> {t('filters')}
            </button>
            {nActive > 0 && <span className="badge">{t('activeCount', { n: nActive })}</span>}
          </div>
          <fieldset className="segmented view-switch">
            <legend>{t('view')}</legend>
            {VIEWS.map((v) => (
              <label key={v}>
                <input type="radio" name="kofi-view" value={v} checked={view === v} onChange={() => { setView(v); write(state, v, true); }} />
                {t(`view_${v}`)}
              </label>
            ))}
          </fieldset>
        </div>
        <div id="kofi-filters" hidden={!filtersOpen}>
          {filtersOpen && <MeasureFilters state={state} names={names} onChange={setFilter} />}
        </div>
        <ActiveFilters state={state} names={names} onChange={setFilter} onReset={nActive > 0 || state.q ? reset : undefined} />
      </div>
      {nActive > 0 || state.q ? <p className="print-only">{t('filteredNote')}</p> : null}

      <p className="result-count" role="status">
        {kofi.isPending ? t('loading') : data && (data.rows.length === 1 ? t('countOne') : t('count', { n: fmt.number(data.rows.length) }))}
      </p>
      <ErrorMessage error={kofi.error} />
      {kofi.isPending ? (
        <Spinner label={t('loading')} />
      ) : data && shown && data.rows.length > 0 ? (
        <>
          {win.pages > 1 && (
            <p className="muted rows-shown">{t('rowsShown', { from: fmt.number(win.from), to: fmt.number(win.to), n: fmt.number(data.rows.length) })}</p>
          )}
          <KofiTable data={shown} view={view} />
          <Pagination page={win.page} pages={win.pages} hrefFor={hrefFor} />
          {win.pages > 1 && <p className="print-only">{t('rowsPrinted', { from: fmt.number(win.from), to: fmt.number(win.to), n: fmt.number(data.rows.length) })}</p>}
          <section aria-labelledby="kofi-chart-heading" className="card kofi-chart-card">
            <h2 id="kofi-chart-heading" className="first">{t('chartTitle')}</h2>
            <KofiChart data={data} />
          </section>
        </>
      ) : (
        !kofi.error && <EmptyState><p>{t('empty')}</p></EmptyState>
      )}
    </div>
  );
}
