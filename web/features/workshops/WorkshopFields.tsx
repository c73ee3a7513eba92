import { TextAreaField, TextField, type FieldErrors } from '../../app/forms';
import { useFormat, useT } from '../../i18n/i18n';
import type { Workshop } from '../../../contract/workshops';
import { KIND_LABELS, KINDS, WORKSHOP_STATUS_LABELS, WORKSHOP_STATUSES } from './labels';
import { wsMessages, type WsT } from './messages';

export interface WorkshopForm {
  title: string;
  kind: Workshop['kind'];
  startsOn: string;
  endsOn: string;
  place: string;
  onlineUrl: string;
  facilitators: string;
  agenda: string;
  status: Workshop['status'];
  admission: Workshop['admission'];
}

export const EMPTY_WORKSHOP: WorkshopForm = {
  title: '', kind: 'strategy', startsOn: '', endsOn: '', place: '', onlineUrl: '', facilitators: '', agenda: '', status: 'planned', admission: 'open',
};

export const fromWorkshop = (w: Workshop): WorkshopForm => ({
  title: w.title, kind: w.kind, startsOn: w.startsOn ?? '', endsOn: w.endsOn ?? '', place: w.place, onlineUrl: w.onlineUrl,
  facilitators: w.facilitators, agenda: w.agenda, status: w.status, admission: w.admission,
});

/** The body fields as the API wants them (empty dates → null). */
export const toBody = (f: WorkshopForm) => ({
  title: f.title.trim(), kind: f.kind, startsOn: f.startsOn || null, endsOn: f.endsOn || null, place: f.place.trim(),
  onlineUrl: f.onlineUrl.trim(), facilitators: f.facilitators.trim(), agenda: f.agenda.trim(), status: f.status,
  admission: f.admission,
});

/** The same checks as the contract, with messages in the UI language. */
export function checkWorkshop(f: WorkshopForm, t: WsT): FieldErrors {
  const e: FieldErrors = {};
  if (!f.title.trim()) e.title = t('required');
  if (f.startsOn && f.endsOn && f.endsOn < f.startsOn) e.endsOn = t('errDates');
  if (f.onlineUrl.trim() && !/^https?:\/\/\S+\.\S+/.test(f.onlineUrl.trim())) e.onlineUrl = t('errUrl');
  return e;
}

export const fieldLabels = (t: WsT) => ({
  title: t('title'), kind: t('kind'), startsOn: t('startsOn'), endsOn: t('endsOn'), place: t('place'), onlineUrl: t('onlineUrl'),
  facilitators: t('facilitators'), agenda: t('agenda'), status: t('status'), admission: t('admission'),
});

/** Title, kind, dates, place, link, facilitators, agenda (and status when editing). */
export function WorkshopFields({
  prefix,
  value,
  onChange,
  errors,
  withStatus,
}: {
  prefix: string;
  value: WorkshopForm;
  onChange: (next: WorkshopForm) => void;
  errors: FieldErrors;
  withStatus?: boolean;
}) {
  const t = useT(wsMessages);
  const fmt = useFormat();
  const set = <K extends keyof WorkshopForm>(k: K, v: WorkshopForm[K]) => onChange({ ...value, [k]: v });
  return (
    <>
      <TextField id={`${prefix}-title`} label={t('title')} hint={t('titleHint')} error={errors.title} value={value.title}
        onChange={(e) => set('title', e.target.value)} required maxLength={300} autoComplete="off" />
      <div className="grid-2">
        <div className="field">
          <label htmlFor={`${prefix}-kind`}>{t('kind')}</label>
          <select id={`${prefix}-kind`} value={value.kind} onChange={(e) => set('kind', e.target.value as WorkshopForm['kind'])}>
            {KINDS.map((k) => <option key={k} value={k}>{fmt.label(KIND_LABELS, k)}</option>)}
          </select>
        </div>
        {withStatus && (
          <div className="field">
            <label htmlFor={`${prefix}-status`}>{t('status')}</label>
            <select id={`${prefix}-status`} value={value.status} onChange={(e) => set('status', e.target.value as WorkshopForm['status'])}>
              {WORKSHOP_STATUSES.map((s) => <option key={s} value={s}>{fmt.label(WORKSHOP_STATUS_LABELS, s)}</option>)}
            </select>
          </div>
        )}
      </div>
      <div className="grid-2 ws-dates">
        <TextField id={`${prefix}-startsOn`} type="date" label={t('startsOn')} hint={t('datesHint')} error={errors.startsOn}
          value={value.startsOn} onChange={(e) => set('startsOn', e.target.value)} />
        <TextField id={`${prefix}-endsOn`} type="date" label={t('endsOn')} error={errors.endsOn} value={value.endsOn}
          min={value.startsOn || undefined} onChange={(e) => set('endsOn', e.target.value)} />
      </div>
      <div className="grid-2">
        <TextField id={`${prefix}-place`} label={t('place')} error={errors.place} value={value.place} maxLength={300}
          onChange={(e) => set('place', e.target.value)} />
        <TextField id={`${prefix}-onlineUrl`} type="url" inputMode="url" label={t('onlineUrl')} hint={t('onlineUrlHint')}
          error={errors.onlineUrl} value={value.onlineUrl} maxLength={500} onChange={(e) => set('onlineUrl', e.target.value)} />
      </div>
      <TextField id={`${prefix}-facilitators`} label={t('facilitators')} hint={t('facilitatorsHint')} error={errors.facilitators}
        value={value.facilitators} maxLength={1000} onChange={(e) => set('facilitators', e.target.value)} />
      <TextAreaField id={`${prefix}-agenda`} label={t('agenda')} error={errors.agenda} value={value.agenda} maxLength={20000}
        onChange={(e) => set('agenda', e.target.value)} />
      <div className="field">
        <label htmlFor={`${prefix}-admission`}>{t('admission')}</label>
        <span className="hint" id={`${prefix}-admission-hint`}>{t('admissionHint')}</span>
        <select id={`${prefix}-admission`} value={value.admission} aria-describedby={`${prefix}-admission-hint${errors.admission ? ` ${prefix}-admission-error` : ''}`}
          aria-invalid={errors.admission ? true : undefined} onChange={(e) => set('admission', e.target.value as WorkshopForm['admission'])}>
          <option value="open">{t('admissionOpen')}</option>
          <option value="named">{t('admissionNamed')}</option>
        </select>
        {errors.admission && <span className="error" id={`${prefix}-admission-error`}>{errors.admission}</span>}
      </div>
    </>
  );
}
