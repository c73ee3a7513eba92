import { useEffect, useState } from 'react';
import { ApiError } from '../../api/client';
import { useLocale, useT } from '../../i18n/i18n';
import type { MyRound } from '../../../contract/workshops';
import { checkPlacement, checkRemoval, maxDotsOnOneItem, remainingText } from '../../../domain/voting';
import { formatRank } from '../../../domain/format';
import { clock, secondsLeft } from '../workshops/rules';
import { useNow } from '../workshops/useLiveResults';
import { joinMessages, type JoinT } from './messages';
import { useDotQueue } from './useDotQueue';
import { markRulesSeen, rulesSeen } from './rulesSeen';

/** A refusal (from the local check or a 409) in the page's language. */
function refusalText(code: string, t: JoinT, r: MyRound['round']['rules'], onItem: number, fallback: string): string {
  const max = maxDotsOnOneItem(r);
  switch (code) {
    case 'no_dots_left':
      return r.dotsPerParticipant === 1 ? t('err_no_dots_left_one') : t('err_no_dots_left', { n: r.dotsPerParticipant });
    case 'item_max_reached':
      return max === 1 ? t('err_item_max_reached_one') : t('err_item_max_reached', { n: onItem, max });
    case 'round_closed':
      return t('err_round_closed');
    case 'no_dot_on_item':
      return t('err_no_dot_on_item');
    case 'unknown_item':
      return t('err_unknown_item');
    default:
      return fallback;
  }
}

/** From this many items on, the ballot offers a filter box. */
const LONG_BALLOT = 12;

/**
 * An open round on the participant's phone: the rules in plain words, "Noch 2 von 3 Punkten" always
 * in view, and per item big "+ Punkt" / "− Punkt" buttons with my dots as ●● and in words.
 */
export function VoteRound({
  code, mine, onServer, onBusy, onReload,
}: {
  code: string;
  mine: MyRound;
  onServer: (r: MyRound) => void;
  onBusy: (roundId: string, busy: boolean) => void;
  onReload: () => void;
}) {
  const t = useT(joinMessages);
  const { locale } = useLocale();
  const [message, setMessage] = useState('');
  const [filter, setFilter] = useState('');
  const [onlyMine, setOnlyMine] = useState(false);
  const round = mine.round;
  const rules = round.rules;
  // Open on this device's first view of the round, folded from then on (rulesSeen.ts).
  const [rulesOpen] = useState(() => !rulesSeen(round.id));
  useEffect(() => markRulesSeen(round.id), [round.id]);
  const q = useDotQueue({
    code,
    mine,
    onServer,
    onBusy,
    onRefused: (e, op) => {
      const code = e instanceof ApiError ? e.code : 'network';
      setMessage(refusalText(code, t, rules, mine.myDots[op.itemId] ?? 0, e instanceof Error ? e.message : String(e)));
      onReload();
    },
  });
  const now = useNow(round.closesAt != null);
  const left = secondsLeft(round.closesAt, now);
  const open = round.status === 'open' && (left == null || left > 0);
  const max = maxDotsOnOneItem(rules);
  const placed = rules.dotsPerParticipant - q.remaining;

  function tap(kind: 'place' | 'remove', itemId: string) {
    const onItem = q.dots[itemId] ?? 0;
    const refusal =
      kind === 'place'
        ? checkPlacement(rules, { placedTotal: placed, placedOnItem: onItem, roundOpen: open, itemExists: true })
        : checkRemoval({ placedOnItem: onItem, roundOpen: open });
    if (refusal) return setMessage(refusalText(refusal.code, t, rules, onItem, refusal.message));
    setMessage('');
    q.enqueue(kind, itemId);
  }

  const items = [...round.items].sort((a, b) => a.position - b.position);
  // A long ballot (e.g. 43 briefs) gets a filter box; the dots of hidden items still count.
  const long = items.length > LONG_BALLOT;
  const needle = filter.trim().toLocaleLowerCase(locale);
  const shown = long && (needle || onlyMine)
    ? items.filter((i) => (!needle || i.label.toLocaleLowerCase(locale).includes(needle)) && (!onlyMine || (q.dots[i.id] ?? 0) > 0))
    : items;
  const rows = new Map((mine.results?.visible ? mine.results.rows : []).map((r) => [r.itemId, r]));
  const headingId = `vote-${round.id}`;
  return (
    <article className="join-card vote" aria-labelledby={headingId}>
      <h3 id={headingId}>{round.title}</h3>
      <details className="vote-rules" open={rulesOpen}>
        <summary>{t('rules')}</summary>
        <ul>{mine.rulesText.map((s) => <li key={s}>{s}</li>)}</ul>
      </details>
      <div className="vote-bar">
        <p className="vote-remaining" aria-live="polite" aria-atomic="true">
          {remainingText(q.remaining, rules.dotsPerParticipant, locale)}
        </p>
        {left != null && <p className="vote-timer">{left > 0 ? t('timeLeft', { time: clock(left) }) : t('timeUp')}</p>}
        <div role="alert" className="vote-alert">{message && <p className="alert error">{message}</p>}</div>
        <div role="status">{q.retrying && <p className="alert warn">{t('retrying')}</p>}</div>
      </div>
      {mine.results && !mine.results.visible && (
        <p className="muted">{t('hiddenResults')} {t('votersCount', { voters: mine.results.voters, eligible: mine.results.eligible })}</p>
      )}
      {long && (
        <div className="vote-filter">
          <label htmlFor={`${headingId}-filter`}>{t('ballotFilter')}</label>
          <input id={`${headingId}-filter`} type="search" value={filter} autoComplete="off" onChange={(e) => setFilter(e.target.value)} />
          <label className="vote-only-mine">
            <input type="checkbox" checked={onlyMine} onChange={(e) => setOnlyMine(e.target.checked)} /> {t('ballotOnlyMine')}
          </label>
          <p className="muted" role="status">{t('ballotShown', { n: shown.length, total: items.length })}</p>
        </div>
      )}
      <ul className="vote-items">
        {shown.map((item) => {
          const n = q.dots[item.id] ?? 0;
          const sending = q.sending[item.id] ?? 0;
          const row = rows.get(item.id);
          const canPlace = open && q.remaining > 0 && n < max;
          const canRemove = open && n > 0;
          return (
            <li key={item.id} className={`vote-item ${n > 0 ? 'has-dots' : ''}`}>
              <p className="vote-label">{item.label}</p>
              <p className="vote-mine">
                {n > 0 && (
                  <span className="vote-dots" aria-hidden="true">
                    {Array.from({ length: n }, (_, i) => <span key={i} className={i >= n - sending ? 'dot pending' : 'dot'}>●</span>)}
                  </span>
                )}
                <span>{n === 0 ? t('myDotsNone') : n === 1 ? t('myDotsOne') : t('myDotsMany', { n })}</span>
                {sending > 0 && <span className="muted"> ({t('sending')})</span>}
              </p>
              {mine.results?.visible && (
                <p className="vote-tally">{!row || row.dots === 0 ? t('tallyNone') : row.dots === 1 ? t('tallyOne', { rank: formatRank(row.rank, row.tied, locale) }) : t('tally', { n: row.dots, rank: formatRank(row.rank, row.tied, locale) })}</p>
              )}
              <div className="vote-buttons">
                <button type="button" className="btn vote-btn" aria-disabled={!canRemove} onClick={() => tap('remove', item.id)}>
                  {t('minus')}<span className="visually-hidden">: {item.label}</span>
                </button>
                <button type="button" className="btn primary vote-btn" aria-disabled={!canPlace} onClick={() => tap('place', item.id)}>
                  {t('plus')}<span className="visually-hidden">: {item.label}</span>
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </article>
  );
}
