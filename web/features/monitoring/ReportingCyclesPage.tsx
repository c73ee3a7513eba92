import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { ConfirmDialog, ErrorMessage, Field, PageHeader, ScrollTable, Spinner } from '../../components/ui';
import { StatusMessage } from '../../app/forms';
import { usePageTitle } from '../../app/title';
import { useFormat, useT } from '../../i18n/i18n';
import type { CycleDetail, ReportingCycle } from '../../../contract/cycles';
import { cyclesMessages as messages } from './cycles-messages';

/** /reporting-cycles (coordinators, admins): open a cycle, see per department who has reported, remind, close. */
export default function ReportingCyclesPage() {
  const t = useT(messages);
  usePageTitle(t('title'));
  const fmt = useFormat();
  const qc = useQueryClient();
  const list = useQuery({ queryKey: ['reporting-cycles'], queryFn: () => api.get<ReportingCycle[]>('/reporting-cycles') });
  const open = list.data?.find((c) => !c.closedAt) ?? null;
  const detail = useQuery({ queryKey: ['reporting-cycle', open?.id], queryFn: () => api.get<CycleDetail>(`/reporting-cycles/${open!.id}`), enabled: !!open });
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [confirming, setConfirming] = useState(false);

  /** runs an action; its answer (or `done`) becomes the status message */
  async function run(action: () => Promise<unknown>, done: string | ((r: never) => string)) {
    setError(null);
    setMessage(null);
    try {
      const r = await action();
      setMessage(typeof done === 'function' ? done(r as never) : done);
    } catch (e) {
      setError(e);
    }
    void qc.invalidateQueries({ queryKey: ['reporting-cycles'] });
    void qc.invalidateQueries({ queryKey: ['reporting-cycle'] });
  }

  const d = detail.data;
  const totals = d ? d.departments.reduce((s, x) => ({ led: s.led + x.led, reported: s.reported + x.reported }), { led: 0, reported: 0 }) : { led: 0, reported: 0 };
  const closedCycles = (list.data ?? []).filter((c) => c.closedAt);
  return (
    <>
      <PageHeader title={t('title')}>
        <p className="muted">{t('intro')}</p>
      </PageHeader>
      <StatusMessage message={message} />
      <ErrorMessage error={error ?? list.error ?? detail.error} />
      {!list.data ? (
        <Spinner label={t('loading')} />
      ) : open ? (
        <section className="card" aria-labelledby="open-cycle">
          <h2 id="open-cycle">{t('current', { title: open.title })}</h2>
          <p>{t('dueLine', { date: fmt.date(open.dueOn), days: open.reminderDaysBefore })}</p>
          {!d ? (
            <Spinner label={t('loading')} />
          ) : d.departments.length === 0 ? (
            <p className="muted">{t('noDepartments')}</p>
          ) : (
            <ScrollTable label={t('current', { title: open.title })}>
              <table>
              <thead>
                <tr><th scope="col">{t('department')}</th><th scope="col">{t('led')}</th><th scope="col">{t('reported')}</th><th scope="col">{t('missing')}</th><th scope="col">{t('lastReminder')}</th><th scope="col">{t('actions')}</th></tr>
              </thead>
              <tbody>
                {d.departments.map((x) => (
                  <tr key={x.departmentId}>
                    <th scope="row">{x.departmentName}</th>
                    <td>{x.led}</td>
                    <td>{x.reported}</td>
                    <td>{x.missing.length === 0 ? '0' : `${x.missing.length}: ${x.missing.map((m) => `Nr. ${m.number}`).join(', ')}`}</td>
                    <td>{x.lastReminderAt ? fmt.dateTime(x.lastReminderAt) : '–'}</td>
                    <td>
                      {x.missing.length > 0 && (
                        <button type="button" className="btn small" aria-label={t('remindLabel', { department: x.departmentName })}
                          onClick={() => run(() => api.post(`/reporting-cycles/${open.id}/departments/${x.departmentId}/remind`),
                            (r: { notified: number }) => t('reminded', { department: x.departmentName, n: r.notified }))}>
                          {t('remind')}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
              </table>
            </ScrollTable>
          )}
          <p>
            <button type="button" className="btn primary" onClick={() => setConfirming(true)} disabled={!d}>{t('close')}</button>
          </p>
          <ConfirmDialog open={confirming} title={t('closeConfirmTitle', { title: open.title })} confirmLabel={t('close')} cancelLabel={t('cancel')}
            onCancel={() => setConfirming(false)}
            onConfirm={() => {
              setConfirming(false);
              void run(() => api.post(`/reporting-cycles/${open.id}/close`, { version: d!.version }), t('closed'));
            }}>
            <p>{t('closeSummary', { reported: totals.reported, led: totals.led, missing: totals.led - totals.reported })}</p>
          </ConfirmDialog>
        </section>
      ) : (
        <OpenForm onOpen={(body) => run(() => api.post('/reporting-cycles', body), t('opened'))} />
      )}
      {closedCycles.length > 0 && (
        <section className="card" aria-labelledby="closed-cycles">
          <h2 id="closed-cycles">{t('history')}</h2>
          <ul>{closedCycles.map((c) => <li key={c.id}>{t('closedLine', { title: c.title, date: fmt.date(c.closedAt) })}</li>)}</ul>
        </section>
      )}
    </>
  );
}

function OpenForm({ onOpen }: { onOpen: (body: { dueOn: string; title?: string; reminderDaysBefore: number }) => Promise<void> }) {
  const t = useT(messages);
  const [dueOn, setDueOn] = useState('');
  const [title, setTitle] = useState('');
  const [days, setDays] = useState('7');
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    await onOpen({ dueOn, reminderDaysBefore: Number(days), ...(title.trim() ? { title: title.trim() } : {}) });
    setBusy(false);
  }
  return (
    <section className="card" aria-labelledby="open-form">
      <h2 id="open-form">{t('openTitle')}</h2>
      <form onSubmit={submit}>
        <Field label={t('dueOn')}>{(p) => <input {...p} type="date" required value={dueOn} onChange={(e) => setDueOn(e.target.value)} />}</Field>
        <Field label={t('cycleTitle')} hint={t('cycleTitleHint')}>{(p) => <input {...p} maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />}</Field>
        <Field label={t('reminderDays')}>{(p) => <input {...p} type="number" min={0} max={90} required value={days} onChange={(e) => setDays(e.target.value)} />}</Field>
        <button type="submit" className="btn primary" disabled={busy}>{t('open')}</button>
      </form>
    </section>
  );
}
