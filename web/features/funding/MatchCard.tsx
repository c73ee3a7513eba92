import type { ReactNode } from 'react';
import { useFormat, useT } from '../../i18n/i18n';
import type { ProgrammeMatch } from '../../../contract/funding';
import { messages } from './messages';
import { MatchDeadline, Reasons, ScoreMeter, StateBadge } from './parts';

/**
 * One ranked match (programme for a measure, or measure for a programme): rank, state in words (kommt
 * in Frage / prüfen / …), fit, expected grant, next deadline, and the reasons to check, for and against.
 */
const STATE_CLASS: Record<ProgrammeMatch['state'], string> = { eligible: 'is-eligible', check: 'is-check', no_fit: 'is-blocked', not_eligible: 'is-blocked' };

export function MatchCard({ rank, heading, match, action }: { rank: number; heading: ReactNode; match: ProgrammeMatch; action?: ReactNode }) {
  const t = useT(messages);
  const fmt = useFormat();
  return (
    <li className={`card match ${STATE_CLASS[match.state] ?? 'is-blocked'}`}>
      <div className="match-head">
        <span className="match-rank" aria-hidden="true">{rank}</span>
        <h3>
          <span className="visually-hidden">{t('rank', { n: rank })} </span>
          {heading}
        </h3>
      </div>
      <div className="match-facts">
        <StateBadge state={match.state} />
        <ScoreMeter score={match.score} />
      </div>
      <dl className="kv match-kv">
        <dt>{t('expectedGrant')}</dt>
        <dd>{match.expectedGrantCents == null ? t('grantUnknown') : fmt.money(match.expectedGrantCents)}</dd>
        <dt>{t('nextDeadline')}</dt>
        <dd><MatchDeadline match={match} /></dd>
      </dl>
      <Reasons match={match} />
      {action && <div className="actions match-action no-print">{action}</div>}
    </li>
  );
}
