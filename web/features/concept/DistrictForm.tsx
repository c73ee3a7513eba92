import { useId, useMemo, useState, type ChangeEvent, type FormEvent } from 'react';
import { useFormat, useT } from '../../i18n/i18n';
import { messages } from './messages';
import { FormButtons, TextInput, focusFirstField, type FormProps } from './formParts';
import { checkBoundary } from './geo';
import { GeoPreview } from './GeoPreview';
import { fundingConceptMessages } from '../funding/conceptMessages';
import { AREA_KIND_LABELS, AREA_KINDS } from '../funding/labels';
import { CheckboxGroup } from '../measures/CheckboxGroup';

/**
 * District: name, description, the designated funding areas it lies in (one checkbox per kind: areas are
 * designated for a programme) and an optional GeoJSON boundary (typed or loaded from a file) with a preview.
 */
type AreaKindValue = (typeof AREA_KINDS)[number];

export function DistrictForm({ item, busy, errors, onSubmit, onCancel }: FormProps<'districts'>) {
  const t = useT(messages);
  const tf = useT(fundingConceptMessages);
  const fmt = useFormat();
  const id = useId();
  const [name, setName] = useState(item?.name ?? '');
  const [description, setDescription] = useState(item?.description ?? '');
  const [designations, setDesignations] = useState<string[]>(item?.designations ?? []);
  const [boundary, setBoundary] = useState(item?.boundary ? JSON.stringify(item.boundary, null, 2) : '');
  const [fileError, setFileError] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const [touched, setTouched] = useState(false);

  const check = useMemo(() => checkBoundary(boundary), [boundary]);
  const boundaryError = !check.ok
    ? check.error === 'jsonInvalid'
      ? t('jsonInvalid', { msg: check.detail ?? '' })
      : t(check.error)
    : errors.boundary;
  const showBoundaryError = (touched || !!errors.boundary) && boundaryError;

  const loadFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    setFileError(null);
    if (!file) return;
    try {
      setBoundary(await file.text());
      setTouched(true);
    } catch {
      setFileError(t('fileUnreadable'));
    }
  };

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setTouched(true);
    if (!name.trim()) {
      focusFirstField(e);
      return setMissing(true);
    }
    if (!check.ok) {
      document.getElementById(`${id}-boundary`)?.focus();
      return;
    }
    onSubmit({ name: name.trim(), description: description.trim(), boundary: check.value, designations: designations as AreaKindValue[] });
  };

  const describedBy = [`${id}-boundary-hint`, showBoundaryError ? `${id}-boundary-error` : ''].filter(Boolean).join(' ');

  return (
    <form onSubmit={submit} noValidate>
      <TextInput label={t('name')} value={name} onChange={setName} required maxLength={200} error={missing && !name.trim() ? t('required') : errors.name} />
      <TextInput label={t('description')} value={description} onChange={setDescription} multiline maxLength={5000} error={errors.description} />
      <CheckboxGroup id={`${id}-designations`} legend={tf('designations')} hint={tf('designationsHint')} error={errors.designations}
        options={AREA_KINDS.map((k) => ({ id: k, label: fmt.label(AREA_KIND_LABELS, k) }))}
        selected={designations} onChange={setDesignations} columns={1} />
      <div className="field">
        <label htmlFor={`${id}-boundary`}>{t('boundary')}</label>
        <textarea
          id={`${id}-boundary`}
          className="code"
          value={boundary}
          spellCheck={false}
          onChange={(e) => setBoundary(e.target.value)}
          onBlur={() => setTouched(true)}
          aria-invalid={showBoundaryError ? true : undefined}
          aria-describedby={describedBy}
        />
        <span className="hint" id={`${id}-boundary-hint`}>{t('boundaryHint')}</span>
        {showBoundaryError && (
          <span className="error" id={`${id}-boundary-error`}>{boundaryError}</span>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-file`}>{t('boundaryFile')}</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".geojson,.json,application/geo+json,application/json"
          onChange={loadFile}
          aria-describedby={`${id}-file-hint${fileError ? ` ${id}-file-error` : ''}`}
        />
        <span className="hint" id={`${id}-file-hint`}>{t('boundaryFileHint')}</span>
        {fileError && <span className="error" id={`${id}-file-error`}>{fileError}</span>}
      </div>
      {check.ok && check.polygons.length > 0 && (
        <div className="actions" style={{ alignItems: 'flex-end' }}>
          <div>
            <span className="label" style={{ fontWeight: 600 }}>{t('preview')}</span>
            <GeoPreview polygons={check.polygons} name={name.trim() || undefined} />
          </div>
          <button type="button" className="btn small" onClick={() => { setBoundary(''); setTouched(false); }}>
            {t('boundaryClear')}
          </button>
        </div>
      )}
      <FormButtons busy={busy} isNew={!item} onCancel={onCancel} />
    </form>
  );
}
