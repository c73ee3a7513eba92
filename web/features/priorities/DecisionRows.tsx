import { ScrollTable } from '../../components/ui';
import { useFormat, useT } from '../../i18n/i18n';
import { HORIZON_LABELS, PRIORITY_LABELS, STATUS_LABELS } from '../../../domain/labels';
import { classDeviation } from '../../../domain/scoring';
import type { DraftItem } from '../../../domain/decision-scope';
import { HORIZONS, PRIORITIES, type Horizon, type Priority } from '../../../contract/measures';
import type { ResultRow, ScoringRoundDetail } from '../../../contract/priorities';
import { messages } from './messages';

type Measure = ScoringRoundDetail['measures'][number];
export type DecisionRow = { m: Measure; res: ResultRow | undefined; item: DraftItem };

/** "Steckbrief, ohne Klasse, mittelfristig": what a measure has before the decision. */
export function useStateText() {
  const t = useT(messages);
  const fmt = useFormat();
  return {
    status: (s: string) => fmt.label(STATUS_LABELS, s),
    priority: (p: string | null) => (p ? fmt.label(PRIORITY_LABELS, p) : t('noClass')),
    horizon: (h: string | null) => (h ? fmt.label(HORIZON_LABELS, h) : t('noHorizon')),
  };
}

/**
 * One table of the decision form. Ranked measures show rank, suggestion and departures; unranked ones
 * (ranked = false) have no preset class or horizon: the selects start at "please choose".
 */
export function DecisionRows({ id, caption, rows, ranked, errors, onChange }: {
  id: string;
  caption: string;
  rows: DecisionRow[];
  ranked: boolean;
  errors: Record<string, string>;
  onChange: (measureId: string, patch: Partial<DraftItem>) => void;
}) {
  const t = useT(messages);
  const fmt = useFormat();
  const text = useStateText();
  return (
    <ScrollTable label={caption}>
      <table className="data stack-table decision" id={id} tabIndex={-1}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('include')}</th>
            {ranked && <th scope="col" className="num">{t('colRank')}</th>}
            <th scope="col">{t('colMeasure')}</th>
            <th scope="col">{t('colNow')}</th>
            {ranked && <th scope="col">{t('colSuggested')}</th>}
            <th scope="col">{t('colClass')}</th>
            <th scope="col">{t('colHorizon')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ m, res, item }) => {
            const dev = ranked && item.priority ? classDeviation(item.priority, res?.suggestedClass ?? null) : 0;
            const name = `Nr. ${m.number} ${m.title}`;
            const error = errors[m.id];
            const errorId = `decision-row-${m.id}-error`;
            return (
              <tr key={m.id} className={dev ? `deviates deviates-${dev}` : undefined}>
                <td data-label={t('include')}>
                  <input type="checkbox" checked={item.include} aria-label={t('includeMeasure', { measure: name })}
                    aria-describedby={error ? errorId : undefined} onChange={(e) => onChange(m.id, { include: e.target.checked })} />
                </td>
                {ranked && <td data-label={t('colRank')} className="num">{res?.rank != null ? fmt.rank(res.rank, res.tied) : '–'}</td>}
                <td data-label={t('colMeasure')}>
                  {name}
                  {dev > 0 && (
                    <div className="deviation-note">
                      <span aria-hidden="true">⚠ </span>
                      {t(dev === 2 ? 'deviatesStrong' : 'deviates', { rank: res?.rank != null ? fmt.rank(res.rank, res.tied) : '–', suggested: res?.suggestedClass ?? '–' })}
                    </div>
                  )}
                  {error && <div className="error" id={errorId}>{error}</div>}
                </td>
                <td data-label={t('colNow')}>{`${text.status(m.status)}, ${text.priority(m.priority)}, ${text.horizon(m.horizon)}`}</td>
                {ranked && <td data-label={t('colSuggested')}>{res?.suggestedClass ?? '–'}</td>}
                <td data-label={t('colClass')}>
                  <select aria-label={t('classFor', { measure: name })} value={item.priority ?? ''} disabled={!item.include}
                    aria-invalid={error && !item.priority ? true : undefined}
                    onChange={(e) => onChange(m.id, { priority: (e.target.value || null) as Priority | null })}>
                    {item.priority == null && <option value="">{t('choose')}</option>}
                    {PRIORITIES.map((p) => <option key={p} value={p}>{fmt.label(PRIORITY_LABELS, p)}</option>)}
                  </select>
                </td>
                <td data-label={t('colHorizon')}>
                  <select aria-label={t('horizonFor', { measure: name })} value={item.horizon ?? ''} disabled={!item.include}
                    aria-invalid={error && !item.horizon ? true : undefined}
                    onChange={(e) => onChange(m.id, { horizon: (e.target.value || null) as Horizon | null })}>
                    {item.horizon == null && <option value="">{t('choose')}</option>}
                    {HORIZONS.map((h) => <option key={h} value={h}>{fmt.label(HORIZON_LABELS, h)}</option>)}
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollTable>
  );
}
