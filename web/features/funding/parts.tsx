import { useId } from 'react';
import { useFormat, useT } from '../../i18n/i18n';
import { BLOCKING_CODES } from '../../../domain/funding-match';
import type { FundingWindow, ProgrammeMatch } from '../../../contract/funding';
import { messages } from './messages';
import { nextDeadline } from './util';

/** Next application deadline: "15.01.2026", "laufend" or "abgelaufen (15.01.2026)". */
export function DeadlineText({ windows }: { windows: FundingWindow[] }) {
  const t = useT(messages);
  const fmt = useFormat();
  const d = nextDeadline(windows);
  if (d.kind === 'date') return <span className="nowrap">{fmt.date(d.date)}</span>;
  if (d.kind === 'rolling') return <>{t('rolling')}</>;
  return <>{t('closedSince', { date: fmt.date(d.last) })}</>;
}

/** The next deadline of a match (the server's `nextDeadline`; null = rolling unless every window is closed). */
export function MatchDeadline({ match }: { match: ProgrammeMatch }) {
  const t = useT(messages);
  const fmt = useFormat();
  if (match.nextDeadline) return <span className="nowrap">{fmt.date(match.nextDeadline)}</span>;
  if (match.against.some((r) => r.code === 'window_closed')) return <>{t('closed')}</>;
  return <>{t('rolling')}</>;
}

/** External source: opens in a new tab, says so to screen readers (the visible text stays in the name). */
export function SourceLink({ url, name, text }: { url: string; name: string; text?: string }) {
  const t = useT(messages);
  const visible = text ?? t('source');
  return (
    <a href={url} target="_blank" rel="noopener" aria-label={t('sourceLabel', { text: visible, name })}>
      {visible}
      <span aria-hidden="true"> ↗</span>
    </a>
  );
}

/** "Passung 78 von 100" with a bar; the bar is decoration, the text carries the value. */
export function ScoreMeter({ score }: { score: number }) {
  const t = useT(messages);
  const value = Math.round(Math.max(0, Math.min(100, score)));
  return (
    <span className="score">
      <meter min={0} max={100} low={34} high={67} optimum={100} value={value} aria-hidden="true" />
      <span>{t('score', { n: value })}</span>
    </span>
  );
}

const STATE_MARK: Record<ProgrammeMatch['state'], string> = { eligible: '✓', check: '?', no_fit: '–', not_eligible: '✗' };

/** The state of a match in words (kommt in Frage / prüfen / passt thematisch nicht / nicht förderfähig). */
export function StateBadge({ state }: { state: ProgrammeMatch['state'] }) {
  const t = useT(messages);
  return (
    <span className={`badge state-${state}`}>
      <span aria-hidden="true">{STATE_MARK[state]} </span>
      {t(`state_${state}`)}
    </span>
  );
}

/**
 * Reasons for (✓) and against (✗; blocking ones say "schließt aus") as two lists, and the conditions to
 * check before applying (e.g. "Fördergebiet prüfen") first, when there are any.
 */
export function Reasons({ match }: { match: ProgrammeMatch }) {
  const t = useT(messages);
  const id = useId();
  const check = match.check ?? [];
  return (
    <div className="reasons">
      {check.length > 0 && (
        <div className="reasons-check">
          <p className="reasons-title" id={`${id}-check`}>{t('reasonsCheck')}</p>
          <ul className="reason-list check" aria-labelledby={`${id}-check`}>
            {check.map((r, i) => (
              <li key={i}><span className="mark" aria-hidden="true">?</span> {r.text}</li>
            ))}
          </ul>
        </div>
      )}
      <div>
        <p className="reasons-title" id={`${id}-for`}>{t('reasonsFor')}</p>
        {match.for.length ? (
          <ul className="reason-list pro" aria-labelledby={`${id}-for`}>
            {match.for.map((r, i) => (
              <li key={i}><span className="mark" aria-hidden="true">✓</span> {r.text}</li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('none')}</p>
        )}
      </div>
      <div>
        <p className="reasons-title" id={`${id}-against`}>{t('reasonsAgainst')}</p>
        {match.against.length ? (
          <ul className="reason-list con" aria-labelledby={`${id}-against`}>
            {match.against.map((r, i) => {
              const blocking = BLOCKING_CODES.has(r.code);
              return (
                <li key={i} className={blocking ? 'blocking' : undefined}>
                  <span className="mark" aria-hidden="true">✗</span>{' '}
                  {blocking && <strong className="blocking-label">{t('blocking')}: </strong>}
                  {r.text}
                </li>
              );
            })}
          </ul>
        ) : (
          <p className="muted">{t('none')}</p>
        )}
      </div>
    </div>
  );
}
