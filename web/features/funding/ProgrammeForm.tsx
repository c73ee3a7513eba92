import type { FormEvent, ReactNode } from 'react';
import { Link } from 'react-router';
import { useFormat, useT } from '../../i18n/i18n';
import { describedBy, ErrorSummary, FieldError, TextAreaField, TextField, type FieldErrors } from '../../app/forms';
import { CheckboxGroup } from '../measures/CheckboxGroup';
import { APPLICANT_LABELS, APPLICANTS, AREA_KIND_LABELS, AREA_KINDS, SETTLEMENT_LABELS, SETTLEMENT_TYPES, PROGRAMME_KIND_LABELS, PROGRAMME_KINDS, PROGRAMME_LEVEL_LABELS, PROGRAMME_LEVELS } from './labels';
import { messages, type FundingMessageKey } from './messages';
import { controlId, newWindow, type ProgrammeFormState } from './programmeForm';

const LABEL_KEYS: Record<string, FundingMessageKey> = {
  name: 'f_name', provider: 'f_provider', level: 'f_level', kind: 'f_kind', rateText: 'f_rateText',
  ratePercent: 'f_ratePercentInput', rateWeakPercent: 'f_rateWeakPercentInput', minAmount: 'f_minAmountInput',
  maxAmount: 'f_maxAmountInput', typicalMin: 'f_typicalMinInput', typicalMax: 'f_typicalMaxInput', applicants: 'f_applicants',
  areaKinds: 'f_areaKinds', settlementTypes: 'f_settlementTypes', topics: 'f_topics', windows: 'windows',
  requiredDocuments: 'f_requiredDocuments', description: 'f_description', sourceUrl: 'f_sourceUrl', lastChecked: 'f_lastChecked',
};

/** The admin form for one programme (create and edit); fully controlled by the page. */
export function ProgrammeForm({
  value,
  onChange,
  errors,
  focusKey,
  saving,
  isNew,
  cancelTo,
  onSubmit,
  top,
}: {
  value: ProgrammeFormState;
  onChange: (next: ProgrammeFormState) => void;
  errors: FieldErrors;
  focusKey: number;
  saving: boolean;
  isNew: boolean;
  cancelTo: string;
  onSubmit: () => void;
  top?: ReactNode;
}) {
  const t = useT(messages);
  const fmt = useFormat();
  const labels: Record<string, string> = Object.fromEntries(Object.entries(LABEL_KEYS).map(([f, k]) => [f, t(k)]));
  value.windows.forEach((_, i) => {
    labels[`windows.${i}.opensOn`] = `${t('windowN', { n: i + 1 })}: ${t('opensOn')}`;
    labels[`windows.${i}.closesOn`] = `${t('windowN', { n: i + 1 })}: ${t('closesOn')}`;
  });
  const set = <K extends keyof ProgrammeFormState>(k: K, v: ProgrammeFormState[K]) => onChange({ ...value, [k]: v });
  const text = (k: keyof ProgrammeFormState & string) => ({
    id: controlId(k),
    label: labels[k],
    error: errors[k],
    value: value[k] as string,
    onChange: (e: { target: { value: string } }) => set(k, e.target.value as never),
  });
  const select = (k: 'level' | 'kind', options: readonly string[], names: Record<string, Record<'de' | 'en', string>>) => (
    <div className="field">
      <label htmlFor={controlId(k)}>{labels[k]}</label>
      <select id={controlId(k)} value={value[k]} onChange={(e) => set(k, e.target.value as never)}>
        {options.map((o) => <option key={o} value={o}>{fmt.label(names, o)}</option>)}
      </select>
    </div>
  );
  const setWindow = (i: number, patch: Partial<ProgrammeFormState['windows'][number]>) =>
    set('windows', value.windows.map((w, j) => (j === i ? { ...w, ...patch } : w)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!saving) onSubmit();
  };

  return (
    <form onSubmit={submit} noValidate aria-busy={saving} className="programme-form">
      <ErrorSummary errors={errors} labels={labels} fieldId={controlId} focusKey={focusKey} />
      {top}
      <fieldset>
        <legend>{t('secBasics')}</legend>
        <TextField {...text('name')} label={`${labels.name} *`} required maxLength={300} autoComplete="off" />
        <TextField {...text('provider')} hint={t('hintProvider')} maxLength={300} />
        <div className="grid-2">
          {select('level', PROGRAMME_LEVELS, PROGRAMME_LEVEL_LABELS)}
          {select('kind', PROGRAMME_KINDS, PROGRAMME_KIND_LABELS)}
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('secRates')}</legend>
        <TextField {...text('rateText')} hint={t('hintRateText')} maxLength={500} />
        <div className="grid-2">
          <TextField {...text('ratePercent')} inputMode="decimal" hint={t('hintPercent')} />
          <TextField {...text('rateWeakPercent')} inputMode="decimal" hint={t('hintRateWeak')} />
          <TextField {...text('minAmount')} inputMode="decimal" hint={t('hintAmount')} />
          <TextField {...text('maxAmount')} inputMode="decimal" hint={t('hintAmount')} />
          <TextField {...text('typicalMin')} inputMode="decimal" hint={t('hintTypical')} />
          <TextField {...text('typicalMax')} inputMode="decimal" hint={t('hintTypical')} />
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('secConditions')}</legend>
        <CheckboxGroup id={controlId('applicants')} legend={labels.applicants} error={errors.applicants}
          options={APPLICANTS.map((a) => ({ id: a, label: fmt.label(APPLICANT_LABELS, a) }))}
          selected={value.applicants} onChange={(v) => set('applicants', v)} />
        <TextAreaField {...text('topics')} hint={t('hintTopics')} rows={3} />
        <div className="check-field">
          <input id={controlId('requiresDesignatedArea')} type="checkbox" checked={value.requiresDesignatedArea}
            onChange={(e) => set('requiresDesignatedArea', e.target.checked)} />
          <label htmlFor={controlId('requiresDesignatedArea')}>{t('f_requiresDesignatedArea')}</label>
        </div>
        <CheckboxGroup id={controlId('areaKinds')} legend={labels.areaKinds} error={errors.areaKinds} hint={t('hintAreaKinds')}
          options={AREA_KINDS.map((a) => ({ id: a, label: fmt.label(AREA_KIND_LABELS, a) }))}
          selected={value.areaKinds} onChange={(v) => set('areaKinds', v)} />
        <CheckboxGroup id={controlId('settlementTypes')} legend={labels.settlementTypes} error={errors.settlementTypes} hint={t('hintSettlementTypes')}
          options={SETTLEMENT_TYPES.map((a) => ({ id: a, label: fmt.label(SETTLEMENT_LABELS, a) }))}
          selected={value.settlementTypes} onChange={(v) => set('settlementTypes', v)} />
        <div className="check-field">
          <input id={controlId('climateRequirement')} type="checkbox" checked={value.climateRequirement}
            onChange={(e) => set('climateRequirement', e.target.checked)} />
          <label htmlFor={controlId('climateRequirement')}>{t('f_climateRequirement')}</label>
        </div>
      </fieldset>

      <fieldset id={controlId('windows')} tabIndex={-1} aria-describedby={describedBy(controlId('windows'), true, errors.windows)}>
        <legend>{t('windows')}</legend>
        <p className="hint muted" id={`${controlId('windows')}-hint`}>{t('hintWindows')}</p>
        <FieldError id={controlId('windows')} error={errors.windows} />
        {value.windows.map((w, i) => {
          const n = i + 1;
          const key = (f: string) => `windows.${i}.${f}`;
          return (
            <fieldset key={w.key} className="window-row">
              <legend>{t('windowN', { n })}</legend>
              <TextField id={controlId(key('opensOn'))} label={t('opensOn')} type="date" value={w.opensOn}
                error={errors[key('opensOn')]} onChange={(e) => setWindow(i, { opensOn: e.target.value })} />
              <TextField id={controlId(key('closesOn'))} label={t('closesOn')} type="date" value={w.closesOn} min={w.opensOn || undefined}
                error={errors[key('closesOn')]} onChange={(e) => setWindow(i, { closesOn: e.target.value })} />
              <TextField id={controlId(key('note'))} label={t('windowNote')} value={w.note} maxLength={300}
                error={errors[key('note')]} onChange={(e) => setWindow(i, { note: e.target.value })} />
              <button type="button" className="btn small danger" onClick={() => set('windows', value.windows.filter((_, j) => j !== i))}>
                {t('removeWindow', { n })}
              </button>
            </fieldset>
          );
        })}
        <button type="button" className="btn small" onClick={() => set('windows', [...value.windows, newWindow()])}>
          {t('addWindow')}
        </button>
      </fieldset>

      <fieldset>
        <legend>{t('secTexts')}</legend>
        <TextAreaField {...text('requiredDocuments')} hint={t('hintDocuments')} rows={5} maxLength={5000} />
        <TextAreaField {...text('description')} rows={5} maxLength={5000} />
        <div className="grid-2">
          <TextField {...text('sourceUrl')} type="url" hint={t('hintUrl')} maxLength={500} autoComplete="off" />
          <TextField {...text('lastChecked')} type="date" />
        </div>
      </fieldset>

      <div className="actions form-actions">
        <button type="submit" className="btn primary" disabled={saving}>
          {saving ? t('saving') : isNew ? t('create') : t('save')}
        </button>
        <Link className="btn" to={cancelTo}>{t('cancel')}</Link>
      </div>
    </form>
  );
}
