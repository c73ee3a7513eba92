import { useEffect } from 'react';
import { useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { ErrorMessage, Spinner } from '../../components/ui';
import { usePageTitle } from '../../app/title';
import { useLocale, useT } from '../../i18n/i18n';
import type { Round, RoundResults } from '../../../contract/workshops';
import { useRounds, useWorkshop, wsKeys } from './api';
import { ResultBars, useThrottledText } from './ResultBars';
import { orderedRows } from './ResultsTable';
import { roundMessages, type RoundT } from './roundMessages';
import { clock, rulesLine, secondsLeft, showTally } from './rules';
import { ScreenShell } from './ScreenShell';
import { useLiveResults, useNow } from './useLiveResults';

/** /workshops/:id/rounds/:roundId/projector — the live tally for the projector, outside the app layout. */
export default function ProjectorPage() {
  const { id = '', roundId = '' } = useParams();
  return (
    <ScreenShell backTo={`/workshops/${id}?tab=rounds`}>
      <Projector workshopId={id} roundId={roundId} />
    </ScreenShell>
  );
}

function Projector({ workshopId, roundId }: { workshopId: string; roundId: string }) {
  const t = useT(roundMessages);
  const rounds = useRounds(workshopId);
  const round = rounds.data?.find((r) => r.id === roundId);
  usePageTitle(round ? t('projectorTitle', { title: round.title }) : t('projector'));
  if (rounds.error) return <ErrorMessage error={rounds.error} />;
  if (!rounds.data) return <Spinner label={t('projectorLoading')} />;
  if (!round) return <p className="proj-hidden">{t('roundNotFound')}</p>;
  return <Live round={round} />;
}

function Live({ round }: { round: Round }) {
  const t = useT(roundMessages);
  const { locale } = useLocale();
  const qc = useQueryClient();
  const workshop = useWorkshop(round.workshopId);
  const { results: r, stream, error } = useLiveResults(round.id, true);
  const status = r?.status ?? round.status;
  const now = useNow(status === 'open' && round.closesAt != null, 500);
  const left = status === 'open' ? secondsLeft(round.closesAt, now) : null;

  // Opened or closed meanwhile (by hand or by the timer): reload the round for its times.
  useEffect(() => {
    if (r && r.status !== round.status) void qc.invalidateQueries({ queryKey: wsKeys.rounds(round.workshopId) });
  }, [r, round.status, round.workshopId, qc]);

  const summary = useThrottledText(r ? summarize(r, showTally(round.rules, r), t) : '', 10_000, status);
  const statusText = status === 'open' ? t('statusOpen') : status === 'closed' ? t('statusClosed') : t('statusDraft');
  const code = workshop.data?.joinCode;
  return (
    <div className="proj">
      <header className="proj-head">
        <h1>{round.title}</h1>
        <span className={`proj-status s-${status}`}>{statusText}</span>
      </header>
      <p className="proj-rules">{rulesLine(round.rules, locale)}</p>
      <div className="proj-meta">
        {r && <span className="proj-voters">{t('voted', { voters: r.voters, eligible: r.eligible })}</span>}
        {left != null && (
          <span className="proj-timer" role="timer" aria-label={left > 0 ? t('timeLeft', { time: clock(left) }) : t('timeUp')}>
            {left > 0 ? clock(left) : t('timeUp')}
          </span>
        )}
      </div>
      <div role="status" className="proj-conn-wrap">
        {stream !== 'open' && <p className="proj-conn">{stream === 'reconnecting' ? t('reconnecting') : t('connecting')}</p>}
      </div>
      <ErrorMessage error={error} />
      {r && (showTally(round.rules, r) ? <ResultBars results={r} className={r.rows.length > 12 ? 'bars-large bars-dense' : 'bars-large'} /> : <p className="proj-hidden">{t('hidden')}</p>)}
      {code && status !== 'closed' && (
        <p className="proj-join">{t('joinHint', { url: `${window.location.host}/join/${code}` })}</p>
      )}
      <div aria-live="polite" aria-atomic="true" className="visually-hidden">{summary}</div>
    </div>
  );
}

/** "Platz 1: … mit 12 Punkten. … 8 von 20 haben abgestimmt." — the top three only. */
function summarize(r: RoundResults, visible: boolean, t: RoundT): string {
  const parts: string[] = [];
  if (r.status === 'closed') parts.push(t('summaryClosed'));
  if (visible) {
    for (const row of orderedRows(r).filter((x) => x.dots > 0).slice(0, 3)) {
      parts.push(t(row.dots === 1 ? 'summaryOne' : 'summary', { rank: row.rankLabel, label: row.label, dots: row.dots }));
    }
  }
  parts.push(t('summaryVoters', { voters: r.voters, eligible: r.eligible }));
  return parts.join(' ');
}
