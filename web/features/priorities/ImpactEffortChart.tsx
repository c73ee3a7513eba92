import { useState } from 'react';
import { ScrollTable } from '../../components/ui';
import { useLocale, useT } from '../../i18n/i18n';
import type { ScoringRoundDetail } from '../../../contract/priorities';
import { messages } from './messages';
import { num } from './queries';

const W = 560;
const H = 400;
const PAD = { left: 56, right: 20, top: 20, bottom: 52 };
const x = (effort: number) => PAD.left + (effort / 100) * (W - PAD.left - PAD.right);
const y = (impact: number) => H - PAD.bottom - (impact / 100) * (H - PAD.top - PAD.bottom);

/**
 * Impact (up) against effort (right) as an SVG scatter. Each point is focusable and named, its label
 * is always drawn (the measure's number); on hover or keyboard focus a tooltip shows the measure's
 * full title and values (HTML over the chart, so long titles wrap). The same values stand in a table
 * beside the chart (below it on a narrow screen); hovering or focusing a row marks its point.
 */
export function ImpactEffortChart({ round }: { round: ScoringRoundDetail }) {
  const t = useT(messages);
  const { locale } = useLocale();
  const [active, setActive] = useState<string | null>(null);
  const measure = new Map(round.measures.map((m) => [m.id, m]));
  const points = (round.results ?? [])
    .filter((r) => r.impact != null && r.effort != null)
    .map((r) => ({ ...r, m: measure.get(r.measureId)!, cx: x(r.effort!), cy: y(r.impact!) }));
  const ticks = [0, 25, 50, 75, 100];
  // Measures on the same spot share one label ("2, 7"), drawn by the first of them, so numbers never overprint.
  const spot = (p: { cx: number; cy: number }) => `${Math.round(p.cx / 4)}:${Math.round(p.cy / 4)}`;
  const labels = new Map<string, string>();
  for (const p of points) labels.set(spot(p), labels.has(spot(p)) ? `${labels.get(spot(p))}, ${p.m.number}` : String(p.m.number));
  const labelled = new Set<string>();
  const activePoint = points.find((p) => p.measureId === active);

  return (
    <section aria-labelledby="chart-h" className="card">
      <h2 id="chart-h">{t('chartTitle')}</h2>
      <p className="muted">{t('chartIntro')}</p>
      {points.length === 0 ? (
        <p className="muted">{t('chartEmpty')}</p>
      ) : (
        <>
          <div className="chart-layout">
            <div className="chart-box">
              <svg className="impact-chart" viewBox={`0 0 ${W} ${H}`} role="group" aria-label={t('chartLabel')}>
                {/* quadrants: top left is the sweet spot */}
                <rect x={x(0)} y={y(100)} width={x(50) - x(0)} height={y(50) - y(100)} className="quadrant-best" />
                {ticks.map((v) => (
                  <g key={v} aria-hidden="true">
                    <line x1={x(v)} x2={x(v)} y1={y(0)} y2={y(100)} className={v === 50 ? 'mid' : 'grid'} />
                    <line x1={x(0)} x2={x(100)} y1={y(v)} y2={y(v)} className={v === 50 ? 'mid' : 'grid'} />
                    <text x={x(v)} y={y(0) + 18} textAnchor="middle" className="tick">{v}</text>
                    <text x={x(0) - 8} y={y(v) + 4} textAnchor="end" className="tick">{v}</text>
                  </g>
                ))}
                <text x={(x(0) + x(100)) / 2} y={H - 10} textAnchor="middle" className="axis-label" aria-hidden="true">{t('chartEffort')} →</text>
                <text x={16} y={(y(0) + y(100)) / 2} textAnchor="middle" className="axis-label" transform={`rotate(-90 16 ${(y(0) + y(100)) / 2})`} aria-hidden="true">
                  {t('chartImpact')} →
                </text>
                {points.map((p) => {
                  const label = t('chartPoint', { measure: `Nr. ${p.m.number} ${p.m.title}`, impact: num(p.impact, locale), effort: num(p.effort, locale) });
                  const on = active === p.measureId;
                  const key = spot(p);
                  const first = !labelled.has(key);
                  labelled.add(key);
                  return (
                    <g key={p.measureId} tabIndex={0} role="img" aria-label={label} className={`point${on ? ' active' : ''}`}
                      onFocus={() => setActive(p.measureId)} onBlur={() => setActive(null)}
                      onMouseEnter={() => setActive(p.measureId)} onMouseLeave={() => setActive(null)}>
                      <circle cx={p.cx} cy={p.cy} r={on ? 9 : 7} />
                      {first && <text x={p.cx + 11} y={p.cy + 4} className="point-label">{labels.get(key)}</text>}
                    </g>
                  );
                })}
              </svg>
              {activePoint && (
                // the accessible name of the point already says this; the tooltip is for the eye
                <div className={`chart-tip${activePoint.cx > W / 2 ? ' left' : ''}${activePoint.cy < H / 3 ? ' below' : ''}`} aria-hidden="true" data-testid="chart-tip"
                  style={{ left: `${(activePoint.cx / W) * 100}%`, top: `${(activePoint.cy / H) * 100}%` }}>
                  <strong>Nr. {activePoint.m.number} {activePoint.m.title}</strong>
                  <span>{t('chartImpact')} {num(activePoint.impact, locale)} · {t('chartEffort')} {num(activePoint.effort, locale)}</span>
                </div>
              )}
            </div>
            <ScrollTable label={t('chartTable')}>
              <table className="data chart-values">
                <caption>{t('chartTable')}</caption>
                <thead>
                  <tr><th scope="col">{t('colMeasure')}</th><th scope="col" className="num">{t('chartImpact')}</th><th scope="col" className="num">{t('chartEffort')}</th></tr>
                </thead>
                <tbody>
                  {points.map((p) => (
                    <tr key={p.measureId} className={active === p.measureId ? 'active' : undefined}
                      onMouseEnter={() => setActive(p.measureId)} onMouseLeave={() => setActive(null)}>
                      <th scope="row">Nr. {p.m.number} {p.m.title}</th>
                      <td className="num">{num(p.impact, locale)}</td>
                      <td className="num">{num(p.effort, locale)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          </div>
        </>
      )}
    </section>
  );
}
