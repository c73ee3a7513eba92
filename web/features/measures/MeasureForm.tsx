import type { FormEvent, ReactNode } from 'react';
import { Link } from 'react-router';
import { Spinner } from '../../components/ui';
import { useFormat, useT } from '../../i18n/i18n';
import { HORIZONS, MEASURE_STATUSES } from '../../../contract/measures';
import { HORIZON_LABELS, STATUS_LABELS } from '../../../domain/labels';
import { statusPriorityProblem } from '../../../domain/measure-state';
import { describedBy, ErrorSummary, FieldError, TextAreaField, TextField, type FieldErrors } from '../../app/forms';
import { CheckboxGroup } from './CheckboxGroup';
import { controlId, type MeasureFormState } from './formModel';
import { measureMessages } from './messages';
import type { ConceptNames } from './useConcept';
import './measures.css';

/** Form field → label key (the error summary links each message to its control). */
export const FIELD_LABEL_KEYS = {
  title: 'f_title', status: 'f_status', origin: 'f_origin', tags: 'f_tags', need: 'f_need', goal: 'f_goal',
  description: 'f_description', districtIds: 'f_districtIds', leadDepartmentId: 'f_leadDepartmentId',
  partnerDepartmentIds: 'f_partnerDepartmentIds', externalActors: 'f_externalActors', targetGroups: 'f_targetGroups',
  cost: 'f_costCents', costCents: 'f_costCents', horizon: 'f_horizon', plannedStart: 'f_plannedStart', plannedEnd: 'f_plannedEnd',
  goalIds: 'f_goalIds', actionFieldIds: 'f_actionFieldIds', dimensionIds: 'f_dimensionIds',
} as const;

/**
 * The shared create/edit form. Fully controlled: the page owns the state, so nothing typed is lost
 * when a save fails or collides with someone else's change.
 */
export function MeasureForm({
  value,
  onChange,
  names,
  errors,
  focusKey,
  saving,
  onSubmit,
  cancelTo,
  leadHint,
  top,
  priority = null,
}: {
  value: MeasureFormState;
  onChange: (next: MeasureFormState) => void;
  names: ConceptNames;
  errors: FieldErrors;
  focusKey: number;
  saving: boolean;
  onSubmit: () => void;
  cancelTo: string;
  leadHint?: string;
  /** rendered between the error summary and the fields (e.g. the conflict panel) */
  top?: ReactNode;
  /** the measure's priority class (set only by decisions): statuses that contradict it are not offered */
  priority?: 'A' | 'B' | 'C' | null;
}) {
  const t = useT(measureMessages);
  const fmt = useFormat();
  const labels = Object.fromEntries(Object.entries(FIELD_LABEL_KEYS).map(([f, k]) => [f, t(k)]));
  const set = <K extends keyof MeasureFormState>(k: K, v: MeasureFormState[K]) => onChange({ ...value, [k]: v });
  const text = (k: keyof MeasureFormState) => ({
    id: controlId(k),
    label: labels[k],
    error: errors[k],
    value: value[k] as string,
    onChange: (e: { target: { value: string } }) => set(k, e.target.value as never),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!saving) onSubmit();
  };
  const partnerOptions = names.departments.filter((d) => d.id !== value.leadDepartmentId);

  return (
    <form onSubmit={submit} noValidate aria-busy={saving} className="measure-form">
      <ErrorSummary errors={errors} labels={labels} fieldId={controlId} focusKey={focusKey} />
      {top}
      <fieldset>
        <legend>{t('secBasics')}</legend>
        <TextField {...text('title')} required maxLength={300} />
        <div className="grid-2">
          <Select id={controlId('status')} label={labels.status} error={errors.status} value={value.status}
            onChange={(v) => set('status', v as MeasureFormState['status'])}
            hint={priority ? t('hintStatusClass', { priority }) : t('hintStatusNoClass')}
            options={MEASURE_STATUSES.map((s) => ({ id: s, label: fmt.label(STATUS_LABELS, s), disabled: s !== value.status && !!statusPriorityProblem(s, priority) }))} />
          <TextField {...text('origin')} hint={t('hintOrigin')} maxLength={500} />
        </div>
        <TextField {...text('tags')} hint={t('hintTags')} />
      </fieldset>

      <fieldset>
        <legend>{t('secContent')}</legend>
        <TextAreaField {...text('need')} rows={4} />
        <TextAreaField {...text('goal')} rows={4} />
        <TextAreaField {...text('description')} rows={6} />
      </fieldset>

      <fieldset>
        <legend>{t('secPlace')}</legend>
        <CheckboxGroup id={controlId('districtIds')} legend={labels.districtIds} options={names.districts}
          selected={value.districtIds} onChange={(v) => set('districtIds', v)} hint={t('hintDistricts')}
          error={errors.districtIds} emptyText={t('noOptions')} />
        <Select id={controlId('leadDepartmentId')} label={labels.leadDepartmentId} error={errors.leadDepartmentId}
          hint={leadHint} value={value.leadDepartmentId} emptyLabel={t('noneLead')} options={names.departments}
          onChange={(v) => onChange({ ...value, leadDepartmentId: v, partnerDepartmentIds: value.partnerDepartmentIds.filter((p) => p !== v) })} />
        <CheckboxGroup id={controlId('partnerDepartmentIds')} legend={labels.partnerDepartmentIds} options={partnerOptions}
          selected={value.partnerDepartmentIds} onChange={(v) => set('partnerDepartmentIds', v)}
          error={errors.partnerDepartmentIds} emptyText={t('noOptions')} />
        <div className="grid-2">
          <TextAreaField {...text('externalActors')} rows={3} />
          <TextAreaField {...text('targetGroups')} rows={3} />
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('secCost')}</legend>
        <div className="grid-2">
          <TextField {...text('cost')} hint={t('hintCost')} inputMode="decimal" autoComplete="off" />
          <Select id={controlId('horizon')} label={labels.horizon} error={errors.horizon} value={value.horizon}
            emptyLabel={t('none')} onChange={(v) => set('horizon', v)}
            options={HORIZONS.map((h) => ({ id: h, label: fmt.label(HORIZON_LABELS, h) }))} />
          <TextField {...text('plannedStart')} type="date" />
          <TextField {...text('plannedEnd')} type="date" min={value.plannedStart || undefined} />
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('secConcept')}</legend>
        <CheckboxGroup id={controlId('goalIds')} legend={labels.goalIds} options={names.goals} columns={1}
          selected={value.goalIds} onChange={(v) => set('goalIds', v)} error={errors.goalIds} emptyText={t('noOptions')} />
        <CheckboxGroup id={controlId('actionFieldIds')} legend={labels.actionFieldIds} options={names.actionFields}
          selected={value.actionFieldIds} onChange={(v) => set('actionFieldIds', v)} error={errors.actionFieldIds} emptyText={t('noOptions')} />
        <CheckboxGroup id={controlId('dimensionIds')} legend={labels.dimensionIds} options={names.dimensions}
          selected={value.dimensionIds} onChange={(v) => set('dimensionIds', v)} error={errors.dimensionIds} emptyText={t('noOptions')} />
      </fieldset>

      {errors._form && <p className="error" role="alert">{errors._form}</p>}
      <div className="actions form-actions">
        <button type="submit" className="btn primary" disabled={saving} aria-disabled={saving}>{t('save')}</button>
        <Link className="btn" to={cancelTo}>{t('cancel')}</Link>
        {saving && <Spinner label={t('saving')} />}
      </div>
    </form>
  );
}

function Select({
  id, label, value, onChange, options, error, hint, emptyLabel,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  options: { id: string; label: string; disabled?: boolean }[];
  error?: string;
  hint?: string;
  emptyLabel?: string;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && <span className="hint" id={`${id}-hint`}>{hint}</span>}
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)}>
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
        {options.map((o) => <option key={o.id} value={o.id} disabled={o.disabled}>{o.label}</option>)}
      </select>
      <FieldError id={id} error={error} />
    </div>
  );
}
