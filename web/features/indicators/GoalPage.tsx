import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../api/client';
import { Alert, ConfirmDialog, ErrorMessage, PageHeader, Spinner } from '../../components/ui';
import { StatusMessage } from '../../app/forms';
import { usePageTitle } from '../../app/title';
import { useFormat, useLocale, useT } from '../../i18n/i18n';
import { INDICATOR_KIND_LABELS, INDICATOR_STATE_LABELS, type IndicatorState } from '../../../domain/indicators';
import type { Indicator, IndicatorList } from '../../../contract/indicators';
import { useConcept } from '../concept/useConcept';
import { IndicatorChart } from './IndicatorChart';
import { ImportForm, NewIndicatorForm, TargetPathForm, ValueForm } from './IndicatorForms';
import { indicatorMessages as messages } from './messages';
import './indicators.css';

/** The state as a badge: its word and a sign, never the colour alone. */
export function IndicatorBadge({ state }: { state: IndicatorState }) {
  const { locale } = useLocale();
  return <span className={`badge ind-state is-${state}`}>{INDICATOR_STATE_LABELS[state][locale]}</span>;
}

/** /concept/goals/:goalId — a strategic goal with its indicators, their state, chart and forms. */
export default function GoalPage() {
  const { goalId = '' } = useParams();
  const t = useT(messages);
  const { locale } = useLocale();
  const concept = useConcept();
  const goal = concept.data?.goals.find((g) => g.id === goalId);
  usePageTitle(goal?.title ?? t('title'));
  const qc = useQueryClient();
  const key = ['indicators', goalId];
  const q = useQuery({ queryKey: key, queryFn: () => api.get<IndicatorList>(`/goals/${goalId}/indicators`), enabled: !!goal });
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function run(action: () => Promise<unknown>, done: string) {
    setError(null);
    setMessage(null);
    try {
      await action();
      setMessage(done);
      void qc.invalidateQueries({ queryKey: key });
      return true;
    } catch (e) {
      const stale = e instanceof ApiError && e.code === 'version_conflict';
      setError(stale ? new Error(t('stale')) : e);
      if (stale) void qc.invalidateQueries({ queryKey: key });
      return false;
    }
  }

  if (concept.error) return <ErrorMessage error={concept.error} />;
  if (!concept.data) return <Spinner label={t('loading')} />;
  const back = <p className="no-print" style={{ margin: '0 0 0.5rem' }}><Link to="/concept/goals">← {t('back')}</Link></p>;
  if (!goal) return <>{back}<Alert kind="error">{t('goalNotFound')}</Alert></>;

  return (
    <>
      {back}
      <PageHeader title={goal.title}>{goal.description && <p className="muted" style={{ margin: '0.25rem 0 0' }}>{goal.description}</p>}</PageHeader>
      <section aria-labelledby="indikatoren">
        <h2 id="indikatoren">{t('title')}</h2>
        <p className="muted">{t('intro')}</p>
        <StatusMessage message={message} />
        <ErrorMessage error={error ?? q.error} />
        {!q.data ? !q.error && <Spinner label={t('loading')} /> : (
          <>
            {q.data.items.length === 0 && <p className="muted">{t('none')}</p>}
            {q.data.items.map((i) => (
              <IndicatorCard key={`${i.id}:${i.version}`} indicator={i} canEdit={q.data.canEdit} run={run} />
            ))}
            <details className="card">
              <summary>{t('rulesTitle')}</summary>
              <ol>{q.data.rules.map((r) => <li key={r.id}>{r[locale]}</li>)}</ol>
            </details>
            {q.data.items.some((i) => i.canEnterValues) && (
              <ImportForm goalId={goalId} onImported={(n) => { setMessage(t('imported', { n })); void qc.invalidateQueries({ queryKey: key }); }} />
            )}
            {q.data.canEdit && (
              <NewIndicatorForm departments={concept.data.departments} onSubmit={(body) => run(() => api.post(`/goals/${goalId}/indicators`, body), t('created', { name: body.name }))} />
            )}
          </>
        )}
      </section>
    </>
  );
}

function IndicatorCard({ indicator: i, canEdit, run }: { indicator: Indicator; canEdit: boolean; run: (a: () => Promise<unknown>, done: string) => Promise<boolean> }) {
  const t = useT(messages);
  const fmt = useFormat();
  const { locale } = useLocale();
  const headingId = `ind-${i.id}`;
  const [confirming, setConfirming] = useState(false);
  return (
    <article className="card ind-card" aria-labelledby={headingId}>
      <h3 id={headingId}>{i.name}</h3>
      <p><IndicatorBadge state={i.evaluation.state} /> <span>{t('why', { reason: i.evaluation.reason[locale] })}</span></p>
      <dl className="ind-facts">
        <dt>{t('kind')}</dt><dd>{INDICATOR_KIND_LABELS[i.kind][locale]}</dd>
        <dt>{t('baseline')}</dt><dd>{fmt.number(i.baselineValue)}{i.unit ? ` ${i.unit}` : ''} ({fmt.date(i.baselineDate)})</dd>
        {i.source && (<><dt>{t('source')}</dt><dd>{i.source}</dd></>)}
        <dt>{t('department')}</dt><dd>{i.departmentName ?? t('noDepartment')}</dd>
      </dl>
      <IndicatorChart indicator={i} />
      {i.canEnterValues && i.values.length > 0 && (
        <ul className="row-actions" style={{ listStyle: 'none', padding: 0 }}>
          {i.values.map((v) => (
            <li key={v.id}>
              <button type="button" className="btn small danger" onClick={() => void run(() => api.del(`/indicators/${i.id}/values/${v.id}`), t('valueDeleted'))}>
                {t('deleteValue', { date: fmt.date(v.date) })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <p>
          <button type="button" className="btn small danger" onClick={() => setConfirming(true)}>{t('deleteIndicator', { name: i.name })}</button>
        </p>
      )}
      <ConfirmDialog
        open={confirming}
        title={t('deleteIndicator', { name: i.name })}
        confirmLabel={t('delete')}
        cancelLabel={t('cancel')}
        danger
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          void run(() => api.del(`/indicators/${i.id}`, { version: i.version }), t('indicatorDeleted', { name: i.name }));
        }}
      >
        <p>{t('deleteIndicatorText')}</p>
      </ConfirmDialog>
      {canEdit && <TargetPathForm indicator={i} onSubmit={(body) => run(() => api.patch(`/indicators/${i.id}`, body), t('targetsSaved'))} />}
      {i.canEnterValues && <ValueForm indicator={i} onSubmit={(body) => run(() => api.post(`/indicators/${i.id}/values`, body), t('valueSaved'))} />}
    </article>
  );
}
