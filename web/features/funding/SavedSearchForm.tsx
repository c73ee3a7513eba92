import { useId, useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../components/ui';
import { useFormat, useT } from '../../i18n/i18n';
import { PRIORITY_LABELS, STATUS_LABELS } from '../../../domain/labels';
import type { SavedSearch, SavedSearchInput } from '../../../contract/funding';
import { CheckboxGroup } from '../measures/CheckboxGroup';
import { useConceptNames } from '../measures/useConcept';
import { ioMessages } from './ioMessages';
import { PROGRAMME_KIND_LABELS, PROGRAMME_KINDS, PROGRAMME_LEVEL_LABELS, PROGRAMME_LEVELS } from './labels';

export type SavedSearchValue = SavedSearchInput;

export const emptySearch = (): SavedSearchValue => ({
  name: '',
  measureFilter: { district: [], actionField: [], status: [], priority: [] },
  programmeFilter: { level: [], kind: [], topic: '' },
  notifyEmail: true,
});

export const fromSearch = (s: SavedSearch): SavedSearchValue => ({ name: s.name, measureFilter: s.measureFilter, programmeFilter: s.programmeFilter, notifyEmail: s.notifyEmail });

/** Create or edit a saved search: which measures, which programmes, e-mail on/off. */
export function SavedSearchForm({ initial, onSubmit, onCancel, error }: {
  initial: SavedSearchValue;
  onSubmit: (v: SavedSearchValue) => Promise<void>;
  onCancel?: () => void;
  error?: unknown;
}) {
  const t = useT(ioMessages);
  const fmt = useFormat();
  const id = useId();
  const { names } = useConceptNames();
  const [v, setV] = useState(initial);
  const [nameError, setNameError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const mf = (key: keyof SavedSearchValue['measureFilter']) => (next: string[]) => setV((x) => ({ ...x, measureFilter: { ...x.measureFilter, [key]: next } }));
  const pf = (key: 'level' | 'kind') => (next: string[]) => setV((x) => ({ ...x, programmeFilter: { ...x.programmeFilter, [key]: next } }));
  const options = (labels: Record<string, Record<'de' | 'en', string>>, keys: readonly string[]) => keys.map((k) => ({ id: k, label: fmt.label(labels, k) }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!v.name.trim()) {
      setNameError(t('requiredName'));
      document.getElementById(`${id}-name`)?.focus();
      return;
    }
    setNameError(undefined);
    setBusy(true);
    try {
      await onSubmit({ ...v, name: v.name.trim() });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="search-form" onSubmit={submit} noValidate>
      <ErrorMessage error={error} />
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('name')}</label>
        <input id={`${id}-name`} value={v.name} maxLength={200} required aria-invalid={nameError ? true : undefined}
          aria-describedby={nameError ? `${id}-name-error` : undefined} onChange={(e) => setV({ ...v, name: e.target.value })} />
        {nameError && <span className="error" id={`${id}-name-error`}>{nameError}</span>}
      </div>
      <fieldset>
        <legend>{t('measuresLegend')}</legend>
        <p className="hint muted">{t('measuresHint')}</p>
        <CheckboxGroup id={`${id}-district`} legend={t('districts')} options={names.districts} selected={v.measureFilter.district} onChange={mf('district')} emptyText="–" />
        <CheckboxGroup id={`${id}-field`} legend={t('actionFields')} options={names.actionFields} selected={v.measureFilter.actionField} onChange={mf('actionField')} emptyText="–" />
        <CheckboxGroup id={`${id}-status`} legend={t('status')} options={options(STATUS_LABELS, Object.keys(STATUS_LABELS))} selected={v.measureFilter.status} onChange={mf('status')} />
        <CheckboxGroup id={`${id}-priority`} legend={t('priority')} options={options(PRIORITY_LABELS, Object.keys(PRIORITY_LABELS))} selected={v.measureFilter.priority} onChange={mf('priority')} />
      </fieldset>
      <fieldset>
        <legend>{t('programmesLegend')}</legend>
        <p className="hint muted">{t('programmesHint')}</p>
        <CheckboxGroup id={`${id}-level`} legend={t('levels')} options={options(PROGRAMME_LEVEL_LABELS, PROGRAMME_LEVELS)} selected={v.programmeFilter.level} onChange={pf('level')} />
        <CheckboxGroup id={`${id}-kind`} legend={t('kinds')} options={options(PROGRAMME_KIND_LABELS, PROGRAMME_KINDS)} selected={v.programmeFilter.kind} onChange={pf('kind')} />
        <div className="field">
          <label htmlFor={`${id}-topic`}>{t('topic')}</label>
          <input id={`${id}-topic`} value={v.programmeFilter.topic} maxLength={80} aria-describedby={`${id}-topic-hint`}
            onChange={(e) => setV({ ...v, programmeFilter: { ...v.programmeFilter, topic: e.target.value } })} />
          <span className="hint" id={`${id}-topic-hint`}>{t('topicHint')}</span>
        </div>
      </fieldset>
      <div className="field checkbox">
        <label>
          <input type="checkbox" checked={v.notifyEmail} aria-describedby={`${id}-notify-hint`} onChange={(e) => setV({ ...v, notifyEmail: e.target.checked })} />
          {t('notifyEmail')}
        </label>
        <span className="hint" id={`${id}-notify-hint`}>{t('notifyHint')}</span>
      </div>
      <p className="actions">
        <button type="submit" className="btn primary" disabled={busy}>{busy ? t('saving') : t('save')}</button>
        {onCancel && <button type="button" className="btn" onClick={onCancel}>{t('cancel')}</button>}
      </p>
    </form>
  );
}
