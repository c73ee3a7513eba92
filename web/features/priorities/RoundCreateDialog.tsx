import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../api/client';
import { ErrorMessage, FormDialog, Spinner } from '../../components/ui';
import { FieldError, TextField, describedBy } from '../../app/forms';
import { useFormat, useT } from '../../i18n/i18n';
import { STATUS_LABELS } from '../../../domain/labels';
import { MEASURE_STATUSES, type MeasurePage } from '../../../contract/measures';
import type { ScoringRoundDetail } from '../../../contract/priorities';
import { messages } from './messages';
import { ROUNDS_KEY, roundKey, useRoundOptions } from './queries';

/**
 * Creates a scoring round, or edits one (`round`): measures picked by filter ("select all shown") or one
 * by one, the raters, and optionally a closed dot vote with its weight.
 */
export function RoundCreateDialog({ onClose, round, dotRoundPreset }: { onClose: () => void; round?: ScoringRoundDetail; dotRoundPreset?: string }) {
  const t = useT(messages);
  const fmt = useFormat();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const options = useRoundOptions(true);
  const [name, setName] = useState(round?.name ?? '');
  const [q, setQ] = useState('');
  const [status, setStatus] = useState('');
  const [picked, setPicked] = useState<Map<string, string>>(() => new Map(round?.measures.map((m) => [m.id, m.title])));
  const [raters, setRaters] = useState<Set<string>>(() => new Set(round?.raters.map((r) => r.id)));
  const [dotRoundId, setDotRoundId] = useState(round?.dotRound?.id ?? '');
  const [dotWeight, setDotWeight] = useState(String(round?.dotRound ? round.dotWeight : 25));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const measures = useQuery({
    queryKey: ['measures', 'round-picker', q, status],
    queryFn: () => api.get<MeasurePage>('/measures', { q: q.trim() || undefined, status: status || undefined, pageSize: 200, sort: 'number' }),
    placeholderData: keepPreviousData,
  });
  const shown = measures.data?.items ?? [];
  // Offered after a dot vote: its ballot is what the people in the room chose, so its measures are picked
  // and its dots combined (once, when the options arrive); raters and the name stay the user's choice.
  const preset = useRef(dotRoundPreset);
  useEffect(() => {
    const ballot = preset.current && options.data?.dotRounds.find((d) => d.id === preset.current);
    if (!ballot) return;
    preset.current = undefined;
    setDotRoundId(ballot.id);
    setPicked(new Map(ballot.measureIds.map((id) => [id, ''])));
  }, [options.data]);
  const ballot = new Set((options.data?.dotRounds ?? []).find((d) => d.id === dotRoundId)?.measureIds ?? []);
  const offBallot = dotRoundId && options.data ? [...picked.keys()].filter((id) => !ballot.has(id)).length : 0;

  const toggleMeasure = (id: string, title: string) =>
    setPicked((m) => {
      const next = new Map(m);
      if (next.has(id)) next.delete(id);
      else next.set(id, title);
      return next;
    });
  const toggleRater = (id: string) =>
    setRaters((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!name.trim()) errs.name = t('errName');
    if (!picked.size) errs.measures = t('errMeasures');
    if (!raters.size) errs.raters = t('errRaters');
    setErrors(errs);
    if (Object.keys(errs).length) {
      document.getElementById(errs.name ? 'round-name' : errs.measures ? 'round-q' : 'round-raters')?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const body = {
        name: name.trim(), measureIds: [...picked.keys()], raterIds: [...raters],
        dotRoundId: dotRoundId || null, dotWeight: dotRoundId ? Number(dotWeight) || 0 : 0,
      };
      const r = round
        ? await api.patch<ScoringRoundDetail>(`/priorities/rounds/${round.id}`, { ...body, version: round.version })
        : await api.post<ScoringRoundDetail>('/priorities/rounds', body);
      qc.setQueryData(roundKey(r.id), r);
      void qc.invalidateQueries({ queryKey: ROUNDS_KEY });
      onClose();
      if (!round) navigate(`/priorities/rounds/${r.id}`);
    } catch (err) {
      setError(err instanceof ApiError ? err : new Error(String(err)));
      // someone else changed the round: load the current one (this dialog keeps the user's choices)
      if (round && err instanceof ApiError && err.status === 409) void qc.invalidateQueries({ queryKey: roundKey(round.id) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <FormDialog title={round ? t('editTitle') : t('createTitle')} onClose={onClose} wide>
      <form onSubmit={submit} noValidate>
        <TextField id="round-name" label={t('roundName')} hint={t('roundNameHint')} value={name} error={errors.name} onChange={(e) => setName(e.target.value)} />
        {round && <p className="muted">{t('editHint')}</p>}
        <fieldset>
          <legend>{t('pickMeasures')}</legend>
          <div className="round-filter">
            <div className="field grow">
              <label htmlFor="round-q">{t('filterText')}</label>
              <input id="round-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} aria-describedby={describedBy('round-q', undefined, errors.measures)} />
            </div>
            <div className="field">
              <label htmlFor="round-status">{t('filterStatus')}</label>
              <select id="round-status" value={status} onChange={(e) => setStatus(e.target.value)}>
                <option value="">{t('allStatuses')}</option>
                {MEASURE_STATUSES.map((s) => <option key={s} value={s}>{fmt.label(STATUS_LABELS, s)}</option>)}
              </select>
            </div>
          </div>
          <FieldError id="round-q" error={errors.measures} />
          <div className="actions">
            <button type="button" className="btn small" disabled={!shown.length}
              onClick={() => setPicked((m) => new Map([...m, ...shown.map((x) => [x.id, x.title] as [string, string])]))}>
              {t('selectShown', { n: shown.length })}
            </button>
            <button type="button" className="btn small" disabled={!picked.size} onClick={() => setPicked(new Map())}>{t('unselectAll')}</button>
            <span role="status" className="muted">{t('selectedN', { n: picked.size })}</span>
          </div>
          {measures.data && measures.data.total > shown.length && <p className="muted small">{t('moreMeasures', { shown: shown.length, total: measures.data.total })}</p>}
          {measures.isPending ? <Spinner label={t('loading')} /> : !shown.length ? <p className="muted">{t('noMeasures')}</p> : (
            <ul className="pick-list">
              {shown.map((m) => (
                <li key={m.id}>
                  <label>
                    <input type="checkbox" checked={picked.has(m.id)} onChange={() => toggleMeasure(m.id, m.title)} />
                    <span>Nr. {m.number} {m.title}</span>
                  </label>
                </li>
              ))}
            </ul>
          )}
        </fieldset>
        <fieldset id="round-raters" tabIndex={-1} aria-describedby={describedBy('round-raters', t('pickRatersHint'), errors.raters)}>
          <legend>{t('pickRaters')}</legend>
          <p className="hint muted" id="round-raters-hint">{t('pickRatersHint')}</p>
          <FieldError id="round-raters" error={errors.raters} />
          {options.isPending ? <Spinner label={t('loading')} /> : (
            <ul className="pick-list">
              {(options.data?.raters ?? []).map((u) => (
                <li key={u.id}>
                  <label>
                    <input type="checkbox" checked={raters.has(u.id)} onChange={() => toggleRater(u.id)} />
                    <span>{u.name}{u.departmentName ? ` (${u.departmentName})` : ''}</span>
                  </label>
                </li>
              ))}
            </ul>
          )}
        </fieldset>
        <div className="round-filter">
          <div className="field grow">
            <label htmlFor="round-dots">{t('dotRound')}</label>
            <select id="round-dots" value={dotRoundId} onChange={(e) => setDotRoundId(e.target.value)}>
              <option value="">{t('dotRoundNone')}</option>
              {(options.data?.dotRounds ?? []).map((d) => (
                <option key={d.id} value={d.id}>{t('dotRoundOption', { title: d.title, workshop: d.workshopTitle, dots: d.totalDots })}</option>
              ))}
            </select>
          </div>
          {dotRoundId && (
            <TextField id="round-dot-weight" label={t('dotWeight')} hint={t('dotWeightHint')} type="number" min={0} max={100} step={5}
              value={dotWeight} onChange={(e) => setDotWeight(e.target.value)} />
          )}
        </div>
        {offBallot > 0 && <p className="muted" role="status">{t('offBallotPicked', { n: offBallot, total: picked.size })}</p>}
        <ErrorMessage error={error ?? options.error} />
        <div className="actions" style={{ justifyContent: 'flex-end' }}>
          <button type="button" className="btn" onClick={onClose}>{t('cancel')}</button>
          <button type="submit" className="btn primary" disabled={busy}>{busy ? t('saving') : round ? t('save') : t('create')}</button>
        </div>
      </form>
    </FormDialog>
  );
}
