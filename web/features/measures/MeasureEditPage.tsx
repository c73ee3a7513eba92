import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../api/client';
import { ErrorMessage, PageHeader, Spinner } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import type { AuditEntry, MeasureDetail } from '../../../contract/measures';
import { issuesToErrors, type FieldErrors } from '../../app/forms';
import { useCan } from '../../app/session';
import { usePageTitle } from '../../app/title';
import NotFoundPage from '../../app/NotFoundPage';
import { ConflictPanel } from './ConflictPanel';
import { diffFields, fromMeasure, RENAME, sameForm, toPayload, type MeasureFormState } from './formModel';
import { MeasureForm } from './MeasureForm';
import { measureMessages } from './messages';
import { useConceptNames } from './useConcept';
import { useUnsavedChanges } from './useUnsavedChanges';

export default function MeasureEditPage() {
  const { id = '' } = useParams();
  const t = useT(measureMessages);
  const q = useQuery({ queryKey: ['measure', id], queryFn: () => api.get<MeasureDetail>(`/measures/${id}`) });
  const { names, isPending, error: conceptError } = useConceptNames();
  usePageTitle(q.data ? t('editTitleOf', { title: q.data.title }) : t('editTitle'));

  if (q.error instanceof ApiError && q.error.status === 404) return <NotFoundPage />;
  if (q.error || conceptError) {
    return (
      <>
        <PageHeader title={t('editTitle')} />
        <ErrorMessage error={q.error || conceptError} />
      </>
    );
  }
  if (!q.data || isPending) return <Spinner label={t('loadingMeasure')} />;
  // key: a different measure gets a fresh editor
  return <Editor key={q.data.id} loaded={q.data} names={names} />;
}

function Editor({ loaded, names }: { loaded: MeasureDetail; names: ReturnType<typeof useConceptNames>['names'] }) {
  const t = useT(measureMessages);
  const can = useCan();
  const navigate = useNavigate();
  const qc = useQueryClient();
  // `base` is the stored record the user's edits are based on; its version goes with the PATCH.
  const [base, setBase] = useState(loaded);
  const [form, setForm] = useState<MeasureFormState>(() => fromMeasure(loaded));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<{ current: MeasureDetail; who: string | null } | null>(null);
  const dirty = !sameForm(form, fromMeasure(base)) || conflict != null;
  const { dialog, allowLeave } = useUnsavedChanges(dirty);
  const msgs = { title: t('errTitle'), cost: t('errCost'), dates: t('errDates'), tooLong: t('errTooLong') };

  // Keep the editor's data fresh in the cache for the detail page, without touching what the user typed.
  useEffect(() => {
    if (loaded.version > base.version && sameForm(form, fromMeasure(base))) {
      setBase(loaded);
      setForm(fromMeasure(loaded));
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loaded]);

  /**
   * Sends only the fields the user changed since loading `base`, so that a save after a conflict
   * ("overwrite") keeps the other person's changes to fields the user did not touch.
   */
  async function save(version: number) {
    setError(null);
    const { payload, errors: local } = toPayload(form, msgs);
    setErrors(local);
    setAttempt((a) => a + 1);
    if (Object.keys(local).length) return;
    const changed = diffFields(payload, base);
    if (changed.length === 0 && !conflict) {
      allowLeave();
      navigate(`/measures/${base.id}`);
      return;
    }
    setSaving(true);
    try {
      const body = Object.fromEntries(changed.map((f) => [f, payload[f]]));
      const updated = await api.patch<MeasureDetail>(`/measures/${base.id}`, { ...body, version });
      qc.setQueryData(['measure', updated.id], updated);
      qc.invalidateQueries({ queryKey: ['measures'] });
      qc.invalidateQueries({ queryKey: ['dashboard'] });
      qc.invalidateQueries({ queryKey: ['audit', updated.id] });
      setConflict(null);
      setBase(updated);
      allowLeave();
      navigate(`/measures/${updated.id}`, { state: { flash: t('savedMsg') } });
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && e.code === 'version_conflict') {
        const current = (e.details as { current?: MeasureDetail } | undefined)?.current;
        if (current) {
          const audit = await api.get<AuditEntry[]>(`/measures/${base.id}/audit`).catch(() => []);
          setConflict({ current, who: audit[0]?.actorName ?? null });
        } else setError(e);
      } else if (e instanceof ApiError && e.status === 400) {
        setErrors(issuesToErrors(e.details, RENAME));
        setAttempt((a) => a + 1);
      } else setError(e);
    } finally {
      setSaving(false);
    }
  }

  function reload() {
    if (!conflict) return;
    qc.setQueryData(['measure', conflict.current.id], conflict.current);
    setBase(conflict.current);
    setForm(fromMeasure(conflict.current));
    setErrors({});
    setConflict(null);
  }

  if (!can.canEditMeasure(base)) {
    return (
      <>
        <PageHeader title={t('editTitle')} />
        <ErrorMessage error={t('forbiddenEdit')} />
        <Link to={`/measures/${base.id}`}>{base.title}</Link>
      </>
    );
  }
  return (
    <>
      <PageHeader title={t('editTitle')}>
        <p className="brief-meta">
          {t('detailNumber', { n: base.number })}: <Link to={`/measures/${base.id}`}>{base.title}</Link>
        </p>
      </PageHeader>
      <ErrorMessage error={error} />
      <MeasureForm
        value={form}
        onChange={setForm}
        names={names}
        errors={errors}
        focusKey={attempt}
        saving={saving}
        priority={base.priority}
        onSubmit={() => save(base.version)}
        cancelTo={`/measures/${base.id}`}
        top={
          conflict && (
            <ConflictPanel current={conflict.current} base={base} who={conflict.who} mine={toPayload(form, msgs).payload} names={names}
              busy={saving} onReload={reload} onOverwrite={() => save(conflict.current.version)} />
          )
        }
      />
      {dialog}
    </>
  );
}
