import { useEffect, useRef, useState } from 'react';
import { useFormat, useT } from '../../i18n/i18n';
import type { RoundResults } from '../../../contract/workshops';
import { cutIndex, orderedRows } from './resultOrder';
import { resultBarsMessages } from './resultBarsMessages';
import './bars.css';

/**
 * Horizontal bars by rank (CSS widths, so they animate smoothly), with rank labels, dot counts and
 * the Top-N cut line. The list is the accessible form; the bars are decoration.
 */
/** "5 (gleichauf)" in the narrow rank column: the number large, the word small below it. */
function RankText({ text }: { text: string }) {
  const at = text.indexOf(' ');
  if (at < 0) return <>{text}</>;
  return <>{text.slice(0, at)} <span className="bar-tied">{text.slice(at + 1)}</span></>;
}

export function ResultBars({ results: r, className = '' }: { results: RoundResults; className?: string }) {
  const t = useT(resultBarsMessages);
  const fmt = useFormat();
  const max = Math.max(1, ...r.rows.map((x) => x.dots));
  const cut = cutIndex(r);
  const tied = new Set(r.cutTie?.candidateItemIds ?? []);
  const selected = new Set(r.selectedItemIds);
  if (r.rows.length === 0) return <p className="bars-empty">{t('noDotsYet')}</p>;
  const tie = r.cutTie && !r.decision ? r.cutTie : null;
  return (
    <>
      <ol className={`bars ${className}`} aria-label={t('chart')}>
        {orderedRows(r).map((row, i) => (
          <li key={row.itemId} className={`${selected.has(row.itemId) ? 'in-top' : ''} ${tied.has(row.itemId) ? 'tied' : ''} ${i === cut && i < r.rows.length - 1 ? 'cut-after' : ''}`}>
            <span className="bar-rank"><span className="visually-hidden">{t('colRank')} </span><RankText text={fmt.rank(row.rank, row.tied)} /></span>
            <span className="bar-label">{row.label}</span>
            <span className="bar-track" aria-hidden="true">
              <span className="bar-fill" style={{ width: `${(row.dots / max) * 100}%` }} />
            </span>
            <span className="bar-value">
              {row.dots}<span className="visually-hidden"> {t('colDots')}</span>
            </span>
            {i === cut && i < r.rows.length - 1 && <span className="bar-cut">{tie ? t('tieTitle') : t('cutLine', { n: r.topN })}</span>}
          </li>
        ))}
      </ol>
      {tie && (
        <p className="bars-note">
          <span aria-hidden="true">⚠ </span>
          {t('tieNote', { rank: fmt.rank(tie.rank, true), n: r.topN, seats: tie.seatsLeft === 1 ? t('seatsOne') : t('seatsMany', { n: tie.seatsLeft }) })}
        </p>
      )}
    </>
  );
}

/**
 * Text for an aria-live region that changes at most every `ms` (the latest text wins), so that a
 * screen reader is not flooded by a live tally. A change of `urgentKey` is announced at once.
 */
export function useThrottledText(text: string, ms: number, urgentKey?: string) {
  const [shown, setShown] = useState(text);
  const last = useRef(0);
  const latest = useRef(text);
  const urgent = useRef(urgentKey);
  useEffect(() => {
    latest.current = text;
    // Nothing to say yet (still loading): that must not use up the first announcement.
    if (!text) return;
    const now = Date.now();
    const isUrgent = urgentKey !== urgent.current;
    urgent.current = urgentKey;
    const wait = isUrgent ? 0 : Math.max(0, last.current + ms - now);
    const id = setTimeout(() => {
      last.current = Date.now();
      setShown(latest.current);
    }, wait);
    return () => clearTimeout(id);
  }, [text, ms, urgentKey]);
  return shown;
}
