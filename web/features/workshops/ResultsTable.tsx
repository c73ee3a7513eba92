import { Fragment } from 'react';
import { ScrollTable } from '../../components/ui';
import { useFormat, useLocale, useT } from '../../i18n/i18n';
import type { RoundResults } from '../../../contract/workshops';
import { roundMessages } from './roundMessages';
import { percent } from './rules';
import { cutIndex, orderedRows } from './resultOrder';

// In their own module so that the guest's light join page (ResultBars) does not load this table and its texts.
export { cutIndex, orderedRows };

/** Rank ("2 (gleichauf)" when shared), item, dots, distinct supporters, share; the Top-N cut line as a row. */
export function ResultsTable({ results: r, caption }: { results: RoundResults; caption: string }) {
  const t = useT(roundMessages);
  const { locale } = useLocale();
  const fmt = useFormat();
  const selected = new Set(r.selectedItemIds);
  const tied = new Set(r.cutTie?.candidateItemIds ?? []);
  const cut = cutIndex(r);
  const named = r.rows.some((row) => row.voters && row.voters.length > 0);
  const cols = named ? 6 : 5;
  if (r.rows.length === 0) return <p className="muted">{t('noDotsYet')}</p>;
  return (
    <ScrollTable label={caption}>
      <table className="data ws-results">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">{t('colRank')}</th>
            <th scope="col">{t('colItem')}</th>
            <th scope="col" className="num">{t('colDots')}</th>
            <th scope="col" className="num">{t('colSupporters')}</th>
            <th scope="col" className="num">{t('colShare')}</th>
            {named && <th scope="col">{t('colVoters')}</th>}
          </tr>
        </thead>
        <tbody>
          {orderedRows(r).map((row, i) => (
            <Fragment key={row.itemId}>
              <tr className={selected.has(row.itemId) ? 'in-top' : tied.has(row.itemId) ? 'tied' : undefined}>
                <td className="num rank">{fmt.rank(row.rank, row.tied)}</td>
                <th scope="row" className="item">
                  {row.label}
                  {selected.has(row.itemId) && <span className="ws-marker top"> ✓ {t('inTopN', { n: r.topN })}</span>}
                  {tied.has(row.itemId) && <span className="ws-marker tie"> ⚠ {t('tieCandidate')}</span>}
                </th>
                <td className="num">{row.dots}</td>
                <td className="num">{row.supporters}</td>
                <td className="num">{percent(row.share, locale)}</td>
                {named && <td>{(row.voters ?? []).map((v) => `${v.name} (${v.dots})`).join(', ')}</td>}
              </tr>
              {i === cut && i < r.rows.length - 1 && (
                <tr className="cut-line">
                  <td colSpan={cols}><span>{r.cutTie ? t('tieTitle') : t('cutLine', { n: r.topN })}</span></td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
