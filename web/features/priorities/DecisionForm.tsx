import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../api/client';
import { ConfirmDialog, ErrorMessage, ScrollTable } from '../../components/ui';
import { StatusMessage, TextField } from '../../app/forms';
import { useFormat, useT } from '../../i18n/i18n';
import { HORIZON_LABELS, PRIORITY_LABELS } from '../../../domain/labels';
import { classDeviation } from '../../../domain/scoring';
import { HORIZONS, PRIORITIES, type Horizon, type Priority } from '../../../contract/measures';
import type { ScoringRoundDetail } from '../../../contract/priorities';
import { messages } from './messages';
import { roundKey } from './queries';

type Row = { include: boolean; priority: Priority; horizon: Horizon };
const HORIZON_FOR: Record<Priority, Horizon> = { A: 'short', B: 'medium', C: 'long' };

/** The decision: class and horizon per measure, body and date; departures from the ranking are highlighted. */
export function DecisionForm({ round, onSaved }: { round: ScoringRoundDetail; onSaved: (r: ScoringRoundDetail) => void }) {
  const t = useT(messages);
  const fmt = useFormat();
  const qc = useQueryClient();
  const results = new Map((round.results ?? []).map((r) => [r.measureId, r]));
  const ordered = [...round.measures].sort((a, b) => (results.get(a.id)?.rank ?? 1e9) - (results.get(b.id)?.rank ?? 1e9));
  const [rows, setRows] = useState<Record<string, Row>>(() =>
    Object.fromEntries(
      round.measures.map((m) => {
        const priority = m.priority ?? results.get(m.id)?.suggestedClass ?? 'B';
        return [m.id, { include: true, priority, horizon: m.horizon ?? HORIZON_FOR[priority] }];
      }),
    ),
  );
  const [body, setBody] = useState('');
  const [date, setDate] = useState(() => new Date().toISOString().slice(0, 10));
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState<string | null>(null);
  const included = round.measures.filter((m) => rows[m.id]?.include);
  const setRow = (id: string, patch: Partial<Row>) => setRows((r) => ({ ...r, [id]: { ...r[id], ...patch } }));

  function check(e: FormEvent) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!body.trim()) errs.body = t('errBody');
    if (!date) errs.date = t('errDate');
    if (!included.length) errs.items = t('errItems');
    setErrors(errs);
    if (Object.keys(errs).length) {
      document.getElementById(errs.body ? 'decision-body' : errs.date ? 'decision-date' : 'decision-table')?.focus();
      return;
    }
    setConfirming(true);
  }

  async function submit() {
    setConfirming(false);
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      const items = included.map((m) => ({ measureId: m.id, priority: rows[m.id].priority, horizon: rows[m.id].horizon, version: m.version }));
      onSaved(await api.post<ScoringRoundDetail>(`/priorities/rounds/${round.id}/decisions`, { body: body.trim(), decidedOn: date, note: note.trim(), items }));
      void qc.invalidateQueries({ queryKey: ['measures'] });
      void qc.invalidateQueries({ queryKey: ['measure'] });
      setStatus(t('decisionSaved'));
    } catch (err) {
      setError(err);
      // a measure changed meanwhile: load the current versions so the next try can succeed
      if (err instanceof ApiError && err.status === 409) void qc.invalidateQueries({ queryKey: roundKey(round.id) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="decision-h" className="card">
      <h2 id="decision-h">{t('decisionTitle')}</h2>
      <p className="muted">{t('decisionIntro')}</p>
      <form onSubmit={check} noValidate>
        <div className="decision-head">
          <TextField id="decision-body" label={t('decisionBody')} hint={t('decisionBodyHint')} value={body} error={errors.body} onChange={(e) => setBody(e.target.value)} />
          <TextField id="decision-date" label={t('decisionDate')} type="date" value={date} error={errors.date} onChange={(e) => setDate(e.target.value)} />
          <TextField id="decision-note" label={t('decisionNote')} value={note} onChange={(e) => setNote(e.target.value)} />
        </div>
        {errors.items && <p className="error" id="decision-table-error">{errors.items}</p>}
        <ScrollTable label={t('decisionCaption')}>
          <table className="data stack-table decision" id="decision-table" tabIndex={-1}>
            <caption className="visually-hidden">{t('decisionCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('include')}</th>
                <th scope="col" className="num">{t('colRank')}</th>
                <th scope="col">{t('colMeasure')}</th>
                <th scope="col">{t('colSuggested')}</th>
                <th scope="col">{t('colClass')}</th>
                <th scope="col">{t('colHorizon')}</th>
              </tr>
            </thead>
            <tbody>
              {ordered.map((m) => {
                const res = results.get(m.id);
                const row = rows[m.id];
                const dev = classDeviation(row.priority, res?.suggestedClass ?? null);
                const name = `Nr. ${m.number} ${m.title}`;
                return (
                  <tr key={m.id} className={dev ? `deviates deviates-${dev}` : undefined}>
                    <td data-label={t('include')}>
                      <input type="checkbox" checked={row.include} aria-label={t('includeMeasure', { measure: name })} onChange={(e) => setRow(m.id, { include: e.target.checked })} />
                    </td>
                    <td data-label={t('colRank')} className="num">{res?.rankLabel || '–'}</td>
                    <td data-label={t('colMeasure')}>
                      {name}
                      {dev > 0 && (
                        <div className="deviation-note">
                          <span aria-hidden="true">⚠ </span>
                          {t(dev === 2 ? 'deviatesStrong' : 'deviates', { rank: res?.rankLabel ?? '–', suggested: res?.suggestedClass ?? '–' })}
                        </div>
                      )}
                    </td>
                    <td data-label={t('colSuggested')}>{res?.suggestedClass ?? '–'}</td>
                    <td data-label={t('colClass')}>
                      <select aria-label={t('classFor', { measure: name })} value={row.priority} disabled={!row.include}
                        onChange={(e) => setRow(m.id, { priority: e.target.value as Priority })}>
                        {PRIORITIES.map((p) => <option key={p} value={p}>{fmt.label(PRIORITY_LABELS, p)}</option>)}
                      </select>
                    </td>
                    <td data-label={t('colHorizon')}>
                      <select aria-label={t('horizonFor', { measure: name })} value={row.horizon} disabled={!row.include}
                        onChange={(e) => setRow(m.id, { horizon: e.target.value as Horizon })}>
                        {HORIZONS.map((h) => <option key={h} value={h}>{fmt.label(HORIZON_LABELS, h)}</option>)}
                      </select>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollTable>
        <ErrorMessage error={error} />
        <StatusMessage message={status} />
        <button type="submit" className="btn primary" disabled={busy}>{busy ? t('saving') : t('recordDecision')}</button>
      </form>
      <ConfirmDialog open={confirming} title={t('decisionConfirmTitle')} confirmLabel={t('confirm')} cancelLabel={t('cancel')}
        onConfirm={submit} onCancel={() => setConfirming(false)}>
        <p>{t('decisionConfirmText', { n: included.length })}</p>
      </ConfirmDialog>
    </section>
  );
}
