import { useCallback, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useT } from '../../i18n/i18n';
import type { MyRound, RoundResults } from '../../../contract/workshops';
import { parseEvent, useEventStream } from '../workshops/sse';
import { joinKeys, withResults, withRound, type JoinHome } from './api';
import { BriefSection } from './BriefSection';
import { ClosedRound } from './ClosedRound';
import { joinMessages } from './messages';
import { VoteRound } from './VoteRound';

/**
 * The participant's home: who they are, the open voting rounds, writing briefs, past results.
 * Kept current by the workshop's event stream: `rounds` → reload /me, `results` → the visible tallies.
 */
export function ParticipantHome({ code, home }: { code: string; home: JoinHome }) {
  const t = useT(joinMessages);
  const qc = useQueryClient();
  // While dots are on their way, a reload of /me could show a half-done state: reload once they are through.
  const busy = useRef(new Set<string>());
  const reloadWhenIdle = useRef(false);

  const reload = useCallback(() => {
    if (busy.current.size > 0) reloadWhenIdle.current = true;
    else void qc.invalidateQueries({ queryKey: joinKeys.meAll(code) });
  }, [qc, code]);

  const stream = useEventStream(`/api/v1/join/${encodeURIComponent(code)}/events`, {
    rounds: reload,
    results: (data) => {
      const res = parseEvent<RoundResults>(data);
      if (res) qc.setQueriesData<JoinHome>({ queryKey: joinKeys.meAll(code) }, (h) => withResults(h, res));
    },
  });

  const onServer = useCallback(
    (r: MyRound) => qc.setQueriesData<JoinHome>({ queryKey: joinKeys.meAll(code) }, (h) => withRound(h, r)),
    [qc, code],
  );
  const onBusy = useCallback(
    (roundId: string, isBusy: boolean) => {
      if (isBusy) busy.current.add(roundId);
      else busy.current.delete(roundId);
      if (!isBusy && busy.current.size === 0 && reloadWhenIdle.current) {
        reloadWhenIdle.current = false;
        void qc.invalidateQueries({ queryKey: joinKeys.meAll(code) });
      }
    },
    [qc, code],
  );

  const p = home.participant;
  const group = home.workshop.groups.find((g) => g.id === p.groupId);
  const ended = home.workshop.ended;
  // A finished workshop takes no dots or briefs: a round left open shows only its results.
  const open = ended ? [] : home.rounds.filter((r) => r.round.status === 'open');
  const closed = home.rounds.filter((r) => r.round.status === 'closed' || (ended && r.round.status === 'open')).reverse();
  return (
    <>
      <h1 className="join-title">{home.workshop.title}</h1>
      <p className="join-me">
        <strong>{t('hello', { name: p.name })}</strong> · {group ? t('yourGroup', { group: group.name }) : t('noGroupYet')}
      </p>
      <div role="status" className="join-conn-wrap">
        {stream === 'reconnecting' && <p className="join-conn">{t('reconnecting')}</p>}
      </div>
      {ended ? (
        <div className="alert info" role="status">{t('endedHome')}</div>
      ) : (
        <>
          <section aria-labelledby="join-voting" className="join-section">
            <h2 id="join-voting">{t('votingTitle')}</h2>
            {open.length === 0 && <p className="join-card muted">{t('noOpenRound')}</p>}
            {open.map((r) => (
              <VoteRound key={r.round.id} code={code} mine={r} onServer={onServer} onBusy={onBusy} onReload={reload} />
            ))}
          </section>
          <BriefSection code={code} groupName={group?.name ?? null} />
        </>
      )}
      {closed.length > 0 && (
        <section aria-labelledby="join-results" className="join-section">
          <h2 id="join-results">{t('closedRounds')}</h2>
          {closed.map((r) => <ClosedRound key={r.round.id} mine={r} />)}
        </section>
      )}
    </>
  );
}
