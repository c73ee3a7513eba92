import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../api/client';
import { ConfirmDialog, ErrorMessage } from '../../components/ui';
import { ErrorSummary, issuesToErrors, StatusMessage, type FieldErrors } from '../../app/forms';
import { useFormat, useT } from '../../i18n/i18n';
import type { Workshop } from '../../../contract/workshops';
import { useStoreWorkshop, wsKeys } from './api';
import { KIND_LABELS, WORKSHOP_STATUS_LABELS } from './labels';
import { wsMessages } from './messages';
import { useWorkshopDate } from './useWorkshopDate';
import type { TabProps } from './WorkshopPage';
import { checkWorkshop, fieldLabels, fromWorkshop, toBody, WorkshopFields, type WorkshopForm } from './WorkshopFields';

/** Details: read view, edit form (PATCH with version; a 409 offers reload or overwrite), delete. */
export function DetailsTab({ workshop: w, canFacilitate }: TabProps) {
  const t = useT(wsMessages);
  const fmt = useFormat();
  const date = useWorkshopDate();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const editButton = useRef<HTMLButtonElement>(null);

  async function remove() {
    setConfirmDelete(false);
    setError(null);
    try {
      await api.del(`/workshops/${w.id}`, { version: w.version });
      qc.removeQueries({ queryKey: wsKeys.one(w.id) });
      void qc.invalidateQueries({ queryKey: wsKeys.list, exact: true });
      navigate('/workshops', { state: { flash: t('deleted', { title: w.title }) } });
    } catch (e) {
      setError(e);
      if (e instanceof ApiError && e.status === 409) void qc.invalidateQueries({ queryKey: wsKeys.one(w.id) });
    }
  }

  if (editing) {
    return (
      <Editor
        workshop={w}
        onDone={(saved) => {
          setEditing(false);
          if (saved) setNotice(t('saved'));
          requestAnimationFrame(() => editButton.current?.focus());
        }}
      />
    );
  }
  const text = (v: string) => (v ? <span className="brief-text">{v}</span> : t('notSet'));
  return (
    <>
      <StatusMessage message={notice} />
      <ErrorMessage error={error} />
      <dl className="kv card">
        <dt>{t('kind')}</dt>
        <dd>{fmt.label(KIND_LABELS, w.kind)}</dd>
        <dt>{t('colDate')}</dt>
        <dd>{date(w)}</dd>
        <dt>{t('status')}</dt>
        <dd>{fmt.label(WORKSHOP_STATUS_LABELS, w.status)}</dd>
        <dt>{t('admission')}</dt>
        <dd>{w.admission === 'named' ? t('admissionNamed') : t('admissionOpen')}</dd>
        <dt>{t('place')}</dt>
        <dd>{text(w.place)}</dd>
        <dt>{t('onlineUrl')}</dt>
        <dd>{w.onlineUrl ? <a href={w.onlineUrl} target="_blank" rel="noreferrer">{w.onlineUrl}</a> : t('notSet')}</dd>
        <dt>{t('facilitators')}</dt>
        <dd>{text(w.facilitators)}</dd>
        <dt>{t('agenda')}</dt>
        <dd>{text(w.agenda)}</dd>
        <dt>{t('joinCode')}</dt>
        <dd className="ws-code-inline">{w.joinCode}</dd>
      </dl>
      {canFacilitate && (
        <div className="actions">
          <button ref={editButton} type="button" className="btn primary" onClick={() => { setNotice(''); setEditing(true); }}>{t('edit')}</button>
          <button type="button" className="btn danger" onClick={() => setConfirmDelete(true)}>{t('delete')}</button>
        </div>
      )}
      <ConfirmDialog open={confirmDelete} title={t('deleteTitle')} confirmLabel={t('delete')} cancelLabel={t('cancel')} danger
        onConfirm={remove} onCancel={() => setConfirmDelete(false)}>
        <p>{t('deleteText', { title: w.title })}</p>
      </ConfirmDialog>
    </>
  );
}

function Editor({ workshop, onDone }: { workshop: Workshop; onDone: (saved: boolean) => void }) {
  const t = useT(wsMessages);
  const store = useStoreWorkshop();
  // `base` is the stored workshop the edits started from; its version goes with the PATCH.
  const [base, setBase] = useState(workshop);
  const [form, setForm] = useState<WorkshopForm>(() => fromWorkshop(workshop));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<Workshop | null>(null);
  const conflictRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (conflict) conflictRef.current?.focus();
  }, [conflict]);

  async function save(version: number) {
    setError(null);
    const local = checkWorkshop(form, t);
    setErrors(local);
    setAttempt((a) => a + 1);
    if (Object.keys(local).length) return;
    // Only the fields the user changed, so an overwrite keeps other people's changes elsewhere.
    const before = toBody(fromWorkshop(base));
    const now = toBody(form);
    const changed = Object.fromEntries(Object.entries(now).filter(([k, v]) => before[k as keyof typeof before] !== v));
    if (Object.keys(changed).length === 0 && !conflict) return onDone(false);
    setSaving(true);
    try {
      const saved = await api.patch<Workshop>(`/workshops/${base.id}`, { ...changed, version });
      store(saved);
      onDone(true);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'version_conflict') {
        const current = (e.details as { current?: Workshop } | undefined)?.current;
        if (current) setConflict(current);
        else setError(e);
      } else if (e instanceof ApiError && e.status === 400) {
        setErrors(issuesToErrors(e.details));
        setAttempt((a) => a + 1);
      } else setError(e);
    } finally {
      setSaving(false);
    }
  }

  function reload() {
    if (!conflict) return;
    store(conflict);
    setBase(conflict);
    setForm(fromWorkshop(conflict));
    setConflict(null);
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save(base.version);
  };
  return (
    <form onSubmit={submit} noValidate className="ws-form card">
      {conflict && (
        <div className="alert warn" role="alert" tabIndex={-1} ref={conflictRef}>
          <h3 style={{ marginTop: 0 }}>{t('conflictTitle')}</h3>
          <p>{t('conflictText')}</p>
          <div className="actions">
            <button type="button" className="btn" onClick={reload} disabled={saving}>{t('conflictReload')}</button>
            <button type="button" className="btn primary" onClick={() => save(conflict.version)} disabled={saving}>{t('conflictOverwrite')}</button>
          </div>
        </div>
      )}
      <ErrorSummary errors={errors} labels={fieldLabels(t)} fieldId={(f) => `ws-edit-${f}`} focusKey={attempt} />
      <ErrorMessage error={error} />
      <WorkshopFields prefix="ws-edit" value={form} onChange={setForm} errors={errors} withStatus />
      <div className="actions">
        <button type="submit" className="btn primary" disabled={saving}>{saving ? t('saving') : t('save')}</button>
        <button type="button" className="btn" onClick={() => onDone(false)}>{t('cancel')}</button>
      </div>
    </form>
  );
}
