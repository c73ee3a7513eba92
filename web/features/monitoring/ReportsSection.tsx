import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../api/client';
import { Alert, ErrorMessage, Field, Spinner } from '../../components/ui';
import { StatusMessage } from '../../app/forms';
import { useFormat, useLocale, useT } from '../../i18n/i18n';
import { parseMoney } from '../../../domain/format';
import { REPORT_STATE_LABELS, REPORT_STATES, type ReportState } from '../../../domain/monitoring';
import type { ReportTimeline, StatusReport } from '../../../contract/monitoring';
import type { Milestone } from '../../../contract/roadmap';
import { useMeasureRoadmap } from '../roadmap/queries';
import { monitoringMessages as messages } from './messages';
import './monitoring.css';

/** The state as a badge: its word and a sign, never the colour alone. */
function StateBadge({ state }: { state: ReportState }) {
  const { locale } = useLocale();
  return <span className={`badge report-state rs-${state}`}>{REPORT_STATE_LABELS[state][locale]}</span>;
}

/** "Umsetzung" on the measure page: current state, flags with reasons, the report timeline with comments, and the report form. */
export function ReportsSection({ measureId, onReported }: { measureId: string; /** after a report or comment was saved ("my reports" refreshes its list) */ onReported?: () => void }) {
  const t = useT(messages);
  const { locale } = useLocale();
  const qc = useQueryClient();
  const key = ['measure-reports', measureId];
  const q = useQuery({ queryKey: key, queryFn: () => api.get<ReportTimeline>(`/measures/${measureId}/reports`) });
  const roadmap = useMeasureRoadmap(measureId);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const refresh = () => {
    void qc.invalidateQueries({ queryKey: key });
    void qc.invalidateQueries({ queryKey: ['audit', measureId] });
  };
  async function run(action: () => Promise<unknown>, done: string) {
    setError(null);
    setMessage(null);
    try {
      await action();
      setMessage(done);
      refresh();
      onReported?.();
      return true;
    } catch (e) {
      const stale = e instanceof ApiError && e.status === 409;
      setError(stale ? new Error(t('stale')) : e);
      if (stale) refresh();
      return false;
    }
  }

  if (q.error) return <ErrorMessage error={q.error} />;
  if (!q.data) return <Spinner label={t('loading')} />;
  const r = q.data;
  const milestones = roadmap.data?.milestones ?? [];

  return (
    <section className="card reports-section" aria-labelledby="umsetzung" id="umsetzung-section">
      <h2 id="umsetzung">{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      {r.flags.length > 0 && (
        <Alert kind="warn">
          <strong>{t('flags')}:</strong>
          <ul>{r.flags.map((f) => <li key={f.kind}>{f.reason[locale]}</li>)}</ul>
        </Alert>
      )}
      <StatusMessage message={message} />
      <ErrorMessage error={error} />
      {r.canReport && (
        <ReportForm
          key={r.latest?.id ?? 'first'}
          latest={r.latest}
          milestones={milestones}
          onSubmit={(body) => run(() => api.post(`/measures/${measureId}/reports`, body), t('saved'))}
          onUnchanged={(basedOn) => run(() => api.post(`/measures/${measureId}/reports/unchanged`, { basedOn }), t('saved'))}
        />
      )}
      <h3>{t('timeline')}</h3>
      {r.items.length === 0 ? (
        <p className="muted">{t('none')}</p>
      ) : (
        <ol className="report-timeline">
          {r.items.map((report) => (
            <ReportItem key={report.id} report={report} milestones={milestones} canComment={r.canComment}
              onComment={(body) => run(() => api.post(`/measures/${measureId}/reports/${report.id}/comments`, { body }), t('commentSaved'))} />
          ))}
        </ol>
      )}
    </section>
  );
}

function ReportItem({ report, milestones, canComment, onComment }: { report: StatusReport; milestones: Milestone[]; canComment: boolean; onComment: (body: string) => Promise<boolean> }) {
  const t = useT(messages);
  const fmt = useFormat();
  const names = report.milestoneIds.map((id) => milestones.find((m) => m.id === id)?.title).filter(Boolean);
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  async function send(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    if (await onComment(body.trim())) setBody('');
    setBusy(false);
  }
  return (
    <li className="report-item">
      <p className="report-head">
        <StateBadge state={report.state} /> <strong>{t('progressValue', { n: report.progress })}</strong>{' '}
        <span className="muted">{t('reportBy', { name: report.authorName ?? t('unknownAuthor'), date: fmt.dateTime(report.createdAt) })}</span>
        {report.unchanged && <span className="muted"> · {t('unchangedMark')}</span>}
      </p>
      <dl className="report-facts">
        <dt>{t('spent')}</dt><dd>{fmt.money(report.spentCents)}</dd>
        {names.length > 0 && (<><dt>{t('milestones')}</dt><dd>{names.join(', ')}</dd></>)}
        {report.nextSteps && (<><dt>{t('nextSteps')}</dt><dd>{report.nextSteps}</dd></>)}
        {report.blockers && (<><dt>{t('blockers')}</dt><dd>{report.blockers}</dd></>)}
        {report.boardDecisionNeeded && (<><dt>{t('decision')}</dt><dd>{t('yes')}</dd></>)}
      </dl>
      {report.comments.length > 0 && (
        <div className="report-comments">
          <h4>{t('comments')}</h4>
          <ul>
            {report.comments.map((c) => (
              <li key={c.id}>
                <span className="muted">{c.authorName ?? t('unknownAuthor')}{c.departmentName ? ` (${c.departmentName})` : ''}, {fmt.dateTime(c.createdAt)}:</span> {c.body}
              </li>
            ))}
          </ul>
        </div>
      )}
      {canComment && (
        <details className="report-comment-form">
          <summary>{t('addComment')}</summary>
          <form onSubmit={send}>
            <Field label={t('comment')}>{(p) => <textarea {...p} rows={2} value={body} onChange={(e) => setBody(e.target.value)} required maxLength={4000} />}</Field>
            <button type="submit" className="btn small" disabled={busy || !body.trim()}>{t('sendComment')}</button>
          </form>
        </details>
      )}
    </li>
  );
}

type Body = { basedOn: string | null; state: ReportState; progress: number; spentCents: number; milestoneIds: string[]; nextSteps: string; blockers: string; boardDecisionNeeded: boolean };

const euros = (cents: number) => String(cents / 100).replace('.', ',');

/** Fits one phone screen (390×844): pre-filled with the last report, "Unverändert" is one click. */
function ReportForm({ latest, milestones, onSubmit, onUnchanged }: { latest: StatusReport | null; milestones: Milestone[]; onSubmit: (b: Body) => Promise<boolean>; onUnchanged: (basedOn: string) => Promise<boolean> }) {
  const t = useT(messages);
  const { locale } = useLocale();
  const [state, setState] = useState<ReportState>(latest?.state ?? 'on_track');
  const [progress, setProgress] = useState(String(latest?.progress ?? 0));
  const [spent, setSpent] = useState(euros(latest?.spentCents ?? 0));
  const [reached, setReached] = useState<string[]>(latest?.milestoneIds ?? []);
  const [nextSteps, setNextSteps] = useState(latest?.nextSteps ?? '');
  const [blockers, setBlockers] = useState(latest?.blockers ?? '');
  const [decision, setDecision] = useState(latest?.boardDecisionNeeded ?? false);
  const [busy, setBusy] = useState(false);
  const [spentError, setSpentError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const spentCents = parseMoney(spent);
    if (spentCents == null) {
      setSpentError(t('spentInvalid'));
      return;
    }
    setSpentError(null);
    setBusy(true);
    await onSubmit({ basedOn: latest?.id ?? null, state, progress: Number(progress), spentCents, milestoneIds: reached, nextSteps, blockers, boardDecisionNeeded: decision });
    setBusy(false);
  }
  async function unchanged() {
    setBusy(true);
    await onUnchanged(latest!.id);
    setBusy(false);
  }

  return (
    <form className="report-form" onSubmit={submit} aria-labelledby="report-form-title">
      <h3 id="report-form-title">{t('formTitle')}</h3>
      {latest && (
        <p className="report-unchanged">
          <button type="button" className="btn" onClick={unchanged} disabled={busy} aria-describedby="unchanged-hint">{t('unchanged')}</button>{' '}
          <span id="unchanged-hint" className="muted">{t('unchangedHint')}</span>
        </p>
      )}
      <p className="muted">{t('formHint')}</p>
      <div className="report-grid">
        <Field label={t('state')}>
          {(p) => (
            <select {...p} value={state} onChange={(e) => setState(e.target.value as ReportState)}>
              {REPORT_STATES.map((s) => <option key={s} value={s}>{REPORT_STATE_LABELS[s][locale]}</option>)}
            </select>
          )}
        </Field>
        <Field label={`${t('progress')} (%)`}>
          {(p) => <input {...p} type="number" inputMode="numeric" min={0} max={100} step={1} required value={progress} onChange={(e) => setProgress(e.target.value)} />}
        </Field>
        <Field label={t('spent')} hint={t('spentHint')} error={spentError}>
          {(p) => <input {...p} inputMode="decimal" required value={spent} onChange={(e) => setSpent(e.target.value)} />}
        </Field>
      </div>
      {milestones.length > 0 && (
        <fieldset className="report-milestones">
          <legend>{t('milestones')}</legend>
          {milestones.map((m) => (
            <label key={m.id} className="check">
              <input type="checkbox" checked={reached.includes(m.id)} onChange={(e) => setReached(e.target.checked ? [...reached, m.id] : reached.filter((x) => x !== m.id))} /> {m.title}
            </label>
          ))}
        </fieldset>
      )}
      <Field label={t('nextSteps')}>{(p) => <textarea {...p} rows={2} maxLength={4000} value={nextSteps} onChange={(e) => setNextSteps(e.target.value)} />}</Field>
      <Field label={t('blockers')}>{(p) => <textarea {...p} rows={2} maxLength={4000} value={blockers} onChange={(e) => setBlockers(e.target.value)} />}</Field>
      <label className="check">
        <input type="checkbox" checked={decision} onChange={(e) => setDecision(e.target.checked)} /> {t('decision')}
      </label>
      <div className="actions">
        <button type="submit" className="btn primary" disabled={busy}>{t('submit')}</button>
      </div>
    </form>
  );
}
