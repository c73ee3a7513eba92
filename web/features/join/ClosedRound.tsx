import { useT } from '../../i18n/i18n';
import type { MyRound } from '../../../contract/workshops';
import { ResultBars } from '../workshops/ResultBars';
import { joinMessages } from './messages';

/** A closed round: the result by rank with the Top-N cut, and how many voted. */
export function ClosedRound({ mine }: { mine: MyRound }) {
  const t = useT(joinMessages);
  const r = mine.results;
  const headingId = `closed-${mine.round.id}`;
  return (
    <article className="join-card" aria-labelledby={headingId}>
      <h3 id={headingId}>{mine.round.title}</h3>
      <p className="muted">
        {t('roundClosedNow')}
        {r && <> {t('votersCount', { voters: r.voters, eligible: r.eligible })}</>}
      </p>
      {r?.visible ? <ResultBars results={r} className="bars-phone" /> : <p>{t('hiddenResults')}</p>}
      {r?.decision && <p className="alert info">{t('decision', { reason: r.decision.reason })}</p>}
    </article>
  );
}
