import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../api/client';
import { ConfirmDialog, ErrorMessage } from '../../components/ui';
import { StatusMessage, TextField } from '../../app/forms';
import { useT } from '../../i18n/i18n';
import { decisionChanges, incompleteItems, initialDraft, selectTop, type DraftItem } from '../../../domain/decision-scope';
import type { ScoringRoundDetail } from '../../../contract/priorities';
import { messages } from './messages';
import { roundKey } from './queries';
import { DecisionRows, type DecisionRow } from './DecisionRows';
import { DecisionSummary } from './DecisionSummary';

/**
 * The decision: class and horizon per measure, body and date. Only ranked measures are preselected
 * (domain/decision-scope.ts); unscored ones sit apart, collapsed, and change only when someone includes
 * one and picks its class and horizon. Before anything is applied, a summary shows old → new.
 */
export function DecisionForm({ round, onSaved }: { round: ScoringRoundDetail; onSaved: (r: ScoringRoundDetail) => void }) {
  const t = useT(messages);
  const qc = useQueryClient();
  const results = round.results ?? [];
  const [draft, setDraft] = useState<DraftItem[]>(() => initialDraft(round.measures, results));
  const [body, setBody] = useState('');
  const [date, setDate] = useState(() => new Date().toISOString().slice(0, 10));
  const [note, setNote] = useState('');
  const [topN, setTopN] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [unrankedOpen, setUnrankedOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState<string | null>(null);

  // a measure added to the round after the form opened starts as the rule says, like the others
  const byId = new Map(draft.map((d) => [d.measureId, d]));
  const items = round.measures.map((m) => byId.get(m.id) ?? initialDraft([m], results)[0]);
  const res = new Map(results.map((r) => [r.measureId, r]));
  const rows: DecisionRow[] = round.measures.map((m, i) => ({ m, res: res.get(m.id), item: items[i] }));
  const ranked = rows.filter((r) => r.item.ranked).sort((a, b) => a.res!.rank! - b.res!.rank!);
  const unranked = rows.filter((r) => !r.item.ranked);
  const nameOf = new Map(round.measures.map((m) => [m.id, `Nr. ${m.number} ${m.title}`]));
  const changes = decisionChanges(round.measures, items);

  const setItem = (id: string, patch: Partial<DraftItem>) => {
    setDraft(items.map((d) => (d.measureId === id ? { ...d, ...patch } : d)));
    setErrors(({ [id]: _gone, ...rest }) => rest);
  };

  function applyTop() {
    const n = Number(topN);
    if (!Number.isInteger(n) || n < 1) {
      setErrors((e) => ({ ...e, topN: t('errTopN') }));
      return;
    }
    const next = selectTop(items, results, n);
    setDraft(next);
    setErrors(({ topN: _gone, ...rest }) => rest);
    setStatus(t('topNDone', { n: next.filter((d) => d.include).length, rank: n }));
  }

  function check(e: FormEvent) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!body.trim()) errs.body = t('errBody');
    if (!date) errs.date = t('errDate');
    if (!items.some((d) => d.include)) errs.items = t('errItems');
    for (const id of incompleteItems(items)) errs[id] = t('errChoose', { measure: nameOf.get(id)! });
    setErrors(errs);
    const firstRow = incompleteItems(items)[0];
    if (firstRow && unranked.some((r) => r.m.id === firstRow)) setUnrankedOpen(true);
    if (Object.keys(errs).length) {
      const target = errs.body ? 'decision-body' : errs.date ? 'decision-date' : errs.items ? 'decision-table' : null;
      // after a re-render, so that a row in the just-opened unranked section can take the focus
      setTimeout(() => (target ? document.getElementById(target) : document.getElementById(`decision-row-${firstRow}-error`)?.closest('tr')?.querySelector('select'))?.focus());
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
      const version = new Map(round.measures.map((m) => [m.id, m.version]));
      const chosen = items.filter((d) => d.include).map((d) => ({ measureId: d.measureId, priority: d.priority!, horizon: d.horizon!, version: version.get(d.measureId)! }));
      const next = await api.post<ScoringRoundDetail>(`/priorities/rounds/${round.id}/decisions`, { body: body.trim(), decidedOn: date, note: note.trim(), items: chosen });
      onSaved(next);
      setDraft(initialDraft(next.measures, next.results ?? []));
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
        {ranked.length > 0 && (
          <div className="decision-top">
            <TextField id="decision-top-n" label={t('topN')} hint={t('topNHint')} type="number" min={1} inputMode="numeric" value={topN}
              error={errors.topN} onChange={(e) => setTopN(e.target.value)}
              onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); applyTop(); } }} />
            <button type="button" className="btn" onClick={applyTop}>{t('topNApply')}</button>
          </div>
        )}
        {errors.items && <p className="error" id="decision-table-error">{errors.items}</p>}
        <h3>{t('rankedTitle', { n: ranked.length })}</h3>
        <DecisionRows id="decision-table" caption={t('decisionCaption')} rows={ranked} ranked errors={errors} onChange={setItem} />
        {unranked.length > 0 && (
          <details className="decision-unranked" open={unrankedOpen} onToggle={(e) => setUnrankedOpen(e.currentTarget.open)}>
            <summary>{t('unrankedTitle', { n: unranked.length })}</summary>
            <p className="muted">{t('unrankedIntro')}</p>
            <DecisionRows id="decision-unranked" caption={t('unrankedCaption')} rows={unranked} ranked={false} errors={errors} onChange={setItem} />
          </details>
        )}
        <ErrorMessage error={error} />
        <StatusMessage message={status} />
        <button type="submit" className="btn primary" disabled={busy}>{busy ? t('saving') : t('recordDecision')}</button>
      </form>
      <ConfirmDialog open={confirming} title={t('decisionConfirmTitle')} confirmLabel={t('confirm')} cancelLabel={t('cancel')}
        onConfirm={submit} onCancel={() => setConfirming(false)}>
        {confirming && <DecisionSummary round={round} changes={changes} />}
      </ConfirmDialog>
    </section>
  );
}
