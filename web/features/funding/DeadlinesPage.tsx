import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { ConfirmDialog, EmptyState, ErrorMessage, Field, PageHeader, Spinner } from '../../components/ui';
import { StatusMessage } from '../../app/forms';
import { useCan } from '../../app/session';
import { usePageTitle } from '../../app/title';
import { useFormat, useLocale, useT } from '../../i18n/i18n';
import type { CalendarFeed, Deadline } from '../../../contract/funding';
import { deadlineMessages as messages } from './deadlineMessages';
import { SOURCE_STATUS_LABELS } from './labels';
import { todayIso } from './util';
import './funding.css';

/** ISO date `days` days from `iso` (calendar days, no time zone involved). */
const addDays = (iso: string, days: number) => {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/**
 * /funding/deadlines: the application deadlines of the planned measures as a calendar by month — the
 * ones already passed without an application first — and, for coordinators and admins, the secret
 * iCal subscription. The period is kept in the URL (default: from 30 days ago, so recently missed
 * deadlines still show).
 */
export default function DeadlinesPage() {
  const t = useT(messages);
  const fmt = useFormat();
  const { locale } = useLocale();
  usePageTitle(t('title'));
  const [sp, setSp] = useSearchParams();
  const from = sp.get('from') || addDays(todayIso(), -30);
  const to = sp.get('to') || '';
  const [draft, setDraft] = useState({ from, to });
  const query = to ? { from, to } : { from };
  const deadlines = useQuery({ queryKey: ['funding-deadlines', query], queryFn: () => api.get<Deadline[]>('/funding/deadlines', query) });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams();
    if (draft.from) next.set('from', draft.from);
    if (draft.to) next.set('to', draft.to);
    setSp(next);
  };

  const items = deadlines.data ?? [];
  const passed = items.filter((d) => d.daysLeft < 0);
  const months = new Map<string, Deadline[]>();
  for (const d of items.filter((x) => x.daysLeft >= 0)) {
    const key = d.date.slice(0, 7);
    months.set(key, [...(months.get(key) ?? []), d]);
  }
  const monthName = (key: string) =>
    new Date(`${key}-15T12:00:00Z`).toLocaleDateString(locale === 'de' ? 'de-DE' : 'en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const when = (n: number) =>
    n === 0 ? t('today') : n === 1 ? t('tomorrow') : n > 1 ? t('inDays', { n }) : n === -1 ? t('dayAgo') : t('daysAgo', { n: -n });

  const list = (ds: Deadline[]) => (
    <ul className="deadline-list">
      {ds.map((d) => (
        <li key={d.key} className={d.daysLeft < 0 ? 'passed' : d.daysLeft <= 14 ? 'soon' : undefined}>
          <div className="deadline-date">
            <strong>{fmt.date(d.date)}</strong> <span className="muted">{when(d.daysLeft)}</span>
          </div>
          <div>
            <Link to={`/measures/${d.measure.id}/funding`}>
              <span className="muted">{d.measure.number}</span> {d.measure.title}
            </Link>
            <div>
              {d.programmeId ? <Link to={`/funding/programmes/${d.programmeId}`}>{d.programmeName}</Link> : d.sourceLabel}
              {' · '}
              {d.kind === 'source' ? t('kindSource') : t('kindWindow')}
              {d.note ? ` (${d.note})` : ''}
            </div>
            <div className="muted">
              {t('lead')}: {d.measure.leadDepartmentName ?? t('noLead')} · {t('status')}: {fmt.label(SOURCE_STATUS_LABELS, d.sourceStatus)}
            </div>
          </div>
        </li>
      ))}
    </ul>
  );

  return (
    <div className="deadlines-page">
      <PageHeader title={t('title')} actions={<button type="button" className="btn" onClick={() => window.print()}>{t('print')}</button>}>
        <p className="muted intro">{t('intro')}</p>
        <p className="muted">{t('reminders')}</p>
      </PageHeader>

      <form className="deadline-range no-print" onSubmit={submit}>
        <fieldset>
          <legend>{t('rangeLegend')}</legend>
          <Field label={t('from')}>{(p) => <input {...p} type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />}</Field>
          <Field label={t('to')}>{(p) => <input {...p} type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />}</Field>
          <button type="submit" className="btn">{t('show')}</button>
        </fieldset>
      </form>

      <p className="result-count" role="status">
        {deadlines.isPending ? t('loading') : items.length === 1 ? t('countOne') : t('count', { n: items.length })}
      </p>
      <ErrorMessage error={deadlines.error} />
      {deadlines.isPending ? (
        <Spinner label={t('loading')} />
      ) : items.length === 0 ? (
        !deadlines.error && <EmptyState><p>{t('empty')}</p></EmptyState>
      ) : (
        <>
          {passed.length > 0 && (
            <section className="card deadline-month" aria-labelledby="deadlines-passed">
              <h2 id="deadlines-passed" className="first">{t('passed')}</h2>
              {list(passed)}
            </section>
          )}
          {[...months].map(([key, ds]) => (
            <section key={key} className="card deadline-month" aria-labelledby={`deadlines-${key}`}>
              <h2 id={`deadlines-${key}`} className="first">{monthName(key)}</h2>
              {list(ds)}
            </section>
          ))}
        </>
      )}
      <CalendarSubscription />
    </div>
  );
}

/** The secret iCal address: shown only when it is created or renewed; coordinators and admins only. */
function CalendarSubscription() {
  const t = useT(messages);
  const fmt = useFormat();
  const can = useCan();
  const [feed, setFeed] = useState<CalendarFeed | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const current = useQuery({ queryKey: ['funding-calendar'], queryFn: () => api.get<CalendarFeed>('/funding/calendar'), enabled: can.canImport });
  if (!can.canImport) return null;
  const shown = feed ?? current.data;

  const run = async (fn: () => Promise<CalendarFeed>) => {
    setError(null);
    setStatus(null);
    try {
      setFeed(await fn());
    } catch (e) {
      setError(e);
    }
  };
  const copy = async (url: string) => {
    await navigator.clipboard?.writeText(url).catch(() => undefined);
    setStatus(t('feedCopied'));
  };

  return (
    <section className="card no-print feed-card" aria-labelledby="feed-title">
      <h2 id="feed-title" className="first">{t('feedTitle')}</h2>
      <p className="muted">{t('feedIntro')}</p>
      <ErrorMessage error={error ?? current.error} />
      {!shown ? (
        current.isPending && <Spinner label={t('loading')} />
      ) : shown.url ? (
        <>
          <Field label={t('feedNew')}>{(p) => <input {...p} type="text" readOnly value={shown.url!} onFocus={(e) => e.target.select()} className="feed-url" />}</Field>
          <div className="actions">
            <button type="button" className="btn" onClick={() => copy(shown.url!)}>{t('feedCopy')}</button>
            {shown.webcalUrl && <a className="btn" href={shown.webcalUrl}>{t('feedSubscribe')}</a>}
          </div>
        </>
      ) : !shown.exists ? (
        <button type="button" className="btn" onClick={() => run(() => api.post<CalendarFeed>('/funding/calendar'))}>{t('feedCreate')}</button>
      ) : (
        <>
          <p>{t('feedExists', { date: fmt.dateTime(shown.createdAt) })}</p>
          <button type="button" className="btn" onClick={() => setConfirming(true)}>{t('feedRegenerate')}</button>
        </>
      )}
      <StatusMessage message={status} />
      <ConfirmDialog
        open={confirming}
        title={t('feedConfirmTitle')}
        confirmLabel={t('feedConfirm')}
        cancelLabel={t('cancel')}
        danger
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          void run(() => api.post<CalendarFeed>('/funding/calendar/regenerate'));
        }}
      >
        <p>{t('feedConfirmText')}</p>
      </ConfirmDialog>
    </section>
  );
}
