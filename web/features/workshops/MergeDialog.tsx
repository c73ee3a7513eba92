import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../api/client';
import { Alert, ErrorMessage, FormDialog } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import type { MeasureDetail } from '../../../contract/measures';
import { wsKeys, type WorkshopBrief } from './api';
import { wsMessages } from './messages';

/**
 * Pick two briefs → confirm → POST /measures/:keepId/merge { duplicateId, version, duplicateVersion }.
 * A 409 (one of them changed) reloads the list and asks to choose again.
 */
export function MergeDialog({
  workshopId, briefs, onClose, onMerged,
}: {
  workshopId: string;
  briefs: WorkshopBrief[];
  onClose: () => void;
  onMerged: (message: string) => void;
}) {
  const t = useT(wsMessages);
  const qc = useQueryClient();
  const [keepId, setKeepId] = useState('');
  const [dupId, setDupId] = useState('');
  const [step, setStep] = useState<'choose' | 'confirm'>('choose');
  const [invalid, setInvalid] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const confirmRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (step === 'confirm') confirmRef.current?.focus();
  }, [step]);
  const keep = briefs.find((b) => b.id === keepId);
  const dup = briefs.find((b) => b.id === dupId);
  const label = (b: WorkshopBrief) => `${t('briefNumber', { n: b.number })}: ${b.title}`;

  function next(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (!keep || !dup || keep.id === dup.id) {
      setInvalid(t('mergeSame'));
      document.getElementById(!keep ? 'merge-keep' : 'merge-dup')?.focus();
      return;
    }
    setInvalid('');
    setStep('confirm');
  }

  async function merge() {
    if (!keep || !dup) return;
    setBusy(true);
    setError(null);
    try {
      await api.post<MeasureDetail>(`/measures/${keep.id}/merge`, { duplicateId: dup.id, version: keep.version, duplicateVersion: dup.version });
      void qc.invalidateQueries({ queryKey: wsKeys.measures(workshopId) });
      void qc.invalidateQueries({ queryKey: ['measures'] });
      qc.removeQueries({ queryKey: ['measure', dup.id] });
      void qc.invalidateQueries({ queryKey: ['measure', keep.id] });
      onMerged(t('merged', { keep: keep.title, duplicate: dup.title }));
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        await qc.invalidateQueries({ queryKey: wsKeys.measures(workshopId) });
        setError(new Error(t('mergeConflict')));
        setStep('choose');
      } else setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <FormDialog title={t('mergeTitle')} onClose={onClose} wide>
      {step === 'choose' ? (
        <form onSubmit={next} noValidate>
          <p>{t('mergeIntro')}</p>
          <ErrorMessage error={error} />
          {invalid && <Alert kind="error">{invalid}</Alert>}
          {[
            { id: 'merge-keep', label: t('mergeKeep'), value: keepId, set: setKeepId },
            { id: 'merge-dup', label: t('mergeDuplicate'), value: dupId, set: setDupId },
          ].map((f) => (
            <div className="field" key={f.id}>
              <label htmlFor={f.id}>{f.label}</label>
              <select id={f.id} value={f.value} onChange={(e) => f.set(e.target.value)} aria-invalid={invalid ? true : undefined}>
                <option value="">{t('mergeChoose')}</option>
                {briefs.map((b) => <option key={b.id} value={b.id}>{label(b)}</option>)}
              </select>
            </div>
          ))}
          <div className="actions" style={{ justifyContent: 'flex-end' }}>
            <button type="button" className="btn" onClick={onClose}>{t('cancel')}</button>
            <button type="submit" className="btn primary">{t('mergeNext')}</button>
          </div>
        </form>
      ) : (
        <div>
          <h3 style={{ marginTop: 0 }} tabIndex={-1} ref={confirmRef}>{t('mergeConfirmTitle')}</h3>
          <p>{t('mergeConfirmText', { keep: keep?.title ?? '', duplicate: dup?.title ?? '' })}</p>
          <ErrorMessage error={error} />
          <div className="actions" style={{ justifyContent: 'flex-end' }}>
            <button type="button" className="btn" onClick={() => setStep('choose')} disabled={busy}>{t('cancel')}</button>
            <button type="button" className="btn primary danger" onClick={merge} disabled={busy}>{t('mergeConfirm')}</button>
          </div>
        </div>
      )}
    </FormDialog>
  );
}
