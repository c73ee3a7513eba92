import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../api/client';
import { Alert, ErrorMessage, PageHeader, Spinner } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import type { FieldErrors } from '../../app/forms';
import { useCan } from '../../app/session';
import { usePageTitle } from '../../app/title';
import NotFoundPage from '../../app/NotFoundPage';
import type { FundingProgramme } from '../../../contract/funding';
import { useUnsavedChanges } from '../measures/useUnsavedChanges';
import { messages } from './messages';
import { fromForm, serverErrors, toForm, type ProgrammeFormState } from './programmeForm';
import { ProgrammeForm } from './ProgrammeForm';
import { useInvalidateFunding, useProgramme } from './queries';
import './funding.css';

/** /funding/programmes/new and /funding/programmes/:id/edit (admins). */
export default function ProgrammeEditPage() {
  const { id = '' } = useParams();
  const t = useT(messages);
  const can = useCan();
  const q = useProgramme(id);
  const isNew = !id;
  usePageTitle(isNew ? t('newProgramme') : t('editTitle', { name: q.data?.name ?? '' }));

  if (!can.isAdmin) {
    return (
      <>
        <PageHeader title={isNew ? t('newProgramme') : t('editProgramme')} />
        <Alert kind="info">{t('adminsOnly')}</Alert>
        <Link to="/funding/programmes">{t('backToProgrammes')}</Link>
      </>
    );
  }
  if (!isNew) {
    if (q.error instanceof ApiError && q.error.status === 404) return <NotFoundPage />;
    if (q.error) return <ErrorMessage error={q.error} />;
    if (!q.data) return <Spinner label={t('loadingProgramme')} />;
  }
  return <Editor key={q.data?.id ?? 'new'} programme={isNew ? null : (q.data ?? null)} />;
}

function Editor({ programme }: { programme: FundingProgramme | null }) {
  const t = useT(messages);
  const navigate = useNavigate();
  const qc = useQueryClient();
  const invalidate = useInvalidateFunding();
  const [base, setBase] = useState(programme);
  const [value, setValue] = useState<ProgrammeFormState>(() => toForm(programme));
  const [initial, setInitial] = useState(() => JSON.stringify(toForm(programme), (k, v) => (k === 'key' ? undefined : v)));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [focusKey, setFocusKey] = useState(0);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<FundingProgramme | null>(null);
  const dirty = JSON.stringify(value, (k, v) => (k === 'key' ? undefined : v)) !== initial;
  const { dialog, allowLeave } = useUnsavedChanges(dirty && !saving);

  const fail = (next: FieldErrors) => {
    setErrors(next);
    setFocusKey((k) => k + 1);
  };

  async function submit(version = base?.version) {
    setError(null);
    const { body, errors: local } = fromForm(value);
    if (!body) return fail(Object.fromEntries(Object.entries(local).map(([f, key]) => [f, t(key)])));
    setErrors({});
    setSaving(true);
    try {
      const saved = base
        ? await api.patch<FundingProgramme>(`/funding-programmes/${base.id}`, { ...body, version })
        : await api.post<FundingProgramme>('/funding-programmes', body);
      qc.setQueryData(['funding-programme', saved.id], saved);
      invalidate();
      allowLeave();
      navigate(`/funding/programmes/${saved.id}`, { state: { flash: t('savedProgramme', { name: saved.name }) } });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'validation_failed') fail(serverErrors(e.details));
      else if (e instanceof ApiError && e.code === 'conflict') fail({ name: e.message });
      else if (e instanceof ApiError && e.code === 'version_conflict') {
        setConflict((e.details as { current?: FundingProgramme } | undefined)?.current ?? null);
      } else setError(e);
    } finally {
      setSaving(false);
    }
  }

  const reload = () => {
    if (!conflict) return;
    setBase(conflict);
    setValue(toForm(conflict));
    setInitial(JSON.stringify(toForm(conflict), (k, v) => (k === 'key' ? undefined : v)));
    setConflict(null);
  };
  const overwrite = () => {
    if (!conflict) return;
    setBase(conflict);
    setConflict(null);
    void submit(conflict.version);
  };

  const conflictPanel = conflict && (
    <div className="alert warn" role="alert">
      <p className="first"><strong>{t('programmeConflict')}</strong></p>
      <div className="actions">
        <button type="button" className="btn" onClick={reload}>{t('conflictReload')}</button>
        <button type="button" className="btn primary" onClick={overwrite}>{t('conflictOverwrite')}</button>
      </div>
    </div>
  );

  return (
    <>
      <p className="back-link"><Link to={base ? `/funding/programmes/${base.id}` : '/funding/programmes'}>{base ? t('backToProgramme') : t('backToProgrammes')}</Link></p>
      <PageHeader title={base ? t('editTitle', { name: base.name }) : t('newProgramme')} />
      <ErrorMessage error={error} />
      <ProgrammeForm
        value={value}
        onChange={setValue}
        errors={errors}
        focusKey={focusKey}
        saving={saving}
        isNew={!base}
        cancelTo={base ? `/funding/programmes/${base.id}` : '/funding/programmes'}
        onSubmit={() => void submit()}
        top={conflictPanel}
      />
      {dialog}
    </>
  );
}
