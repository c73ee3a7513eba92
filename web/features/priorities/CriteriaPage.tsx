import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../api/client';
import { Alert, ErrorMessage, PageHeader, ScrollTable, Spinner } from '../../components/ui';
import { StatusMessage, TextAreaField, TextField } from '../../app/forms';
import { useT } from '../../i18n/i18n';
import { useCan } from '../../app/session';
import { usePageTitle } from '../../app/title';
import type { CriteriaSet, Criterion } from '../../../contract/priorities';
import { messages } from './messages';
import { CRITERIA_KEY, useCriteria } from './queries';
import './priorities.css';

type Draft = Omit<Criterion, 'id' | 'weight'> & { id?: string; key: string; weight: string };

/** Rows for browsers without `field-sizing: content` (CSS): about 24 characters a line, at least 2. */
const linesFor = (text: string) => Math.max(2, Math.ceil(text.length / 24) + 1);

const toDraft = (set: CriteriaSet): Draft[] => set.criteria.map((c) => ({ ...c, key: c.id, weight: String(c.weight) }));
let seq = 0;

/** /priorities/criteria: the criteria set (weights summing to 100, meanings of 1–5, chart axis). */
export default function CriteriaPage() {
  const t = useT(messages);
  usePageTitle(t('criteriaTitle'));
  const can = useCan();
  const qc = useQueryClient();
  const criteria = useCriteria();
  const [draft, setDraft] = useState<Draft[] | null>(null);
  const [version, setVersion] = useState(0);
  const [saving, setSaving] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (criteria.data && (draft == null || criteria.data.version !== version)) {
      setDraft(toDraft(criteria.data));
      setVersion(criteria.data.version);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [criteria.data]);

  const sum = (draft ?? []).reduce((a, c) => a + (Number(c.weight) || 0), 0);
  const update = (key: string, patch: Partial<Draft>) => setDraft((d) => d!.map((c) => (c.key === key ? { ...c, ...patch } : c)));

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!draft) return;
    setSaving(true);
    setError(null);
    setStatus(null);
    try {
      const body = { version, criteria: draft.map(({ key: _k, ...c }) => ({ ...c, weight: Number(c.weight) || 0 })) };
      const saved = await api.put<CriteriaSet>('/priorities/criteria', body);
      qc.setQueryData(CRITERIA_KEY, saved);
      setDraft(toDraft(saved));
      setVersion(saved.version);
      setStatus(t('saved'));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'version_conflict') {
        const current = (err.details as { current: CriteriaSet }).current;
        qc.setQueryData(CRITERIA_KEY, current);
        setDraft(toDraft(current));
        setVersion(current.version);
        setError(new Error(t('conflict')));
      } else setError(err);
    } finally {
      setSaving(false);
    }
  }

  return (
    <>
      <PageHeader title={t('criteriaTitle')} actions={<Link className="btn" to="/priorities">{t('back')}</Link>}>
        <p className="muted intro">{t('criteriaIntro')}</p>
      </PageHeader>
      <ErrorMessage error={criteria.error} />
      {criteria.isPending || !draft ? (
        !criteria.error && <Spinner label={t('loading')} />
      ) : !can.canEditConcept ? (
        <>
          <Alert kind="info">{t('readOnly')}</Alert>
          <ScrollTable label={t('criteriaTitle')}>
            <table className="data stack-table">
              <caption className="visually-hidden">{t('criteriaTitle')}</caption>
              <thead>
                <tr><th scope="col">{t('name')}</th><th scope="col" className="num">{t('colWeight')}</th><th scope="col">{t('colAxis')}</th><th scope="col">{t('colLevels')}</th></tr>
              </thead>
              <tbody>
                {criteria.data!.criteria.map((c) => (
                  <tr key={c.id}>
                    <td data-label={t('name')}><strong>{c.name}</strong><div className="muted small">{c.description}</div></td>
                    <td data-label={t('colWeight')} className="num">{c.weight} %</td>
                    <td data-label={t('colAxis')}>{t(`axis_${c.axis}`)}</td>
                    <td data-label={t('colLevels')}><ol className="levels">{c.levels.map((l, i) => <li key={i}>{l}</li>)}</ol></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        </>
      ) : (
        <form onSubmit={save} noValidate className="criteria-form">
          {draft.map((c, i) => (
            <fieldset key={c.key} className="card criterion">
              <legend>{t('criterion', { n: i + 1 })}: {c.name || '…'}</legend>
              <div className="criterion-head">
                <TextField id={`crit-${c.key}-name`} label={t('name')} value={c.name} required onChange={(e) => update(c.key, { name: e.target.value })} />
                <TextField id={`crit-${c.key}-weight`} label={t('weight')} type="number" min={0} max={100} inputMode="numeric" value={c.weight}
                  onChange={(e) => update(c.key, { weight: e.target.value })} />
                <div className="field">
                  <label htmlFor={`crit-${c.key}-axis`}>{t('axis')}</label>
                  <select id={`crit-${c.key}-axis`} value={c.axis} onChange={(e) => update(c.key, { axis: e.target.value as Draft['axis'] })}>
                    <option value="impact">{t('axis_impact')}</option>
                    <option value="effort">{t('axis_effort')}</option>
                  </select>
                </div>
              </div>
              <TextAreaField id={`crit-${c.key}-desc`} label={t('description')} rows={2} value={c.description} onChange={(e) => update(c.key, { description: e.target.value })} />
              <div className="levels-grid">
                {c.levels.map((l, n) => (
                  // a textarea that grows with its text: the meaning of a score is always read in full
                  <TextAreaField key={n} id={`crit-${c.key}-level-${n + 1}`} label={t('level', { n: n + 1 })} value={l} rows={linesFor(l)}
                    className="level-text" onChange={(e) => update(c.key, { levels: c.levels.map((x, j) => (j === n ? e.target.value : x)) })} />
                ))}
              </div>
              {draft.length > 1 && (
                <button type="button" className="btn small danger" onClick={() => setDraft((d) => d!.filter((x) => x.key !== c.key))}>
                  {t('removeCriterion', { name: c.name || String(i + 1) })}
                </button>
              )}
            </fieldset>
          ))}
          <div className="criteria-footer card">
            <p role="status" className={sum === 100 ? 'weight-ok' : 'weight-bad'}>
              {sum === 100 ? t('weightSum', { sum }) : t('weightSumBad', { sum })}
            </p>
            <div className="actions">
              <button type="button" className="btn" onClick={() => setDraft((d) => [...d!, { key: `new-${++seq}`, name: '', description: '', weight: '0', axis: 'impact', levels: ['', '', '', '', ''] }])}>
                {t('addCriterion')}
              </button>
              <button type="submit" className="btn primary" disabled={saving}>{saving ? t('saving') : t('save')}</button>
            </div>
            <ErrorMessage error={error} />
            <StatusMessage message={status} />
          </div>
        </form>
      )}
    </>
  );
}
