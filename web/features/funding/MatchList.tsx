import { Link } from 'react-router';
import type { UseQueryResult } from '@tanstack/react-query';
import { EmptyState, ErrorMessage, Spinner } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import type { ProgrammeMatch } from '../../../contract/funding';
import { MatchCard } from './MatchCard';
import { planMessages as messages } from './planMessages';

/**
 * "Passende Förderprogramme" of one measure: those worth an application (state eligible, then check)
 * in the server's ranking, the ones without a topical fit or excluded folded away below. Editors can
 * take a programme over into the plan.
 */
export function MatchList({
  matches,
  inPlan,
  onAdopt,
}: {
  matches: UseQueryResult<ProgrammeMatch[]>;
  inPlan: (programmeId: string) => boolean;
  /** absent for readers */
  onAdopt?: (m: ProgrammeMatch) => void;
}) {
  const t = useT(messages);
  if (matches.isPending) return <Spinner label={t('loadingMatches')} />;
  if (matches.error) return <ErrorMessage error={matches.error} />;
  const all = matches.data ?? [];
  const eligible = all.filter((m) => m.state === 'eligible' || m.state === 'check');
  const blocked = all.filter((m) => m.state !== 'eligible' && m.state !== 'check');

  const card = (m: ProgrammeMatch, rank: number) => (
    <MatchCard
      key={m.programmeId}
      rank={rank}
      match={m}
      heading={<Link to={`/funding/programmes/${m.programmeId}`}>{m.programmeName}</Link>}
      action={
        onAdopt &&
        (inPlan(m.programmeId) ? (
          <span className="in-plan"><span aria-hidden="true">✓ </span>{t('inPlan')}</span>
        ) : (
          <button type="button" className="btn" onClick={() => onAdopt(m)} aria-label={t('adoptLabel', { name: m.programmeName })}>
            {t('adopt')}
          </button>
        ))
      }
    />
  );

  if (!all.length) return <EmptyState><p>{t('noMatches')}</p></EmptyState>;
  return (
    <>
      {eligible.length ? (
        <ol className="match-list">{eligible.map((m, i) => card(m, i + 1))}</ol>
      ) : (
        <p className="alert info">{t('noEligible')}</p>
      )}
      {blocked.length > 0 && (
        <details className="blocked-matches">
          <summary>{t('blockedSummary', { n: blocked.length })}</summary>
          <ol className="match-list" start={eligible.length + 1}>{blocked.map((m, i) => card(m, eligible.length + i + 1))}</ol>
        </details>
      )}
    </>
  );
}
