import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../api/client';
import { Alert, ConfirmDialog, ErrorMessage, Field, FormDialog, Spinner } from '../../components/ui';
import { StatusMessage } from '../../app/forms';
import { useFormat, useT } from '../../i18n/i18n';
import type { MeasurePage } from '../../../contract/measures';
import type { MeasureRoadmap, Milestone } from '../../../contract/roadmap';
import { useMeasureRoadmap } from './queries';
import { roadmapMessages as messages } from './messages';
import './roadmap.css';

/** Milestones and dependencies of one measure, with the dates that break a rule flagged (measure detail page). */
export function MeasurePlanSection({ measureId, canEdit }: { measureId: string; canEdit: boolean }) {
  const t = useT(messages);
  const fmt = useFormat();
  const qc = useQueryClient();
  const q = useMeasureRoadmap(measureId);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [editing, setEditing] = useState<Milestone | null>(null);
  const [deleting, setDeleting] = useState<Milestone | null>(null);

  const refresh = () => {
    void qc.invalidateQueries({ queryKey: ['measure-roadmap'] });
    void qc.invalidateQueries({ queryKey: ['roadmap'] });
    void qc.invalidateQueries({ queryKey: ['audit', measureId] });
  };
  async function run(action: () => Promise<unknown>, done: string = t('saved')) {
    setError(null);
    setMessage(null);
    try {
      await action();
      setMessage(done);
      refresh();
      return true;
    } catch (e) {
      setError(e instanceof ApiError && e.status === 409 && e.code === 'version_conflict' ? new Error(t('conflict')) : e);
      if (e instanceof ApiError && e.status === 409) refresh();
      return false;
    }
  }

  // The box follows the click at once; the server's answer (or the refetch after an error) settles it.
  function toggleDone(ms: Milestone, done: boolean) {
    const key = ['measure-roadmap', measureId];
    const put = (m: Milestone) => qc.setQueryData<MeasureRoadmap>(key, (old) => old && { ...old, milestones: old.milestones.map((x) => (x.id === m.id ? m : x)) });
    put({ ...ms, done });
    void run(async () => put(await api.patch<Milestone>(`/milestones/${ms.id}`, { version: ms.version, done }))).then((ok) => {
      if (!ok) void qc.invalidateQueries({ queryKey: key });
    });
  }

  if (q.error) return <ErrorMessage error={q.error} />;
  if (!q.data) return <Spinner label={t('planLoading')} />;
  const r = q.data;
  const outside = new Set(r.violations.flatMap((v) => (v.kind === 'milestone_outside_span' ? [v.milestoneId] : [])));
  const refOf = new Map([...r.dependsOn, ...r.dependents].map((m) => [m.id, m]));
  const flags = r.violations.map((v) => {
    if (v.kind === 'milestone_outside_span') return t('flagMilestone', { due: fmt.date(v.dueOn) });
    if (v.measureId === measureId) return t('flagDependency', { start: fmt.date(v.start), p: refOf.get(v.dependsOnId)?.number ?? '?', end: fmt.date(v.predecessorEnd) });
    return t('flagDependent', { n: refOf.get(v.measureId)?.number ?? '?', start: fmt.date(v.start), end: fmt.date(v.predecessorEnd) });
  });

  return (
    <section className="card plan-section" aria-labelledby="plan-title">
      <h2 id="plan-title">{t('planTitle')}</h2>
      {flags.length > 0 && (
        <Alert kind="warn">
          <strong>{t('flag')}:</strong>
          <ul>{flags.map((f, i) => <li key={i}>{f}</li>)}</ul>
        </Alert>
      )}
      <StatusMessage message={message} />
      <ErrorMessage error={error} />

      <h3>{t('milestones')}</h3>
      {r.milestones.length === 0 ? (
        <p className="muted">{t('noMilestones')}</p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t('milestones')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('msDate')}</th>
                <th scope="col">{t('msTitle')}</th>
                <th scope="col">{t('msDone')}</th>
                {canEdit && <th scope="col"><span className="visually-hidden">{t('editMilestone')}</span></th>}
              </tr>
            </thead>
            <tbody>
              {r.milestones.map((ms) => (
                <tr key={ms.id}>
                  <td className={outside.has(ms.id) ? 'milestone-outside' : undefined}>
                    {fmt.date(ms.dueOn)}
                    {outside.has(ms.id) && <span> – {t('outsideSpan')}</span>}
                  </td>
                  <th scope="row">{ms.title}</th>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={t('msDoneLabel', { title: ms.title })}
                      checked={ms.done}
                      disabled={!canEdit}
                      onChange={(e) => toggleDone(ms, e.target.checked)}
                    />
                  </td>
                  {canEdit && (
                    <td className="row-actions">
                      <button type="button" className="btn small" onClick={() => setEditing(ms)} aria-label={`${t('editMilestone')}: ${ms.title}`}>{t('editMilestone')}</button>
                      <button type="button" className="btn small danger" onClick={() => setDeleting(ms)} aria-label={`${t('deleteMilestone')}: ${ms.title}`}>{t('deleteMilestone')}</button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canEdit && <MilestoneForm onSubmit={(v) => run(() => api.post(`/measures/${measureId}/milestones`, v))} submitLabel={t('addMilestone')} />}

      <h3>{t('dependsOn')}</h3>
      <DependencyList items={r.dependsOn} canEdit={canEdit} onRemove={(id) => run(() => api.del(`/measures/${measureId}/dependencies/${id}`))} />
      {canEdit && <DependencyPicker roadmap={r} onPick={(id) => run(() => api.post(`/measures/${measureId}/dependencies`, { dependsOnId: id }), t('dependencyAdded'))} />}
      <h3>{t('dependents')}</h3>
      <DependencyList items={r.dependents} canEdit={false} onRemove={() => {}} />
      <p className="no-print"><Link to="/roadmap">{t('toRoadmap')}</Link></p>

      {editing && (
        <FormDialog title={t('editMilestoneTitle')} onClose={() => setEditing(null)}>
          <MilestoneForm
            initial={editing}
            submitLabel={t('save')}
            onCancel={() => setEditing(null)}
            onSubmit={async (v) => {
              const ok = await run(() => api.patch(`/milestones/${editing.id}`, { ...v, version: editing.version }));
              if (ok) setEditing(null);
              return ok;
            }}
          />
        </FormDialog>
      )}
      <ConfirmDialog
        open={deleting != null}
        title={t('deleteMilestoneTitle')}
        confirmLabel={t('deleteMilestone')}
        cancelLabel={t('cancel')}
        danger
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          const ms = deleting!;
          setDeleting(null);
          void run(() => api.del(`/milestones/${ms.id}`, { version: ms.version }));
        }}
      >
        <p>{t('deleteMilestoneText', { title: deleting?.title ?? '' })}</p>
      </ConfirmDialog>
    </section>
  );
}

function MilestoneForm({ initial, submitLabel, onSubmit, onCancel }: { initial?: Milestone; submitLabel: string; onSubmit: (v: { title: string; dueOn: string }) => Promise<boolean>; onCancel?: () => void }) {
  const t = useT(messages);
  const [title, setTitle] = useState(initial?.title ?? '');
  const [dueOn, setDueOn] = useState(initial?.dueOn ?? '');
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const ok = await onSubmit({ title: title.trim(), dueOn });
    setBusy(false);
    if (ok && !initial) {
      setTitle('');
      setDueOn('');
    }
  }
  return (
    <form onSubmit={submit} className="milestone-form">
      <div className="grid-2">
        <Field label={t('msTitle')}>{(p) => <input {...p} value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={200} />}</Field>
        <Field label={t('msDate')}>{(p) => <input {...p} type="date" value={dueOn} onChange={(e) => setDueOn(e.target.value)} required />}</Field>
      </div>
      <div className="actions">
        <button type="submit" className="btn primary" disabled={busy}>{submitLabel}</button>
        {onCancel && <button type="button" className="btn" onClick={onCancel}>{t('cancel')}</button>}
      </div>
    </form>
  );
}

function DependencyList({ items, canEdit, onRemove }: { items: MeasureRoadmap['dependsOn']; canEdit: boolean; onRemove: (id: string) => void }) {
  const t = useT(messages);
  const fmt = useFormat();
  if (items.length === 0) return <p className="muted">{t('noDependsOn')}</p>;
  return (
    <ul>
      {items.map((m) => (
        <li key={m.id}>
          <Link to={`/measures/${m.id}`}>{m.number} {m.title}</Link> <span className="muted">({fmt.date(m.plannedStart)} – {fmt.date(m.plannedEnd)})</span>{' '}
          {canEdit && (
            <button type="button" className="btn small" onClick={() => onRemove(m.id)}>{t('removeDependency', { n: m.number })}</button>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Search by title, then pick: fine for thousands of measures, where a select would not be. */
function DependencyPicker({ roadmap, onPick }: { roadmap: MeasureRoadmap; onPick: (id: string) => Promise<boolean> }) {
  const t = useT(messages);
  const [term, setTerm] = useState('');
  const search = useQuery({
    queryKey: ['measures', 'dependency-search', term],
    queryFn: () => api.get<MeasurePage>('/measures', { q: term, pageSize: 8 }),
    enabled: term.trim().length >= 2,
  });
  const taken = new Set([roadmap.measureId, ...roadmap.dependsOn.map((m) => m.id)]);
  const results = (search.data?.items ?? []).filter((m) => !taken.has(m.id));
  return (
    <div className="dependency-picker">
      <Field label={t('searchMeasure')} hint={t('searchHint')}>
        {(p) => <input {...p} type="search" value={term} onChange={(e) => setTerm(e.target.value)} />}
      </Field>
      {term.trim().length >= 2 && search.data && (
        results.length === 0 ? (
          <p className="muted" role="status">{t('searchNone')}</p>
        ) : (
          <ul className="dep-results" aria-label={t('addDependency')}>
            {results.map((m) => (
              <li key={m.id}>
                <button type="button" className="btn small" onClick={async () => { if (await onPick(m.id)) setTerm(''); }}>
                  {t('dependOn', { n: m.number, title: m.title })}
                </button>
              </li>
            ))}
          </ul>
        )
      )}
    </div>
  );
}
