import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { EmptyState, ErrorMessage, PageHeader, ScrollTable, Spinner } from '../../components/ui';
import { usePageTitle } from '../../app/title';
import { useFormat, useT } from '../../i18n/i18n';
import { RoadmapGroup, type Roadmap, type Violation } from '../../../contract/roadmap';
import { useConceptNames } from '../measures/useConcept';
import { FilterBar, filtersFromUrl } from '../responsibility/FilterBar';
import { Pager } from '../responsibility/Pager';
import { downloadSvgAsPng } from './exportPng';
import { LANDSCAPE_PRINT_CSS } from '../../../contract/print';
import { RoadmapTable } from './RoadmapTable';
import { Timeline } from './Timeline';
import { useRoadmap } from './queries';
import { roadmapMessages as messages } from './messages';
import '../responsibility/responsibility.css';
import './roadmap.css';
import { RoadmapEmptyHint } from '../home/EmptyHints';

const GROUPS = RoadmapGroup.options;

/** Landscape pages while the roadmap is on screen (removed again when leaving the page). */
function useLandscapePrint() {
  useEffect(() => {
    const style = document.createElement('style');
    style.textContent = LANDSCAPE_PRINT_CSS; // allowed by its hash in the Content-Security-Policy
    document.head.appendChild(style);
    return () => style.remove();
  }, []);
}

function ViolationList({ data }: { data: Roadmap }) {
  const t = useT(messages);
  const fmt = useFormat();
  const byId = new Map([...data.items, ...data.refs].map((m) => [m.id, m]));
  const text = (v: Violation) =>
    v.kind === 'starts_before_predecessor_ends'
      ? t('vDependency', { n: byId.get(v.measureId)?.number ?? '?', start: fmt.date(v.start), p: byId.get(v.dependsOnId)?.number ?? '?', end: fmt.date(v.predecessorEnd) })
      : t('vMilestone', { n: byId.get(v.measureId)?.number ?? '?', due: fmt.date(v.dueOn), start: fmt.date(v.start), end: fmt.date(v.end) });
  return (
    <section aria-labelledby="violations-title" className={`card violations ${data.violations.length ? 'has-violations' : ''}`}>
      <h2 id="violations-title">{t('violationsTitle', { n: data.violations.length })}</h2>
      {data.violations.length === 0 ? (
        <p>{t('violationsNone')}</p>
      ) : (
        <ul>
          {data.violations.map((v, i) => (
            <li key={i}>
              <Link to={`/measures/${v.measureId}`}>{text(v)}</Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** /roadmap: the shared Gantt timeline of the measures, grouped and filtered, with exports. */
export default function RoadmapPage() {
  const t = useT(messages);
  usePageTitle(t('title'));
  useLandscapePrint();
  const fmt = useFormat();
  const [sp, setSp] = useSearchParams();
  const { names, error: conceptError } = useConceptNames();
  const filters = useMemo(() => filtersFromUrl(sp), [sp]);
  const group = (GROUPS as string[]).includes(sp.get('group') ?? '') ? (sp.get('group') as RoadmapGroup) : 'none';
  const view = sp.get('view') === 'table' ? 'table' : 'timeline';
  const page = Math.max(1, Number(sp.get('page')) || 1);
  const q = useRoadmap({ ...filters, group, page: String(page) });
  const svgRef = useRef<SVGSVGElement>(null);
  const [pngBusy, setPngBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const today = new Date().toISOString().slice(0, 10);

  const setParam = (k: string, v: string, def: string) => {
    const next = new URLSearchParams(sp);
    if (v === def) next.delete(k);
    else next.set(k, v);
    if (k === 'group') next.delete('page');
    setSp(next, { replace: k === 'view' });
  };

  async function png() {
    if (!svgRef.current) return;
    setPngBusy(true);
    setError(null);
    try {
      await downloadSvgAsPng(svgRef.current, `Fahrplan-${today}.png`);
    } catch (e) {
      setError(e);
    } finally {
      setPngBusy(false);
    }
  }

  const d = q.data;
  const pages = d ? Math.max(1, Math.ceil(d.total / d.pageSize)) : 1;
  return (
    <>
      <PageHeader
        title={t('title')}
        actions={
          <>
            <a className="btn" href={api.url('/roadmap/export.pdf', { ...filters, group })} download>{t('exportPdf')}</a>
            {view === 'timeline' && d && d.items.length > 0 && (
              <button type="button" className="btn" onClick={png} disabled={pngBusy}>{t('exportPng')}</button>
            )}
            <button type="button" className="btn" onClick={() => window.print()}>{t('print')}</button>
          </>
        }
      >
        <p className="muted">{t('intro')}</p>
      </PageHeader>
      <FilterBar names={names} />
      <div className="roadmap-controls no-print">
        <span className="field">
          <label htmlFor="roadmap-group">{t('group')}</label>
          <select id="roadmap-group" value={group} onChange={(e) => setParam('group', e.target.value, 'none')}>
            {GROUPS.map((g) => <option key={g} value={g}>{t(`group_${g}`)}</option>)}
          </select>
        </span>
        <fieldset className="segmented">
          <legend>{t('view')}</legend>
          {(['timeline', 'table'] as const).map((v) => (
            <label key={v}>
              <input type="radio" name="roadmap-view" value={v} checked={view === v} onChange={() => setParam('view', v, 'timeline')} />
              {v === 'timeline' ? t('viewTimeline') : t('viewTable')}
            </label>
          ))}
        </fieldset>
      </div>
      <ErrorMessage error={conceptError} />
      <ErrorMessage error={q.error ?? error} />
      {pngBusy && <Spinner label={t('exportingPng')} />}
      {!d ? (
        <Spinner label={t('loading')} />
      ) : (
        <>
          <p>{t('summary', { n: d.total, u: d.undated.total })}</p>
          <ViolationList data={d} />
          {d.items.length === 0 ? (
            <EmptyState>
              <p><strong>{t('empty')}</strong></p>
              <RoadmapEmptyHint />
            </EmptyState>
          ) : view === 'timeline' ? (
            <ScrollTable label={t('viewTimeline')}>
              <Timeline ref={svgRef} data={d} group={group} name={names.name} today={today} />
            </ScrollTable>
          ) : (
            <RoadmapTable data={d} group={group} name={names.name} />
          )}
          <Pager page={d.page} pages={pages} label={t('pagination')} prev={t('prev')} next={t('next')} pageOf={t('pageOf', { page: d.page, pages })} />
          {d.undated.total > 0 && (
            <section aria-labelledby="undated-title">
              <h2 id="undated-title">{t('undatedTitle', { n: d.undated.total })}</h2>
              <p className="muted">{t('undatedHint')}</p>
              <ul className="undated-list">
                {d.undated.items.map((m) => (
                  <li key={m.id}>
                    <Link to={`/measures/${m.id}`}>{m.number} {m.title}</Link>
                    {m.plannedStart && <span className="muted"> ({t('colStart')} {fmt.date(m.plannedStart)})</span>}
                    {m.plannedEnd && <span className="muted"> ({t('colEnd')} {fmt.date(m.plannedEnd)})</span>}
                  </li>
                ))}
              </ul>
              {d.undated.total > d.undated.items.length && <p className="muted">{t('undatedMore', { n: d.undated.total - d.undated.items.length })}</p>}
            </section>
          )}
        </>
      )}
    </>
  );
}
