import { useState } from 'react';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ui';
import { StatusMessage } from '../../app/forms';
import { useT } from '../../i18n/i18n';
import type { ScoringRoundDetail } from '../../../contract/priorities';
import { messages } from './messages';

type Draft = Record<string, { value: string; comment: string }>;
const cell = (measureId: string, criterionId: string) => `${measureId}:${criterionId}`;

/**
 * The rater's own sheet: one card per measure, one select per criterion whose options carry the
 * written meaning of each score (readable on a phone, usable with the keyboard), saved per measure.
 */
export function RatingSheet({ round, onSaved }: { round: ScoringRoundDetail; onSaved: (r: ScoringRoundDetail) => void }) {
  const t = useT(messages);
  const initial = (): Draft =>
    Object.fromEntries(round.myScores.map((s) => [cell(s.measureId, s.criterionId), { value: String(s.value), comment: s.comment }]));
  const [draft, setDraft] = useState<Draft>(initial);
  const [busy, setBusy] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<{ measureId: string; error: unknown } | null>(null);

  const set = (key: string, patch: Partial<Draft[string]>) =>
    setDraft((d) => ({ ...d, [key]: { value: d[key]?.value ?? '', comment: d[key]?.comment ?? '', ...patch } }));

  async function save(measureId: string, title: string) {
    setBusy(measureId);
    setError(null);
    setStatus(null);
    try {
      const scores = round.criteria.map((c) => {
        const d = draft[cell(measureId, c.id)];
        return { measureId, criterionId: c.id, value: d?.value ? Number(d.value) : null, comment: d?.comment ?? '' };
      });
      onSaved(await api.put<ScoringRoundDetail>(`/priorities/rounds/${round.id}/scores`, { scores }));
      setStatus(t('savedMeasure', { title }));
    } catch (err) {
      setError({ measureId, error: err });
    } finally {
      setBusy(null);
    }
  }

  return (
    <section aria-labelledby="sheet-h">
      <h2 id="sheet-h">{t('sheetTitle')}</h2>
      <p className="muted">{t('sheetIntro')}</p>
      <StatusMessage message={status} />
      {round.measures.map((m) => {
        const done = round.criteria.filter((c) => draft[cell(m.id, c.id)]?.value).length;
        const title = `Nr. ${m.number} ${m.title}`;
        return (
          <form key={m.id} className="card sheet-measure" aria-labelledby={`sheet-${m.id}`}
            onSubmit={(e) => { e.preventDefault(); void save(m.id, m.title); }}>
            <h3 id={`sheet-${m.id}`}>{title}</h3>
            <p className="muted small">{t('measureDone', { done, total: round.criteria.length })}</p>
            <div className="sheet-grid">
              {round.criteria.map((c) => {
                const key = cell(m.id, c.id);
                const id = `score-${m.id}-${c.id}`;
                return (
                  <div key={c.id} className="sheet-cell">
                    <div className="field">
                      <label htmlFor={id}>{c.name} <span className="muted">({c.weight} %)</span></label>
                      {c.description && <span className="hint" id={`${id}-hint`}>{c.description}</span>}
                      <select id={id} value={draft[key]?.value ?? ''} aria-describedby={c.description ? `${id}-hint` : undefined}
                        onChange={(e) => set(key, { value: e.target.value })}>
                        <option value="">{t('notScored')}</option>
                        {c.levels.map((l, i) => <option key={i} value={i + 1}>{i + 1} – {l}</option>)}
                      </select>
                    </div>
                    <div className="field">
                      <label htmlFor={`${id}-comment`} className="small">{t('comment')}</label>
                      <input id={`${id}-comment`} value={draft[key]?.comment ?? ''} maxLength={2000} onChange={(e) => set(key, { comment: e.target.value })} />
                    </div>
                  </div>
                );
              })}
            </div>
            {error?.measureId === m.id && <ErrorMessage error={error.error} />}
            <button type="submit" className="btn primary" disabled={busy === m.id} aria-label={t('saveMeasure', { title: m.title })}>
              {busy === m.id ? t('saving') : t('save')}
            </button>
          </form>
        );
      })}
    </section>
  );
}
