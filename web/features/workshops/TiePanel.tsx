import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../api/client';
import { Alert, ErrorMessage, FormDialog } from '../../components/ui';
import { ErrorSummary, issuesToErrors, TextAreaField, type FieldErrors } from '../../app/forms';
import { useFormat, useT } from '../../i18n/i18n';
import type { Round, RoundResults } from '../../../contract/workshops';
import { CheckboxGroup } from '../measures/CheckboxGroup';
import { wsKeys } from './api';
import { ROUND_STATUS_LABELS } from './labels';
import { roundMessages } from './roundMessages';

/** „A“, „B“ und „C“ */
export function quoteList(labels: string[], and: string, de: boolean) {
  const q = labels.map((l) => (de ? `„${l}“` : `"${l}"`));
  return q.length <= 1 ? (q[0] ?? '') : `${q.slice(0, -1).join(', ')} ${and} ${q[q.length - 1]}`;
}

/**
 * A tie at the Top-N cut: the warning and the two ways out (run-off round, or a decision with a
 * reason). Once decided, the decision is shown instead.
 */
export function TiePanel({
  round, results: r, runoff, canFacilitate, onNotice,
}: {
  round: Round;
  results: RoundResults;
  /** the run-off already created for this round's tie, if any */
  runoff: Round | null;
  canFacilitate: boolean;
  onNotice: (message: string) => void;
}) {
  const t = useT(roundMessages);
  const fmt = useFormat();
  const qc = useQueryClient();
  const [deciding, setDeciding] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const de = t('and') === 'und';
  const label = (id: string) => r.rows.find((x) => x.itemId === id)?.label ?? round.items.find((x) => x.id === id)?.label ?? '?';

  if (r.decision) {
    return (
      <div className="alert success ws-decision">
        <h4 style={{ marginTop: 0 }}>{t('decision')}</h4>
        <p>{t('decisionText', { n: r.topN, items: quoteList(r.decision.chosenItemIds.map(label), t('and'), de) })}</p>
        <p className="brief-text">{r.decision.reason}</p>
        <p className="muted" style={{ marginBottom: 0 }}>{t('decisionBy', { by: r.decision.by, at: fmt.dateTime(r.decision.at) })}</p>
      </div>
    );
  }
  if (!r.cutTie) return null;
  const tie = r.cutTie;

  async function createRunoff() {
    setBusy(true);
    setError(null);
    try {
      const created = await api.post<Round>(`/rounds/${round.id}/runoff`);
      void qc.invalidateQueries({ queryKey: wsKeys.rounds(round.workshopId) });
      onNotice(t('runoffCreated', { title: created.title }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="alert warn ws-tie">
      <h4 style={{ marginTop: 0 }}><span aria-hidden="true">⚠ </span>{t('tieTitle')}</h4>
      <p>
        {t('tieText', {
          items: quoteList(tie.candidateItemIds.map(label), t('and'), de),
          rank: tie.rank,
          n: r.topN,
          seats: tie.seatsLeft === 1 ? t('seatsOne') : t('seatsMany', { n: tie.seatsLeft }),
        })}
      </p>
      {canFacilitate && (
        <>
          {runoff ? (
            <p>{t('runoffExists', { title: runoff.title, status: fmt.label(ROUND_STATUS_LABELS, runoff.status) })}</p>
          ) : (
            <p>{t('tieHow')}</p>
          )}
          <ErrorMessage error={error} />
          <div className="actions">
            {!runoff && <button type="button" className="btn primary" onClick={createRunoff} disabled={busy}>{t('runoff')}</button>}
            <button type="button" className="btn" onClick={() => setDeciding(true)} disabled={busy}>{t('decide')}</button>
          </div>
        </>
      )}
      {deciding && (
        <DecisionDialog round={round} results={r} label={label} onClose={() => setDeciding(false)}
          onDone={() => { setDeciding(false); onNotice(t('decided')); }} />
      )}
    </div>
  );
}

function DecisionDialog({
  round, results: r, label, onClose, onDone,
}: {
  round: Round;
  results: RoundResults;
  label: (id: string) => string;
  onClose: () => void;
  onDone: () => void;
}) {
  const t = useT(roundMessages);
  const qc = useQueryClient();
  const tie = r.cutTie!;
  const [chosen, setChosen] = useState<string[]>([]);
  const [reason, setReason] = useState('');
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
    setErrors(local);
    setAttempt((a) => a + 1);
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      const next = await api.post<RoundResults>(`/rounds/${round.id}/decision`, { chosenItemIds: chosen, reason: reason.trim() });
      qc.setQueryData(wsKeys.results(round.id), next);
      void qc.invalidateQueries({ queryKey: wsKeys.rounds(round.workshopId) });
      onDone();
    } catch (err) {
      if (err instanceof ApiError && err.status === 400) {
        setErrors(issuesToErrors(err.details));
        setAttempt((a) => a + 1);
      } else setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <FormDialog title={t('decideTitle')} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <ErrorSummary errors={errors} labels={{ chosenItemIds: legend, reason: t('decideReason') }} focusKey={attempt}
          fieldId={(f) => (f === 'reason' ? 'decision-reason' : 'decision-items')} />
        <ErrorMessage error={error} />
        <Alert kind="info">{round.title}</Alert>
        <CheckboxGroup id="decision-items" legend={legend} columns={1} error={errors.chosenItemIds}
          options={tie.candidateItemIds.map((id) => ({ id, label: label(id) }))} selected={chosen} onChange={setChosen} />
        <TextAreaField id="decision-reason" label={t('decideReason')} hint={t('decideReasonHint')} error={errors.reason}
          value={reason} maxLength={2000} onChange={(e) => setReason(e.target.value)} />
        <div className="actions" style={{ justifyContent: 'flex-end' }}>
          <button type="button" className="btn" onClick={onClose}>{t('cancel')}</button>
          <button type="submit" className="btn primary" disabled={busy}>{t('decideSave')}</button>
        </div>
      </form>
    </FormDialog>
  );
}
