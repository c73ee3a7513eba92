import { ScrollTable } from '../../components/ui';
import { useFormat, useT } from '../../i18n/i18n';
import { expectedRange, expectedValue } from '../../../domain/indicators';
import type { Indicator } from '../../../contract/indicators';
import { indicatorMessages as messages } from './messages';

const W = 560;
const H = 260;
const PAD = { left: 64, right: 16, top: 16, bottom: 36 };
const DAY = 86_400_000;
const t0 = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;

/**
 * Measured values (dots joined by a line) against the target path (dashed line, or a band for a range)
 * as SVG; the same numbers stand in the table below for screen readers and for reading exact values.
 */
export function IndicatorChart({ indicator: i }: { indicator: Indicator }) {
  const t = useT(messages);
  const fmt = useFormat();
  const num = (n: number) => fmt.number(Math.round(n * 100) / 100);
  const path = { kind: i.kind, baselineValue: i.baselineValue, baselineDate: i.baselineDate, targets: i.targets };
  const dates = [i.baselineDate, ...i.targets.map((x) => x.date), ...i.values.map((v) => v.date)].sort();
  const [from, to] = [t0(dates[0]), Math.max(t0(dates[dates.length - 1]), t0(dates[0]) + 1)];
  const ys = [i.baselineValue, ...i.values.map((v) => v.value), ...i.targets.flatMap((x) => [x.value, x.min, x.max].filter((n): n is number => n != null))];
  let [lo, hi] = [Math.min(...ys), Math.max(...ys)];
  if (lo === hi) [lo, hi] = [lo - 1, hi + 1];
  const margin = (hi - lo) * 0.08;
  [lo, hi] = [lo - margin, hi + margin];
  const x = (iso: string) => PAD.left + ((t0(iso) - from) / (to - from)) * (W - PAD.left - PAD.right);
  const y = (v: number) => H - PAD.bottom - ((v - lo) / (hi - lo)) * (H - PAD.top - PAD.bottom);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((s) => lo + (hi - lo) * s);
  const years = [...new Set(dates.map((d) => d.slice(0, 4)))];
  const sortedTargets = [...i.targets].sort((a, b) => a.date.localeCompare(b.date));
  const lastDate = dates[dates.length - 1];

  let pathShape;
  if (i.kind === 'within_range') {
    const pts = [i.baselineDate, ...sortedTargets.map((s) => s.date), lastDate].filter((d, k, a) => a.indexOf(d) === k).sort();
    const ranges = pts.map((d) => ({ d, r: expectedRange(path, d) })).filter((p) => p.r);
    const top = ranges.map((p) => `${x(p.d)},${y(p.r!.max)}`);
    const bottom = ranges.reverse().map((p) => `${x(p.d)},${y(p.r!.min)}`);
    pathShape = <polygon className="band" points={[...top, ...bottom].join(' ')} />;
  } else {
    const pts = [i.baselineDate, ...sortedTargets.map((s) => s.date), lastDate].filter((d, k, a) => a.indexOf(d) === k).sort();
    pathShape = <polyline className="path" points={pts.map((d) => `${x(d)},${y(expectedValue(path, d)!)}`).join(' ')} />;
  }
  const shouldBe = (date: string) => {
    if (i.kind === 'within_range') {
      const r = expectedRange(path, date);
      return r ? `${num(r.min)}–${num(r.max)}` : '–';
    }
    const e = expectedValue(path, date);
    return e == null ? '–' : num(e);
  };
  const rows = [
    { key: 'b', date: i.baselineDate, what: t('baseline'), value: num(i.baselineValue), expected: '–' },
    ...sortedTargets.map((s) => ({ key: `t${s.date}`, date: s.date, what: t('kindTarget'), value: '–', expected: s.value != null ? num(s.value) : `${num(s.min!)}–${num(s.max!)}` })),
    ...i.values.map((v) => ({ key: v.id, date: v.date, what: t('value'), value: num(v.value), expected: shouldBe(v.date) })),
  ].sort((a, b) => a.date.localeCompare(b.date));

  return (
    <figure style={{ margin: '0.5rem 0' }}>
      <svg className="ind-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('chartLabel', { name: i.name })}>
        {ticks.map((v) => (
          <g key={v} aria-hidden="true">
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} className="grid" />
            <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" className="tick">{num(v)}</text>
          </g>
        ))}
        {years.map((yr) => {
          const d = `${yr}-01-01` < dates[0] ? dates[0] : `${yr}-01-01`;
          return <text key={yr} x={x(d)} y={H - 12} textAnchor="middle" className="tick" aria-hidden="true">{yr}</text>;
        })}
        {pathShape}
        {i.values.length > 1 && <polyline className="series" points={i.values.map((v) => `${x(v.date)},${y(v.value)}`).join(' ')} />}
        {i.values.map((v) => <circle key={v.id} className="dot" cx={x(v.date)} cy={y(v.value)} r={5} />)}
      </svg>
      <ul className="ind-legend" aria-hidden="true">
        <li>{i.kind === 'within_range' ? t('chartLegendRange') : t('chartLegendPath')}</li>
        <li>{t('chartLegendValues')}</li>
      </ul>
      <ScrollTable label={t('tableCaption', { name: i.name })}>
        <table className="data">
          <caption>{t('tableCaption', { name: i.name })}</caption>
          <thead>
            <tr><th scope="col">{t('date')}</th><th scope="col">{t('kind')}</th><th scope="col">{t('value')}{i.unit ? ` (${i.unit})` : ''}</th><th scope="col">{t('expected')}</th></tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}><th scope="row">{fmt.date(r.date)}</th><td>{r.what}</td><td>{r.value}</td><td>{r.expected}</td></tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </figure>
  );
}
