import { Fragment } from 'react';
import { useFormat, useT } from '../../i18n/i18n';
import { LEVELS, type PlanProblem, type PlanTotals } from '../../../domain/financing';
import { PLAN_LEVEL_LABELS } from './labels';
import { planMessages as messages } from './planMessages';

/**
 * The live summary of a plan: money by level, Fördermittel, Eigenanteil and Finanzierungslücke
 * (computed with domain/financing.ts, the same functions the server uses), a bar of how the cost is
 * covered, and the checks in plain words.
 */
export function PlanSummary({
  costCents,
  totals,
  problems,
  unsaved,
}: {
  costCents: number | null;
  totals: PlanTotals;
  problems: PlanProblem[];
  /** the problems are the client's check of unsaved changes, not the server's of the saved plan */
  unsaved: boolean;
}) {
  const t = useT(messages);
  const fmt = useFormat();
  const counted = LEVELS.reduce((a, l) => a + totals.byLevel[l], 0);
  const base = Math.max(costCents ?? 0, counted, 1);
  const pct = (c: number) => `${Math.max(0, (c / base) * 100)}%`;

  return (
    <div className="plan-summary">
      <h3>{t('summary')}{unsaved && <span className="muted unsaved-note"> {t('summaryUnsaved')}</span>}</h3>
      <div className="summary-grid">
        <dl className="kv summary-kv">
          <dt>{t('cost')}</dt>
          <dd className="num">{costCents == null ? t('costUnknown') : fmt.money(costCents)}</dd>
          {LEVELS.map((l) => (
            <Fragment key={l}>
              <dt><span className={`level-swatch lv-${l}`} aria-hidden="true" /> {fmt.label(PLAN_LEVEL_LABELS, l)}</dt>
              <dd className="num">{fmt.money(totals.byLevel[l])}</dd>
            </Fragment>
          ))}
          <dt className="strong">{t('funded')}</dt>
          <dd className="num strong">{fmt.money(totals.fundedCents)}</dd>
          <dt className="strong">{t('ownShare')}</dt>
          <dd className="num strong">{fmt.money(totals.ownShareCents)}</dd>
          <dt className="strong">{t('gap')}</dt>
          <dd className={`num strong ${totals.gapCents > 0 ? 'gap-open' : ''}`}>
            {fmt.money(totals.gapCents)}
            {totals.gapCents === 0 && costCents != null && counted > 0 && <span> <span aria-hidden="true">✓</span> {t('covered')}</span>}
          </dd>
        </dl>
        {costCents != null && (
          <div className="coverage" aria-hidden="true">
            <div className="coverage-bar">
              {LEVELS.map((l) => totals.byLevel[l] > 0 && (
                <span key={l} className={`seg lv-${l}`} style={{ width: pct(totals.byLevel[l]) }} title={`${fmt.label(PLAN_LEVEL_LABELS, l)}: ${fmt.money(totals.byLevel[l])}`} />
              ))}
              {totals.gapCents > 0 && <span className="seg gap" style={{ width: pct(totals.gapCents) }} title={`${t('gap')}: ${fmt.money(totals.gapCents)}`} />}
            </div>
            <p className="muted coverage-caption">{t('coverageCaption', { pct: costCents > 0 ? Math.round((Math.min(counted, costCents) / costCents) * 100) : 0 })}</p>
          </div>
        )}
      </div>
      <div className="plan-problems" aria-live="polite">
        {problems.length > 0 ? (
          <div className="alert warn">
            <p className="first"><strong>{unsaved ? t('problemsDraft') : t('problemsSaved')}</strong></p>
            <ul className="plain-list">
              {problems.map((p, i) => <li key={`${p.code}-${i}`}>{p.message}</li>)}
            </ul>
          </div>
        ) : (
          <p className="muted"><span aria-hidden="true">✓ </span>{t('noProblems')}</p>
        )}
      </div>
    </div>
  );
}
