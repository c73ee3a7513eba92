import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { EmptyState, ErrorMessage, PageHeader, ScrollTable, Spinner } from '../../components/ui';
import { usePageTitle } from '../../app/title';
import { useFormat, useLocale, useT } from '../../i18n/i18n';
import { REPORT_STATE_LABELS, REPORT_STATES } from '../../../domain/monitoring';
import { INDICATOR_STATE_LABELS, INDICATOR_STATES } from '../../../domain/indicators';
import type { DashboardGroup, DashboardMeasure, MonitoringDashboard } from '../../../contract/monitoring-dashboard';
import { useConceptNames } from '../measures/useConcept';
import { FilterBar, filtersFromUrl } from '../responsibility/FilterBar';
import { dashboardMessages as messages } from './messages';
import '../responsibility/responsibility.css';
import '../monitoring/monitoring.css';
import './monitoring-dashboard.css';

const GROUPINGS = ['goal', 'actionField', 'dimension', 'district', 'department'] as const;

/** /monitoring: progress rolled up per grouping, with the rule and weights behind a disclosure, state counts and flags. */
export default function MonitoringPage() {
  const t = useT(messages);
  usePageTitle(t('title'));
  const [sp, setSp] = useSearchParams();
  const { names, error: conceptError } = useConceptNames();
  const filters = useMemo(() => filtersFromUrl(sp), [sp]);
  const weighting = sp.get('weighting') === 'equal' ? 'equal' : 'cost';
  const query = { ...filters, weighting };
  const q = useQuery({
    queryKey: ['monitoring-dashboard', query],
    queryFn: () => api.get<MonitoringDashboard>('/monitoring/dashboard', query),
    placeholderData: keepPreviousData,
  });
  const setWeighting = (w: string) => {
    const next = new URLSearchParams(sp);
    if (w === 'equal') next.set('weighting', 'equal');
    else next.delete('weighting');
    setSp(next);
  };
  const d = q.data;
  const byId = new Map((d?.measures ?? []).map((m) => [m.id, m]));
  const flagged = (d?.measures ?? []).filter((m) => m.flags.length > 0);
  return (
    <>
      <PageHeader title={t('title')}>
        <p className="muted">{t('intro')}</p>
      </PageHeader>
      <FilterBar names={names} />
      <fieldset className="filter-bar weighting-switch">
        <legend>{t('weighting')}</legend>
        {(['cost', 'equal'] as const).map((w) => (
          <label key={w} className="inline">
            <input type="radio" name="weighting" value={w} checked={weighting === w} onChange={() => setWeighting(w)} /> {t(w === 'cost' ? 'weightCost' : 'weightEqual')}
          </label>
        ))}
      </fieldset>
      <ErrorMessage error={conceptError ?? q.error} />
      {!d ? (
        q.isLoading && <Spinner label={t('loading')} />
      ) : d.measures.length === 0 ? (
        <EmptyState>{t('none')}</EmptyState>
      ) : (
        <>
          <p className="overall-figure">
            <strong>{t('overall', { p: d.overall.progress == null ? t('noFigure') : `${d.overall.progress} %`, n: d.overall.measureCount })}</strong>
          </p>
          <Rule group={d.overall} byId={byId} />
          <section aria-labelledby="flags-title" className="card">
            <h2 id="flags-title">{t('flags')}</h2>
            {flagged.length === 0 ? <p className="muted">{t('noFlags')}</p> : <FlagList measures={flagged} />}
          </section>
          {GROUPINGS.map((g) => d.groupings[g].length > 0 && (
            <section key={g} aria-labelledby={`group-${g}`} className="card">
              <h2 id={`group-${g}`}>{t(g)}</h2>
              <GroupTable title={t(g)} groups={d.groupings[g]} byId={byId} withIndicators={g === 'goal'} />
            </section>
          ))}
        </>
      )}
    </>
  );
}

const ref = (m: DashboardMeasure | undefined, t: (k: 'measureRef', v: Record<string, string | number>) => string) => (m ? t('measureRef', { n: m.number, title: m.title }) : '–');

function FlagList({ measures }: { measures: DashboardMeasure[] }) {
  const t = useT(messages);
  const { locale } = useLocale();
  return (
    <ul className="flag-list">
      {measures.map((m) => (
        <li key={m.id}>
          <Link to={`/measures/${m.id}#umsetzung`}>{ref(m, t)}</Link>
          <ul>{m.flags.map((f) => <li key={f.kind}>{f.reason[locale]}</li>)}</ul>
        </li>
      ))}
    </ul>
  );
}

/** The rule in words and every measure's weight, so anyone can recompute the figure. */
function Rule({ group, byId }: { group: DashboardGroup; byId: Map<string, DashboardMeasure> }) {
  const t = useT(messages);
  const f = useFormat();
  const { locale } = useLocale();
  const list = (ids: string[]) => ids.map((id) => ref(byId.get(id), t)).join('; ');
  return (
    <details className="rollup-rule">
      <summary>{t('ruleAndWeights')}</summary>
      <p>{group.rule[locale]}</p>
      {group.weights.length > 0 && (
        <table className="data compact">
          <thead>
            <tr><th scope="col">{t('measure')}</th><th scope="col" className="num">{t('weight')}</th><th scope="col" className="num">{t('share')}</th><th scope="col" className="num">{t('counted')}</th></tr>
          </thead>
          <tbody>
            {group.weights.map((w) => (
              <tr key={w.measureId}>
                <th scope="row">{ref(byId.get(w.measureId), t)}</th>
                <td className="num">{group.weighting === 'cost' ? f.money(w.weight) : f.number(w.weight)}</td>
                <td className="num">{`${w.sharePercent.toLocaleString(locale === 'de' ? 'de-DE' : 'en-GB')} %`}</td>
                <td className="num">{`${w.progress} %`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {group.cancelled.length > 0 && <p>{t('cancelledList', { list: list(group.cancelled) })}</p>}
      {group.unreported.length > 0 && <p>{t('unreportedList', { list: list(group.unreported) })}</p>}
    </details>
  );
}

function GroupTable({ title, groups, byId, withIndicators }: { title: string; groups: DashboardGroup[]; byId: Map<string, DashboardMeasure>; withIndicators: boolean }) {
  const t = useT(messages);
  const { locale } = useLocale();
  return (
    <ScrollTable label={t('scroll', { title })}>
      <table className="data rollup-table">
        <caption className="visually-hidden">{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('group')}</th>
            <th scope="col">{t('progress')}</th>
            <th scope="col">{t('states')}</th>
            {withIndicators && <th scope="col">{t('indicators')}</th>}
            <th scope="col" className="num">{t('flagged')}</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={g.key ?? 'none'}>
              <th scope="row">{g.label ?? t('unassigned')}</th>
              <td className="progress-cell">
                <span className="progress-value">{g.progress == null ? t('noFigure') : `${g.progress} %`}</span>
                {/* the bar only repeats the number next to it */}
                <span className="progress-bar" aria-hidden="true"><span style={{ width: `${g.progress ?? 0}%` }} /></span>
                <Rule group={g} byId={byId} />
              </td>
              <td>
                <span className="state-counts">
                  {REPORT_STATES.filter((s) => g.states[s] > 0).map((s) => (
                    <span key={s} className={`badge report-state rs-${s}`}>{`${REPORT_STATE_LABELS[s][locale]}: ${g.states[s]}`}</span>
                  ))}
                  {g.states.none > 0 && <span className="badge">{`${t('noReport')}: ${g.states.none}`}</span>}
                </span>
              </td>
              {withIndicators && (
                <td>{g.indicators ? INDICATOR_STATES.filter((s) => g.indicators![s] > 0).map((s) => `${INDICATOR_STATE_LABELS[s][locale]}: ${g.indicators![s]}`).join(', ') || '–' : '–'}</td>
              )}
              <td className="num">{g.flagged}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
