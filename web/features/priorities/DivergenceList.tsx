import { useT } from '../../i18n/i18n';
import type { ScoringRoundDetail } from '../../../contract/priorities';
import { messages } from './messages';

/**
 * Measure × criterion pairs where raters differ by more than 2 points. Before the reveal only the
 * coordinator sees this list, and without values; afterwards everyone, with the range of scores.
 */
export function DivergenceList({ round }: { round: ScoringRoundDetail }) {
  const t = useT(messages);
  const measure = new Map(round.measures.map((m) => [m.id, `Nr. ${m.number} ${m.title}`]));
  const criterion = new Map(round.criteria.map((c) => [c.id, c.name]));
  const ranges = new Map(
    (round.results ?? []).flatMap((r) => r.divergences.map((d) => [`${r.measureId}:${d.criterionId}`, d] as const)),
  );
  return (
    <section aria-labelledby="div-h" className="card divergences">
      <h2 id="div-h">
        <span aria-hidden="true" className="flag">⚑</span> {t('divergenceTitle')}
      </h2>
      {round.divergences.length === 0 ? (
        <p className="muted">{t('divergenceNone')}</p>
      ) : (
        <>
          <p>{t('divergenceIntro')}</p>
          <ul>
            {round.divergences.map((d) => {
              const range = ranges.get(`${d.measureId}:${d.criterionId}`);
              const vars = { measure: measure.get(d.measureId) ?? '', criterion: criterion.get(d.criterionId) ?? '' };
              return (
                <li key={`${d.measureId}:${d.criterionId}`} className="divergence-item">
                  {range ? t('divergenceRange', { ...vars, min: range.min, max: range.max }) : t('divergenceItem', vars)}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
