import { useEffect } from 'react';
import { Link } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { Spinner } from '../../components/ui';
import { useFormat, useLocale, useT } from '../../i18n/i18n';
import type { Round } from '../../../contract/workshops';
import { wsKeys } from './api';
import { ROUND_STATUS_LABELS, SUBJECT_LABELS } from './labels';
import { ResultsTable } from './ResultsTable';
import { roundMessages } from './roundMessages';
import { clock, rulesLine, secondsLeft, showTally } from './rules';
import { TiePanel } from './TiePanel';
import { ScoringRoundOffer } from '../home/FollowUps';
import { useLiveResults, useNow } from './useLiveResults';

export type RoundAction = 'open' | 'close' | 'delete';

/** One round: rules in one line, actions by status, live count while open, results once closed. */
export function RoundCard({
  round, parentTitle, runoff, canFacilitate, busy, onAction, onNotice,
}: {
  round: Round;
  parentTitle: string | null;
  runoff: Round | null;
  canFacilitate: boolean;
  busy: boolean;
  onAction: (a: RoundAction, r: Round) => void;
  onNotice: (m: string) => void;
}) {
  const t = useT(roundMessages);
  const fmt = useFormat();
  const { locale } = useLocale();
  const qc = useQueryClient();
  const headingId = `round-${round.id}`;
  const isOpen = round.status === 'open';
  const live = useLiveResults(round.id, isOpen, round.status !== 'draft');
  const r = round.status === 'draft' ? undefined : live.results;
  const now = useNow(isOpen && round.closesAt != null);
  const left = isOpen ? secondsLeft(round.closesAt, now) : null;

  // The stream reports opening/closing (also by the timer): then the round list is stale.
  // A closed run-off settles its parent's tie: the parent's result changes too.
  useEffect(() => {
    if (!r || r.status === round.status) return;
    void qc.invalidateQueries({ queryKey: wsKeys.rounds(round.workshopId) });
    if (r.status === 'closed' && round.parentRoundId) void qc.invalidateQueries({ queryKey: wsKeys.results(round.parentRoundId) });
  }, [r, round.status, round.workshopId, round.parentRoundId, qc]);

  return (
    <article className="card ws-round" aria-labelledby={headingId}>
      <div className="ws-round-head">
        <h3 id={headingId}>{round.title}</h3>
        <span className={`badge ws-round-status s-${round.status}`}>{fmt.label(ROUND_STATUS_LABELS, round.status)}</span>
      </div>
      <p className="brief-meta">
        {fmt.label(SUBJECT_LABELS, round.subject)} · {t('items', { n: round.items.length })}
        {parentTitle && <> · {t('runoffOf', { title: parentTitle })}</>}
        {round.openedAt && <> · {t('openedAt', { at: fmt.dateTime(round.openedAt) })}</>}
        {round.closedAt && <> · {t('closedAt', { at: fmt.dateTime(round.closedAt) })}</>}
      </p>
      <p className="ws-rules-line">{rulesLine(round.rules, locale)}</p>
      {isOpen && r && (
        <p className="ws-live-count">
          <strong>{t('voted', { voters: r.voters, eligible: r.eligible })}</strong> · {r.totalDots === 1 ? t('dotsPlacedOne') : t('dotsPlaced', { n: r.totalDots })}
          {left != null && <> · {left > 0 ? t('timeLeft', { time: clock(left) }) : t('timeUp')}</>}
        </p>
      )}
      {isOpen && r && showTally(round.rules, r) && r.rows.length > 0 && <ResultsTable results={r} caption={t('resultsCaption', { title: round.title })} />}
      <div className="actions">
        {canFacilitate && round.status === 'draft' && (
          <>
            <button type="button" className="btn primary" disabled={busy} onClick={() => onAction('open', round)}>{t('open')}</button>
            <button type="button" className="btn danger" disabled={busy} onClick={() => onAction('delete', round)}>{t('deleteDraft')}</button>
          </>
        )}
        {canFacilitate && isOpen && (
          <button type="button" className="btn primary" disabled={busy} onClick={() => onAction('close', round)}>{t('close')}</button>
        )}
        {round.status !== 'draft' && (
          <Link className="btn" to={`/workshops/${round.workshopId}/rounds/${round.id}/projector`}>
            {t('projector')}<span className="visually-hidden">: {round.title}</span>
          </Link>
        )}
      </div>
      {round.status === 'closed' && (
        <section aria-labelledby={`${headingId}-results`} className="ws-round-results">
          <h4 id={`${headingId}-results`}>{t('results')}</h4>
          {live.isPending && <Spinner label={t('loadingResults')} />}
          {r && (
            <>
              <p className="muted">{t('voted', { voters: r.voters, eligible: r.eligible })} · {r.totalDots === 1 ? t('dotsPlacedOne') : t('dotsPlaced', { n: r.totalDots })}</p>
              {showTally(round.rules, r) ? <ResultsTable results={r} caption={t('resultsCaption', { title: round.title })} /> : <p>{t('hidden')}</p>}
              <TiePanel round={round} results={r} runoff={runoff} canFacilitate={canFacilitate} onNotice={onNotice} />
              {round.subject === 'measures' && !round.parentRoundId && <ScoringRoundOffer dotRoundId={round.id} />}
            </>
          )}
        </section>
      )}
    </article>
  );
}
