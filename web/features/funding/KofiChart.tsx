import { useId } from 'react';
import { ChartTable, useChartWidth } from '../../components/chart';
import { ScrollTable } from '../../components/ui';
import { useFormat, useLocale, useT } from '../../i18n/i18n';
import { LEVELS, type Level } from '../../../domain/financing';
import type { Kofi } from '../../../contract/funding';
import { PLAN_LEVEL_LABELS } from './labels';
import { kofiMessages as messages } from './kofiMessages';

const HEIGHT = 280;
const TOP = 24;
const BOTTOM = 28;
const LEFT = 76;

/** Fill of each level: colour plus a pattern for two of them, so neighbours differ without colour too. */
export function LevelFill({ level, id }: { level: Level; id: string }) {
  if (level === 'state')
    return (
      <pattern id={id} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" className="lv-fill-state-bg" />
        <rect width="3" height="6" className="lv-fill-state" />
      </pattern>
    );
  if (level === 'third_party')
    return (
      <pattern id={id} width="5" height="5" patternUnits="userSpaceOnUse">
        <rect width="5" height="5" className="lv-fill-third-bg" />
        <circle cx="2.5" cy="2.5" r="1.3" className="lv-fill-third" />
      </pattern>
    );
  return null;
}

/** A "nice" step for about four grid lines: 1, 2, 2.5 or 5 × 10ⁿ. */
function niceStep(max: number) {
  const raw = Math.max(max, 1) / 4;
  const p = 10 ** Math.floor(Math.log10(raw));
  return ([1, 2, 2.5, 5, 10].find((m) => m * p >= raw) ?? 10) * p;
}

/**
 * Stacked bars of the KoFi sums: one bar per year, one segment per level (EU, Bund, Land, Kommune,
 * Dritte). Inline SVG with role="img" and a label carrying the totals, a legend, and the same numbers
 * as a table behind a toggle (ChartTable; always printed).
 */
export function KofiChart({ data }: { data: Kofi }) {
  const t = useT(messages);
  const fmt = useFormat();
  const { locale } = useLocale();
  const uid = useId().replace(/:/g, '');
  const years = data.years;
  const [ref, width] = useChartWidth(640, 280, years.length > 0);
  if (!years.length) return <p className="muted">{t('chartEmpty')}</p>;

  const compact = new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-GB', { notation: 'compact', style: 'currency', currency: 'EUR', maximumFractionDigits: 1 });
  const short = (cents: number) => compact.format(cents / 100).replace(/[\u00a0\u202f]/g, ' ');
  const yearTotal = (y: string) => LEVELS.reduce((a, l) => a + (data.sums[y]?.[l] ?? 0), 0);
  const step = niceStep(Math.max(...years.map(yearTotal)));
  const max = Math.max(step, Math.ceil(Math.max(...years.map(yearTotal)) / step) * step);
  const plotH = HEIGHT - TOP - BOTTOM;
  const plotW = width - LEFT - 8;
  const slot = plotW / years.length;
  const barW = Math.min(56, slot * 0.6);
  const yOf = (cents: number) => TOP + plotH - (cents / max) * plotH;
  const fill = (l: Level) => (l === 'state' || l === 'third_party' ? `url(#${uid}-${l})` : undefined);
  const labelEvery = Math.max(1, Math.ceil(40 / slot));
  const ticks = Array.from({ length: Math.round(max / step) + 1 }, (_, i) => i * step);
  const label = `${t('chartLabel')}. ${years
    .map((y) => `${y}: ${fmt.money(yearTotal(y))} (${LEVELS.filter((l) => data.sums[y]?.[l]).map((l) => `${fmt.label(PLAN_LEVEL_LABELS, l)} ${fmt.money(data.sums[y][l])}`).join(', ')})`)
    .join('; ')}`;

  return (
    <div className="kofi-chart">
      <ul className="legend" aria-label={t('legend')}>
        {LEVELS.map((l) => (
          <li key={l}>
            <svg width="16" height="16" aria-hidden="true" focusable="false">
              <defs><LevelFill level={l} id={`${uid}-lg-${l}`} /></defs>
              <rect width="16" height="16" className={`lv-${l}`} fill={l === 'state' || l === 'third_party' ? `url(#${uid}-lg-${l})` : undefined} />
            </svg>
            {fmt.label(PLAN_LEVEL_LABELS, l)}
          </li>
        ))}
      </ul>
      <div ref={ref}>
        <svg width={width} height={HEIGHT} viewBox={`0 0 ${width} ${HEIGHT}`} role="img" aria-label={label}>
          <defs>{LEVELS.map((l) => <LevelFill key={l} level={l} id={`${uid}-${l}`} />)}</defs>
          {ticks.map((v) => (
            <g key={v}>
              <line x1={LEFT} x2={width - 8} y1={yOf(v)} y2={yOf(v)} className="grid" />
              <text x={LEFT - 6} y={yOf(v) + 4} textAnchor="end" className="axis">{short(v)}</text>
            </g>
          ))}
          {years.map((y, i) => {
            const x = LEFT + i * slot + (slot - barW) / 2;
            let acc = 0;
            return (
              <g key={y}>
                <title>{`${y}: ${fmt.money(yearTotal(y))}`}</title>
                {LEVELS.map((l) => {
                  const v = data.sums[y]?.[l] ?? 0;
                  if (!v) return null;
                  const y0 = yOf(acc);
                  acc += v;
                  const y1 = yOf(acc);
                  return <rect key={l} x={x} y={y1} width={barW} height={Math.max(1, y0 - y1)} className={`seg lv-${l}`} fill={fill(l)} />;
                })}
                {slot >= 72 && <text x={x + barW / 2} y={yOf(acc) - 6} textAnchor="middle" className="value">{short(yearTotal(y))}</text>}
                {i % labelEvery === 0 && <text x={x + barW / 2} y={HEIGHT - 8} textAnchor="middle" className="axis">{y}</text>}
              </g>
            );
          })}
        </svg>
      </div>
      <ChartTable>
        <ScrollTable label={t('chartTitle')}>
        <table className="data">
          <caption className="visually-hidden">{t('chartTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('year')}</th>
              {LEVELS.map((l) => <th key={l} scope="col" className="num">{fmt.label(PLAN_LEVEL_LABELS, l)}</th>)}
              <th scope="col" className="num">{t('sum')}</th>
            </tr>
          </thead>
          <tbody>
            {years.map((y) => (
              <tr key={y}>
                <th scope="row">{y}</th>
                {LEVELS.map((l) => <td key={l} className="num">{fmt.money(data.sums[y]?.[l] ?? 0)}</td>)}
                <td className="num">{fmt.money(yearTotal(y))}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </ScrollTable>
      </ChartTable>
    </div>
  );
}
