import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../api/client';
import { ErrorMessage, PageHeader, Spinner } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import type { MeasureDetail } from '../../../contract/measures';
import { issuesToErrors, type FieldErrors } from '../../app/forms';
import { useCan } from '../../app/session';
import { usePageTitle } from '../../app/title';
import { emptyForm, RENAME, sameForm, toPayload, type MeasureFormState } from './formModel';
import { MeasureForm } from './MeasureForm';
import { measureMessages } from './messages';
import { useConceptNames } from './useConcept';
import { useUnsavedChanges } from './useUnsavedChanges';

export default function MeasureCreatePage() {
  const t = useT(measureMessages);
  usePageTitle(t('createTitle'));
  const can = useCan();
  const { names, isPending, error: conceptError } = useConceptNames();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const ownDept = can.role === 'department' ? can.departmentId : null;
  const [initial] = useState(() => emptyForm(ownDept));
  const [form, setForm] = useState<MeasureFormState>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const { dialog, allowLeave } = useUnsavedChanges(!sameForm(form, initial));

  async function save() {
    setError(null);
    const { payload, errors: local } = toPayload(form, { title: t('errTitle'), cost: t('errCost'), dates: t('errDates'), tooLong: t('errTooLong') });
    setErrors(local);
    setAttempt((a) => a + 1);
    if (Object.keys(local).length) return;
    setSaving(true);
    try {
      const created = await api.post<MeasureDetail>('/measures', payload);
      qc.setQueryData(['measure', created.id], created);
      qc.invalidateQueries({ queryKey: ['measures'] });
      qc.invalidateQueries({ queryKey: ['dashboard'] });
      allowLeave();
      navigate(`/measures/${created.id}`, { state: { flash: t('created') } });
    } catch (e) {
      if (e instanceof ApiError && e.status === 400) {
        setErrors(issuesToErrors(e.details, RENAME));
        setAttempt((a) => a + 1);
      } else setError(e);
    } finally {
      setSaving(false);
    }
  }

  if (!can.canCreateMeasure) {
    return (
      <>
        <PageHeader title={t('createTitle')} />
        <ErrorMessage error={t('forbiddenCreate')} />
      </>
    );
  }
  return (
    <>
      <PageHeader title={t('createTitle')} />
      <ErrorMessage error={conceptError} />
      <ErrorMessage error={error} />
      {isPending ? (
        <Spinner label={t('loadingMeasure')} />
      ) : (
        <MeasureForm value={form} onChange={setForm} names={names} errors={errors} focusKey={attempt}
          saving={saving} onSubmit={save} cancelTo="/measures" leadHint={ownDept ? t('hintLeadOwn') : undefined} />
      )}
      {dialog}
    </>
  );
}
