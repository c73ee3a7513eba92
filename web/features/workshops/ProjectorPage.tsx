import { useEffect, type CSSProperties, type ReactNode } from 'react';
import { useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { ErrorMessage, Spinner } from '../../components/ui';
import { usePageTitle } from '../../app/title';
import { useLocale, useT } from '../../i18n/i18n';
import { formatRank, type Locale } from '../../../domain/format';
import type { Round, RoundResults } from '../../../contract/workshops';
import { joinUrl, useRounds, useWorkshop, wsKeys } from './api';
import { JoinCode } from './JoinTab';
import { wsMessages } from './messages';
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

  const summary = useThrottledText(r ? summarize(r, showTally(round.rules, r), t, locale) : '', 10_000, status);
  const statusText = status === 'open' ? t('statusOpen') : status === 'closed' ? t('statusClosed') : t('statusDraft');
  const code = workshop.data?.joinCode;
  // Until the round is closed, a column beside the bars shows how to join (QR code, code) and the timer, large.
  const join = code && status !== 'closed' ? code : null;
  const voters = r && <span className="proj-voters">{t('voted', { voters: r.voters, eligible: r.eligible })}</span>;
  const timer = left != null && (
    <span className="proj-timer" role="timer" aria-label={left > 0 ? t('timeLeft', { time: clock(left) }) : t('timeUp')}>
      {left > 0 ? clock(left) : t('timeUp')}
    </span>
  );
  return (
    <div className={`proj ${join ? 'with-join' : ''}`}>
      <header className="proj-head">
        <h1>{round.title}</h1>
        <span className={`proj-status s-${status}`}>{statusText}</span>
      </header>
      <p className="proj-rules">{rulesLine(round.rules, locale)}</p>
      {!join && <div className="proj-meta">{voters}{timer}</div>}
      <div role="status" className="proj-conn-wrap">
        {stream !== 'open' && <p className="proj-conn">{stream === 'reconnecting' ? t('reconnecting') : t('connecting')}</p>}
      </div>
      <ErrorMessage error={error} />
      {r && (showTally(round.rules, r) ? (
        // the type size follows the number of rows, so that up to a dozen long titles fit a 1080-pixel screen
        <div className="proj-bars" style={{ '--rows': r.rows.length } as CSSProperties}>
          <ResultBars results={r} className="bars-large" />
        </div>
      ) : <p className="proj-hidden">{t('hidden')}</p>)}
      {join && <JoinAside workshopId={round.workshopId} code={join} timer={timer} voters={voters} />}
      <div aria-live="polite" aria-atomic="true" className="visually-hidden">{summary}</div>
    </div>
  );
}

function JoinAside({ workshopId, code, timer, voters }: { workshopId: string; code: string; timer: ReactNode; voters: ReactNode }) {
  const t = useT(roundMessages);
  const ws = useT(wsMessages);
  return (
    <aside className="proj-side" aria-label={t('joinAside')}>
      {timer}
      {voters}
      <img className="proj-qr" src={api.url(`/workshops/${workshopId}/qr.svg`)} alt={ws('qrAlt', { url: joinUrl(code) })} />
      <p className="proj-join">{t('joinHint', { url: `${window.location.host}/join` })}</p>
      <JoinCode code={code} className="proj-code" />
    </aside>
  );
}

/** "Platz 1: … mit 12 Punkten. … 8 von 20 haben abgestimmt." — the top three only. */
function summarize(r: RoundResults, visible: boolean, t: RoundT, locale: Locale): string {
  const parts: string[] = [];
  if (r.status === 'closed') parts.push(t('summaryClosed'));
  if (visible) {
    for (const row of orderedRows(r).filter((x) => x.dots > 0).slice(0, 3)) {
      parts.push(t(row.dots === 1 ? 'summaryOne' : 'summary', { rank: formatRank(row.rank, row.tied, locale), label: row.label, dots: row.dots }));
    }
  }
  parts.push(t('summaryVoters', { voters: r.voters, eligible: r.eligible }));
  return parts.join(' ');
}
