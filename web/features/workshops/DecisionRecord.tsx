import { useState } from 'react';
import { useFormat, useT } from '../../i18n/i18n';
import type { Round, RoundResults } from '../../../contract/workshops';
import { topN, type RankedItem } from '../../../domain/ranking';
import { DecisionDialog } from './DecisionDialog';
import { roundMessages } from './roundMessages';
import { quoteList } from './labels';

/**
 * The decision in force at the Top-N cut, the decisions it replaced (each revision with its reason),
 * and, for facilitators, a way to revise it — never a silent overwrite.
 */
export function DecisionRecord({
  round, results: r, label, canFacilitate, onNotice,
}: {
  round: Round;
  results: RoundResults;
  label: (id: string) => string;
  canFacilitate: boolean;
  onNotice: (message: string) => void;
}) {
  const t = useT(roundMessages);
  const fmt = useFormat();
  const [revising, setRevising] = useState(false);
  const de = t('and') === 'und';
  const decision = r.decision!;
  // The round list may lag a moment behind the results; the decision in force is always the results'.
  const earlier = round.decisionHistory.filter((d) => d.at !== decision.at);
  // The tie the decision settled: the same cut computed from the tally, without any resolution.
  const cut = topN(r.rows as RankedItem[], r.topN).cutTie;
  const tie = cut ? { candidateItemIds: cut.candidates.map((c) => c.itemId), seatsLeft: cut.seatsLeft } : null;
  const items = (ids: string[]) => quoteList(ids.map(label), t('and'), de);

  return (
    <div className="alert success ws-decision">
      <h4 style={{ marginTop: 0 }}>{t('decision')}</h4>
      <p>{t('decisionText', { n: r.topN, items: items(decision.chosenItemIds) })}</p>
      <p className="brief-text">{decision.reason}</p>
      {decision.revisionReason && <p>{t('revisedBecause', { reason: decision.revisionReason })}</p>}
      <p className="muted">{t('decisionBy', { by: decision.by, at: fmt.dateTime(decision.at) })}</p>
      {earlier.length > 0 && (
        <details className="ws-decision-history">
          <summary>{t('historyTitle', { n: earlier.length })}</summary>
          <ol reversed>
            {[...earlier].reverse().map((d) => (
              <li key={d.at}>
                <p>{t('historyItem', { items: items(d.chosenItemIds), reason: d.reason })}</p>
                {d.revisionReason && <p>{t('revisedBecause', { reason: d.revisionReason })}</p>}
                <p className="muted">{t('decisionBy', { by: d.by, at: fmt.dateTime(d.at) })}</p>
              </li>
            ))}
          </ol>
        </details>
      )}
      {canFacilitate && tie && (
        <div className="actions" style={{ marginBottom: 0 }}>
          <button type="button" className="btn" onClick={() => setRevising(true)}>{t('revise')}</button>
        </div>
      )}
      {revising && tie && (
        <DecisionDialog round={round} results={r} tie={tie} label={label} current={decision} onClose={() => setRevising(false)}
          onDone={() => { setRevising(false); onNotice(t('revised')); }} />
      )}
    </div>
  );
}
