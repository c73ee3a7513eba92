import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../api/client';
import { Alert, ErrorMessage, FormDialog } from '../../components/ui';
import { ErrorSummary, issuesToErrors, TextAreaField, type FieldErrors } from '../../app/forms';
import { useT } from '../../i18n/i18n';
import type { Round, RoundDecision, RoundResults } from '../../../contract/workshops';
import { CheckboxGroup } from '../measures/CheckboxGroup';
import { wsKeys } from './api';
import { roundMessages } from './roundMessages';

export interface Tie { candidateItemIds: string[]; seatsLeft: number }

/**
 * Records the facilitator's decision at the Top-N cut. With `current` it is a revision: the decision
 * in force is shown, and the reason for changing it is required (the server refuses a second decision
 * without it). Nothing is ticked in advance.
 */
export function DecisionDialog({
  round, results: r, tie, label, current, onClose, onDone,
}: {
  round: Round;
  results: RoundResults;
  tie: Tie;
  label: (id: string) => string;
  current?: RoundDecision;
  onClose: () => void;
  onDone: () => void;
}) {
  const t = useT(roundMessages);
  const qc = useQueryClient();
  const revise = current != null;
  const [chosen, setChosen] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const [revisionReason, setRevisionReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const legend = tie.seatsLeft === 1 ? t('decideChooseOne', { topN: r.topN }) : t('decideChoose', { n: tie.seatsLeft, topN: r.topN });

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const local: FieldErrors = {};
    if (chosen.length !== tie.seatsLeft) local.chosenItemIds = t('errChooseExactly', { n: tie.seatsLeft });
    if (!reason.trim()) local.reason = t('errReason');
    if (revise && !revisionReason.trim()) local.revisionReason = t('errRevisionReason');
    setErrors(local);
    setAttempt((a) => a + 1);
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      const body = { chosenItemIds: chosen, reason: reason.trim(), ...(revise ? { revise: true, revisionReason: revisionReason.trim() } : {}) };
      const next = await api.post<RoundResults>(`/rounds/${round.id}/decision`, body);
      qc.setQueryData(wsKeys.results(round.id), next);
      void qc.invalidateQueries({ queryKey: wsKeys.rounds(round.workshopId) });
      onDone();
    } catch (err) {
      if (err instanceof ApiError && err.status === 400) {
        setErrors(issuesToErrors(err.details));
        setAttempt((a) => a + 1);
      } else {
        setError(err);
        // Someone else recorded a decision meanwhile: show it behind the dialog.
        if (err instanceof ApiError && err.status === 409) void qc.invalidateQueries({ queryKey: wsKeys.results(round.id) });
      }
    } finally {
      setBusy(false);
    }
  }

  const labels = { chosenItemIds: legend, reason: t('decideReason'), revisionReason: t('reviseReason') };
  const fieldId = (f: string) => (f === 'reason' ? 'decision-reason' : f === 'revisionReason' ? 'decision-revision-reason' : 'decision-items');
  return (
    <FormDialog title={revise ? t('reviseTitle') : t('decideTitle')} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <ErrorSummary errors={errors} labels={labels} focusKey={attempt} fieldId={fieldId} />
        <ErrorMessage error={error} />
        <Alert kind="info">{round.title}</Alert>
        {current && (
          <p>{t('reviseCurrent', { items: current.chosenItemIds.map(label).join(', '), reason: current.reason })}</p>
        )}
        <CheckboxGroup id="decision-items" legend={legend} columns={1} error={errors.chosenItemIds}
          options={tie.candidateItemIds.map((id) => ({ id, label: label(id) }))} selected={chosen} onChange={setChosen} />
        <TextAreaField id="decision-reason" label={t('decideReason')} hint={t('decideReasonHint')} error={errors.reason}
          value={reason} maxLength={2000} onChange={(e) => setReason(e.target.value)} />
        {revise && (
          <TextAreaField id="decision-revision-reason" label={t('reviseReason')} hint={t('reviseReasonHint')} error={errors.revisionReason}
            value={revisionReason} maxLength={2000} onChange={(e) => setRevisionReason(e.target.value)} />
        )}
        <div className="actions" style={{ justifyContent: 'flex-end' }}>
          <button type="button" className="btn" onClick={onClose}>{t('cancel')}</button>
          <button type="submit" className="btn primary" disabled={busy}>{revise ? t('reviseSave') : t('decideSave')}</button>
        </div>
      </form>
    </FormDialog>
  );
}
