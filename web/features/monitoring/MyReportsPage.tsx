import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { ConfirmDialog, ErrorMessage, PageHeader, Spinner } from '../../components/ui';
import { StatusMessage } from '../../app/forms';
import { usePageTitle } from '../../app/title';
import { useFormat, useLocale, useT } from '../../i18n/i18n';
import { REPORT_STATE_LABELS } from '../../../domain/monitoring';
import type { MyReports, ReportingCycle } from '../../../contract/cycles';
import { ReportsSection } from './ReportsSection';
import { cyclesMessages as messages } from './cycles-messages';
import './monitoring.css';

/**
 * /my-reports (the link in the cycle's e-mail): the measures the department leads in the open cycle,
 * reported one after the other with the measure page's report form, or several at once as "unchanged".
 */
export default function MyReportsPage() {
  const t = useT(messages);
  usePageTitle(t('myTitle'));
  const fmt = useFormat();
  const { locale } = useLocale();
  const qc = useQueryClient();
  const cycles = useQuery({ queryKey: ['reporting-cycles'], queryFn: () => api.get<ReportingCycle[]>('/reporting-cycles') });
  const open = cycles.data?.find((c) => !c.closedAt) ?? null;
  const key = ['my-reports', open?.id];
  const mine = useQuery({ queryKey: key, queryFn: () => api.get<MyReports>(`/reporting-cycles/${open!.id}/my-reports`), enabled: !!open });
  const [selected, setSelected] = useState<string[]>([]);
  const [expanded, setExpanded] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const refresh = () => void qc.invalidateQueries({ queryKey: ['my-reports'] });

  async function unchanged() {
    setConfirming(false);
    setError(null);
    setMessage(null);
    const items = (mine.data?.items ?? []).filter((i) => selected.includes(i.measureId) && i.latestReportId);
    let n = 0;
    try {
      // one after the other: each is checked against its latest report (409 when someone reported meanwhile)
      for (const i of items) {
        await api.post(`/measures/${i.measureId}/reports/unchanged`, { basedOn: i.latestReportId });
        n++;
      }
    } catch (e) {
      setError(e);
    }
    if (n) setMessage(t('unchangedDone', { n }));
    setSelected([]);
    refresh();
  }

  const items = mine.data?.items ?? [];
  const done = items.filter((i) => i.reportedInCycle).length;
  return (
    <>
      <PageHeader title={t('myTitle')}>
        <p className="muted">{t('myIntro')}</p>
      </PageHeader>
      <StatusMessage message={message} />
      <ErrorMessage error={error ?? cycles.error ?? mine.error} />
      {!cycles.data ? (
        <Spinner label={t('loading')} />
      ) : !open ? (
        <p>{t('noCycle')}</p>
      ) : !mine.data ? (
        <Spinner label={t('loading')} />
      ) : (
        <section className="card" aria-labelledby="my-cycle">
          <h2 id="my-cycle">{t('myCycle', { title: open.title, date: fmt.date(open.dueOn) })}</h2>
          <p>{t('progress', { done, total: items.length })}</p>
          {items.length === 0 ? (
            <p className="muted">{t('nothing')}</p>
          ) : (
            <>
              <ul className="my-reports">
                {items.map((i) => (
                  <li key={i.measureId} className="my-report">
                    <div className="my-report-head">
                      {i.latestReportId ? (
                        <label className="inline">
                          <input type="checkbox" checked={selected.includes(i.measureId)}
                            onChange={(e) => setSelected((s) => (e.target.checked ? [...s, i.measureId] : s.filter((x) => x !== i.measureId)))} />{' '}
                          <strong>Nr. {i.number} {i.title}</strong>
                        </label>
                      ) : (
                        <strong>Nr. {i.number} {i.title}</strong>
                      )}
                      <span className="badge">{i.reportedInCycle ? t('yes') : t('no')}</span>
                    </div>
                    <p className="muted">
                      {t('state')}: {i.latestState ? `${REPORT_STATE_LABELS[i.latestState][locale]}, ${i.latestProgress} %` : t('noPrevious')}
                    </p>
                    <button type="button" className="btn small" aria-expanded={expanded === i.measureId} aria-label={expanded === i.measureId ? t('hide') : t('reportLabel', { number: i.number })}
                      onClick={() => setExpanded(expanded === i.measureId ? null : i.measureId)}>
                      {expanded === i.measureId ? t('hide') : t('report')}
                    </button>
                    {expanded === i.measureId && <ReportsSection measureId={i.measureId} onReported={refresh} />}
                  </li>
                ))}
              </ul>
              <p>
                <button type="button" className="btn primary" disabled={selected.length === 0} onClick={() => setConfirming(true)}>
                  {t('unchangedSelected')}{selected.length ? ` (${selected.length})` : ''}
                </button>
              </p>
              <ConfirmDialog open={confirming} title={t('unchangedConfirmTitle', { n: selected.length })} confirmLabel={t('unchangedSelected')} cancelLabel={t('cancel')}
                onCancel={() => setConfirming(false)} onConfirm={() => void unchanged()}>
                <p>{t('unchangedConfirm')}</p>
                <ul>{items.filter((i) => selected.includes(i.measureId)).map((i) => <li key={i.measureId}>Nr. {i.number} {i.title}</li>)}</ul>
              </ConfirmDialog>
            </>
          )}
        </section>
      )}
    </>
  );
}
