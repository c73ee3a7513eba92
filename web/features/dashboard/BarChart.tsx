import { Link, useNavigate } from 'react-router';
import { ChartTable, useChartWidth } from '../../components/chart';
import { useFormat, useT } from '../../i18n/i18n';
import { messages } from './messages';

export interface BarDatum {
  key: string;
  label: string;
  count: number;
  costCents: number;
  /** where a click on the bar (and the table's link) leads, e.g. /measures?status=done */
  href?: string;
}

export type Metric = 'count' | 'cost';

const ROW = 46;
const BAR_Y = 22;
const BAR_H = 16;
const CHAR_W = 7.6; // average width of a 14px system-ui glyph, for truncating labels

const truncate = (s: string, maxChars: number) =>
  s.length <= maxChars ? s : `${s.slice(0, Math.max(1, maxChars - 1)).trimEnd()}…`;

/**
 * A horizontal bar chart as inline SVG (role="img" with a label that carries the values), plus a
 * data table with the same numbers and links behind a toggle (ChartTable).
 */
export function BarChart({ title, data, metric }: { title: string; data: BarDatum[]; metric: Metric }) {
  const t = useT(messages);
  const f = useFormat();
  const navigate = useNavigate();
  const [wrapRef, width] = useChartWidth(360, 200, data.length > 0);

  if (!data.length) return <p className="muted">{t('noData')}</p>;

  const value = (d: BarDatum) => (metric === 'count' ? d.count : d.costCents);
  const max = Math.max(1, ...data.map(value));
  const countText = (n: number) => (n === 1 ? t('measures1') : t('measuresN', { n }));
  const valueText = (d: BarDatum) => (metric === 'count' ? `${d.count} · ${f.money(d.costCents)}` : `${f.money(d.costCents)} · ${d.count}`);
  const height = data.length * ROW;

  const metricName = metric === 'count' ? t('metricCount') : t('metricCost');
  const values =
    data.length <= 12
      ? data.map((d) => t('chartValues', { label: d.label, count: countText(d.count), cost: f.money(d.costCents) })).join('; ')
      : t('chartSeeTable');
  const ariaLabel = `${t('chartLabel', { title, metric: metricName })}. ${values}`;

  return (
    <div className="barchart">
      <div ref={wrapRef}>
        <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={ariaLabel}>
          {data.map((d, i) => {
            const y = i * ROW;
            const v = valueText(d);
            const labelChars = Math.floor((width - v.length * CHAR_W - 12) / CHAR_W);
            const w = value(d) > 0 ? Math.max(3, (value(d) / max) * width) : 0;
            return (
              <g
                key={d.key}
                className={d.href ? 'bar-hit' : undefined}
                onClick={d.href ? () => navigate(d.href!) : undefined}
              >
                <title>{`${d.label}: ${countText(d.count)}, ${f.money(d.costCents)}`}</title>
                {d.href && <rect x={0} y={y} width={width} height={ROW - 4} fill="transparent" />}
                <text x={0} y={y + 15}>{truncate(d.label, labelChars)}</text>
                <text x={width} y={y + 15} textAnchor="end" className="value">{v}</text>
                <rect className="bar-bg" x={0} y={y + BAR_Y} width={width} height={BAR_H} rx={3} />
                {w > 0 && <rect className="bar" x={0} y={y + BAR_Y} width={w} height={BAR_H} rx={3} />}
              </g>
            );
          })}
        </svg>
      </div>
      <ChartTable>
        <div className="table-wrap">
          <table className="data">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('category')}</th>
                <th scope="col" className="num">{t('count')}</th>
                <th scope="col" className="num">{t('cost')}</th>
              </tr>
            </thead>
            <tbody>
              {data.map((d) => (
                <tr key={d.key}>
                  <th scope="row">{d.href ? <Link to={d.href}>{d.label}</Link> : d.label}</th>
                  <td className="num">{d.count}</td>
                  <td className="num">{f.money(d.costCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </ChartTable>
    </div>
  );
}
