import { ScrollTable } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import type { DecisionChange } from '../../../domain/decision-scope';
import type { ScoringRoundDetail } from '../../../contract/priorities';
import { messages } from './messages';
import { useStateText } from './DecisionRows';

/** The summary in the confirmation: every measure the decision touches, old → new, and what stays. */
export function DecisionSummary({ round, changes }: { round: ScoringRoundDetail; changes: DecisionChange[] }) {
  const t = useT(messages);
  const text = useStateText();
  const measure = new Map(round.measures.map((m) => [m.id, m]));
  const same = changes.filter((c) => !c.changes).length;
  const cell = (before: string, after: string) => (before === after ? t('unchanged', { value: after }) : t('change', { before, after }));
  return (
    <>
      <p>{t('decisionConfirmText', { n: changes.length })}</p>
      <ScrollTable label={t('summaryCaption')}>
        <table className="data decision-summary">
          <caption className="visually-hidden">{t('summaryCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('colMeasure')}</th>
              <th scope="col">{t('colStatusShort')}</th>
              <th scope="col">{t('colClass')}</th>
              <th scope="col">{t('colHorizon')}</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((c) => {
              const m = measure.get(c.measureId)!;
              return (
                <tr key={c.measureId}>
                  <th scope="row">Nr. {m.number} {m.title}</th>
                  <td>{cell(text.status(c.before.status), text.status(c.after.status))}</td>
                  <td>{cell(text.priority(c.before.priority), text.priority(c.after.priority))}</td>
                  <td>{cell(text.horizon(c.before.horizon), text.horizon(c.after.horizon))}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollTable>
      {same > 0 && <p className="muted">{t('summarySame', { n: same })}</p>}
      <p><strong>{t('summaryRest', { n: round.measures.length - changes.length })}</strong></p>
    </>
  );
}
