import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { EmptyState, ErrorMessage, PageHeader, Spinner } from '../../components/ui';
import { useCan, useMe } from '../../app/session';
import { usePageTitle } from '../../app/title';
import { useFormat, useLocale, useT } from '../../i18n/i18n';
import { HORIZON_LABELS, STATUS_LABELS } from '../../../domain/labels';
import type { Bucket, Dashboard } from '../../../contract/measures';
import { messages } from './messages';
import { BarChart, type BarDatum, type Metric } from './BarChart';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const METRIC_KEY = 'rf.dashboard.metric';

type Filter = 'status' | 'dimension' | 'district' | 'department' | 'horizon';

/** /dashboard (and / for readers) — the key figures: totals and bar charts by status, dimension, district, department and horizon. */
export default function DashboardPage() {
  const t = useT(messages);
  const f = useFormat();
  const { locale } = useLocale();
  const me = useMe();
  const can = useCan();
  const name = me.data?.current.municipalityName;
  usePageTitle(t('title'));
  const [metric, setMetricState] = useState<Metric>(() => (localStorage.getItem(METRIC_KEY) === 'cost' ? 'cost' : 'count'));
  const setMetric = (m: Metric) => {
    localStorage.setItem(METRIC_KEY, m);
    setMetricState(m);
  };
  const dash = useQuery({ queryKey: ['dashboard'], queryFn: () => api.get<Dashboard>('/dashboard') });

  /** Bucket → bar; only keys the measure list understands become links (an "unassigned" bucket does not). */
  const bars = (buckets: Bucket[], filter: Filter): BarDatum[] =>
    buckets.map((b) => {
      const vocab = filter === 'status' ? STATUS_LABELS : filter === 'horizon' ? HORIZON_LABELS : null;
      const linkable = vocab ? b.key in vocab : UUID.test(b.key);
      const label =
        vocab && b.key in vocab
          ? f.label(vocab, b.key)
          : b.key === 'none' && locale === 'en'
            ? t('unassigned') // the server names the "none" bucket in German
            : b.label || t('unassigned');
      return {
        key: b.key || '_none',
        label,
        count: b.count,
        costCents: b.costCents,
        href: linkable ? `/measures?${filter}=${encodeURIComponent(b.key)}` : undefined,
      };
    });

  const d = dash.data;
  const statusCount = (key: string) => d?.byStatus.find((b) => b.key === key)?.count ?? 0;

  return (
    <>
      <PageHeader title={name ? t('titleOf', { name }) : t('title')} />
      {dash.isPending && <Spinner label={t('loading')} />}
      <ErrorMessage error={dash.error} />
      {d && d.total === 0 && (
        <EmptyState>
          <h2 style={{ marginTop: 0, color: 'var(--rf-ink)' }}>{t('emptyTitle')}</h2>
          <p>{can.canCreateMeasure || can.canImport ? t('emptyText') : t('emptyReader')}</p>
          <div className="actions" style={{ justifyContent: 'center' }}>
            {can.canCreateMeasure && (
              <Link className="btn primary" to="/measures/new">{t('newMeasure')}</Link>
            )}
            {can.canImport && (
              <Link className="btn" to="/measures/import">{t('import')}</Link>
            )}
          </div>
        </EmptyState>
      )}
      {d && d.total > 0 && (
        <>
          <div className="tiles">
            <Tile value={String(d.total)} label={t('total')} href="/measures" />
            <Tile value={f.money(d.totalCostCents).replace(' €', '\u00a0€')} label={t('totalCost')} href="/measures?sort=-cost" />
            <Tile value={String(statusCount('implementation'))} label={t('implementation')} href="/measures?status=implementation" />
            <Tile value={String(statusCount('done'))} label={t('done')} href="/measures?status=done" />
          </div>
          <fieldset className="segmented no-print">
            <legend>{t('metric')}</legend>
            {(['count', 'cost'] as const).map((m) => (
              <label key={m}>
                <input type="radio" name="metric" value={m} checked={metric === m} onChange={() => setMetric(m)} />
                {m === 'count' ? t('metricCount') : t('metricCost')}
              </label>
            ))}
          </fieldset>
          <div className="chart-grid">
            <ChartCard title={t('byStatus')} data={bars(d.byStatus, 'status')} metric={metric} />
            <ChartCard title={t('byDimension')} data={bars(d.byDimension, 'dimension')} metric={metric} />
            <ChartCard title={t('byDistrict')} data={bars(d.byDistrict, 'district')} metric={metric} />
            <ChartCard title={t('byDepartment')} data={bars(d.byDepartment, 'department')} metric={metric} />
            <ChartCard title={t('byHorizon')} data={bars(d.byHorizon, 'horizon')} metric={metric} />
          </div>
        </>
      )}
    </>
  );
}

function Tile({ value, label, href }: { value: string; label: string; href: string }) {
  return (
    <div className="tile">
      <span className="tile-value">{value}</span>
      <Link className="tile-label" to={href}>{label}</Link>
    </div>
  );
}

function ChartCard({ title, data, metric }: { title: string; data: BarDatum[]; metric: Metric }) {
  return (
    <section className="card" aria-label={title}>
      <h2 style={{ marginTop: 0 }}>{title}</h2>
      <BarChart title={title} data={data} metric={metric} />
    </section>
  );
}
