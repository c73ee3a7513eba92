import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api/client';
import { ErrorMessage } from '../../components/ui';
import { StatusMessage } from '../../app/forms';
import { useT } from '../../i18n/i18n';
import type { ScoringRoundDetail } from '../../../contract/priorities';
import { messages } from './messages';

type Cell = { value: string; comment: string };
type Draft = Record<string, Cell>;
const cell = (measureId: string, criterionId: string) => `${measureId}:${criterionId}`;

/** The rater's saved scores as the sheet's starting point and as the measure of what changed. */
const savedOf = (round: ScoringRoundDetail): Draft =>
  Object.fromEntries(round.myScores.map((s) => [cell(s.measureId, s.criterionId), { value: String(s.value), comment: s.comment }]));

/**
 * The rater's own sheet: one page, one form, one save. Every measure is a group, every criterion a
 * select whose options carry the written meaning of each score (the chosen meaning is repeated in
 * full below it, as a phone cuts a long option short). The save sends only what changed since the
 * last save in one request; the server writes it in one transaction under the round's lock and
 * refuses it with 409 once the round is closed, which the sheet says in words.
 */
export function RatingSheet({ round, onSaved, onReload }: { round: ScoringRoundDetail; onSaved: (r: ScoringRoundDetail) => void; onReload: () => void }) {
  const t = useT(messages);
  const saved = savedOf(round);
  const [draft, setDraft] = useState<Draft>(() => savedOf(round));
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const set = (key: string, patch: Partial<Cell>) => {
    setStatus(null);
    setDraft((d) => ({ ...d, [key]: { value: d[key]?.value ?? '', comment: d[key]?.comment ?? '', ...patch } }));
  };

  const changes = round.measures.flatMap((m) =>
    round.criteria.flatMap((c) => {
      const key = cell(m.id, c.id);
      const now = draft[key] ?? { value: '', comment: '' };
      const before = saved[key] ?? { value: '', comment: '' };
      if (now.value === before.value && (now.comment === before.comment || !now.value)) return [];
      return [{ measureId: m.id, criterionId: c.id, value: now.value ? Number(now.value) : null, comment: now.value ? now.comment : '' }];
    }),
  );

  // Unsaved scores are not lost by closing the tab unawares.
  const dirty = changes.length > 0;
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  async function save(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setStatus(null);
    if (!dirty) {
      setStatus(t('sheetNothing'));
      return;
    }
    setBusy(true);
    try {
      const next = await api.put<ScoringRoundDetail>(`/priorities/rounds/${round.id}/scores`, { scores: changes });
      onSaved(next);
      // take the server's form of what was sent (a trimmed comment); edits made meanwhile stay
      const fresh = savedOf(next);
      setDraft((d) => {
        const out = { ...d };
        for (const s of changes) {
          const k = cell(s.measureId, s.criterionId);
          if ((d[k]?.value ?? '') === (s.value == null ? '' : String(s.value)) && (d[k]?.comment ?? '') === s.comment) {
            if (fresh[k]) out[k] = fresh[k];
            else delete out[k];
          }
        }
        return out;
      });
      setStatus(t('sheetSaved', { n: changes.length }));
    } catch (err) {
      setError(err instanceof ApiError && err.status === 409 ? new Error(t('sheetClosed')) : err);
    } finally {
      setBusy(false);
    }
  }

  const conflict = error instanceof Error && error.message === t('sheetClosed');
  return (
    <section aria-labelledby="sheet-h">
      <h2 id="sheet-h">{t('sheetTitle')}</h2>
      <p className="muted">{t('sheetIntro')}</p>
      <form aria-labelledby="sheet-h" onSubmit={save} noValidate className="sheet-form">
        {round.measures.map((m) => {
          const done = round.criteria.filter((c) => draft[cell(m.id, c.id)]?.value).length;
          return (
            <fieldset key={m.id} className="card sheet-measure" aria-describedby={`sheet-${m.id}-done`}>
              <legend>Nr. {m.number} {m.title}</legend>
              <p className="muted small" id={`sheet-${m.id}-done`}>{t('measureDone', { done, total: round.criteria.length })}</p>
              <div className="sheet-grid">
                {round.criteria.map((c) => {
                  const key = cell(m.id, c.id);
                  const id = `score-${m.id}-${c.id}`;
                  const value = draft[key]?.value ?? '';
                  return (
                    <div key={c.id} className="sheet-cell">
                      <div className="field">
                        <label htmlFor={id}>{c.name} <span className="muted">({c.weight} %)</span></label>
                        {c.description && <span className="hint" id={`${id}-hint`}>{c.description}</span>}
                        <select id={id} value={value} aria-describedby={c.description ? `${id}-hint` : undefined} onChange={(e) => set(key, { value: e.target.value })}>
                          <option value="">{t('notScored')}</option>
                          {c.levels.map((l, i) => <option key={i} value={i + 1}>{i + 1} – {l}</option>)}
                        </select>
                        {value && <span className="level-meaning" aria-hidden="true">{value} – {c.levels[Number(value) - 1]}</span>}
                      </div>
                      {value && (
                        <div className="field">
                          <label htmlFor={`${id}-comment`} className="small">{t('comment')}</label>
                          <input id={`${id}-comment`} value={draft[key]?.comment ?? ''} maxLength={2000} onChange={(e) => set(key, { comment: e.target.value })} />
                        </div>
                      )}
                    </div>
                  );
                })}
              </div>
            </fieldset>
          );
        })}
        <div className="sheet-footer card">
          <p className={dirty ? 'sheet-dirty' : 'muted'}>{dirty ? t('sheetUnsaved', { n: changes.length }) : t('sheetAllSaved')}</p>
          <button type="submit" className="btn primary" disabled={busy}>{busy ? t('saving') : t('sheetSave')}</button>
          {conflict && <button type="button" className="btn" onClick={onReload}>{t('sheetReload')}</button>}
          <ErrorMessage error={error} />
          <StatusMessage message={status} />
        </div>
      </form>
    </section>
  );
}
