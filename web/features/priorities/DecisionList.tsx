import { ScrollTable } from '../../components/ui';
import { useFormat, useT } from '../../i18n/i18n';
import { HORIZON_LABELS } from '../../../domain/labels';
import type { ScoringRoundDetail } from '../../../contract/priorities';
import { messages } from './messages';
import { DecisionFollowUp } from '../home/FollowUps';

/** The recorded decisions of the round, each item with the rank it had when decided. */
export function DecisionList({ round }: { round: ScoringRoundDetail }) {
  const t = useT(messages);
  const fmt = useFormat();
  const measure = new Map(round.measures.map((m) => [m.id, m]));
  return (
    <section aria-labelledby="decisions-h">
      <h2 id="decisions-h">{t('decisionsTitle')}</h2>
      {round.decisions.map((d, index) => {
        const heading = t('decisionHeading', { body: d.body, date: fmt.date(d.decidedOn) });
        return (
          <article key={d.id} className="card decision-record" aria-label={heading}>
            <h3>{heading}</h3>
            <p className="muted">{t('decisionBy', { name: d.createdByName })}{d.note ? ` – ${d.note}` : ''}</p>
            <ScrollTable label={heading}>
              <table className="data stack-table">
                <caption className="visually-hidden">{t('decisionItemsCaption', { body: d.body, date: fmt.date(d.decidedOn) })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('colMeasure')}</th>
                    <th scope="col" className="num">{t('colComputedRank')}</th>
                    <th scope="col">{t('colSuggested')}</th>
                    <th scope="col">{t('colClass')}</th>
                    <th scope="col">{t('colHorizon')}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.items.map((i) => {
                    const m = measure.get(i.measureId);
                    return (
                      <tr key={i.measureId} className={i.deviation ? `deviates deviates-${i.deviation}` : undefined}>
                        <td data-label={t('colMeasure')}>{m ? `Nr. ${m.number} ${m.title}` : i.measureId}</td>
                        <td data-label={t('colComputedRank')} className="num">{i.computedRank != null ? fmt.rank(i.computedRank, i.computedTied) : '–'}</td>
                        <td data-label={t('colSuggested')}>{i.suggestedClass ?? '–'}</td>
                        <td data-label={t('colClass')}>
                          <strong>{i.priority}</strong>{' '}
                          {i.deviation > 0 ? (
                            <span className="deviation-note"><span aria-hidden="true">⚠ </span>{t(i.deviation === 2 ? 'deviatesStrong' : 'deviates', { rank: i.computedRank != null ? fmt.rank(i.computedRank, i.computedTied) : '–', suggested: i.suggestedClass ?? '–' })}</span>
                          ) : i.suggestedClass ? <span className="muted">({t('asSuggested')})</span> : null}
                        </td>
                        <td data-label={t('colHorizon')}>{fmt.label(HORIZON_LABELS, i.horizon)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </ScrollTable>
            {/* the newest decision (they come newest first) offers the steps after it */}
            {index === 0 && <DecisionFollowUp classes={d.items.map((i) => i.priority)} />}
          </article>
        );
      })}
    </section>
  );
}
