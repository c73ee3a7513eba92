import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ui';
import { useFormat, useT } from '../../i18n/i18n';
import type { Round, RoundResults } from '../../../contract/workshops';
import { wsKeys } from './api';
import { DecisionDialog } from './DecisionDialog';
import { DecisionRecord } from './DecisionRecord';
import { quoteList, ROUND_STATUS_LABELS } from './labels';
import { roundMessages } from './roundMessages';

/**
 * A tie at the Top-N cut: the warning and the two ways out (run-off round, or a decision with a
 * reason). Once decided, the decision, its history and the way to revise it are shown instead.
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

  if (r.decision) return <DecisionRecord round={round} results={r} label={label} canFacilitate={canFacilitate} onNotice={onNotice} />;
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
          rank: fmt.rank(tie.rank, true),
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
        <DecisionDialog round={round} results={r} tie={tie} label={label} onClose={() => setDeciding(false)}
          onDone={() => { setDeciding(false); onNotice(t('decided')); }} />
      )}
    </div>
  );
}
