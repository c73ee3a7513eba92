import { Link } from 'react-router';
import { ScrollTable } from '../../components/ui';
import { useFormat, useLocale, useT } from '../../i18n/i18n';
import type { ScoringRoundDetail } from '../../../contract/priorities';
import { messages } from './messages';
import { num } from './queries';

/** The ranking after the reveal, with completeness and divergence flags, and every rater's scores. */
export function ResultsTable({ round }: { round: ScoringRoundDetail }) {
  const t = useT(messages);
  const { locale } = useLocale();
  const fmt = useFormat();
  const rows = [...(round.results ?? [])].sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9));
  const measure = new Map(round.measures.map((m) => [m.id, m]));
  const criterion = new Map(round.criteria.map((c) => [c.id, c.name]));
  const withDots = round.dotRound != null;
  // one lookup per cell: a round of 200 measures × 6 criteria × 20 raters has 24,000 scores
  const scoreOf = new Map(round.scores.map((s) => [`${s.measureId}:${s.criterionId}:${s.raterId}`, s]));
  const cols = {
    rank: t('colRank'), measure: t('colMeasure'), score: t('colScore'), dots: t('colDots'), combined: t('colCombined'),
    suggested: t('colSuggested'), complete: t('colComplete'), flags: t('colFlags'),
  };
  const offBallot = rows.filter((r) => r.onBallot === false).length;
  return (
    <>
      {withDots && (
        <p className="dots-rule">
          {t('dotsRule', { weight: round.dotWeight, rest: 100 - round.dotWeight })}
          {offBallot > 0 && <> <strong>{t('offBallotCount', { n: offBallot })}</strong></>}
        </p>
      )}
      <ScrollTable label={t('resultsTitle')}>
        <table className="data stack-table results">
          <caption className="visually-hidden">{t('resultsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">{cols.rank}</th>
              <th scope="col">{cols.measure}</th>
              <th scope="col" className="num">{cols.score}</th>
              {withDots && <th scope="col" className="num">{cols.dots}</th>}
              {withDots && <th scope="col" className="num">{cols.combined}</th>}
              <th scope="col">{cols.suggested}</th>
              <th scope="col">{cols.complete}</th>
              <th scope="col">{cols.flags}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const m = measure.get(r.measureId)!;
              return (
                <tr key={r.measureId} className={r.divergences.length ? 'has-divergence' : undefined}>
                  <td data-label={cols.rank} className="num">{r.rank != null ? fmt.rank(r.rank, r.tied) : t('unranked')}</td>
                  <td data-label={cols.measure} className="results-measure"><Link to={`/measures/${m.id}`}>Nr. {m.number} {m.title}</Link></td>
                  <td data-label={cols.score} className="num">{r.score == null ? <span className="muted">{t('noScore')}</span> : num(r.score, locale)}</td>
                  {withDots && (
                    <td data-label={cols.dots} className="num">
                      {r.onBallot === false ? <span className="badge off-ballot">{t('notOnBallot')}</span> : r.dots ?? 0}
                    </td>
                  )}
                  {withDots && <td data-label={cols.combined} className="num">{num(r.combined, locale)}</td>}
                  <td data-label={cols.suggested}>{r.suggestedClass ?? '–'}</td>
                  <td data-label={cols.complete}>
                    {r.incomplete
                      ? <span className="badge warn">{t('incomplete', { done: r.ratersComplete, total: r.ratersTotal })}</span>
                      : t('complete', { done: r.ratersComplete, total: r.ratersTotal })}
                  </td>
                  <td data-label={cols.flags}>
                    {r.divergences.length ? (
                      <span className="badge flagged">
                        <span aria-hidden="true">⚑ </span>{t('flagged', { n: r.divergences.length })}: {r.divergences.map((d) => `${criterion.get(d.criterionId)} (${d.min}–${d.max})`).join(', ')}
                      </span>
                    ) : '–'}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollTable>
      <h3>{t('detailsTitle')}</h3>
      {rows.map((r) => {
        const m = measure.get(r.measureId)!;
        return (
          <details key={r.measureId} className="score-details">
            <summary>Nr. {m.number} {m.title}</summary>
            <ScrollTable label={t('detailsCaption', { measure: m.title })}>
              <table className="data">
                <caption className="visually-hidden">{t('detailsCaption', { measure: m.title })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('name')}</th>
                    {round.raters.map((u) => <th key={u.id} scope="col">{u.name}</th>)}
                  </tr>
                </thead>
                <tbody>
                  {round.criteria.map((c) => {
                    const flagged = r.divergences.some((d) => d.criterionId === c.id);
                    return (
                      <tr key={c.id} className={flagged ? 'has-divergence' : undefined}>
                        <th scope="row">{flagged && <span aria-hidden="true">⚑ </span>}{c.name}</th>
                        {round.raters.map((u) => {
                          const s = scoreOf.get(`${r.measureId}:${c.id}:${u.id}`);
                          return <td key={u.id}>{s ? <>{s.value}{s.comment && <div className="muted small">{s.comment}</div>}</> : '–'}</td>;
                        })}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </ScrollTable>
          </details>
        );
      })}
    </>
  );
}
