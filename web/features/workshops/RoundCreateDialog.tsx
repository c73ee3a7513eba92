import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../api/client';
import { ErrorMessage, FormDialog } from '../../components/ui';
import { ErrorSummary, issuesToErrors, TextAreaField, TextField, type FieldErrors } from '../../app/forms';
import { useLocale, useT } from '../../i18n/i18n';
import type { Round } from '../../../contract/workshops';
import { MAX_ROUND_ITEMS, type VotingRules } from '../../../domain/voting';
import { CheckboxGroup } from '../measures/CheckboxGroup';
import { useConceptNames, type Option } from '../measures/useConcept';
import { wsKeys } from './api';
import { MeasurePicker } from './MeasurePicker';
import { roundMessages } from './roundMessages';
import { DEFAULT_RULES, rulesSentences } from './rules';

type Subject = Round['subject'];
const int = (s: string) => (/^\s*\d+\s*$/.test(s) ? Number(s) : NaN);

/** POST /workshops/:id/rounds: title, what is voted on, the rules — and the rules in plain words as they are set. */
export function RoundCreateDialog({ workshopId, onClose, onCreated }: { workshopId: string; onClose: () => void; onCreated: (r: Round) => void }) {
  const t = useT(roundMessages);
  const { locale } = useLocale();
  const qc = useQueryClient();
  const { names } = useConceptNames();
  const [title, setTitle] = useState('');
  const [subject, setSubject] = useState<Subject>('measures');
  const [options, setOptions] = useState('');
  // Nothing is preselected: a round holds exactly what the facilitator ticked (or took from a filtered list).
  const [measures, setMeasures] = useState<Option[]>([]);
  const [goalIds, setGoalIds] = useState<string[]>([]);
  const [dots, setDots] = useState('3');
  const [cumulation, setCumulation] = useState(false);
  const [maxPerItem, setMaxPerItem] = useState('2');
  const [anonymous, setAnonymous] = useState(true);
  const [visibility, setVisibility] = useState<VotingRules['resultsVisibility']>('live');
  const [timer, setTimer] = useState('');
  const [topN, setTopN] = useState('5');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const chosen = subject === 'measures' ? measures.map((m) => m.id) : subject === 'goals' ? goalIds : [];
  const optionLines = options.split('\n').map((l) => l.trim()).filter(Boolean);

  const nDots = int(dots);
  const dotsOk = nDots >= 1 && nDots <= 50;
  const nMax = cumulation ? int(maxPerItem) : 1;
  const maxOk = !cumulation || (nMax >= 1 && nMax <= (dotsOk ? nDots : 50));
  const nTimer = timer.trim() ? int(timer) : null;
  const timerOk = nTimer === null || (nTimer >= 1 && nTimer <= 120);
  const nTop = int(topN);
  const topOk = nTop >= 1 && nTop <= 100;
  const rules: VotingRules = {
    dotsPerParticipant: dotsOk ? nDots : DEFAULT_RULES.dotsPerParticipant,
    allowCumulation: cumulation,
    maxDotsPerItem: maxOk ? nMax : 1,
    anonymous,
    resultsVisibility: visibility,
    timerSeconds: timerOk && nTimer ? nTimer * 60 : null,
    topN: topOk ? nTop : DEFAULT_RULES.topN,
  };

  const labels = {
    title: t('roundTitle'), items: t('subject'), options: t('options'), dots: t('dots'), maxPerItem: t('maxPerItem'), timer: t('timer'), topN: t('topN'),
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const local: FieldErrors = {};
    if (!title.trim()) local.title = t('required');
    const itemKey = subject === 'options' ? 'options' : 'items';
    const n = subject === 'options' ? new Set(optionLines).size : chosen.length;
    if (n < 2) local[itemKey] = t('errNoItems');
    else if (n > MAX_ROUND_ITEMS) local[itemKey] = t('errTooMany', { max: MAX_ROUND_ITEMS });
    if (!dotsOk) local.dots = t('errDots');
    if (!maxOk) local.maxPerItem = t('errMax', { max: dotsOk ? nDots : 50 });
    if (!timerOk) local.timer = t('errTimer');
    if (!topOk) local.topN = t('errTopN');
    setErrors(local);
    setAttempt((a) => a + 1);
    if (Object.keys(local).length) return;
    setSaving(true);
    try {
      const body = {
        title: title.trim(),
        subject,
        rules,
        ...(subject === 'options' ? { options: optionLines } : { refIds: chosen }),
      };
      const r = await api.post<Round>(`/workshops/${workshopId}/rounds`, body);
      qc.setQueryData<Round[]>(wsKeys.rounds(workshopId), (list) => (list ? [...list, r] : list));
      void qc.invalidateQueries({ queryKey: wsKeys.rounds(workshopId) });
      onCreated(r);
    } catch (err) {
      if (err instanceof ApiError && err.status === 400) {
        setErrors(issuesToErrors(err.details, { rules: 'dots', refIds: subject === 'options' ? 'options' : 'items' }));
        setAttempt((a) => a + 1);
      } else setError(err);
    } finally {
      setSaving(false);
    }
  }

  const radio = <V extends string | boolean>(name: string, value: V, current: V, set: (v: V) => void, label: string) => (
    <label>
      <input type="radio" name={name} checked={value === current} onChange={() => set(value)} /> {label}
    </label>
  );
  return (
    <FormDialog title={t('newRound')} onClose={onClose} wide>
      <form onSubmit={submit} noValidate className="ws-form">
        <ErrorSummary errors={errors} labels={labels} fieldId={(f) => `round-${f}`} focusKey={attempt} />
        <ErrorMessage error={error} />
        <TextField id="round-title" label={t('roundTitle')} hint={t('roundTitleHint')} error={errors.title} value={title} maxLength={300}
          required onChange={(e) => setTitle(e.target.value)} />
        <fieldset className="checks-column">
          <legend>{t('subject')}</legend>
          {radio('round-subject', 'measures' as Subject, subject, setSubject, t('subjectMeasures'))}
          {radio('round-subject', 'goals' as Subject, subject, setSubject, t('subjectGoals'))}
          {radio('round-subject', 'options' as Subject, subject, setSubject, t('subjectOptions'))}
        </fieldset>
        {subject === 'options' ? (
          <TextAreaField id="round-options" label={t('options')} hint={t('optionsHint')} error={errors.options} value={options}
            onChange={(e) => setOptions(e.target.value)} rows={6} />
        ) : subject === 'measures' ? (
          <MeasurePicker workshopId={workshopId} selected={measures} onChange={setMeasures} error={errors.items} />
        ) : (
          <div className="ws-item-picker">
            <CheckboxGroup id="round-items" columns={1} legend={t('itemsGoals', { n: goalIds.length })}
              options={names.goals} selected={goalIds} error={errors.items} emptyText={t('noGoalsYet')} onChange={setGoalIds} />
            {names.goals.length > 1 && (
              <div className="actions">
                <button type="button" className="btn small" onClick={() => setGoalIds(names.goals.map((g) => g.id))}>{t('selectAll')}</button>
                <button type="button" className="btn small" onClick={() => setGoalIds([])}>{t('selectNone')}</button>
              </div>
            )}
          </div>
        )}
        <fieldset>
          <legend>{t('rules')}</legend>
          <div className="grid-2">
            <TextField id="round-dots" type="number" inputMode="numeric" min={1} max={50} label={t('dots')} error={errors.dots} value={dots}
              onChange={(e) => setDots(e.target.value)} />
            <TextField id="round-topN" type="number" inputMode="numeric" min={1} max={100} label={t('topN')} error={errors.topN} value={topN}
              onChange={(e) => setTopN(e.target.value)} />
          </div>
          <div className="check-field">
            <input id="round-cumulation" type="checkbox" checked={cumulation} onChange={(e) => setCumulation(e.target.checked)} />
            <label htmlFor="round-cumulation">{t('cumulation')}</label>
          </div>
          {cumulation && (
            <TextField id="round-maxPerItem" type="number" inputMode="numeric" min={1} max={dotsOk ? nDots : 50} label={t('maxPerItem')}
              error={errors.maxPerItem} value={maxPerItem} onChange={(e) => setMaxPerItem(e.target.value)} />
          )}
          <fieldset className="checks-column">
            <legend>{t('anonymity')}</legend>
            {radio('round-anon', true, anonymous, setAnonymous, t('anonymous'))}
            {radio('round-anon', false, anonymous, setAnonymous, t('named'))}
          </fieldset>
          <fieldset className="checks-column">
            <legend>{t('visibility')}</legend>
            {radio('round-vis', 'live' as VotingRules['resultsVisibility'], visibility, setVisibility, t('visLive'))}
            {radio('round-vis', 'after_close' as VotingRules['resultsVisibility'], visibility, setVisibility, t('visAfter'))}
          </fieldset>
          <TextField id="round-timer" type="number" inputMode="numeric" min={1} max={120} label={t('timer')} hint={t('timerHint')}
            error={errors.timer} value={timer} onChange={(e) => setTimer(e.target.value)} />
        </fieldset>
        <section className="alert info ws-rules-preview" aria-labelledby="round-preview">
          <h3 id="round-preview" style={{ marginTop: 0 }}>{t('preview')}</h3>
          <ul>{rulesSentences(rules, locale).map((s) => <li key={s}>{s}</li>)}</ul>
        </section>
        <div className="actions" style={{ justifyContent: 'flex-end' }}>
          <button type="button" className="btn" onClick={onClose}>{t('cancel')}</button>
          <button type="submit" className="btn primary" disabled={saving}>{saving ? t('creatingRound') : t('createRound')}</button>
        </div>
      </form>
    </FormDialog>
  );
}
